#include "messagemodel.h"

#include <QLocale>

namespace {

QDateTime timeOf(const QVariantMap &message)
{
    const qint64 ms = message.value(QStringLiteral("timestamp")).toLongLong();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime::currentDateTime();
}

} // namespace

MessageModel::MessageModel(QObject *parent) : QAbstractListModel(parent) { }

int MessageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QString MessageModel::displayText(const Entry &entry) const
{
    const QString time = QLocale().toString(entry.time.time(), QLocale::ShortFormat);
    switch (entry.kind) {
    case ChatMessage:
        return QStringLiteral("[%1] %2: %3").arg(time, entry.from, entry.text);
    case RoomEvent:
        return QStringLiteral("[%1] %2").arg(time, entry.text);
    case Notice:
        return entry.text;
    }
    return {};
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(entry);
    case Qt::ToolTipRole:
        if (entry.delivery == Failed)
            return tr("Not delivered: %1").arg(entry.error);
        if (entry.delivery == Pending)
            return tr("Sending…");
        if (entry.delivery == Delivered)
            return tr("Delivered at %1").arg(QLocale().toString(entry.time, QLocale::LongFormat));
        return QLocale().toString(entry.time, QLocale::LongFormat);
    case KindRole:
        return entry.kind;
    case FromRole:
        return entry.from;
    case TextRole:
        return entry.text;
    case TimestampRole:
        return entry.time;
    case DeliveryRole:
        return entry.delivery;
    case OwnRole:
        return entry.delivery != NotOwn;
    case ErrorRole:
        return entry.error;
    case ServerIdRole:
        return entry.serverId;
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(FromRole, "from");
    names.insert(TextRole, "text");
    names.insert(TimestampRole, "timestamp");
    names.insert(DeliveryRole, "delivery");
    names.insert(OwnRole, "own");
    names.insert(ErrorRole, "error");
    names.insert(ServerIdRole, "serverId");
    return names;
}

void MessageModel::append(const Entry &entry)
{
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.append(entry);
    endInsertRows();
}

void MessageModel::appendMessage(const QVariantMap &message, bool own)
{
    Entry entry;
    entry.serverId = message.value(QStringLiteral("id"), -1).toLongLong();
    if (entry.serverId >= 0) {
        for (const Entry &existing : std::as_const(m_entries)) {
            if (existing.serverId == entry.serverId)
                return;
        }
    }
    entry.from = message.value(QStringLiteral("from")).toString();
    entry.text = message.value(QStringLiteral("text")).toString();
    entry.time = timeOf(message);
    entry.delivery = own ? Delivered : NotOwn;
    append(entry);
}

int MessageModel::appendPending(const QString &from, const QString &text)
{
    Entry entry;
    entry.from = from;
    entry.text = text;
    entry.time = QDateTime::currentDateTime();
    entry.delivery = Pending;
    entry.localId = m_nextLocalId++;
    append(entry);
    return entry.localId;
}

int MessageModel::rowOfLocalId(int localId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).localId == localId && localId != 0)
            return row;
    }
    return -1;
}

MessageModel::Delivery MessageModel::delivery(int localId) const
{
    const int row = rowOfLocalId(localId);
    return row < 0 ? NotOwn : m_entries.at(row).delivery;
}

void MessageModel::markDelivered(int localId, qint64 serverId, const QDateTime &time)
{
    const int row = rowOfLocalId(localId);
    if (row < 0)
        return;
    Entry &entry = m_entries[row];
    entry.delivery = Delivered;
    entry.serverId = serverId;
    if (time.isValid())
        entry.time = time;
    entry.error.clear();
    Q_EMIT dataChanged(index(row), index(row));
}

void MessageModel::markFailed(int localId, const QString &error)
{
    const int row = rowOfLocalId(localId);
    if (row < 0)
        return;
    m_entries[row].delivery = Failed;
    m_entries[row].error = error;
    Q_EMIT dataChanged(index(row), index(row));
}

void MessageModel::appendEvent(const QString &text, const QDateTime &time)
{
    Entry entry;
    entry.kind = RoomEvent;
    entry.text = text;
    entry.time = time;
    append(entry);
}

void MessageModel::appendNotice(const QString &text)
{
    Entry entry;
    entry.kind = Notice;
    entry.text = text;
    entry.time = QDateTime::currentDateTime();
    append(entry);
}

void MessageModel::setHistory(const QVariantList &history, const QString &ownName)
{
    QList<Entry> unsent;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.delivery == Pending || entry.delivery == Failed)
            unsent.append(entry);
    }
    beginResetModel();
    m_entries.clear();
    for (const QVariant &item : history) {
        const QVariantMap message = item.toMap();
        Entry entry;
        entry.serverId = message.value(QStringLiteral("id"), -1).toLongLong();
        entry.from = message.value(QStringLiteral("from")).toString();
        entry.text = message.value(QStringLiteral("text")).toString();
        entry.time = timeOf(message);
        entry.delivery = entry.from == ownName ? Delivered : NotOwn;
        m_entries.append(entry);
    }
    m_entries.append(unsent);
    endResetModel();
}

void MessageModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}
