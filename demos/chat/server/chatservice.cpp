#include "chatservice.h"

#include <smartsocket/smartsocket.h>

#include <QDateTime>

#include <algorithm>

using SmartSocket::Ack;
using SmartSocket::Error;
using SmartSocket::Namespace;
using SmartSocket::Next;
using SmartSocket::Socket;

namespace {

const QString kUsername = QStringLiteral("username");
const QString kRoom = QStringLiteral("room");

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QVariantMap refusal(const QString &flag, const QString &error, const QString &code)
{
    return { { flag, false }, { QStringLiteral("error"), error },
        { QStringLiteral("code"), code } };
}

// The payload object; a missing or non-object argument is an empty map (then refused).
QVariantMap payload(const QVariantList &args)
{
    const QVariant first = args.value(0);
    return first.metaType().id() == QMetaType::QVariantMap ? first.toMap() : QVariantMap();
}

} // namespace

ChatService::ChatService(Namespace *nsp, const Settings &settings, QObject *parent)
    : QObject(parent), m_nsp(nsp), m_settings(settings)
{
    for (const QString &room : std::as_const(m_settings.defaultRooms))
        m_rooms.insert(room, Room());

    // Only send-message carries a text: a middleware for every event (as in the seed) would
    // refuse join-room and leave-room.
    const int maxLength = m_settings.maxMessageLength;
    nsp->use(QStringLiteral("send-message"),
        [maxLength](Socket *, const QString &, QVariantList &args, const Next &next) {
            const QVariant text = payload(args).value(QStringLiteral("text"));
            if (text.metaType().id() != QMetaType::QString)
                return next(Error(
                    QStringLiteral("A message needs a text"), {}, QStringLiteral("VALIDATION")));
            const QString value = text.toString();
            if (value.trimmed().isEmpty())
                return next(
                    Error(QStringLiteral("Empty message"), {}, QStringLiteral("VALIDATION")));
            if (value.size() > maxLength)
                return next(Error(QStringLiteral("Message too long: %1 characters, at most %2")
                                      .arg(value.size())
                                      .arg(maxLength),
                    QVariantMap { { QStringLiteral("maxLength"), maxLength } },
                    QStringLiteral("VALIDATION")));
            next();
        });

    nsp->on(QStringLiteral("join-room"),
        [this](Socket *s, const QVariantList &args, const Ack &ack) { onJoin(s, args, ack); });
    nsp->on(QStringLiteral("send-message"),
        [this](Socket *s, const QVariantList &args, const Ack &ack) { onSend(s, args, ack); });
    nsp->on(QStringLiteral("leave-room"),
        [this](Socket *s, const QVariantList &args, const Ack &ack) { onLeave(s, args, ack); });
    nsp->on(QStringLiteral("list-rooms"),
        [this](Socket *, const QVariantList &, const Ack &ack) { onListRooms(ack); });
    connect(nsp, &Namespace::disconnected, this,
        [this](Socket *socket, const QString &) { onDisconnected(socket); });
}

ChatService::~ChatService()
{
    for (const QString &event : { QStringLiteral("join-room"), QStringLiteral("send-message"),
             QStringLiteral("leave-room"), QStringLiteral("list-rooms") })
        m_nsp->off(event);
}

void ChatService::shutdown()
{
    disconnect(m_nsp, nullptr, this, nullptr);
}

QStringList ChatService::rooms() const
{
    QStringList names = m_rooms.keys();
    names.sort();
    return names;
}

