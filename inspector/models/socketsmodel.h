#pragma once

#include "socketinfo.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Inspector {

/// The sockets of every namespace, keyed by (namespace, id).
class SocketsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IdColumn,
        NamespaceColumn,
        AddressColumn,
        TransportColumn,
        RoomsColumn,
        DataColumn,
        ConnectedColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1, NamespaceRole, RoomsRole, DataRole, HandshakeRole };

    explicit SocketsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Replaces everything (all_sockets).
    void resetSockets(const QList<SocketInfo> &sockets);
    /// Adds, or replaces the socket with the same namespace and id.
    void addSocket(const SocketInfo &socket);
    /// Partial update (socket_updated): keys "data" and/or "transport".
    void updateSocket(const QString &nsp, const QString &id, const QVariantMap &changes);
    void removeSocket(const QString &nsp, const QString &id);
    void addRoom(const QString &nsp, const QString &id, const QString &room);
    void removeRoom(const QString &nsp, const QString &id, const QString &room);
    void clear();

    int indexOf(const QString &nsp, const QString &id) const;
    const SocketInfo &socket(int row) const { return m_sockets.at(row); }
    const QList<SocketInfo> &sockets() const { return m_sockets; }

Q_SIGNALS:
    /// Any change of sockets or rooms (the rooms and namespaces views rebuild from it).
    void socketsChanged();

private:
    static QString key(const QString &nsp, const QString &id)
    {
        return nsp + QLatin1Char('\n') + id;
    }
    void rebuildIndex();
    void emitRowChanged(int row);

    QList<SocketInfo> m_sockets;
    QHash<QString, int> m_index;
};

} // namespace Inspector
