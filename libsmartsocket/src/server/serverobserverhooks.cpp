// The server's side of the instrumentation seam (serverobserver.h): what ServerCore's call
// sites hand to an attached observer. Everything here runs only when an observer is attached,
// so the work of gathering the data (strings, sizes, clocks) costs nothing otherwise.

#include "servercore_p.h"

namespace SmartSocket::Internal {

using Protocol::Packet;
using Protocol::PacketType;

namespace {

quint8 extensionFlags(const EngineSession *session)
{
    if (!session || !session->ext)
        return 0;
    const Features::Extensions &granted = session->ext->extensions();
    return quint8((granted.deflate ? ServerObserver::Deflate : 0)
        | (granted.aes256gcm ? ServerObserver::Aes256Gcm : 0));
}

QString eventOf(const Packet &packet)
{
    if (packet.type != PacketType::Event && packet.type != PacketType::BinaryEvent)
        return {};
    if (packet.data.typeId() != QMetaType::QVariantList)
        return {};
    const auto &list = *static_cast<const QVariantList *>(packet.data.constData());
    return list.isEmpty() ? QString() : list.first().toString();
}

/// The attachments of a decoded binary packet: the QByteArrays the decoder put back.
void countBinary(const QVariant &value, qsizetype *bytes, int *count)
{
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        *bytes += static_cast<const QByteArray *>(value.constData())->size();
        ++*count;
        return;
    case QMetaType::QVariantList:
        for (const QVariant &item : *static_cast<const QVariantList *>(value.constData()))
            countBinary(item, bytes, count);
        return;
    case QMetaType::QVariantMap:
        for (const QVariant &item : *static_cast<const QVariantMap *>(value.constData()))
            countBinary(item, bytes, count);
        return;
    default:
        return;
    }
}

qsizetype totalSize(const QList<QByteArray> &attachments)
{
    qsizetype bytes = 0;
    for (const QByteArray &attachment : attachments)
        bytes += attachment.size();
    return bytes;
}

} // namespace

void ServerCore::observePacketIn(EngineSession *session, const Packet &packet)
{
    ServerObserver::PacketInfo info;
    info.direction = ServerObserver::Direction::In;
    info.type = packet.type;
    info.nsp = packet.nsp;
    info.sid = session->sid;
    if (const Socket *socket = session->socketFor(packet.nsp))
        info.socketId = socket->d->id;
    info.event = eventOf(packet);
    info.textBytes = session->observedTextBytes;
    if (packet.type == PacketType::BinaryEvent || packet.type == PacketType::BinaryAck)
        countBinary(packet.data, &info.binaryBytes, &info.attachments);
    info.ackId = packet.id;
    info.extensions = extensionFlags(session);
    info.data = &packet.data;
    observer->packet(info);
}

void ServerCore::observePacketOut(EngineSession *session, const Packet &packet, qsizetype textBytes,
    const QList<QByteArray> &attachments)
{
    ServerObserver::PacketInfo info;
    info.direction = ServerObserver::Direction::Out;
    // The encoder writes an EVENT/ACK carrying binary data as BINARY_EVENT/BINARY_ACK.
    info.type = packet.type;
    if (!attachments.isEmpty() && packet.type == PacketType::Event)
        info.type = PacketType::BinaryEvent;
    else if (!attachments.isEmpty() && packet.type == PacketType::Ack)
        info.type = PacketType::BinaryAck;
    info.nsp = packet.nsp;
    info.sid = session->sid;
    if (const Socket *socket = session->socketFor(packet.nsp))
        info.socketId = socket->d->id;
    info.event = eventOf(packet);
    info.textBytes = textBytes;
    info.binaryBytes = totalSize(attachments);
    info.attachments = int(attachments.size());
    info.ackId = packet.id;
    info.extensions = extensionFlags(session);
    info.data = &packet.data;
    observer->packet(info);
}

