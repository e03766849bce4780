#pragma once

#include <smartsocket/options.h>

#include <QDeadlineTimer>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>

#include <memory>

namespace SmartSocket {
class Client;
}
class MessageModel;
class RoomListModel;
class UserListModel;

/// The chat client without widgets: one SmartSocket::Client on /chat, the rooms joined, and
/// the models the window shows (rooms, the current room's users, one message model per room).
/// Rooms are joined again and messages typed while offline are sent once the connection is
/// back. See chatservice.h for the protocol.
class ChatSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)
    enum class NoticeKind { Info, Warning, Error };
    Q_ENUM(NoticeKind)

    explicit ChatSession(QObject *parent = nullptr);
    ~ChatSession() override;

    /// The options the chat uses: namespace /chat, a reconnection without jitter (so the
    /// countdown shown is exact), the key in SMARTSOCKET_ENCRYPTION_KEY if set.
    static SmartSocket::ClientOptions defaultOptions();

    /// Connects as `username`; joinRoom() may be called before the connection is up.
    void start(const QUrl &url, const QString &username,
        const SmartSocket::ClientOptions &options = defaultOptions());
    void stop();

    State state() const { return m_state; }
    QString username() const { return m_username; }
    QUrl url() const { return m_url; }
    /// Seconds until the next reconnection attempt (0 while an attempt runs).
    int reconnectSecondsLeft() const;
    int reconnectAttempt() const { return m_attempt; }

    RoomListModel *rooms() const { return m_rooms; }
    /// Users of the current room.
    UserListModel *users() const { return m_users; }
    /// Messages of a room (created on first use).
    MessageModel *messages(const QString &room);
    QString currentRoom() const { return m_currentRoom; }
    void setCurrentRoom(const QString &room);
    QStringList joinedRooms() const;

    void joinRoom(const QString &room);
    void leaveRoom(const QString &room);
    /// Sends to the current room: shown at once as pending, then delivered or failed. False
    /// when there is nothing to send or no room.
    bool sendMessage(const QString &text);

    SmartSocket::Client *client() const { return m_client.get(); }

Q_SIGNALS:
    void stateChanged(ChatSession::State state);
    /// Every second while waiting to reconnect.
    void reconnectCountdownChanged(int secondsLeft);
    void currentRoomChanged(const QString &room);
    /// Something the user should see: rate limit, refused message, failed join, lost server.
    void notice(ChatSession::NoticeKind kind, const QString &text);
    void roomJoined(const QString &room);
    void roomLeft(const QString &room);
    /// A message from someone else arrived in a room.
    void messageArrived(const QString &room);

private:
    struct Outgoing
    {
        QString room;
        int localId = 0;
        QString text;
    };

    void setState(State state);
    void onConnected();
    void onDisconnected(const QString &reason);
    void onConnectError(const QString &message);
    void sendJoin(const QString &room);
    void sendOutgoing(const Outgoing &message);
    void startCountdown(int delayMs);
    int reconnectDelay(int attempt) const;
    void installHandlers();

    std::unique_ptr<SmartSocket::Client> m_client;
    SmartSocket::ClientOptions m_options;
    QUrl m_url;
    QString m_username;
    State m_state = State::Disconnected;
    RoomListModel *m_rooms;
    UserListModel *m_users;
    QHash<QString, MessageModel *> m_messages;
    QHash<QString, QStringList> m_usersByRoom;
    QStringList m_wanted; // rooms to be in, in the order joined
    QString m_currentRoom;
    QString m_switchTo; // the room the user joined last: shown once joined
    QList<Outgoing> m_outbox;
    int m_attempt = 0;
    QTimer m_countdownTimer;
    QDeadlineTimer m_nextAttempt;
    bool m_stopping = false;
};