QStringList ChatService::users(const QString &room) const
{
    QStringList names = m_rooms.value(room).members.values();
    std::sort(names.begin(), names.end(),
        [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    return names;
}

QList<QVariantMap> ChatService::history(const QString &room) const
{
    return m_rooms.value(room).history;
}

QString ChatService::checkName(const QString &what, const QString &value, int maxLength) const
{
    if (value.trimmed().isEmpty())
        return QStringLiteral("%1 is empty").arg(what);
    if (value.size() > maxLength)
        return QStringLiteral("%1 is longer than %2 characters").arg(what).arg(maxLength);
    if (value != value.trimmed())
        return QStringLiteral("%1 starts or ends with spaces").arg(what);
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return QStringLiteral("%1 contains control characters").arg(what);
    }
    return {};
}

void ChatService::onJoin(Socket *socket, const QVariantList &args, const Ack &ack)
{
    const QString flag = QStringLiteral("joined");
    const QVariantMap data = payload(args);
    const QString room = data.value(kRoom).toString();
    const QString username = data.value(kUsername).toString();
    QString problem = checkName(QStringLiteral("Room name"), room, m_settings.maxRoomNameLength);
    if (problem.isEmpty())
        problem = checkName(QStringLiteral("User name"), username, m_settings.maxNameLength);
    if (!problem.isEmpty())
        return ack({ refusal(flag, problem, QStringLiteral("VALIDATION")) });
    // One name per session: a second name would show the same person twice in user lists.
    const QString current = socket->data().value(kUsername).toString();
    if (!current.isEmpty() && current != username) {
        bool inSomeRoom = false;
        for (const Room &r : std::as_const(m_rooms))
            inSomeRoom = inSomeRoom || r.members.contains(socket->id());
        if (inSomeRoom)
            return ack({ refusal(flag,
                QStringLiteral("Already joined rooms as %1; leave them to change the name")
                    .arg(current),
                QStringLiteral("NAME_IN_USE")) });
    }

    socket->data().insert(kUsername, username);
    socket->data().insert(kRoom, room);
    Room &r = m_rooms[room];
    const bool isNew = !r.members.contains(socket->id());
    if (isNew) {
        socket->join(room);
        r.members.insert(socket->id(), username);
    }
    QVariantList history;
    for (const QVariantMap &message : std::as_const(r.history))
        history.append(message);
    ack({ QVariantMap { { flag, true }, { kRoom, room },
        { QStringLiteral("users"), QVariant(users(room)).toList() },
        { QStringLiteral("history"), history } } });
    if (!isNew)
        return;
    m_nsp->to(room).emitEvent(QStringLiteral("user-joined"),
        { QVariantMap {
            { kUsername, username }, { kRoom, room }, { QStringLiteral("timestamp"), now() } } });
    announceUsers(room);
    announceRoomList();
    Q_EMIT userJoined(room, username);
}

void ChatService::onSend(Socket *socket, const QVariantList &args, const Ack &ack)
{
    const QString flag = QStringLiteral("sent");
    const QVariantMap data = payload(args);
    const QString room = data.contains(kRoom) ? data.value(kRoom).toString()
                                              : socket->data().value(kRoom).toString();
    const auto it = m_rooms.constFind(room);
    if (room.isEmpty() || it == m_rooms.constEnd() || !it->members.contains(socket->id()))
        return ack({ refusal(flag,
            room.isEmpty() ? QStringLiteral("Join a room first")
                           : QStringLiteral("Not in room %1").arg(room),
            QStringLiteral("NOT_IN_ROOM")) });

    const QVariantMap message { { QStringLiteral("id"), m_nextMessageId++ },
        { QStringLiteral("from"), it->members.value(socket->id()) },
        { QStringLiteral("text"), data.value(QStringLiteral("text")).toString() }, { kRoom, room },
        { QStringLiteral("timestamp"), now() } };
    Room &r = m_rooms[room];
    r.history.append(message);
    while (r.history.size() > m_settings.historySize)
        r.history.removeFirst();
    // The sender has the ack (and its own copy already): sending it the message too would
    // show it twice.
    socket->to(room).emitEvent(QStringLiteral("message"), { message });
    ack({ QVariantMap { { flag, true },
        { QStringLiteral("id"), message.value(QStringLiteral("id")) }, { kRoom, room },
        { QStringLiteral("timestamp"), message.value(QStringLiteral("timestamp")) } } });
    Q_EMIT messagePosted(message);
}

void ChatService::onLeave(Socket *socket, const QVariantList &args, const Ack &ack)
{
    const QString flag = QStringLiteral("left");
    const QVariantMap data = payload(args);
    const QString room = data.contains(kRoom) ? data.value(kRoom).toString()
                                              : socket->data().value(kRoom).toString();
    if (!removeMember(socket, room))
        return ack({ refusal(flag,
            room.isEmpty() ? QStringLiteral("Not in any room")
                           : QStringLiteral("Not in room %1").arg(room),
            QStringLiteral("NOT_IN_ROOM")) });
    if (socket->data().value(kRoom).toString() == room)
        socket->data().remove(kRoom);
    ack({ QVariantMap { { flag, true }, { kRoom, room } } });
    announceRoomList();
}

void ChatService::onListRooms(const Ack &ack) const
{
    ack({ QVariantMap { { QStringLiteral("rooms"), roomList() } } });
}

void ChatService::onDisconnected(Socket *socket)
{
    bool changed = false;
    const QStringList names = m_rooms.keys();
    for (const QString &room : names)
        changed = removeMember(socket, room) || changed;
    if (changed)
        announceRoomList();
}

bool ChatService::removeMember(Socket *socket, const QString &room)
{
    const auto it = m_rooms.find(room);
    if (it == m_rooms.end() || !it->members.contains(socket->id()))
        return false;
    const QString username = it->members.take(socket->id());
    if (socket->isConnected())
        socket->leave(room);
    if (it->members.isEmpty() && !m_settings.defaultRooms.contains(room)) {
        m_rooms.erase(it);
    } else {
        m_nsp->to(room).emitEvent(QStringLiteral("user-left"),
            { QVariantMap { { kUsername, username }, { kRoom, room },
                { QStringLiteral("timestamp"), now() } } });
        announceUsers(room);
    }
    Q_EMIT userLeft(room, username);
    return true;
}

void ChatService::announceUsers(const QString &room)
{
    m_nsp->to(room).emitEvent(QStringLiteral("room-users"),
        { QVariantMap {
            { kRoom, room }, { QStringLiteral("users"), QVariant(users(room)).toList() } } });
}

void ChatService::announceRoomList()
{
    m_nsp->emitEvent(
        QStringLiteral("room-list"), { QVariantMap { { QStringLiteral("rooms"), roomList() } } });
}

QVariantList ChatService::roomList() const
{
    QVariantList list;
    for (const QString &name : rooms()) {
        list.append(QVariantMap { { QStringLiteral("name"), name },
            { QStringLiteral("users"), m_rooms.value(name).members.size() } });
    }
    return list;
}
