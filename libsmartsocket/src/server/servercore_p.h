#pragma once

// Server's private part, and the I/O core's handler. Its members are defined by seam:
//   servercore.cpp        Engine.IO connections: handshake, heartbeat, frames in and out
//   socketiorouter.cpp    Socket.IO routing: namespaces, CONNECT, events, acks, middleware
//   broadcastoperator.cpp broadcast: encode once, send to every selected socket
//   serverextensions.cpp  compression and encryption of frames
//   serverratelimit.cpp   rate limiting of incoming events
//   serverobserverhooks.cpp  reports to an attached ServerObserver (serverobserver.h)
// Bytes -> IoCore (transport/) -> ServerCore::onMessage -> Decoder (protocol/) ->
// ServerCore::handlePacket (socketiorouter.cpp) -> middleware chain -> the user's handler.

#include "enginesession.h"
#include "namespace_p.h"
#include "serverobserver.h"
#include "socket_p.h"

#include "cluster/redisconnection.h"
#include "features/envelope.h"
#include "features/pool.h"
#include "features/ratelimiter.h"
#include "protocol/socketio.h"
#include "session/ack_p.h"
#include "session/middlewarelist.h"
#include "transport/iocore.h"

#include <smartsocket/options.h>
#include <smartsocket/server.h>

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>

#include <memory>

namespace SmartSocket::Internal {

class ServerCore : public Transport::ConnectionHandler
{
public:
    ServerCore(Server *server, const ServerOptions &options);
    ~ServerCore() override;

    // Transport::ConnectionHandler
    Transport::HttpResponse onRequest(
        Transport::ConnectionId id, const Transport::HttpRequest &request) override;
    void onOpen(Transport::ConnectionId id) override;
    void onMessage(Transport::ConnectionId id, QByteArrayView payload, bool binary) override;
    void onClosed(
        Transport::ConnectionId id, Transport::CloseReason reason, const QString &detail) override;
    void onTimer(Transport::ConnectionId id, int queue) override;

    static ServerCore *get(const Server *server) { return server->d; }
    void applyOptions();
    Namespace *createNamespace(const QString &name);

    /// Encodes and sends one packet to one connection.
    void sendPacket(EngineSession *session, const Protocol::Packet &packet);
    /// Encodes once, sends to every socket selected by the operator.
    int broadcast(const BroadcastOperator &op, const Protocol::Packet &packet);
    /// Closes the whole connection; every socket gets `reason`.
    void closeSession(EngineSession *session, const QString &reason);
    /// Sends every namespace a DISCONNECT, then closes the connection
    /// (Socket::disconnectFromClient(true)).
    void disconnectSession(EngineSession *session, const QString &reason);
    /// Removes a socket from its namespace and session; emits the disconnected signals;
    /// deletes it later. With notifyClient, a DISCONNECT packet is sent first.
    void removeSocket(Socket *socket, const QString &reason, bool notifyClient);
    void reportConnectionError(EngineSession *session, const QString &message);

    Server *q;
    ServerOptions options;
    Transport::IoCore *io = nullptr;
    QHash<QString, Namespace *> namespaces;
    Namespace *root = nullptr;
    /// The cluster's Redis link (a child of the Server), shared by every namespace's adapter.
    Cluster::RedisConnection *redis = nullptr;
    QString redisUid;
    std::shared_ptr<const EventMiddlewareList> eventMiddleware;
    std::shared_ptr<const ConnectMiddlewareList> connectMiddleware;
    int pingQueue = -1;
    int pongQueue = -1;
    int connectQueue = -1;
    int sessionCount = 0;
    QString errorString;
    QByteArray encodeBuffer;
    RateLimiter rateLimiter;
    /// Engine.IO sessions, reused across connections with enableConnectionPooling.
    std::unique_ptr<ObjectPool<EngineSession>> sessionPool;
    QElapsedTimer rateLimitClock; // monotonic time base of the limiter
    ServerObserver *observer = nullptr; ///< instrumentation (serverobserver.h); null: none

