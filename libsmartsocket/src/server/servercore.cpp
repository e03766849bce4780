#include "servercore_p.h"

#include "servermetrics.h"
#include "serverobserverfanout.h"

#include "protocol/engineio.h"
#include "session/closereason.h"
#include "session/engineframe.h"
#include "session/enginehandshake.h"
#include "session/enginemessage.h"
#include "session/heartbeat.h"

#include <QDateTime>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "smartsocket.server", QtWarningMsg)

namespace SmartSocket::Internal {

using Protocol::EngineError;
using Protocol::Packet;
using Session::CloseReason;

ServerCore::ServerCore(Server *server, const ServerOptions &opts)
    : q(server), options(opts), io(new Transport::IoCore(this, server))
{
    pingQueue = io->createTimerQueue(options.pingInterval);
    pongQueue = io->createTimerQueue(options.pingTimeout);
    connectQueue = io->createTimerQueue(options.connectTimeout);
    upgradeQueue = io->createTimerQueue(options.upgradeTimeout);
    rateLimitClock.start();
    if (options.enableConnectionPooling)
        sessionPool = std::make_unique<ObjectPool<EngineSession>>(
            options.poolSize, options.maxPoolSize, options.poolGrowthRate);
    applyOptions();
    if (options.enableMetrics) {
        metrics = std::make_unique<ServerMetrics>();
        updateObserver();
    }
}

void ServerCore::updateObserver()
{
    ServerObserver *metricsObserver = metrics.get();
    if (metricsObserver && adminObserver) {
        if (!observerFanout)
            observerFanout = std::make_unique<ServerObserverFanout>();
        observerFanout->observers = { metricsObserver, adminObserver };
        observer = observerFanout.get();
        return;
    }
    observer = metricsObserver ? metricsObserver : adminObserver;
}

ServerCore::~ServerCore() = default;

std::optional<Transport::HttpResponse> ServerCore::operationsRequest(
    const Transport::HttpRequest &request)
{
    if (request.method != "GET")
        return std::nullopt;
    if (options.enableHealth && request.path == options.healthPath.toUtf8()) {
        Transport::HttpResponse response(200, "application/json", R"({"status":"ok"})");
        response.keepAlive = true;
        return response;
    }
    if (metrics && request.path == options.metricsPath.toUtf8()) {
        Transport::HttpResponse response(
            200, "text/plain; version=0.0.4; charset=utf-8", metrics->render(*this));
        response.keepAlive = true;
        return response;
    }
    return std::nullopt;
}

void ServerCore::applyOptions()
{
    io->setTimerQueueDuration(pingQueue, options.pingInterval);
    io->setTimerQueueDuration(pongQueue, options.pingTimeout);
    io->setTimerQueueDuration(connectQueue, options.connectTimeout);
    io->setTimerQueueDuration(upgradeQueue, options.upgradeTimeout);
    io->setMaxConnections(options.maxConnections);
    io->setMaxMessageSize(options.maxPayload);
    io->setMaxOutputBuffer(options.maxOutputBuffer);
    io->setHandshakeTimeout(options.connectionTimeout);
    rateLimiter.setGlobalLimit(options.enableRateLimiting,
        RateLimit { options.rateLimitWindow, options.rateLimitMaxRequests });
}

Transport::HttpResponse ServerCore::refuseRequest(
    const Transport::HttpRequest &request, EngineError code)
{
    Transport::HttpResponse response;
    response.status = code == EngineError::Forbidden ? 403 : 400;
    response.body = Protocol::engineErrorBody(code);
    response.keepAlive = true; // as Node's HTTP server; never for a refused upgrade
    Q_EMIT q->connectionError(
        request.peerAddress.toString() + QLatin1Char(':') + QString::number(request.peerPort),
        Protocol::engineErrorMessage(code));
    return response;
}

EngineSession *ServerCore::newSession(
    Transport::ConnectionId conn, const Transport::HttpRequest &request)
{
    auto *session = sessionPool ? sessionPool->acquire() : new EngineSession;
    session->conn = conn;
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
    io->setUserData(conn, session);
    ++sessionCount;
    return session;
}

Transport::HttpResponse ServerCore::onRequest(
    Transport::ConnectionId id, const Transport::HttpRequest &request)
{
    if (Q_UNLIKELY(options.enableHealth || options.enableMetrics)) {
        if (auto response = operationsRequest(request))
            return *response;
    }
    if (!Session::EngineHandshake::pathMatches(request.path, options.path.toUtf8())) {
        Transport::HttpResponse response;
        response.status = 404;
        response.contentType = "text/plain";
        response.body = "Not found";
        return response;
    }
    if (options.enablePolling)
        return onEngineRequest(id, request);
    if (const auto error = Session::EngineHandshake::verify(
            request.method, request.query, request.isWebSocketUpgrade))
        return refuseRequest(request, *error);
    newSession(id, request);
    return {};
}

void ServerCore::onOpen(Transport::ConnectionId id)
{
    if (refusedUpgrades.contains(id)) {
        io->closeConnection(id, 1000);
        return;
    }
    auto *session = static_cast<EngineSession *>(io->userData(id));
    if (!session)
        return;
    if (session->conn != id) { // the probe of an upgrade: it has upgradeTimeout to finish
        io->armTimer(id, 0, upgradeQueue);
        return;
    }
    Protocol::OpenInfo info;
    info.sid = session->sid;
    info.pingInterval = options.pingInterval;
    info.pingTimeout = options.pingTimeout;
    info.maxPayload = options.maxPayload;
    io->sendText(id, withExtensions(session, Protocol::encodeOpen(info)));
    io->armTimer(id, 0, pingQueue);
    io->armTimer(id, 1, connectQueue);
    if (Q_UNLIKELY(observer))
        observer->connectionOpened(session->sid, Handshake(session->handshake, {}));
}

void ServerCore::onMessage(Transport::ConnectionId id, QByteArrayView payload, bool binary)
{
    auto *session = static_cast<EngineSession *>(io->userData(id));
    if (!session || session->closed)
        return;
    if (Q_UNLIKELY(session->conn != id))
        return onProbeMessage(session, id, payload, binary);
    QByteArray unwrapped;
    if (session->ext && !unwrapMessage(session, payload, binary, unwrapped))
        return;
    Protocol::Decoder &decoder = session->decoder;
    if (binary) {
        QString error;
        const auto status
            = Session::EngineMessage::addAttachment(decoder, payload.toByteArray(), &error);
        if (status == Protocol::Decoder::Status::Error) {
            reportConnectionError(session, error);
            closeSession(session, CloseReason::parseError());
        } else if (status == Protocol::Decoder::Status::Packet) {
            handlePacket(session, decoder.takePacket());
        }
        return;
    }
    using Frame = Session::EngineFrame;
    const Frame::Decision frame = Frame::classify(Frame::Role::Server, payload);
    switch (frame.action) {
    case Frame::Action::Message: {
        if (Q_UNLIKELY(observer))
            session->observedTextBytes = int(payload.size() - 1);
        const auto status = decoder.decodeText(payload.sliced(1));
        if (status == Protocol::Decoder::Status::Packet) {
            handlePacket(session, decoder.takePacket());
        } else if (status == Protocol::Decoder::Status::Error) {
            reportConnectionError(session, decoder.errorString());
            closeSession(session, CloseReason::parseError());
        }
        return;
    }
    case Frame::Action::Pong: // the next ping comes pingInterval from now
        io->armTimer(id, 0, pingQueue);
        return;
    case Frame::Action::Close: // the client closes the session
        closeSession(session, CloseReason::transportClose());
        return;
    case Frame::Action::Error:
        reportConnectionError(session, Frame::errorString(frame.error));
        closeSession(session, Frame::closeReason(frame.error));
        return;
    case Frame::Action::Open: // never for Role::Server
    case Frame::Action::Ping:
    case Frame::Action::Base64Binary:
    case Frame::Action::Ignore:
        return;
    }
}

static QString reasonString(Transport::CloseReason reason)
{
    switch (reason) {
    case Transport::CloseReason::PeerClosed:
        return CloseReason::transportClose();
    case Transport::CloseReason::Shutdown:
        return CloseReason::serverShuttingDown();
    case Transport::CloseReason::LocalClose:
        return CloseReason::forcedClose();
    case Transport::CloseReason::HandshakeTimeout:
    case Transport::CloseReason::Error:
    case Transport::CloseReason::ProtocolError:
    case Transport::CloseReason::MessageTooBig:
        break;
    }
    return CloseReason::transportError();
}

void ServerCore::onClosed(
    Transport::ConnectionId id, Transport::CloseReason reason, const QString &detail)
{
    refusedUpgrades.remove(id);
    auto *session = static_cast<EngineSession *>(io->userData(id));
    if (!session)
        return;
    io->setUserData(id, nullptr);
    if (session->conn != id) { // an upgrade probe that did not complete
        session->upgrading = false;
        session->probe = 0;
        return;
    }
    if (session->polling)
        pollingSessions.remove(session->sid);
    if (session->probe) {
        io->setUserData(session->probe, nullptr);
        io->closeConnection(session->probe, 1000);
    }
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
    if (Q_UNLIKELY(observer))
        observer->connectionClosed(session->sid, why);
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
    if (Q_UNLIKELY(session->conn != id)) { // an upgrade probe that did not finish in time
        if (queue == upgradeQueue)
            io->closeConnection(id, 1000);
        return;
    }
    if (queue == pingQueue) {
        io->sendText(id, Session::Heartbeat::pingFrame());
        io->armTimer(id, 0, pongQueue);
    } else if (queue == pongQueue) {
        closeSession(session, CloseReason::pingTimeout());
    } else if (queue == connectQueue) {
        if (session->sockets.empty()) {
            reportConnectionError(session,
                QStringLiteral("no namespace joined within %1 ms").arg(options.connectTimeout));
            closeSession(session, CloseReason::connectTimeout());
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
    QList<QByteArray> attachments;
    Session::EngineMessage::encode(packet, out, attachments);
    if (Q_UNLIKELY(session->ext != nullptr)) {
        sendExtended(session, out, attachments);
    } else {
        io->sendText(session->conn, out);
        for (const QByteArray &attachment : std::as_const(attachments))
            io->sendBinary(session->conn, attachment);
    }
    if (Q_UNLIKELY(observer))
        observePacketOut(session, packet, out.size() - 1, attachments);
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
