#pragma once

// A pool of reusable objects (the seed's connection pooling, see docs/benchmarks.md,
// "Connection pooling"): preallocates `initial` objects, grows by `growthRate` of its current
// size when exhausted, up to `max`; beyond that, acquire() falls back to plain allocation and
// release() frees what the pool has no room for (it never holds more than its capacity).
// T needs `void resetForReuse()` and `bool pooledBefore`. Single-threaded (the server's thread).

#include <QVariantMap>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace SmartSocket::Internal {

template<typename T> class ObjectPool
{
public:
    struct Stats
    {
        int capacity = 0; ///< objects owned by the pool (free + in use)
        int free = 0;
        quint64 acquired = 0;
        quint64 reused = 0; ///< acquisitions served by a previously released object
        quint64 overflow = 0; ///< acquisitions beyond max: plain allocations
        int grown = 0; ///< growth steps after the initial preallocation
    };

    ObjectPool(int initial, int max, double growthRate)
        : m_max(std::max(0, max)), m_growthRate(growthRate > 0 ? growthRate : 0)
    {
        reserveMore(std::clamp(initial, 0, m_max));
    }
    ~ObjectPool()
    {
        // Objects in use when the pool dies stay valid: release() them to a live pool or delete.
        for (T *object : m_free)
            delete object;
    }
    ObjectPool(const ObjectPool &) = delete;
    ObjectPool &operator=(const ObjectPool &) = delete;

    /// A reset object (fresh or reused).
    T *acquire()
    {
        ++m_stats.acquired;
        if (m_free.empty() && m_stats.capacity < m_max) {
            // Exhausted: grow by growthRate of the current size (at least one object).
            const int step = std::max(1, int(std::ceil(m_stats.capacity * m_growthRate)));
            reserveMore(std::min(step, m_max - m_stats.capacity));
            ++m_stats.grown;
        }
        if (m_free.empty()) {
            ++m_stats.overflow;
            return new T;
        }
        T *object = m_free.back();
        m_free.pop_back();
        if (object->pooledBefore)
            ++m_stats.reused;
        return object;
    }

    /// Takes an object back: reset and kept if the pool has room, else deleted.
    void release(T *object)
    {
        if (!object)
            return;
        if (int(m_free.size()) < m_stats.capacity) {
            object->resetForReuse();
            object->pooledBefore = true;
            m_free.push_back(object);
        } else {
            delete object;
        }
    }

    Stats stats() const
    {
        Stats s = m_stats;
        s.free = int(m_free.size());
        return s;
    }
    QVariantMap statsMap() const
    {
        const Stats s = stats();
        return { { QStringLiteral("capacity"), s.capacity }, { QStringLiteral("free"), s.free },
            { QStringLiteral("max"), m_max }, { QStringLiteral("acquired"), s.acquired },
            { QStringLiteral("reused"), s.reused }, { QStringLiteral("overflow"), s.overflow },
            { QStringLiteral("grown"), s.grown } };
    }

private:
    void reserveMore(int count)
    {
        m_free.reserve(size_t(m_stats.capacity + count));
        for (int i = 0; i < count; ++i)
            m_free.push_back(new T);
        m_stats.capacity += count;
    }

    int m_max;
    double m_growthRate;
    std::vector<T *> m_free;
    Stats m_stats;
};

} // namespace SmartSocket::Internal
