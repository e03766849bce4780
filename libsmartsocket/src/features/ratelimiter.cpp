#include "ratelimiter.h"

#include <algorithm>

namespace SmartSocket::Internal {

static constexpr qint64 kNsPerMs = 1000 * 1000;

bool SlidingWindowLog::tryAcquire(qint64 now, qint64 window, int maxRequests, qint64 *retryAfter)
{
    const size_t n = m_ring.size();
    if (n < size_t(maxRequests)) {
        // Not full: every admitted event is still within budget. Grow by doubling, but never
        // past maxRequests (std::vector's own growth could overshoot it).
        if (n == m_ring.capacity())
            m_ring.reserve(std::min(std::max<size_t>(4, n * 2), size_t(maxRequests)));
        m_ring.push_back(now);
        return true;
    }
    qint64 &oldest = m_ring[size_t(m_head)];
    if (now - oldest >= window) {
        // The oldest of the last maxRequests admissions left (now - window, now]: admit and
        // let this event take its place.
        oldest = now;
        if (++m_head == int(n))
            m_head = 0;
        return true;
    }
    if (retryAfter)
        *retryAfter = oldest + window - now;
    return false;
}

int SlidingWindowLog::remaining(qint64 now, qint64 window, int maxRequests) const
{
    const auto inWindow
        = std::count_if(m_ring.cbegin(), m_ring.cend(), [&](qint64 t) { return now - t < window; });
    return std::max(0, maxRequests - int(inWindow));
}

qint64 SlidingWindowLog::retryAfter(qint64 now, qint64 window, int maxRequests) const
{
    if (m_ring.size() < size_t(maxRequests))
        return 0;
    const qint64 oldest = m_ring[size_t(m_head)];
    return std::max<qint64>(0, oldest + window - now);
}

void SlidingWindowLog::reset()
{
    m_ring.clear();
    m_ring.shrink_to_fit();
    m_head = 0;
}

void RateLimiter::setGlobalLimit(bool enabled, RateLimit limit)
{
    m_global = limit;
    m_globalEnabled = enabled && limit.isValid();
    updateActive();
}

void RateLimiter::setEventLimit(const QString &event, RateLimit limit)
{
    if (!limit.isValid()) {
        removeEventLimit(event);
        return;
    }
    auto it = m_events.find(event);
    if (it == m_events.end()) {
        EventLimit entry;
        entry.index = int(m_events.size());
        it = m_events.insert(event, entry);
    }
    if (!it->active)
        ++m_activeOverrides;
    it->active = true;
    it->limit = limit;
    updateActive();
}

bool RateLimiter::removeEventLimit(const QString &event)
{
    auto it = m_events.find(event);
    if (it == m_events.end() || !it->active)
        return false;
    it->active = false; // the index stays reserved for this name
    --m_activeOverrides;
    updateActive();
    return true;
}

QHash<QString, RateLimit> RateLimiter::eventLimits() const
{
    QHash<QString, RateLimit> result;
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
        if (it->active)
            result.insert(it.key(), it->limit);
    }
    return result;
}

void RateLimiter::count(const QString &event, bool allowed)
{
    RateLimitCounters *counters = nullptr;
    auto it = m_byName.find(event);
    if (it != m_byName.end())
        counters = &it.value();
    else if (m_byName.size() < kMaxEventNames)
        counters = &m_byName[event];
    else
        counters = &m_otherNames; // bounded: clients choose event names
    ++(allowed ? counters->allowed : counters->rejected);
    ++(allowed ? m_total.allowed : m_total.rejected);
}

RateLimiter::Result RateLimiter::check(
    std::unique_ptr<SocketRateLimitState> &state, const QString &event, qint64 nowNs)
{
    RateLimit limit;
    RateLimitCounters *serverCounters = nullptr;
    int index = -1;
    const auto it = m_events.find(event);
    if (it != m_events.end() && it->active) {
        limit = it->limit;
        serverCounters = &it->counters;
        index = it->index;
    } else if (m_globalEnabled) {
        limit = m_global;
        serverCounters = &m_globalCounters;
    } else {
        return {}; // no limit applies: no state, no counting
    }

    if (!state)
        state = std::make_unique<SocketRateLimitState>();
    RateLimitBucket *bucket = &state->global;
    if (index >= 0) {
        if (size_t(index) >= state->events.size())
            state->events.resize(size_t(index) + 1);
        bucket = &state->events[size_t(index)];
    }
    if (bucket->limit != limit) { // first use, or the limit changed: start afresh
        bucket->log.reset();
        bucket->limit = limit;
    }

    Result result;
    qint64 retryNs = 0;
    result.allowed = bucket->log.tryAcquire(
        nowNs, qint64(limit.window) * kNsPerMs, limit.maxRequests, &retryNs);
    if (!result.allowed)
        result.retryAfterMs = std::max<qint64>(1, (retryNs + kNsPerMs - 1) / kNsPerMs);
    ++(result.allowed ? bucket->counters.allowed : bucket->counters.rejected);
    ++(result.allowed ? serverCounters->allowed : serverCounters->rejected);
    count(event, result.allowed);
    return result;
}

