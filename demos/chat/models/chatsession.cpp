#include "chatsession.h"

#include "messagemodel.h"
#include "roomlistmodel.h"
#include "userlistmodel.h"

#include <smartsocket/client.h>

#include <QDateTime>

#include <algorithm>
#include <cmath>

using SmartSocket::AckResult;
using SmartSocket::Client;

namespace {

const QString kRoom = QStringLiteral("room");
constexpr int kSendTimeoutMs = 10000;

QDateTime timeOf(const QVariantMap &map)
{
    const qint64 ms = map.value(QStringLiteral("timestamp")).toLongLong();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime::currentDateTime();
}

QStringList toStringList(const QVariant &value)
{
    QStringList list;
    for (const QVariant &item : value.toList())
        list.append(item.toString());
    return list;
}

} // namespace

ChatSession::ChatSession(QObject *parent)
    : QObject(parent), m_rooms(new RoomListModel(this)), m_users(new UserListModel(this))
{
    m_countdownTimer.setInterval(250);
    connect(&m_countdownTimer, &QTimer::timeout, this, [this] {
        const int left = reconnectSecondsLeft();
        Q_EMIT reconnectCountdownChanged(left);
        if (left == 0)
            m_countdownTimer.stop();
    });
}

ChatSession::~ChatSession()
{
    m_stopping = true;
    m_client.reset();
}

SmartSocket::ClientOptions ChatSession::defaultOptions()
{
    SmartSocket::ClientOptions options;
    options.namespaceName = QStringLiteral("/chat");
    options.reconnectDelay = 1000;
    options.reconnectDelayMax = 8000;
    options.jitter = 0;
    options.ackTimeout = kSendTimeoutMs;
    options.connectTimeout = 10000;
    // Refusals come back in the acks, which say which message they concern.
    options.enableErrorHandling = false;
    const QByteArray key = qgetenv("SMARTSOCKET_ENCRYPTION_KEY");
    if (!key.isEmpty()) {
        options.enableEncryption = true;
        options.encryptionKey = key;
    }
    return options;
}

void ChatSession::start(
    const QUrl &url, const QString &username, const SmartSocket::ClientOptions &options)
{
    stop();
    m_stopping = false;
    m_url = url;
    m_username = username;
    m_options = options;
    m_users->setSelfName(username);
    m_attempt = 0;
    m_client = std::make_unique<Client>(url, options);
    installHandlers();
    setState(State::Connecting);
    m_client->open();
}

void ChatSession::stop()
{
    if (!m_client)
        return;
    m_stopping = true;
    m_countdownTimer.stop();
    m_client->close();
    m_client.reset();
    setState(State::Disconnected);
}

void ChatSession::installHandlers()
{
    Client *client = m_client.get();
    connect(client, &Client::connected, this, &ChatSession::onConnected);
    connect(client, &Client::disconnected, this, &ChatSession::onDisconnected);
    connect(client, &Client::errorOccurred, this,
        [this](const SmartSocket::Error &error) { onConnectError(error.message()); });
    connect(client, &Client::reconnecting, this, [this](int attempt) {
        m_attempt = attempt;
        m_countdownTimer.stop();
        m_nextAttempt = QDeadlineTimer(0);
        setState(State::Reconnecting);
        Q_EMIT reconnectCountdownChanged(0);
    });
    connect(client, &Client::reconnectFailed, this, [this] {
        m_countdownTimer.stop();
        setState(State::Disconnected);
        Q_EMIT notice(NoticeKind::Error, tr("Could not reconnect to the server."));
    });

    client->on(QStringLiteral("message"), [this](const QVariantList &args) {
        const QVariantMap message = args.value(0).toMap();
        const QString room = message.value(kRoom).toString();
        if (!m_wanted.contains(room))
            return;
        messages(room)->appendMessage(message);
        if (room != m_currentRoom)
            m_rooms->addUnread(room);
        Q_EMIT messageArrived(room);
    });
    client->on(QStringLiteral("user-joined"), [this](const QVariantList &args) {
        const QVariantMap event = args.value(0).toMap();
        const QString room = event.value(kRoom).toString();
        if (m_wanted.contains(room))
            messages(room)->appendEvent(
                tr("%1 joined").arg(event.value(QStringLiteral("username")).toString()),
                timeOf(event));
    });
    client->on(QStringLiteral("user-left"), [this](const QVariantList &args) {
        const QVariantMap event = args.value(0).toMap();
        const QString room = event.value(kRoom).toString();
        if (m_wanted.contains(room))
            messages(room)->appendEvent(
                tr("%1 left").arg(event.value(QStringLiteral("username")).toString()),
                timeOf(event));
    });
    client->on(QStringLiteral("room-users"), [this](const QVariantList &args) {
        const QVariantMap event = args.value(0).toMap();
        const QString room = event.value(kRoom).toString();
        const QStringList users = toStringList(event.value(QStringLiteral("users")));
        m_usersByRoom.insert(room, users);
        m_rooms->setUserCount(room, int(users.size()));
        if (room == m_currentRoom)
            m_users->setUsers(users);
    });
    client->on(QStringLiteral("room-list"), [this](const QVariantList &args) {
        m_rooms->setRooms(args.value(0).toMap().value(QStringLiteral("rooms")).toList());
    });
}

