#include "ratelimitmodel.h"

#include <QColor>

namespace Inspector {

RateLimitModel::RateLimitModel(QObject *parent) : QAbstractTableModel(parent) { }

int RateLimitModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int RateLimitModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RateLimitModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NamespaceColumn:
            return e.nsp;
        case SocketColumn:
            return e.socketId;
        case EventColumn:
            return e.event.isEmpty() ? tr("(all events)") : e.event;
        case AllowedColumn:
            return e.allowed;
        case RejectedColumn:
            return e.rejected;
        case RemainingColumn:
            return e.remaining;
        case LimitColumn:
            return tr("%1 / %2 s").arg(e.limit).arg(e.windowMs / 1000.0, 0, 'g', 3);
        case RetryAfterColumn:
            return e.retryAfterMs > 0 ? tr("%1 ms").arg(e.retryAfterMs) : QString();
        case UpdatedColumn:
            return e.updated.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        }
        return {};
    }
    switch (role) {
    case Qt::BackgroundRole:
        if (e.rejected > 0)
            return QColor(0xff, 0xe0, 0xe0);
        return {};
    case Qt::ForegroundRole:
        if (e.rejected > 0 && index.column() == RejectedColumn)
            return QColor(0xb0, 0x00, 0x20);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() >= AllowedColumn && index.column() <= RetryAfterColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RejectedRole:
        return e.rejected;
    }
    return {};
}

QVariant RateLimitModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NamespaceColumn:
        return tr("Namespace");
    case SocketColumn:
        return tr("Socket");
    case EventColumn:
        return tr("Event");
    case AllowedColumn:
        return tr("Allowed");
    case RejectedColumn:
        return tr("Rejected");
    case RemainingColumn:
        return tr("Remaining");
    case LimitColumn:
        return tr("Limit");
    case RetryAfterColumn:
        return tr("Retry after");
    case UpdatedColumn:
        return tr("Updated");
    }
    return {};
}

QString RateLimitModel::key(const Entry &e)
{
    return e.nsp + QLatin1Char('\n') + e.socketId + QLatin1Char('\n') + e.event;
}

int RateLimitModel::applyPayload(const QVariant &payload)
{
    const QVariantMap map = payload.toMap();
    if (!map.contains(QStringLiteral("entries")))
        return -1;
    QDateTime time = QDateTime::fromString(
        map.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::currentDateTimeUtc();
    int newRejections = 0;
    const QVariantList entries = map.value(QStringLiteral("entries")).toList();
    for (const QVariant &v : entries) {
        const QVariantMap m = v.toMap();
        Entry e;
        e.nsp = m.value(QStringLiteral("nsp")).toString();
        e.socketId = m.value(QStringLiteral("socketId")).toString();
        if (e.nsp.isEmpty() || e.socketId.isEmpty())
            continue;
        e.event = m.value(QStringLiteral("event")).toString();
        e.allowed = m.value(QStringLiteral("allowed")).toLongLong();
        e.rejected = m.value(QStringLiteral("rejected")).toLongLong();
        e.remaining = m.value(QStringLiteral("remaining")).toInt();
        e.limit = m.value(QStringLiteral("limit")).toInt();
        e.windowMs = m.value(QStringLiteral("windowMs")).toInt();
        e.retryAfterMs = m.value(QStringLiteral("retryAfterMs")).toInt();
        e.updated = time;
        const int row = m_index.value(key(e), -1);
        const qint64 before = row >= 0 ? m_rows[row].rejected : 0;
        newRejections += int(qMax<qint64>(0, e.rejected - before));
        upsert(e);
    }
    return newRejections;
}

void RateLimitModel::upsert(const Entry &entry)
{
    const QString k = key(entry);
    const int row = m_index.value(k, -1);
    if (row >= 0) {
        m_rows[row] = entry;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    const int n = m_rows.size();
    beginInsertRows({}, n, n);
    m_rows.append(entry);
    m_index.insert(k, n);
    endInsertRows();
}

void RateLimitModel::removeSocket(const QString &nsp, const QString &socketId)
{
    for (int row = m_rows.size() - 1; row >= 0; --row) {
        if (m_rows[row].nsp == nsp && m_rows[row].socketId == socketId) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
    }
    m_index.clear();
    for (int i = 0; i < m_rows.size(); ++i)
        m_index.insert(key(m_rows[i]), i);
}

void RateLimitModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    endResetModel();
}

} // namespace Inspector
