#include "socketsmodel.h"

#include "valueformat.h"

namespace Inspector {

SocketsModel::SocketsModel(QObject *parent) : QAbstractTableModel(parent) { }

int SocketsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_sockets.size();
}

int SocketsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SocketsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SocketInfo &s = m_sockets.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case IdColumn:
            return s.id;
        case NamespaceColumn:
            return s.nsp;
        case AddressColumn:
            return s.address;
        case TransportColumn:
            return s.transport;
        case RoomsColumn:
            return s.rooms.join(QStringLiteral(", "));
        case DataColumn:
            return s.data.isEmpty() ? QString() : ValueFormat::compact({ s.data }, 256);
        case ConnectedColumn:
            return s.connectedAt.isValid()
                ? s.connectedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss"))
                : QString();
        }
        return {};
    }
    switch (role) {
    case IdRole:
        return s.id;
    case NamespaceRole:
        return s.nsp;
    case RoomsRole:
        return s.rooms;
    case DataRole:
        return s.data;
    case HandshakeRole:
        return s.handshake;
    }
    return {};
}

QVariant SocketsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("Socket");
    case NamespaceColumn:
        return tr("Namespace");
    case AddressColumn:
        return tr("Address");
    case TransportColumn:
        return tr("Transport");
    case RoomsColumn:
        return tr("Rooms");
    case DataColumn:
        return tr("Data");
    case ConnectedColumn:
        return tr("Connected");
    }
    return {};
}

void SocketsModel::resetSockets(const QList<SocketInfo> &sockets)
{
    beginResetModel();
    m_sockets.clear();
    for (const SocketInfo &s : sockets) {
        if (s.isValid())
            m_sockets.append(s);
    }
    rebuildIndex();
    endResetModel();
    Q_EMIT socketsChanged();
}

void SocketsModel::addSocket(const SocketInfo &socket)
{
    if (!socket.isValid())
        return;
    const int row = indexOf(socket.nsp, socket.id);
    if (row >= 0) {
        m_sockets[row] = socket;
        emitRowChanged(row);
    } else {
        const int n = m_sockets.size();
        beginInsertRows({}, n, n);
        m_sockets.append(socket);
        m_index.insert(key(socket.nsp, socket.id), n);
        endInsertRows();
    }
    Q_EMIT socketsChanged();
}

void SocketsModel::updateSocket(const QString &nsp, const QString &id, const QVariantMap &changes)
{
    const int row = indexOf(nsp, id);
    if (row < 0)
        return;
    SocketInfo &s = m_sockets[row];
    if (changes.contains(QStringLiteral("data")))
        s.data = changes.value(QStringLiteral("data")).toMap();
    if (changes.contains(QStringLiteral("transport")))
        s.transport = changes.value(QStringLiteral("transport")).toString();
    emitRowChanged(row);
    Q_EMIT socketsChanged();
}

void SocketsModel::removeSocket(const QString &nsp, const QString &id)
{
    const int row = indexOf(nsp, id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_sockets.removeAt(row);
    rebuildIndex();
    endRemoveRows();
    Q_EMIT socketsChanged();
}

void SocketsModel::addRoom(const QString &nsp, const QString &id, const QString &room)
{
    const int row = indexOf(nsp, id);
    if (row < 0 || m_sockets[row].rooms.contains(room))
        return;
    m_sockets[row].rooms.append(room);
    emitRowChanged(row);
    Q_EMIT socketsChanged();
}

void SocketsModel::removeRoom(const QString &nsp, const QString &id, const QString &room)
{
    const int row = indexOf(nsp, id);
    if (row < 0 || !m_sockets[row].rooms.removeOne(room))
        return;
    emitRowChanged(row);
    Q_EMIT socketsChanged();
}

void SocketsModel::clear()
{
    resetSockets({});
}

int SocketsModel::indexOf(const QString &nsp, const QString &id) const
{
    return m_index.value(key(nsp, id), -1);
}

void SocketsModel::rebuildIndex()
{
    m_index.clear();
    for (int i = 0; i < m_sockets.size(); ++i)
        m_index.insert(key(m_sockets[i].nsp, m_sockets[i].id), i);
}

void SocketsModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace Inspector