void ChatSession::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

int ChatSession::reconnectSecondsLeft() const
{
    if (m_state != State::Reconnecting || m_nextAttempt.hasExpired())
        return 0;
    return int(std::ceil(double(m_nextAttempt.remainingTime()) / 1000.0));
}

int ChatSession::reconnectDelay(int attempt) const
{
    // Client's own formula (ClientOptions): min(delay * 2^attempt, delayMax), jitter 0 here.
    const double delay
        = std::min(double(m_options.reconnectDelay) * std::pow(2.0, std::min(attempt, 30)),
            double(m_options.reconnectDelayMax));
    return int(delay);
}

void ChatSession::startCountdown(int delayMs)
{
    m_nextAttempt = QDeadlineTimer(delayMs);
    setState(State::Reconnecting);
    Q_EMIT reconnectCountdownChanged(reconnectSecondsLeft());
    m_countdownTimer.start();
}

void ChatSession::onConnected()
{
    m_countdownTimer.stop();
    m_attempt = 0;
    setState(State::Connected);
    m_client->emitEvent(
        QStringLiteral("list-rooms"), { QVariantMap() }, [this](const AckResult &result) {
            if (result.isOk())
                m_rooms->setRooms(result.value().toMap().value(QStringLiteral("rooms")).toList());
        });
    // A new connection is a new socket on the server: join again, then send what waited. The
    // server handles one connection's events in order, so the joins come first.
    for (const QString &room : std::as_const(m_wanted))
        sendJoin(room);
    const QList<Outgoing> outbox = std::exchange(m_outbox, {});
    for (const Outgoing &message : outbox)
        sendOutgoing(message);
}

void ChatSession::onDisconnected(const QString &reason)
{
    if (m_stopping || !m_client)
        return;
    if (reason == QLatin1String("io client disconnect")) {
        setState(State::Disconnected);
        return;
    }
    if (reason == QLatin1String("io server disconnect") || !m_options.reconnection) {
        setState(State::Disconnected);
        Q_EMIT notice(NoticeKind::Error, tr("The server ended the session."));
        return;
    }
    // The client waits reconnectDelay(0) before its first attempt.
    startCountdown(reconnectDelay(0));
}

void ChatSession::onConnectError(const QString &message)
{
    if (m_stopping || !m_client || m_state == State::Connected)
        return;
    Q_EMIT notice(
        NoticeKind::Error, tr("Cannot connect to %1: %2").arg(m_url.toDisplayString(), message));
    if (m_options.reconnection)
        startCountdown(reconnectDelay(m_attempt));
    else
        setState(State::Disconnected);
}

MessageModel *ChatSession::messages(const QString &room)
{
    MessageModel *&model = m_messages[room];
    if (!model)
        model = new MessageModel(this);
    return model;
}

void ChatSession::setCurrentRoom(const QString &room)
{
    if (room == m_currentRoom)
        return;
    m_currentRoom = room;
    m_rooms->clearUnread(room);
    m_users->setUsers(m_usersByRoom.value(room));
    Q_EMIT currentRoomChanged(room);
}

QStringList ChatSession::joinedRooms() const
{
    return m_rooms->joinedRooms();
}

void ChatSession::joinRoom(const QString &room)
{
    const QString name = room.trimmed();
    if (name.isEmpty())
        return;
    if (m_wanted.contains(name)) {
        if (m_rooms->isJoined(name))
            setCurrentRoom(name);
        return;
    }
    m_wanted.append(name);
    m_switchTo = name;
    if (m_state == State::Connected)
        sendJoin(name);
}

