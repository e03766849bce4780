#include "eventlogmodel.h"

#include "valueformat.h"

#include <QColor>
#include <QJsonDocument>
#include <QJsonObject>

namespace Inspector {

EventLogModel::EventLogModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_timer.setInterval(50);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EventLogModel::flush);
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return r.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case DirectionColumn:
            switch (r.direction) {
            case EventRecord::Direction::Received:
                return tr("in");
            case EventRecord::Direction::Sent:
                return tr("out");
            case EventRecord::Direction::Lifecycle:
                return tr("state");
            }
            return {};
        case NamespaceColumn:
            return r.nsp;
        case SocketColumn:
            return r.socketId;
        case EventColumn:
            return r.event;
        case ArgumentsColumn:
            return r.argsText;
        }
        return {};
    case Qt::ForegroundRole:
        if (index.column() == DirectionColumn || index.column() == EventColumn) {
            switch (r.direction) {
            case EventRecord::Direction::Received:
                return QColor(0x15, 0x65, 0xc0);
            case EventRecord::Direction::Sent:
                return QColor(0x2e, 0x7d, 0x32);
            case EventRecord::Direction::Lifecycle:
                return QColor(0x8e, 0x24, 0xaa);
            }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == TimeColumn)
            return r.time.toLocalTime().toString(Qt::ISODateWithMs);
        return {};
    case DirectionRole:
        return static_cast<int>(r.direction);
    case NamespaceRole:
        return r.nsp;
    case SocketRole:
        return r.socketId;
    case EventRole:
        return r.event;
    case ArgumentsRole:
        return r.args;
    case TimeRole:
        return r.time;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case DirectionColumn:
        return tr("Dir.");
    case NamespaceColumn:
        return tr("Namespace");
    case SocketColumn:
        return tr("Socket");
    case EventColumn:
        return tr("Event");
    case ArgumentsColumn:
        return tr("Arguments");
    }
    return {};
}

void EventLogModel::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    if (m_rows.size() > m_capacity) {
        const int excess = m_rows.size() - m_capacity;
        beginRemoveRows({}, 0, excess - 1);
        m_rows.remove(0, excess);
        m_dropped += excess;
        endRemoveRows();
    }
}

void EventLogModel::setFlushInterval(int ms)
{
    m_timer.setInterval(qMax(0, ms));
}

void EventLogModel::append(EventRecord record)
{
    if (record.argsText.isEmpty() && !record.args.isEmpty())
        record.finalize();
    ++m_total;
    m_pending.append(std::move(record));
    if (m_pending.size() > m_capacity) {
        // Only the newest capacity() records could be shown anyway.
        const int excess = m_pending.size() - m_capacity;
        m_pending.remove(0, excess);
        m_dropped += excess;
    }
    if (!m_paused && !m_timer.isActive())
        m_timer.start();
}

void EventLogModel::flush()
{
    m_timer.stop();
    if (m_paused || m_pending.isEmpty())
        return;
    const int added = m_pending.size();
    const int overflow = m_rows.size() + added - m_capacity;
    if (overflow > 0) {
        const int removed = qMin(overflow, int(m_rows.size()));
        if (removed > 0) {
            beginRemoveRows({}, 0, removed - 1);
            m_rows.remove(0, removed);
            endRemoveRows();
            m_dropped += removed;
        }
    }
    const int first = m_rows.size();
    beginInsertRows({}, first, first + added - 1);
    m_rows.append(std::move(m_pending));
    m_pending = {};
    endInsertRows();
    Q_EMIT flushed(added);
}

void EventLogModel::clear()
{
    m_timer.stop();
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_dropped = 0;
    m_total = 0;
    endResetModel();
}

void EventLogModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused)
        flush();
    Q_EMIT pausedChanged(paused);
}

QByteArray EventLogModel::toJsonLine(const EventRecord &record)
{
    const QJsonObject object {
        { QStringLiteral("time"), record.time.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("direction"), EventRecord::directionName(record.direction) },
        { QStringLiteral("nsp"), record.nsp },
        { QStringLiteral("socket"), record.socketId },
        { QStringLiteral("event"), record.event },
        { QStringLiteral("args"), ValueFormat::toJson(record.args) },
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

} // namespace Inspector
