#pragma once

// Server-side event rate limiting: a sliding log per (socket, limit), see docs/ratelimiting.md.
// Pure logic with an explicit clock (nanoseconds, monotonic) so tests can drive time.

#include <smartsocket/ratelimit.h>

#include <QHash>
#include <QString>
#include <QVariantMap>

#include <memory>
#include <vector>

namespace SmartSocket::Internal {

/// The admission times of the last maxRequests admitted events, in a ring buffer.
/// An event at `now` is admitted iff fewer than maxRequests events were admitted in
/// (now - window, now]; so no interval of length `window` ever holds more than maxRequests
/// admitted events. Once the ring is full its oldest entry is the only one that decides:
/// O(1) per check. The ring grows on demand up to maxRequests entries (8 bytes each).
class SlidingWindowLog
{
public:
    /// Admits (and records) an event at `now`, or returns false and sets *retryAfter to the
    /// time until an event would be admitted.
    bool tryAcquire(qint64 now, qint64 window, int maxRequests, qint64 *retryAfter);
    /// Events that would be admitted at `now` (the current budget). O(size), for stats.
    int remaining(qint64 now, qint64 window, int maxRequests) const;
    /// Time until the next event would be admitted; 0 if one would be now.
    qint64 retryAfter(qint64 now, qint64 window, int maxRequests) const;
    void reset();
    int size() const { return int(m_ring.size()); }
    /// Heap bytes held by the ring.
    qsizetype memoryBytes() const { return qsizetype(m_ring.capacity() * sizeof(qint64)); }

private:
    std::vector<qint64> m_ring; // in admission order until full, then circular from m_head
    int m_head = 0; // the oldest entry once the ring is full
};

struct RateLimitCounters
{
    quint64 allowed = 0;
    quint64 rejected = 0;
};

/// One limit's state for one socket.
struct RateLimitBucket
{
    SlidingWindowLog log;
    RateLimit limit { 0, 0 }; // the limit the log was built for; a change restarts it
    RateLimitCounters counters;
};

/// A socket's rate-limit state, allocated on the first event the limiter looks at.
struct SocketRateLimitState
{
    RateLimitBucket global; ///< every event without an override
    std::vector<RateLimitBucket> events; ///< indexed by the override's index, grown lazily
};

/// The server's limits and its counters. Not thread-safe: the server's thread only.
class RateLimiter
{
public:
    struct Result
    {
        bool allowed = true;
        qint64 retryAfterMs = 0; ///< when refused: ms until an event would be admitted (>= 1)
    };

    /// The global per-socket limit, for events without an override; disabled when !enabled
    /// or !limit.isValid().
    void setGlobalLimit(bool enabled, RateLimit limit);
    RateLimit globalLimit() const { return m_global; }
    bool isGlobalEnabled() const { return m_globalEnabled; }
    /// Overrides the global limit for one event (an invalid limit removes the override).
    void setEventLimit(const QString &event, RateLimit limit);
    bool removeEventLimit(const QString &event);
    QHash<QString, RateLimit> eventLimits() const;
    /// Whether any limit applies: the server's one branch on its per-event path.
    bool isActive() const { return m_active; }

    /// Checks (and counts) one event of one socket at `nowNs`. `state` is allocated on first
    /// use, only when a limit applies to the event.
    Result check(std::unique_ptr<SocketRateLimitState> &state, const QString &event, qint64 nowNs);

    /// Server-wide: {enabled, window, maxRequests, allowed, rejected,
    /// limits: {"*" or event: {window, maxRequests, allowed, rejected}},
    /// events: {name: {allowed, rejected}}} (at most kMaxEventNames names, then "(other)").
    QVariantMap stats() const;
    /// One socket: {allowed, rejected, memoryBytes, limits: {"*" or event: {window,
    /// maxRequests, allowed, rejected, remaining, retryAfter}}}.
    QVariantMap socketStats(const SocketRateLimitState *state, qint64 nowNs) const;
    /// The limit check() applies to `event` (invalid when none does).
    RateLimit limitFor(const QString &event) const;
    /// The events a socket may still send at `nowNs` under limitFor(event). O(maxRequests).
    int remaining(const SocketRateLimitState *state, const QString &event, qint64 nowNs) const;
    static constexpr int kMaxEventNames = 1024;

private:
    struct EventLimit
    {
        int index = 0;
        RateLimit limit { 0, 0 };
        bool active = false;
        RateLimitCounters counters;
    };
    void count(const QString &event, bool allowed);
    void updateActive() { m_active = m_globalEnabled || m_activeOverrides > 0; }

    RateLimit m_global;
    bool m_globalEnabled = false;
    bool m_active = false;
    int m_activeOverrides = 0;
    QHash<QString, EventLimit> m_events; // an override keeps its index once created
    RateLimitCounters m_globalCounters;
    RateLimitCounters m_total;
    QHash<QString, RateLimitCounters> m_byName;
    RateLimitCounters m_otherNames;
};

} // namespace SmartSocket::Internal
