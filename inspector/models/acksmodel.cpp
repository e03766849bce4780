#include "acksmodel.h"

#include "valueformat.h"

#include <QColor>

#include <algorithm>

namespace Inspector {

AcksModel::AcksModel(QObject *parent) : QAbstractTableModel(parent) { }

int AcksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int AcksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AcksModel::statusName(Status status)
{
    switch (status) {
    case Status::Pending:
        return QStringLiteral("pending");
    case Status::Ok:
        return QStringLiteral("ok");
    case Status::Timeout:
        return QStringLiteral("timeout");
    case Status::Error:
        return QStringLiteral("error");
    }
    return {};
}

QVariant AcksModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Ack &a = m_rows.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return a.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case NamespaceColumn:
            return a.nsp;
        case SocketColumn:
            return a.socketId;
        case EventColumn:
            return a.event;
        case AckIdColumn:
            return a.ackId >= 0 ? QVariant(a.ackId) : QVariant();
        case DirectionColumn:
            return a.direction;
        case StatusColumn:
            switch (a.status) {
            case Status::Pending:
                return tr("pending");
            case Status::Ok:
                return tr("ok");
            case Status::Timeout:
                return tr("timeout");
            case Status::Error:
                return tr("error");
            }
            return {};
        case LatencyColumn:
            if (a.latencyMs < 0)
                return QString();
            // Sub-millisecond round trips are common on a LAN: keep their digits.
            return QStringLiteral("%1 ms").arg(a.latencyMs, 0, 'f', a.latencyMs < 10 ? 2 : 1);
        case ReplyColumn:
            return a.error.isEmpty() ? ValueFormat::compact(a.reply, 256) : a.error;
        }
        return {};
    }
    switch (role) {
    case Qt::ForegroundRole:
        if (index.column() == StatusColumn && a.status != Status::Ok && a.status != Status::Pending)
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == LatencyColumn || index.column() == AckIdColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case StatusRole:
        return static_cast<int>(a.status);
    case LatencyRole:
        return a.latencyMs;
    case ReplyRole:
        return a.reply;
    }
    return {};
}

QVariant AcksModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case NamespaceColumn:
        return tr("Namespace");
    case SocketColumn:
        return tr("Socket");
    case EventColumn:
        return tr("Event");
    case AckIdColumn:
        return tr("Ack id");
    case DirectionColumn:
        return tr("Dir.");
    case StatusColumn:
        return tr("Status");
    case LatencyColumn:
        return tr("Round trip");
    case ReplyColumn:
        return tr("Reply");
    }
    return {};
}

quint64 AcksModel::add(const Ack &ack)
{
    const int n = m_rows.size();
    beginInsertRows({}, n, n);
    m_rows.append(ack);
    const quint64 handle = m_nextHandle++;
    m_handles.append(handle);
    endInsertRows();
    trim();
    Q_EMIT acksChanged();
    return handle;
}

bool AcksModel::addFromVariant(const QVariant &payload)
{
    const QVariantMap m = payload.toMap();
    const QString status = m.value(QStringLiteral("status")).toString();
    if (m.value(QStringLiteral("event")).toString().isEmpty() || status.isEmpty())
        return false;
    Ack a;
    a.nsp = m.value(QStringLiteral("nsp")).toString();
    a.socketId = m.value(QStringLiteral("socketId")).toString();
    a.event = m.value(QStringLiteral("event")).toString();
    a.ackId = m.value(QStringLiteral("ackId"), -1).toLongLong();
    a.direction = m.value(QStringLiteral("direction")).toString();
    a.latencyMs = m.value(QStringLiteral("latencyMs"), -1).toDouble();
    const QString time = m.value(QStringLiteral("timestamp")).toString();
    a.time = time.isEmpty() ? QDateTime::currentDateTimeUtc()
                            : QDateTime::fromString(time, Qt::ISODateWithMs);
    if (!a.time.isValid())
        a.time = QDateTime::currentDateTimeUtc();
    if (status == QLatin1String("ok"))
        a.status = Status::Ok;
    else if (status == QLatin1String("timeout"))
        a.status = Status::Timeout;
    else
        a.status = Status::Error;
    a.error = a.status == Status::Error ? status : QString();
    add(a);
    return true;
}

bool AcksModel::complete(quint64 handle, Status status, double latencyMs, const QVariantList &reply,
    const QString &error)
{
    const int row = rowOf(handle);
    if (row < 0)
        return false;
    Ack &a = m_rows[row];
    a.status = status;
    a.latencyMs = latencyMs;
    a.reply = reply;
    a.error = error;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT acksChanged();
    return true;
}

void AcksModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_handles.clear();
    endResetModel();
    Q_EMIT acksChanged();
}

int AcksModel::rowOf(quint64 handle) const
{
    // Handles grow with the rows: binary search.
    const auto it = std::lower_bound(m_handles.cbegin(), m_handles.cend(), handle);
    if (it == m_handles.cend() || *it != handle)
        return -1;
    return int(it - m_handles.cbegin());
}

void AcksModel::trim()
{
    if (m_rows.size() <= m_capacity)
        return;
    const int excess = m_rows.size() - m_capacity;
    beginRemoveRows({}, 0, excess - 1);
    m_rows.remove(0, excess);
    m_handles.remove(0, excess);
    endRemoveRows();
}

QList<double> AcksModel::bucketBounds()
{
    return { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000 };
}

QStringList AcksModel::bucketLabels()
{
    QStringList labels;
    const QList<double> bounds = bucketBounds();
    for (double b : bounds)
        labels << QStringLiteral("≤%1").arg(b);
    labels << QStringLiteral(">%1").arg(bounds.last());
    return labels;
}

QList<int> AcksModel::latencyHistogram() const
{
    const QList<double> bounds = bucketBounds();
    QList<int> counts(bounds.size() + 1, 0);
    for (const Ack &a : m_rows) {
        if (a.status != Status::Ok || a.latencyMs < 0)
            continue;
        const auto it = std::lower_bound(bounds.cbegin(), bounds.cend(), a.latencyMs);
        ++counts[int(it - bounds.cbegin())];
    }
    return counts;
}

int AcksModel::countWithStatus(Status status) const
{
    return int(std::count_if(
        m_rows.cbegin(), m_rows.cend(), [status](const Ack &a) { return a.status == status; }));
}

} // namespace Inspector