static QVariantMap countersMap(const RateLimitCounters &c)
{
    return { { QStringLiteral("allowed"), c.allowed }, { QStringLiteral("rejected"), c.rejected } };
}

static QVariantMap limitMap(const RateLimit &limit, const RateLimitCounters &c)
{
    QVariantMap map = countersMap(c);
    map.insert(QStringLiteral("window"), limit.window);
    map.insert(QStringLiteral("maxRequests"), limit.maxRequests);
    return map;
}

QVariantMap RateLimiter::stats() const
{
    QVariantMap limits;
    if (m_globalEnabled)
        limits.insert(QStringLiteral("*"), limitMap(m_global, m_globalCounters));
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
        if (it->active)
            limits.insert(it.key(), limitMap(it->limit, it->counters));
    }
    QVariantMap events;
    for (auto it = m_byName.cbegin(); it != m_byName.cend(); ++it)
        events.insert(it.key(), countersMap(it.value()));
    if (m_otherNames.allowed || m_otherNames.rejected)
        events.insert(QStringLiteral("(other)"), countersMap(m_otherNames));
    QVariantMap result = countersMap(m_total);
    result.insert(QStringLiteral("enabled"), m_active);
    result.insert(QStringLiteral("window"), m_global.window);
    result.insert(QStringLiteral("maxRequests"), m_globalEnabled ? m_global.maxRequests : 0);
    result.insert(QStringLiteral("limits"), limits);
    result.insert(QStringLiteral("events"), events);
    return result;
}

QVariantMap RateLimiter::socketStats(const SocketRateLimitState *state, qint64 nowNs) const
{
    RateLimitCounters total;
    qsizetype memory = 0;
    QVariantMap limits;
    const auto bucketMap = [&](const RateLimitBucket &bucket, const RateLimit &current) {
        QVariantMap map = limitMap(current, bucket.counters);
        const bool fresh = bucket.limit != current; // the next event restarts the log
        const qint64 window = qint64(current.window) * kNsPerMs;
        map.insert(QStringLiteral("remaining"),
            fresh ? current.maxRequests : bucket.log.remaining(nowNs, window, current.maxRequests));
        const qint64 retry = fresh ? 0 : bucket.log.retryAfter(nowNs, window, current.maxRequests);
        map.insert(QStringLiteral("retryAfter"), (retry + kNsPerMs - 1) / kNsPerMs);
        total.allowed += bucket.counters.allowed;
        total.rejected += bucket.counters.rejected;
        memory += bucket.log.memoryBytes();
        return map;
    };
    if (m_globalEnabled) {
        const RateLimitBucket empty;
        limits.insert(QStringLiteral("*"), bucketMap(state ? state->global : empty, m_global));
    }
    for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
        if (!it->active)
            continue;
        const RateLimitBucket empty;
        const RateLimitBucket &bucket = state && size_t(it->index) < state->events.size()
            ? state->events[size_t(it->index)]
            : empty;
        limits.insert(it.key(), bucketMap(bucket, it->limit));
    }
    QVariantMap result = countersMap(total);
    if (state)
        memory += qsizetype(
            sizeof(SocketRateLimitState) + state->events.capacity() * sizeof(RateLimitBucket));
    result.insert(QStringLiteral("memoryBytes"), memory);
    result.insert(QStringLiteral("limits"), limits);
    return result;
}

RateLimit RateLimiter::limitFor(const QString &event) const
{
    const auto it = m_events.constFind(event);
    if (it != m_events.constEnd() && it->active)
        return it->limit;
    return m_globalEnabled ? m_global : RateLimit { 0, 0 };
}

int RateLimiter::remaining(
    const SocketRateLimitState *state, const QString &event, qint64 nowNs) const
{
    const RateLimit limit = limitFor(event);
    if (!limit.isValid())
        return 0;
    const RateLimitBucket *bucket = state ? &state->global : nullptr;
    const auto it = m_events.constFind(event);
    if (state && it != m_events.constEnd() && it->active)
        bucket = size_t(it->index) < state->events.size() ? &state->events[size_t(it->index)]
                                                          : nullptr;
    if (!bucket || bucket->limit != limit) // the next event starts a fresh log
        return limit.maxRequests;
    return bucket->log.remaining(nowNs, qint64(limit.window) * kNsPerMs, limit.maxRequests);
}

} // namespace SmartSocket::Internal
