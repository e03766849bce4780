#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>
#include <QVariantMap>

namespace SmartSocket {
class Ack;
class Namespace;
class Socket;
} // namespace SmartSocket

/// The chat of the seed's Example 1 on one namespace (normally /chat), with what the seed left
/// out: events go to the members of a room only, a user list and history per room, validation
/// of every payload. Events (payloads are JSON objects):
///
///   join-room    {room, username}  ack {joined: true, room, users, history}
///   send-message {text, room?}     ack {sent: true, id, room, timestamp}
///   leave-room   {room?}           ack {left: true, room}
///   list-rooms   {}                ack {rooms: [{name, users}]}
///
/// `room` defaults to the room the socket joined last (the seed's `socket.data.room`). A
/// refused request is acked {<joined|sent|left>: false, error, code}. To the room's members:
/// `user-joined` / `user-left` {username, room, timestamp}, `message` {id, from, text, room,
/// timestamp} (not to its sender, who has the ack), `room-users` {room, users}; to the whole
/// namespace: `room-list` {rooms: [{name, users}]}.
///
/// The validation of send-message is a middleware on that event only, so a refusal reaches
/// the client as the library's error ack {error, code: "VALIDATION"} and `__error__`.
class ChatService : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        /// Messages kept per room and given to a joining user.
        int historySize = 50;
        int maxMessageLength = 2000;
        int maxNameLength = 32;
        int maxRoomNameLength = 40;
        /// Rooms that always exist (others disappear, with their history, once empty).
        QStringList defaultRooms { QStringLiteral("general"), QStringLiteral("random") };
    };

    ChatService(SmartSocket::Namespace *nsp, const Settings &settings, QObject *parent = nullptr);
    ~ChatService() override;

    SmartSocket::Namespace *nsp() const { return m_nsp; }
    const Settings &settings() const { return m_settings; }
    /// Room names, sorted.
    QStringList rooms() const;
    /// User names in a room, sorted (a name appears once per session).
    QStringList users(const QString &room) const;
    QList<QVariantMap> history(const QString &room) const;
    /// Stops following the namespace, before the server closes: disconnects are then not
    /// announced to the rooms (everyone is leaving at once).
    void shutdown();

Q_SIGNALS:
    /// A message was accepted and sent to its room.
    void messagePosted(const QVariantMap &message);
    void userJoined(const QString &room, const QString &username);
    void userLeft(const QString &room, const QString &username);

private:
    struct Room
    {
        QMap<QString, QString> members; // socket id -> user name
        QList<QVariantMap> history;
    };

    void onJoin(SmartSocket::Socket *socket, const QVariantList &args, const SmartSocket::Ack &ack);
    void onSend(SmartSocket::Socket *socket, const QVariantList &args, const SmartSocket::Ack &ack);
    void onLeave(
        SmartSocket::Socket *socket, const QVariantList &args, const SmartSocket::Ack &ack);
    void onListRooms(const SmartSocket::Ack &ack) const;
    void onDisconnected(SmartSocket::Socket *socket);

    /// Removes the socket from a room and tells the room; true when it was a member.
    bool removeMember(SmartSocket::Socket *socket, const QString &room);
    void announceUsers(const QString &room);
    void announceRoomList();
    QVariantList roomList() const;
    QString checkName(const QString &what, const QString &value, int maxLength) const;

    SmartSocket::Namespace *m_nsp;
    Settings m_settings;
    QHash<QString, Room> m_rooms;
    qint64 m_nextMessageId = 1;
};