void ServerCore::observeBroadcast(const BroadcastOperator &op, const Packet &packet,
    qsizetype textBytes, const QList<QByteArray> &attachments, int targets)
{
    ServerObserver::PacketInfo info;
    info.direction = ServerObserver::Direction::Out;
    info.type = attachments.isEmpty() ? packet.type : PacketType::BinaryEvent;
    info.nsp = packet.nsp;
    info.targets = targets;
    info.event = eventOf(packet);
    info.textBytes = textBytes;
    info.binaryBytes = totalSize(attachments);
    info.attachments = int(attachments.size());
    info.ackId = packet.id;
    info.data = &packet.data;
    info.rooms = &op.rooms();
    info.exceptRooms = &op.exceptRooms();
    observer->packet(info);
}

void ServerCore::observeJoin(EngineSession *session, Socket *socket)
{
    observer->namespaceJoined(session->sid, socket);
    // As socket.io's adapter: every socket is in the room named after its id.
    if (observer)
        observer->roomJoined(socket, socket->d->id);
}

void ServerCore::observeLeave(EngineSession *session, Socket *socket, const QString &reason)
{
    const QSet<QString> rooms = socket->d->nsp->d->registry.roomsOf(socket);
    for (const QString &room : rooms) {
        if (observer)
            observer->roomLeft(socket, room);
    }
    if (observer)
        observer->roomLeft(socket, socket->d->id);
    if (observer)
        observer->namespaceLeft(session ? session->sid : QString(), socket, reason);
}

void ServerCore::observeRateLimit(
    Socket *socket, const QString &event, const RateLimiter::Result &result)
{
    const RateLimit limit = rateLimiter.limitFor(event);
    if (!limit.isValid())
        return; // no limit applied: nothing was decided
    ServerObserver::RateLimitInfo info;
    info.socket = socket;
    info.event = event;
    info.allowed = result.allowed;
    info.remaining
        = rateLimiter.remaining(socket->d->rateLimit.get(), event, rateLimitClock.nsecsElapsed());
    info.retryAfterMs = result.retryAfterMs;
    info.window = limit.window;
    info.maxRequests = limit.maxRequests;
    observer->rateLimitChecked(info);
}

AckCallback ServerCore::observedAck(
    Socket *socket, const QString &event, qint64 ackId, AckCallback callback)
{
    ServerObserver::AckInfo info;
    info.direction = ServerObserver::Direction::Out;
    info.nsp = socket->d->nsp->d->name;
    info.sid = socket->d->session ? socket->d->session->sid : QString();
    info.socketId = socket->d->id;
    info.event = event;
    info.ackId = ackId;
    const qint64 sentNs = rateLimitClock.nsecsElapsed();
    // The tracker calling this belongs to a socket of this server: `this` outlives it (the
    // tracker drops its callbacks uncalled when it is destroyed).
    return [this, info = std::move(info), sentNs, callback = std::move(callback)](
               const AckResult &result) mutable {
        if (observer) {
            info.latencyNs = rateLimitClock.nsecsElapsed() - sentNs;
            switch (result.status()) {
            case AckResult::Status::Ok:
                observer->ackReplied(info);
                break;
            case AckResult::Status::Timeout:
                observer->ackTimedOut(info);
                break;
            case AckResult::Status::Disconnected:
            case AckResult::Status::Disabled:
                observer->ackCancelled(info);
                break;
            }
        }
        if (callback)
            callback(result);
    };
}

void ServerCore::observeAckRequest(AckReply &reply, const QString &event)
{
    reply.event = event;
    reply.receivedNs = rateLimitClock.nsecsElapsed();
}

void ServerCore::observeAckAnswered(Socket *socket, const AckReply &reply)
{
    if (reply.receivedNs == 0 || !socket->d->session || socket->d->session->closed)
        return; // the observer was attached after the event arrived, or nothing was sent
    ServerObserver::AckInfo info;
    info.direction = ServerObserver::Direction::In;
    info.nsp = reply.nsp;
    info.sid = socket->d->session->sid;
    info.socketId = socket->d->id;
    info.event = reply.event;
    info.ackId = reply.id;
    info.latencyNs = rateLimitClock.nsecsElapsed() - reply.receivedNs;
    observer->ackReplied(info);
}

} // namespace SmartSocket::Internal
