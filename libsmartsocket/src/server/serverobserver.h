#pragma once

// The server's instrumentation seam (internal, not installed): what the inspector's admin
// namespace and the statistics are built on. ServerCore holds one ServerObserver pointer,
// null by default; every point below is `if (Q_UNLIKELY(observer)) ...` in the server, so a
// server with no observer pays one predictable branch per point and nothing else: the data
// passed here (strings, sizes, clocks) is gathered only inside that branch.
//
// Attach with ServerCore::get(server)->observer = &myObserver (server thread only; detach
// before the observer dies). Callbacks run in the server's thread, synchronously, from inside
// the server's processing. A callback may send packets (emit to sockets, broadcast): it is
// then called again for what it sends, so an observer that reports packets to a namespace
// must skip that namespace's own packets. A callback must not disconnect sockets, close
// connections or join/leave rooms (queue such work, e.g. with a queued invokeMethod).
//
// Extension counters are pulled, not pushed: ServerCore::compressionTotals (server-wide),
// Server::extensionStats(socket) (one connection) and PacketInfo::extensions tell which
// packets travelled compressed and/or encrypted.

#include "protocol/packet.h"

#include <smartsocket/ack.h>
#include <smartsocket/handshake.h>

#include <QSet>
#include <QString>
#include <QVariant>

namespace SmartSocket {

class Socket;

namespace Internal {

class ServerObserver
{
public:
    enum class Direction : quint8 {
        In, ///< from a client to the server
        Out, ///< from the server to a client
    };

    /// Extensions granted on the connection a packet travelled on.
    enum ExtensionFlag : quint8 { Deflate = 0x01, Aes256Gcm = 0x02 };

    /// One Socket.IO packet (every type: CONNECT, EVENT, ACK, ...), counted once per encoding:
    /// a broadcast is one PacketInfo with `targets` sockets.
    struct PacketInfo
    {
        Direction direction = Direction::In;
        Protocol::PacketType type = Protocol::PacketType::Event;
        QString nsp;
        /// The Engine.IO session id; empty for a broadcast.
        QString sid;
        /// The namespace socket; empty for a broadcast and for a packet of a namespace the
        /// connection has not joined (a CONNECT, a refused CONNECT's CONNECT_ERROR).
        QString socketId;
        /// Sockets reached: 1 for a packet to or from one connection, the number of targets of
        /// a broadcast (it is encoded once and sent to each).
        int targets = 1;
        /// EVENT and BINARY_EVENT: the event name (the first element of `data`); else empty.
        QString event;
        /// Size of the Socket.IO packet's text as it is in the Engine.IO message (type,
        /// attachment count, namespace, ack id, JSON data; the message's '4' prefix is not
        /// counted), before compression or encryption.
        qsizetype textBytes = 0;
        /// Total size of the binary attachments (0 without any).
        qsizetype binaryBytes = 0;
        int attachments = 0;
        qint64 ackId = -1; ///< -1 when none
        quint8 extensions = 0; ///< ExtensionFlag bits; 0 for a broadcast
        /// The packet's data (for an EVENT: the event name, then the arguments); valid
        /// during the call only.
        const QVariant *data = nullptr;
        /// The broadcast's room selection; null when not a broadcast.
        const QSet<QString> *rooms = nullptr;
        const QSet<QString> *exceptRooms = nullptr;
    };

    /// One acknowledgement that finished.
    struct AckInfo
    {
        /// Out: the server asked (Socket::emitWithAck) and the client replied or not.
        /// In: the client asked (an EVENT with an ack id) and the server replied.
        Direction direction = Direction::Out;
        QString nsp;
        QString sid;
        QString socketId;
        QString event;
        qint64 ackId = -1;
        /// Out: from the emit to the reply (or the timeout); In: from the receipt of the
        /// event to the reply being sent. Monotonic clock, nanoseconds.
        qint64 latencyNs = 0;
    };

    /// One rate-limit check of an incoming event (events that no limit applies to, and
    /// events of admin sockets bypassing the limits, are not checked and not reported).
    struct RateLimitInfo
    {
        const Socket *socket = nullptr;
        QString event;
        bool allowed = true;
        int remaining = 0; ///< events the socket may still send now under this limit
        qint64 retryAfterMs = 0; ///< when refused: ms until an event would be admitted
        int window = 0; ///< the limit that applied (ms)
        int maxRequests = 0;
    };

    virtual ~ServerObserver() = default;

    /// An Engine.IO connection opened (the WebSocket upgrade was accepted and the Engine.IO
    /// open packet queued). `handshake` has no auth (auth belongs to namespace CONNECTs).
    virtual void connectionOpened(const QString &sid, const Handshake &handshake)
    {
        Q_UNUSED(sid);
        Q_UNUSED(handshake);
    }
    /// The connection is gone; called after every namespaceLeft of its sockets.
    virtual void connectionClosed(const QString &sid, const QString &reason)
    {
        Q_UNUSED(sid);
        Q_UNUSED(reason);
    }

    /// A socket joined its namespace (its CONNECT was accepted; before the CONNECT reply and
    /// the connected signals). Followed by roomJoined for the socket's own-id room.
    virtual void namespaceJoined(const QString &sid, Socket *socket)
    {
        Q_UNUSED(sid);
        Q_UNUSED(socket);
    }
    /// A socket left its namespace (still readable: id, nsp, handshake, data). Preceded by
    /// roomLeft for each of its rooms, its own-id room last.
    virtual void namespaceLeft(const QString &sid, Socket *socket, const QString &reason)
    {
        Q_UNUSED(sid);
        Q_UNUSED(socket);
        Q_UNUSED(reason);
    }

    /// A socket entered a room it was not in (the own-id room is reported at connect).
    virtual void roomJoined(Socket *socket, const QString &room)
    {
        Q_UNUSED(socket);
        Q_UNUSED(room);
    }
    virtual void roomLeft(Socket *socket, const QString &room)
    {
        Q_UNUSED(socket);
        Q_UNUSED(room);
    }

    /// A packet was decoded (In, before it is handled) or sent (Out, after it is queued).
    virtual void packet(const PacketInfo &info) { Q_UNUSED(info); }

    /// An acknowledgement was answered (both directions, see AckInfo::direction).
    virtual void ackReplied(const AckInfo &info) { Q_UNUSED(info); }
    /// A server emitWithAck got no reply within its timeout.
    virtual void ackTimedOut(const AckInfo &info) { Q_UNUSED(info); }
    /// A server emitWithAck can no longer be answered: the socket disconnected first.
    virtual void ackCancelled(const AckInfo &info) { Q_UNUSED(info); }

    virtual void rateLimitChecked(const RateLimitInfo &info) { Q_UNUSED(info); }
};

} // namespace Internal
} // namespace SmartSocket
