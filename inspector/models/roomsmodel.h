#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>
#include <QTimer>

namespace Inspector {

class SocketsModel;

/// Rooms of every namespace with their members, derived from a SocketsModel. Socket changes
/// are coalesced: the rooms are recomputed at most every 200 ms (thousands of sockets
/// joining at once cost one rebuild).
class RoomsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NamespaceColumn, RoomColumn, MembersCountColumn, MembersColumn, ColumnCount };
    enum Role { NamespaceRole = Qt::UserRole + 1, RoomRole, MembersRole, PrivateRole };

    explicit RoomsModel(SocketsModel *sockets, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Shows a socket's own room (named after its id) too; hidden by default.
    void setShowPrivateRooms(bool show);
    bool showPrivateRooms() const { return m_showPrivate; }
    /// Recomputes now.
    void rebuild();

private:
    struct Room
    {
        QString nsp;
        QString name;
        QStringList members;
        bool isPrivate = false;
    };
    SocketsModel *m_sockets;
    QList<Room> m_rooms;
    QTimer m_timer;
    bool m_showPrivate = false;
};

} // namespace Inspector
