#include "roomsmodel.h"

#include "socketsmodel.h"

#include <QMap>

#include <algorithm>

namespace Inspector {

RoomsModel::RoomsModel(SocketsModel *sockets, QObject *parent)
    : QAbstractTableModel(parent), m_sockets(sockets)
{
    m_timer.setInterval(200);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &RoomsModel::rebuild);
    connect(sockets, &SocketsModel::socketsChanged, this, [this] {
        if (!m_timer.isActive())
            m_timer.start();
    });
    rebuild();
}

int RoomsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rooms.size();
}

int RoomsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoomsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Room &r = m_rooms.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case NamespaceColumn:
            return r.nsp;
        case RoomColumn:
            return r.isPrivate ? tr("%1 (own room)").arg(r.name) : r.name;
        case MembersCountColumn:
            return r.members.size();
        case MembersColumn:
            return r.members.join(QStringLiteral(", "));
        }
        return {};
    }
    switch (role) {
    case Qt::TextAlignmentRole:
        if (index.column() == MembersCountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case NamespaceRole:
        return r.nsp;
    case RoomRole:
        return r.name;
    case MembersRole:
        return r.members;
    case PrivateRole:
        return r.isPrivate;
    }
    return {};
}

QVariant RoomsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NamespaceColumn:
        return tr("Namespace");
    case RoomColumn:
        return tr("Room");
    case MembersCountColumn:
        return tr("Members");
    case MembersColumn:
        return tr("Sockets");
    }
    return {};
}

void RoomsModel::setShowPrivateRooms(bool show)
{
    if (m_showPrivate == show)
        return;
    m_showPrivate = show;
    rebuild();
}

void RoomsModel::rebuild()
{
    m_timer.stop();
    QMap<QPair<QString, QString>, Room> rooms;
    for (const SocketInfo &s : m_sockets->sockets()) {
        for (const QString &name : s.rooms) {
            const bool isPrivate = name == s.id;
            if (isPrivate && !m_showPrivate)
                continue;
            Room &room = rooms[{ s.nsp, name }];
            room.nsp = s.nsp;
            room.name = name;
            room.isPrivate = isPrivate;
            room.members.append(s.id);
        }
    }
    beginResetModel();
    m_rooms = rooms.values();
    for (Room &r : m_rooms)
        std::sort(r.members.begin(), r.members.end());
    endResetModel();
}

} // namespace Inspector
