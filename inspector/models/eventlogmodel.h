#pragma once

#include "eventrecord.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QList>
#include <QTimer>

class QIODevice;

namespace Inspector {

/// The live event log: a ring buffer of at most capacity() records. append() only queues;
/// queued records reach the model (one rowsInserted per batch, one rowsRemoved for the
/// oldest rows pushed out) every flushInterval() ms, so that 1 000 events per second cost
/// the views about 20 updates per second instead of 1 000. While paused, records queue up
/// (at most capacity(), oldest dropped) and arrive on resume.
class EventLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        NamespaceColumn,
        SocketColumn,
        EventColumn,
        ArgumentsColumn,
        ColumnCount
    };
    enum Role {
        DirectionRole = Qt::UserRole + 1, ///< EventRecord::Direction as int
        NamespaceRole,
        SocketRole,
        EventRole,
        ArgumentsRole, ///< the QVariantList
        TimeRole, ///< QDateTime
    };

    explicit EventLogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    int capacity() const { return m_capacity; }
    /// At least 1; shrinking drops the oldest rows at once.
    void setCapacity(int capacity);
    int flushInterval() const { return m_timer.interval(); }
    void setFlushInterval(int ms);

    /// Queues a record (argsText is filled here when empty).
    void append(EventRecord record);
    /// Applies the queued records now (the timer calls it).
    void flush();
    void clear();
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    /// Records queued and not yet in the model (waiting for the timer or for resume).
    int pendingCount() const { return m_pending.size(); }
    /// Records pushed out of the ring buffer (or out of the pause queue) since the last clear.
    qint64 droppedCount() const { return m_dropped; }
    /// Records appended since the last clear.
    qint64 totalCount() const { return m_total; }

    const EventRecord &record(int row) const { return m_rows.at(row); }
    /// One JSON object per line: {time, direction, nsp, socket, event, args}; binary as
    /// {"_binary": hex}.
    static QByteArray toJsonLine(const EventRecord &record);

Q_SIGNALS:
    void pausedChanged(bool paused);
    /// After each applied batch: number of records added.
    void flushed(int added);

private:
    QList<EventRecord> m_rows;
    QList<EventRecord> m_pending;
    QTimer m_timer;
    int m_capacity = 10000;
    bool m_paused = false;
    qint64 m_dropped = 0;
    qint64 m_total = 0;
};

} // namespace Inspector
