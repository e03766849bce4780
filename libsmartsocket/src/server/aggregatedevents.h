#pragma once

// The `aggregatedEvents` of the admin namespace's server_stats: counts per whole second of
// connections, disconnections (by reason), packets and bytes in and out, as admin-ui 0.5's
// EventBuffer reports them. Counting is on the per-packet path, so a packet costs a coarse
// clock read and two additions; a second's totals become a list entry when the second ends.

#include <QList>
#include <QPair>
#include <QString>
#include <QVariantList>

#include <time.h>

namespace SmartSocket::Internal {

class AggregatedEvents
{
public:
    enum Counter { RawConnection, PacketsIn, PacketsOut, BytesIn, BytesOut, CounterCount };

    /// The current whole second in ms since the epoch. CLOCK_REALTIME_COARSE: a few ns, and
    /// its resolution (a few ms) is far finer than a second.
    static qint64 currentSecond()
    {
        timespec ts;
        clock_gettime(CLOCK_REALTIME_COARSE, &ts);
        return qint64(ts.tv_sec) * 1000;
    }

    void add(Counter counter, qint64 amount)
    {
        const qint64 second = currentSecond();
        if (Q_UNLIKELY(second != m_second))
            roll(second);
        m_counts[counter] += amount;
    }
    void addPackets(Counter packets, Counter bytes, qint64 count, qint64 byteCount)
    {
        const qint64 second = currentSecond();
        if (Q_UNLIKELY(second != m_second))
            roll(second);
        m_counts[packets] += count;
        m_counts[bytes] += byteCount;
    }
    void addDisconnection(const QString &reason);

    /// Every entry counted so far, the current second's included, as admin-ui sends them:
    /// [{timestamp, type, subType?, count}]; then starts afresh.
    QVariantList takeAll();
    /// Forgets everything (no admin client is left to receive it).
    void clear();

private:
    void roll(qint64 second);
    void flush();

    qint64 m_second = -1;
    qint64 m_counts[CounterCount] = {};
    QList<QPair<QString, qint64>> m_disconnections; // of m_second, by reason
    QVariantList m_done; // entries of the seconds already ended
};

} // namespace SmartSocket::Internal
