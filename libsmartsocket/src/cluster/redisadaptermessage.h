#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

#include <optional>

namespace SmartSocket::Cluster {

/// The messages of @socket.io/redis-adapter 8.x (the classic adapter; key "socket.io"), with
/// no socket in sight: channel names, the msgpack broadcast [uid, packet, opts] and the
/// requests/responses (JSON, or msgpack when the first byte is not '{').
class RedisAdapterMessage
{
public:
    enum RequestType {
        Sockets = 0,
        AllRooms = 1,
        RemoteJoin = 2,
        RemoteLeave = 3,
        RemoteDisconnect = 4,
        RemoteFetch = 5,
        ServerSideEmit = 6,
        Broadcast = 7,
        BroadcastClientCount = 8,
        BroadcastAck = 9,
    };

    struct BroadcastMessage
    {
        QString uid;
        int packetType = 2; ///< Socket.IO packet type (2 = EVENT)
        QVariantList data; ///< [event, ...args]
        QString nsp = QStringLiteral("/");
        QStringList rooms;
        QStringList except;
        QVariantMap flags; ///< volatile, compress, local, broadcast, binary, timeout
    };

    static QByteArray broadcastChannel(const QString &key, const QString &nsp);
    /// Where a broadcast goes: the room's channel for exactly one room, else the namespace's.
    static QByteArray broadcastChannel(
        const QString &key, const QString &nsp, const QStringList &rooms);
    static QByteArray requestChannel(const QString &key, const QString &nsp);
    static QByteArray responseChannel(const QString &key, const QString &nsp);

    static QByteArray encodeBroadcast(const BroadcastMessage &message);
    /// nullopt and *error on anything that is not [uid, {type, data, nsp?}, {rooms, except,
    /// flags}] (a missing nsp means "/", as in the adapter).
    static std::optional<BroadcastMessage> decodeBroadcast(
        const QByteArray &bytes, QString *error = nullptr);

    /// A request or response object; JSON when the first byte is '{', msgpack otherwise.
    /// An invalid QVariantMap (empty) with *error when it is neither, or not an object.
    static QVariantMap decodeRequest(const QByteArray &bytes, QString *error = nullptr);
    /// JSON, as the adapter sends every request but BROADCAST (which we do not send).
    static QByteArray encodeRequest(const QVariantMap &request);

    /// 6 characters like the adapter's uid2(6) (used for uids and request ids).
    static QString randomId();
};

} // namespace SmartSocket::Cluster
