#include "aggregatedevents.h"

#include <QVariantMap>

namespace SmartSocket::Internal {

static const char *const counterNames[AggregatedEvents::CounterCount]
    = { "rawConnection", "packetsIn", "packetsOut", "bytesIn", "bytesOut" };

void AggregatedEvents::addDisconnection(const QString &reason)
{
    const qint64 second = currentSecond();
    if (second != m_second)
        roll(second);
    for (auto &entry : m_disconnections) {
        if (entry.first == reason) {
            ++entry.second;
            return;
        }
    }
    m_disconnections.append({ reason, 1 });
}

void AggregatedEvents::roll(qint64 second)
{
    flush();
    m_second = second;
}

void AggregatedEvents::flush()
{
    if (m_second < 0)
        return;
    for (int i = 0; i < CounterCount; ++i) {
        if (m_counts[i] == 0)
            continue;
        m_done.append(QVariantMap { { QStringLiteral("timestamp"), m_second },
            { QStringLiteral("type"), QString::fromLatin1(counterNames[i]) },
            { QStringLiteral("count"), m_counts[i] } });
        m_counts[i] = 0;
    }
    for (const auto &entry : std::as_const(m_disconnections)) {
        m_done.append(QVariantMap { { QStringLiteral("timestamp"), m_second },
            { QStringLiteral("type"), QStringLiteral("rawDisconnection") },
            { QStringLiteral("subType"), entry.first },
            { QStringLiteral("count"), entry.second } });
    }
    m_disconnections.clear();
}

QVariantList AggregatedEvents::takeAll()
{
    flush();
    QVariantList all;
    all.swap(m_done);
    return all;
}

void AggregatedEvents::clear()
{
    flush();
    m_done.clear();
}

} // namespace SmartSocket::Internal