    // Observer hooks (serverobserverhooks.cpp), called only when an observer is attached.
    void observePacketIn(EngineSession *session, const Protocol::Packet &packet);
    void observePacketOut(EngineSession *session, const Protocol::Packet &packet,
        qsizetype textBytes, const QList<QByteArray> &attachments);
    void observeBroadcast(const BroadcastOperator &op, const Protocol::Packet &packet,
        qsizetype textBytes, const QList<QByteArray> &attachments, int targets);
    void observeJoin(EngineSession *session, Socket *socket);
    void observeLeave(EngineSession *session, Socket *socket, const QString &reason);
    void observeRateLimit(Socket *socket, const QString &event, const RateLimiter::Result &result);
    /// Wraps a server emitWithAck's callback to report its reply, timeout or cancellation.
    AckCallback observedAck(
        Socket *socket, const QString &event, qint64 ackId, AckCallback callback);

    // Compression and encryption extensions (serverextensions.cpp).
    struct BroadcastCache
    {
        // Prepared once with compression (for deflate targets) and once without (for
        // encryption-only targets); unencrypted frames built once for compression-only ones.
        bool compressedReady = false;
        bool plainReady = false;
        bool framesReady = false;
        Features::PreparedMessage text;
        QList<Features::PreparedMessage> attachments;
        Features::PreparedMessage plainText;
        QList<Features::PreparedMessage> plainAttachments;
        QByteArray textFrame;
        QList<QByteArray> attachmentFrames;
    };
    /// Grants what the handshake query `ssx` asks for and the options allow.
    /// Parses and checks the encryption options (the key never appears in the error).
    bool prepareEncryption(QString *error);
    void setupExtensions(EngineSession *session, QByteArrayView query);
    /// The open packet with the "ssx" field when something was granted.
    QByteArray withExtensions(EngineSession *session, QByteArray openPacket) const;
    /// Opens an extended frame in place (payload/binary then describe the inner message);
    /// false when the connection was closed for it.
    bool unwrapMessage(
        EngineSession *session, QByteArrayView &payload, bool &binary, QByteArray &storage);
    void sendExtended(
        EngineSession *session, QByteArrayView text, const QList<QByteArray> &attachments);
    void broadcastExtended(EngineSession *session, BroadcastCache &cache, QByteArrayView text,
        const QList<QByteArray> &attachments);
    bool refuseUnencrypted(EngineSession *session, const QString &nsp);
    void failExtension(EngineSession *session, Features::Envelope::Error error);
    QVariantMap extensionStats(const Socket *socket) const;
    Features::Deflater deflater;
    Features::Inflater inflater;
    Features::CompressionCounters compressionTotals;
    QByteArray encryptionKey; ///< parsed 32 bytes; empty when encryption is off or invalid
    bool encryptionKeyParsed = false;
    QByteArray extScratch;

private:
    /// The reply channel of an incoming event's ack: one allocation per ack.
    struct AckReply final : Ack::State
    {
        void send(const QVariantList &args) override;
        ServerCore *core = nullptr;
        QString nsp;
        qint64 id = -1;
        QString event; ///< only with an observer attached at receipt
        qint64 receivedNs = 0; ///< only with an observer attached at receipt
    };
    void observeAckRequest(AckReply &reply, const QString &event);
    void observeAckAnswered(Socket *socket, const AckReply &reply);

    void handlePacket(EngineSession *session, Protocol::Packet &&packet);
    void handleConnect(EngineSession *session, Protocol::Packet &&packet);
    void handleEvent(EngineSession *session, Socket *socket, Protocol::Packet &&packet);
    void deliverEvent(
        Socket *socket, const QString &event, const QVariantList &args, const Ack &ack);
    void refuseEvent(Socket *socket, const QString &event, const Error &error, const Ack &ack);
    /// Rate limiting: false if the event is refused (client notified, ack answered).
    bool admitEvent(Socket *socket, const QString &event, const Ack &ack);
    void finishConnect(QPointer<Socket> socket, const Error *error);
    QString peerString(EngineSession *session) const;
};

} // namespace SmartSocket::Internal
