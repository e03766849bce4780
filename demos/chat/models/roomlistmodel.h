#pragma once

#include <QAbstractListModel>
#include <QList>

/// The rooms of the chat server: those the server lists (`room-list`) and those joined, with
/// their user count and the messages not read yet.
class RoomListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { NameRole = Qt::UserRole + 1, UsersRole, JoinedRole, UnreadRole };

    explicit RoomListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// The server's list: [{name, users}]. Rooms joined but not listed stay.
    void setRooms(const QVariantList &rooms);
    /// Adds the room if needed.
    void setJoined(const QString &name, bool joined);
    void setUserCount(const QString &name, int users);
    void addUnread(const QString &name);
    void clearUnread(const QString &name);

    int rowOf(const QString &name) const;
    QString nameAt(int row) const;
    bool isJoined(const QString &name) const;
    int unread(const QString &name) const;
    QStringList joinedRooms() const;

private:
    struct Room
    {
        QString name;
        int users = 0;
        bool joined = false;
        int unread = 0;
    };
    int ensureRoom(const QString &name);
    void changed(int row);

    QList<Room> m_rooms; // sorted by name
};