void ChatSession::sendJoin(const QString &room)
{
    m_client->emitEvent(QStringLiteral("join-room"),
        { QVariantMap { { kRoom, room }, { QStringLiteral("username"), m_username } } },
        [this, room](const AckResult &result) {
            const QVariantMap reply = result.value().toMap();
            if (!result.isOk() || !reply.value(QStringLiteral("joined")).toBool()) {
                if (!result.isOk() && result.status() == AckResult::Status::Disconnected)
                    return; // joined again on reconnect
                m_wanted.removeAll(room);
                Q_EMIT notice(NoticeKind::Error,
                    tr("Could not join %1: %2")
                        .arg(room,
                            result.isOk() ? reply.value(QStringLiteral("error")).toString()
                                          : result.errorString()));
                return;
            }
            if (!m_wanted.contains(room))
                return; // left meanwhile
            const QStringList users = toStringList(reply.value(QStringLiteral("users")));
            m_usersByRoom.insert(room, users);
            m_rooms->setJoined(room, true);
            m_rooms->setUserCount(room, int(users.size()));
            messages(room)->setHistory(reply.value(QStringLiteral("history")).toList(), m_username);
            if (room == m_currentRoom)
                m_users->setUsers(users);
            if (room == m_switchTo || m_currentRoom.isEmpty() || !m_wanted.contains(m_currentRoom))
                setCurrentRoom(room);
            if (room == m_switchTo)
                m_switchTo.clear();
            Q_EMIT roomJoined(room);
        });
}

void ChatSession::leaveRoom(const QString &room)
{
    if (!m_wanted.removeAll(room))
        return;
    m_rooms->setJoined(room, false);
    m_usersByRoom.remove(room);
    if (m_state == State::Connected)
        m_client->emitEvent(QStringLiteral("leave-room"), { QVariantMap { { kRoom, room } } });
    if (room == m_currentRoom) {
        const QStringList joined = m_rooms->joinedRooms();
        setCurrentRoom(joined.isEmpty() ? QString() : joined.constFirst());
    }
    Q_EMIT roomLeft(room);
}

bool ChatSession::sendMessage(const QString &text)
{
    if (text.isEmpty())
        return false;
    if (m_currentRoom.isEmpty()) {
        Q_EMIT notice(NoticeKind::Warning, tr("Join a room first."));
        return false;
    }
    Outgoing message { m_currentRoom, messages(m_currentRoom)->appendPending(m_username, text),
        text };
    if (m_state == State::Connected)
        sendOutgoing(message);
    else
        m_outbox.append(message);
    return true;
}

void ChatSession::sendOutgoing(const Outgoing &message)
{
    const QString room = message.room;
    const int localId = message.localId;
    m_client->emitEvent(
        QStringLiteral("send-message"),
        { QVariantMap { { QStringLiteral("text"), message.text }, { kRoom, room } } },
        [this, room, localId](const AckResult &result) {
            MessageModel *model = messages(room);
            if (!result.isOk()) {
                model->markFailed(localId,
                    result.status() == AckResult::Status::Timeout ? tr("no answer from the server")
                                                                  : tr("connection lost"));
                return;
            }
            const QVariantMap reply = result.value().toMap();
            if (reply.value(QStringLiteral("sent")).toBool()) {
                model->markDelivered(
                    localId, reply.value(QStringLiteral("id"), -1).toLongLong(), timeOf(reply));
                return;
            }
            const QString code = reply.value(QStringLiteral("code")).toString();
            const QString error = reply.value(QStringLiteral("error")).toString();
            if (code == QLatin1String("RATE_LIMITED")) {
                const int seconds = std::max(1,
                    int(std::ceil(reply.value(QStringLiteral("retryAfter")).toDouble() / 1000.0)));
                model->markFailed(localId, tr("too many messages"));
                Q_EMIT notice(NoticeKind::Warning,
                    tr("You are sending messages too fast. Wait %n second(s) and try again.",
                        nullptr, seconds));
            } else if (code == QLatin1String("VALIDATION")) {
                model->markFailed(localId, error);
                Q_EMIT notice(
                    NoticeKind::Error, tr("The server refused the message: %1").arg(error));
            } else {
                model->markFailed(localId, error);
                Q_EMIT notice(NoticeKind::Error, tr("Message not sent: %1").arg(error));
            }
        },
        kSendTimeoutMs);
}
