#include "statshistory.h"

namespace Inspector {

StatsHistory::StatsHistory(QObject *parent) : QObject(parent) { }

StatsHistory::Series StatsHistory::seriesForType(const QString &type, bool *ok)
{
    *ok = true;
    if (type == QLatin1String("packetsIn"))
        return PacketsIn;
    if (type == QLatin1String("packetsOut"))
        return PacketsOut;
    if (type == QLatin1String("bytesIn"))
        return BytesIn;
    if (type == QLatin1String("bytesOut"))
        return BytesOut;
    if (type == QLatin1String("rawConnection"))
        return Connections;
    if (type == QLatin1String("rawDisconnection"))
        return Disconnections;
    *ok = false;
    return SeriesCount;
}

void StatsHistory::addAggregatedEvents(const QVariantList &events)
{
    bool any = false;
    for (const QVariant &v : events) {
        const QVariantMap e = v.toMap();
        bool ok = false;
        const Series s = seriesForType(e.value(QStringLiteral("type")).toString(), &ok);
        const qint64 timestamp = e.value(QStringLiteral("timestamp")).toLongLong();
        if (!ok || timestamp <= 0)
            continue;
        m_series[s][timestamp - timestamp % 1000] += e.value(QStringLiteral("count")).toDouble();
        any = true;
    }
    if (any) {
        trim();
        Q_EMIT changed();
    }
}

void StatsHistory::addCount(Series series, const QDateTime &time, double count)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    m_series[series][ms - ms % 1000] += count;
    trim();
    Q_EMIT changed();
}

void StatsHistory::setClients(const QDateTime &time, int clients)
{
    const qint64 ms = time.toMSecsSinceEpoch();
    m_series[Clients][ms - ms % 1000] = clients;
    trim();
    Q_EMIT changed();
}

void StatsHistory::clear()
{
    for (auto &s : m_series)
        s.clear();
    Q_EMIT changed();
}

qint64 StatsHistory::latestSecond() const
{
    qint64 latest = 0;
    for (const auto &s : m_series) {
        if (!s.isEmpty())
            latest = qMax(latest, s.lastKey());
    }
    return latest;
}

void StatsHistory::trim()
{
    const qint64 oldest = latestSecond() - qint64(m_maxSeconds) * 1000;
    for (auto &s : m_series) {
        while (!s.isEmpty() && s.firstKey() < oldest)
            s.erase(s.begin());
    }
}

} // namespace Inspector
