#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>

namespace Inspector {

/// Rate-limit state per socket and per event (event empty = the socket-wide limit), from
/// the server's `smartsocket:rate_limit` events (docs/inspector-protocol.md). Rows with
/// rejections are highlighted.
class RateLimitModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NamespaceColumn,
        SocketColumn,
        EventColumn,
        AllowedColumn,
        RejectedColumn,
        RemainingColumn,
        LimitColumn,
        RetryAfterColumn,
        UpdatedColumn,
        ColumnCount
    };
    enum Role { RejectedRole = Qt::UserRole + 1 };

    struct Entry
    {
        QString nsp;
        QString socketId;
        QString event;
        qint64 allowed = 0;
        qint64 rejected = 0;
        int remaining = 0;
        int limit = 0;
        int windowMs = 0;
        int retryAfterMs = 0;
        QDateTime updated;
    };

    explicit RateLimitModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Applies a `smartsocket:rate_limit` payload {serverId, timestamp, entries:[...]};
    /// returns the number of rejections it reports that are new (for the dashboard), or -1
    /// when malformed.
    int applyPayload(const QVariant &payload);
    void upsert(const Entry &entry);
    /// Drops the rows of a socket that left (its limiter state is gone on the server too).
    void removeSocket(const QString &nsp, const QString &socketId);
    void clear();
    const Entry &entry(int row) const { return m_rows.at(row); }

private:
    static QString key(const Entry &e);
    QList<Entry> m_rows;
    QHash<QString, int> m_index;
};

} // namespace Inspector
