#include "acktracker.h"

#include <QDeadlineTimer>
#include <QPointer>

#include <vector>

namespace SmartSocket::Internal {

static qint64 nowMs()
{
    return QDeadlineTimer::current().deadline();
}

// The timer is a child so that it follows the owner to another thread (moveToThread).
AckTracker::AckTracker(QObject *parent) : QObject(parent), m_timer(this)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AckTracker::onTimeout);
}

AckTracker::~AckTracker() = default;

qint64 AckTracker::add(AckCallback callback, int timeoutMs)
{
    const qint64 id = m_nextId++;
    Entry entry;
    entry.callback = std::move(callback);
    entry.timeoutMs = timeoutMs;
    if (timeoutMs > 0) {
        entry.deadline = nowMs() + timeoutMs;
        m_deadlines.emplace(entry.deadline, id);
    }
    m_pending.insert(id, std::move(entry));
    rearm();
    return id;
}

static void eraseDeadline(std::multimap<qint64, qint64> &deadlines, qint64 deadline, qint64 id)
{
    auto range = deadlines.equal_range(deadline);
    for (auto it = range.first; it != range.second; ++it) {
        if (it->second == id) {
            deadlines.erase(it);
            return;
        }
    }
}

std::optional<AckTracker::Entry> AckTracker::take(qint64 id)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return std::nullopt;
    Entry entry = std::move(it.value());
    m_pending.erase(it);
    if (entry.deadline)
        eraseDeadline(m_deadlines, entry.deadline, id);
    rearm();
    return entry;
}

bool AckTracker::resolve(qint64 id, const QVariantList &args)
{
    std::optional<Entry> entry = take(id);
    if (entry && entry->callback)
        entry->callback(AckResult::ok(args));
    return entry.has_value();
}

bool AckTracker::fail(qint64 id, AckResult::Status status, const QString &message)
{
    std::optional<Entry> entry = take(id);
    if (entry && entry->callback)
        entry->callback(AckResult::failure(status, message));
    return entry.has_value();
}

void AckTracker::failAll(AckResult::Status status, const QString &message)
{
    // Take everything first: a callback may emit again and add new entries.
    QHash<qint64, Entry> pending;
    pending.swap(m_pending);
    m_deadlines.clear();
    m_timer.stop();
    std::map<qint64, AckCallback> ordered; // fail in emission order
    for (auto it = pending.begin(); it != pending.end(); ++it)
        ordered.emplace(it.key(), std::move(it.value().callback));
    for (auto &[id, callback] : ordered) {
        Q_UNUSED(id);
        if (callback)
            callback(AckResult::failure(status, message));
    }
}

void AckTracker::onTimeout()
{
    // Take the expired entries out first: a callback may emit (adding entries) or even
    // destroy this tracker (its owner deleted from inside the callback).
    const qint64 now = nowMs();
    std::vector<Entry> expired;
    while (!m_deadlines.empty() && m_deadlines.begin()->first <= now) {
        const qint64 id = m_deadlines.begin()->second;
        m_deadlines.erase(m_deadlines.begin());
        auto it = m_pending.find(id);
        if (it == m_pending.end())
            continue;
        expired.push_back(std::move(it.value()));
        m_pending.erase(it);
    }
    rearm();
    QPointer<AckTracker> alive(this);
    for (Entry &entry : expired) {
        if (entry.callback)
            entry.callback(AckResult::failure(AckResult::Status::Timeout,
                QStringLiteral("ack timeout after %1 ms").arg(entry.timeoutMs)));
        if (!alive)
            return; // the rest are dropped with their owner, as failAll() would have done
    }
}

void AckTracker::rearm()
{
    if (m_deadlines.empty()) {
        m_timer.stop();
        return;
    }
    const qint64 wait = qMax<qint64>(0, m_deadlines.begin()->first - nowMs());
    m_timer.start(int(qMin<qint64>(wait, 24 * 3600 * 1000)));
}

} // namespace SmartSocket::Internal
