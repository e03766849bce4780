#pragma once

// Socket.IO v5 packet model. Pure Qt::Core, no network code.

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

namespace SmartSocket::Protocol {

enum class PacketType : quint8 {
    Connect = 0,
    Disconnect = 1,
    Event = 2,
    Ack = 3,
    ConnectError = 4,
    BinaryEvent = 5,
    BinaryAck = 6,
};

/// One Socket.IO packet. `data` holds: CONNECT — a QVariantMap or nothing (invalid);
/// DISCONNECT — nothing; EVENT/BINARY_EVENT — a QVariantList whose first element is the event
/// name; ACK/BINARY_ACK — a QVariantList; CONNECT_ERROR — a QVariantMap (or a QString, v4).
/// Binary values are QByteArray anywhere inside `data`: the encoder turns them into
/// placeholders + attachments, the decoder puts them back.
struct Packet
{
    PacketType type = PacketType::Event;
    QString nsp = QStringLiteral("/");
    qint64 id = -1; ///< ack id, -1 when none
    QVariant data;
};

/// Engine.IO v4 packet types (the first character of a text frame).
enum class EnginePacketType : char {
    Open = '0',
    Close = '1',
    Ping = '2',
    Pong = '3',
    Message = '4',
    Upgrade = '5',
    Noop = '6',
};

/// Event names a peer may not emit (socket.io's RESERVED_EVENTS).
bool isReservedEventName(QStringView name);

/// A random id of 20 base64url characters (the shape Node uses for sids).
QString generateId();

} // namespace SmartSocket::Protocol
