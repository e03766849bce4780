#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QVariantList>

namespace Inspector {

/// Acknowledgements: requests with their reply or timeout and the round trip. In admin mode
/// they come from the server's `smartsocket:ack` events (docs/inspector-protocol.md); in
/// client mode from our own emits with an ack (a row appears as pending and is completed).
/// Keeps at most capacity() rows (oldest dropped).
class AcksModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        NamespaceColumn,
        SocketColumn,
        EventColumn,
        AckIdColumn,
        DirectionColumn,
        StatusColumn,
        LatencyColumn,
        ReplyColumn,
        ColumnCount
    };
    enum Role { StatusRole = Qt::UserRole + 1, LatencyRole, ReplyRole };

    enum class Status { Pending, Ok, Timeout, Error };

    struct Ack
    {
        QDateTime time;
        QString nsp;
        QString socketId;
        QString event;
        qint64 ackId = -1;
        /// "in": the peer asked the server (server answers); "out": the server asked the peer.
        /// In client mode: "out" for our requests.
        QString direction;
        Status status = Status::Pending;
        double latencyMs = -1;
        QVariantList reply;
        QString error;
    };

    explicit AcksModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Adds a row; returns a handle for complete() (stays valid while the row exists).
    quint64 add(const Ack &ack);
    /// Adds a settled ack from a `smartsocket:ack` payload; false when it is malformed.
    bool addFromVariant(const QVariant &payload);
    /// Completes a pending row; false when it is gone (dropped or cleared).
    bool complete(quint64 handle, Status status, double latencyMs, const QVariantList &reply = {},
        const QString &error = {});
    void clear();

    int capacity() const { return m_capacity; }
    void setCapacity(int capacity) { m_capacity = qMax(1, capacity); }
    const Ack &ack(int row) const { return m_rows.at(row); }

    /// Upper bounds (ms) of the latency buckets; a last bucket holds everything above.
    static QList<double> bucketBounds();
    static QStringList bucketLabels();
    /// Counts of settled-ok acks per bucket (size bucketBounds().size() + 1).
    QList<int> latencyHistogram() const;
    int countWithStatus(Status status) const;
    static QString statusName(Status status);

Q_SIGNALS:
    void acksChanged();

private:
    int rowOf(quint64 handle) const;
    void trim();

    QList<Ack> m_rows;
    QList<quint64> m_handles;
    quint64 m_nextHandle = 1;
    quint64 m_firstHandle = 1;
    int m_capacity = 10000;
};

} // namespace Inspector
