#include "roomlistmodel.h"

#include <QFont>
#include <QSet>

#include <algorithm>

RoomListModel::RoomListModel(QObject *parent) : QAbstractListModel(parent) { }

int RoomListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rooms.size());
}

QVariant RoomListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room &room = m_rooms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (room.unread > 0)
            return tr("%1 (%n new)", nullptr, room.unread).arg(room.name);
        return room.name;
    case Qt::ToolTipRole:
        return (room.joined ? tr("Joined; %n user(s)", nullptr, room.users)
                            : tr("Not joined; %n user(s)", nullptr, room.users));
    case Qt::FontRole: {
        QFont font;
        font.setBold(room.unread > 0);
        font.setItalic(!room.joined);
        return font;
    }
    case NameRole:
        return room.name;
    case UsersRole:
        return room.users;
    case JoinedRole:
        return room.joined;
    case UnreadRole:
        return room.unread;
    default:
        return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(UsersRole, "users");
    names.insert(JoinedRole, "joined");
    names.insert(UnreadRole, "unread");
    return names;
}

int RoomListModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_rooms.size(); ++row) {
        if (m_rooms.at(row).name == name)
            return row;
    }
    return -1;
}

QString RoomListModel::nameAt(int row) const
{
    return row >= 0 && row < m_rooms.size() ? m_rooms.at(row).name : QString();
}

bool RoomListModel::isJoined(const QString &name) const
{
    const int row = rowOf(name);
    return row >= 0 && m_rooms.at(row).joined;
}

int RoomListModel::unread(const QString &name) const
{
    const int row = rowOf(name);
    return row >= 0 ? m_rooms.at(row).unread : 0;
}

QStringList RoomListModel::joinedRooms() const
{
    QStringList names;
    for (const Room &room : m_rooms) {
        if (room.joined)
            names.append(room.name);
    }
    return names;
}

int RoomListModel::ensureRoom(const QString &name)
{
    const int existing = rowOf(name);
    if (existing >= 0)
        return existing;
    const auto pos = std::lower_bound(m_rooms.cbegin(), m_rooms.cend(), name,
        [](const Room &room, const QString &n) { return room.name < n; });
    const int row = int(pos - m_rooms.cbegin());
    beginInsertRows({}, row, row);
    Room room;
    room.name = name;
    m_rooms.insert(row, room);
    endInsertRows();
    return row;
}

void RoomListModel::changed(int row)
{
    Q_EMIT dataChanged(index(row), index(row));
}

void RoomListModel::setRooms(const QVariantList &rooms)
{
    QSet<QString> listed;
    for (const QVariant &item : rooms) {
        const QVariantMap map = item.toMap();
        const QString name = map.value(QStringLiteral("name")).toString();
        if (name.isEmpty())
            continue;
        listed.insert(name);
        const int row = ensureRoom(name);
        const int users = map.value(QStringLiteral("users")).toInt();
        if (m_rooms.at(row).users != users) {
            m_rooms[row].users = users;
            changed(row);
        }
    }
    for (int row = int(m_rooms.size()) - 1; row >= 0; --row) {
        if (!listed.contains(m_rooms.at(row).name) && !m_rooms.at(row).joined) {
            beginRemoveRows({}, row, row);
            m_rooms.removeAt(row);
            endRemoveRows();
        }
    }
}

void RoomListModel::setJoined(const QString &name, bool joined)
{
    const int row = ensureRoom(name);
    Room &room = m_rooms[row];
    room.joined = joined;
    if (!joined)
        room.unread = 0;
    changed(row);
}

void RoomListModel::setUserCount(const QString &name, int users)
{
    const int row = rowOf(name);
    if (row < 0 || m_rooms.at(row).users == users)
        return;
    m_rooms[row].users = users;
    changed(row);
}

void RoomListModel::addUnread(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    ++m_rooms[row].unread;
    changed(row);
}

void RoomListModel::clearUnread(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0 || m_rooms.at(row).unread == 0)
        return;
    m_rooms[row].unread = 0;
    changed(row);
}
