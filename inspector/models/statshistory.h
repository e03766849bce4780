#pragma once

#include <QDateTime>
#include <QMap>
#include <QObject>
#include <QString>
#include <QVariantList>

namespace Inspector {

/// Time series for the dashboard, one sample per second: connected clients and, from the
/// servers' aggregatedEvents (or counted by the client session in client mode), packets
/// and bytes in and out, connections, disconnections and rate-limit rejections. Keeps the
/// last maxSeconds() seconds.
class StatsHistory : public QObject
{
    Q_OBJECT
public:
    enum Series {
        Clients,
        PacketsIn,
        PacketsOut,
        BytesIn,
        BytesOut,
        Connections,
        Disconnections,
        RateLimited,
        SeriesCount
    };

    explicit StatsHistory(QObject *parent = nullptr);

    /// Adds one server's aggregatedEvents: [{timestamp (ms, whole second), type, subType, count}].
    void addAggregatedEvents(const QVariantList &events);
    /// Adds `count` to a series in the second holding `time` (client mode, rejections).
    void addCount(Series series, const QDateTime &time, double count = 1);
    /// Records the current number of clients (summed over servers) at `time`.
    void setClients(const QDateTime &time, int clients);
    void clear();

    /// Samples of a series: second (ms since epoch) → value, oldest first.
    QMap<qint64, double> series(Series series) const { return m_series[series]; }
    /// Latest whole second with data in any series; 0 when empty.
    qint64 latestSecond() const;
    int maxSeconds() const { return m_maxSeconds; }
    void setMaxSeconds(int seconds) { m_maxSeconds = seconds; }
    static Series seriesForType(const QString &type, bool *ok);

Q_SIGNALS:
    void changed();

private:
    void trim();
    QMap<qint64, double> m_series[SeriesCount];
    int m_maxSeconds = 600;
};

} // namespace Inspector
