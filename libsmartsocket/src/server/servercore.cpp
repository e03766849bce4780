#include "servercore_p.h"

#include "protocol/engineio.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "smartsocket.server", QtWarningMsg)

namespace SmartSocket::Internal {

using Protocol::EngineError;
using Protocol::Packet;

ServerCore::ServerCore(Server *server, const ServerOptions &opts)
    : q(server), options(opts), io(new Transport::IoCore(this, server))
{
    pingQueue = io->createTimerQueue(options.pingInterval);
    pongQueue = io->createTimerQueue(options.pingTimeout);
    connectQueue = io->createTimerQueue(options.connectTimeout);
    rateLimitClock.start();
    if (options.enableConnectionPooling)
        sessionPool = std::make_unique<ObjectPool<EngineSession>>(
            options.poolSize, options.maxPoolSize, options.poolGrowthRate);
    applyOptions();
}

ServerCore::~ServerCore() = default;

void ServerCore::applyOptions()
{
    io->setTimerQueueDuration(pingQueue, options.pingInterval);
    io->setTimerQueueDuration(pongQueue, options.pingTimeout);
    io->setTimerQueueDuration(connectQueue, options.connectTimeout);
    io->setMaxConnections(options.maxConnections);
    io->setMaxMessageSize(options.maxPayload);
    io->setMaxOutputBuffer(options.maxOutputBuffer);
    io->setHandshakeTimeout(options.connectionTimeout);
    rateLimiter.setGlobalLimit(options.enableRateLimiting,
        RateLimit { options.rateLimitWindow, options.rateLimitMaxRequests });
}

static QByteArray normalizedPath(QByteArray path)
{
    while (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    if (!path.startsWith('/'))
        path.prepend('/');
    return path;
}

/// Percent-decoded value of `key` in a raw query string (the first occurrence).
static QByteArray queryValue(QByteArrayView query, QByteArrayView key, bool *found)
{
    *found = false;
    while (!query.isEmpty()) {
        const qsizetype amp = query.indexOf('&');
        const QByteArrayView item = amp < 0 ? query : query.first(amp);
        query = amp < 0 ? QByteArrayView() : query.sliced(amp + 1);
        const qsizetype eq = item.indexOf('=');
        const QByteArrayView k = eq < 0 ? item : item.first(eq);
        if (k == key) {
            *found = true;
            if (eq < 0)
                return {};
            const QByteArrayView value = item.sliced(eq + 1);
            return value.contains('%') ? QByteArray::fromPercentEncoding(value.toByteArray())
                                       : value.toByteArray();
        }
    }
    return {};
}

Transport::HttpResponse ServerCore::onRequest(
    Transport::ConnectionId id, const Transport::HttpRequest &request)
{
    const auto refuse = [&](EngineError code) {
        Transport::HttpResponse response;
        response.status = code == EngineError::Forbidden ? 403 : 400;
        response.body = Protocol::engineErrorBody(code);
        Q_EMIT q->connectionError(
            request.peerAddress.toString() + QLatin1Char(':') + QString::number(request.peerPort),
            Protocol::engineErrorMessage(code));
        return response;
    };

    if (normalizedPath(request.path) != normalizedPath(options.path.toUtf8())) {
        Transport::HttpResponse response;
        response.status = 404;
        response.contentType = "text/plain";
        response.body = "Not found";
        return response;
    }
    bool hasTransport = false;
    bool hasSid = false;
    bool hasEio = false;
    const QByteArray transport = queryValue(request.query, "transport", &hasTransport);
    const QByteArray sid = queryValue(request.query, "sid", &hasSid);
    const QByteArray eio = queryValue(request.query, "EIO", &hasEio);
    // Same order of checks as engine.io's verify(): transport, sid, method, version.
    if (!hasTransport || transport != "websocket")
        return refuse(EngineError::TransportUnknown);
    if (!sid.isEmpty())
        return refuse(EngineError::UnknownSid);
    if (request.method != "GET")
        return refuse(EngineError::BadHandshakeMethod);
    if (!hasEio || eio != "4")
        return refuse(EngineError::UnsupportedProtocolVersion);
    if (!request.isWebSocketUpgrade)
        return refuse(EngineError::BadRequest);

    auto *session = sessionPool ? sessionPool->acquire() : new EngineSession;
    session->conn = id;
    session->sid = Protocol::generateId();
    auto handshake = std::make_shared<HandshakeData>();
    handshake->head = request.head;
    handshake->target = request.target;
    handshake->address = request.peerAddress;
    handshake->port = request.peerPort;
    handshake->issued = QDateTime::currentMSecsSinceEpoch();
    handshake->secure = request.secure;
    session->handshake = std::move(handshake);
    setupExtensions(session, request.query);
    io->setUserData(id, session);
    ++sessionCount;
    return {};
}

void ServerCore::onOpen(Transport::ConnectionId id)
{
    auto *session = static_cast<EngineSession *>(io->userData(id));
    if (!session)
        return;
    Protocol::OpenInfo info;
    info.sid = session->sid;
    info.pingInterval = options.pingInterval;
    info.pingTimeout = options.pingTimeout;
    info.maxPayload = options.maxPayload;
    io->sendText(id, withExtensions(session, Protocol::encodeOpen(info)));
    io->armTimer(id, 0, pingQueue);
    io->armTimer(id, 1, connectQueue);
}

void ServerCore::onMessage(Transport::ConnectionId id, QByteArrayView payload, bool binary)
{
    auto *session = static_cast<EngineSession *>(io->userData(id));
    if (!session || session->closed)
        return;
    QByteArray unwrapped;
    if (session->ext && !unwrapMessage(session, payload, binary, unwrapped))
        return;
    Protocol::Decoder &decoder = session->decoder;
    if (binary) {
        if (!decoder.isAwaitingAttachments()) {
            reportConnectionError(session, QStringLiteral("binary data without a pending packet"));
            closeSession(session, QStringLiteral("parse error"));
            return;
        }
        const auto status = decoder.addAttachment(payload.toByteArray());
        if (status == Protocol::Decoder::Status::Error) {
            reportConnectionError(session, decoder.errorString());
            closeSession(session, QStringLiteral("parse error"));
        } else if (status == Protocol::Decoder::Status::Packet) {
            handlePacket(session, decoder.takePacket());
        }
        return;
    }
    if (payload.isEmpty()) {
        reportConnectionError(session, QStringLiteral("empty Engine.IO packet"));
        closeSession(session, QStringLiteral("parse error"));
        return;
    }
    switch (payload.front()) {
    case '4': {
        const auto status = decoder.decodeText(payload.sliced(1));
        if (status == Protocol::Decoder::Status::Packet) {
            handlePacket(session, decoder.takePacket());
        } else if (status == Protocol::Decoder::Status::Error) {
            reportConnectionError(session, decoder.errorString());
            closeSession(session, QStringLiteral("parse error"));
        }
        return;
    }
    case '3': // pong: the next ping comes pingInterval from now
        io->armTimer(id, 0, pingQueue);
        return;
    case '1': // the client closes the session
        closeSession(session, QStringLiteral("transport close"));
        return;
    case '6': // noop
    case '5': // upgrade: meaningless on a session opened over WebSocket; Node ignores it
        return;
    case '2': // a v4 client never pings
        reportConnectionError(session, QStringLiteral("invalid heartbeat direction"));
        closeSession(session, QStringLiteral("transport error"));
        return;
    default:
        reportConnectionError(session, QStringLiteral("unknown Engine.IO packet type"));
        closeSession(session, QStringLiteral("parse error"));
        return;
    }
}

static QString reasonString(Transport::CloseReason reason)
{
    switch (reason) {
    case Transport::CloseReason::PeerClosed:
        return QStringLiteral("transport close");
    case Transport::CloseReason::Shutdown:
        return QStringLiteral("server shutting down");
    case Transport::CloseReason::LocalClose:
        return QStringLiteral("forced close");
    case Transport::CloseReason::HandshakeTimeout:
    case Transport::CloseReason::Error:
    case Transport::CloseReason::ProtocolError:
    case Transport::CloseReason::MessageTooBig:
        break;
    }
    return QStringLiteral("transport error");
}

void ServerCore::onClosed(
    Transport::ConnectionId id, Transport::CloseReason reason, const QString &detail)
{
    auto *session = static_cast<EngineSession *>(io->userData(id));
    if (!session)
        return;
    io->setUserData(id, nullptr);
    if (reason == Transport::CloseReason::MessageTooBig
        || reason == Transport::CloseReason::ProtocolError)
        reportConnectionError(session, detail);
    const QString why
        = session->closeReason.isEmpty() ? reasonString(reason) : session->closeReason;
    session->closed = true;
    const std::vector<Socket *> sockets = session->sockets;
    for (Socket *socket : sockets)
        removeSocket(socket, why, false);
    for (Socket *socket : session->pending) {
        socket->d->session = nullptr;
        socket->deleteLater();
    }
    session->pending.clear();
    --sessionCount;
    if (sessionPool)
        sessionPool->release(session);
    else
        delete session;
}

void ServerCore::onTimer(Transport::ConnectionId id, int queue)
{
    auto *session = static_cast<EngineSession *>(io->userData(id));
    if (!session || session->closed)
        return;
    if (queue == pingQueue) {
        io->sendText(id, "2");
        io->armTimer(id, 0, pongQueue);
    } else if (queue == pongQueue) {
        closeSession(session, QStringLiteral("ping timeout"));
    } else if (queue == connectQueue) {
        if (session->sockets.empty()) {
            reportConnectionError(session,
                QStringLiteral("no namespace joined within %1 ms").arg(options.connectTimeout));
            closeSession(session, QStringLiteral("connect timeout"));
        }
    }
}

void ServerCore::sendPacket(EngineSession *session, const Packet &packet)
{
    if (!session || session->closed)
        return;
    // One encoding buffer, reused: sendText copies it into the connection's output.
    QByteArray &out = encodeBuffer;
    out.resize(0);
    out.append('4');
    QList<QByteArray> attachments;
    Protocol::Encoder::encode(packet, out, attachments);
    if (Q_UNLIKELY(session->ext != nullptr)) {
        sendExtended(session, out, attachments);
    } else {
        io->sendText(session->conn, out);
        for (const QByteArray &attachment : std::as_const(attachments))
            io->sendBinary(session->conn, attachment);
    }
    if (out.capacity() > 64 * 1024)
        out = QByteArray(); // don't keep a large message's buffer around
}

void ServerCore::closeSession(EngineSession *session, const QString &reason)
{
    if (!session || session->closed)
        return;
    session->closeReason = reason;
    const Transport::ConnectionId conn = session->conn;
    // onClosed() removes the sockets and deletes the session, now or after the current
    // callback of this connection returns.
    io->closeConnection(conn, 1000);
}

void ServerCore::disconnectSession(EngineSession *session, const QString &reason)
{
    if (!session || session->closed)
        return;
    // As socket.io's client._disconnect(): every namespace gets its DISCONNECT first, so the
    // client knows the server meant it and does not reconnect; then the connection closes.
    const Transport::ConnectionId conn = session->conn;
    std::vector<QPointer<Socket>> sockets(session->sockets.begin(), session->sockets.end());
    for (const QPointer<Socket> &socket : sockets) {
        if (socket && socket->d->connected)
            removeSocket(socket.data(), reason, true);
    }
    // A slot connected to disconnected() may have closed the connection already.
    if (io->isValid(conn) && io->userData(conn) == session)
        closeSession(session, reason);
}

QString ServerCore::peerString(EngineSession *session) const
{
    if (!session || !session->handshake)
        return {};
    return session->handshake->address.toString() + QLatin1Char(':')
        + QString::number(session->handshake->port);
}

void ServerCore::reportConnectionError(EngineSession *session, const QString &message)
{
    qCDebug(lcServer) << "connection error" << peerString(session) << message;
    Q_EMIT q->connectionError(peerString(session), message);
}

} // namespace SmartSocket::Internal
