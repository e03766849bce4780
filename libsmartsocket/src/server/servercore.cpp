#include "servercore_p.h"

#include "protocol/engineio.h"
#include "session/middlewarechain.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <exception>

Q_LOGGING_CATEGORY(lcServer, "smartsocket.server", QtWarningMsg)

namespace SmartSocket::Internal {

using Protocol::EngineError;
using Protocol::Packet;
using Protocol::PacketType;

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
    if (Q_UNLIKELY(observer))
        observer->connectionOpened(session->sid, Handshake(session->handshake, {}));
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
        if (Q_UNLIKELY(observer))
            session->observedTextBytes = int(payload.size() - 1);
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
    if (Q_UNLIKELY(observer))
        observePacketOut(session, packet, out.size() - 1, attachments);
    if (out.capacity() > 64 * 1024)
        out = QByteArray(); // don't keep a large message's buffer around
}

int ServerCore::broadcast(const BroadcastOperator &op, const Packet &packet)
{
    Namespace *nsp = op.nsp();
    if (!nsp)
        return 0;
    QByteArray textFrame;
    QList<QByteArray> binaryFrames;
    QByteArray out; // the Engine.IO message, encoded once
    QList<QByteArray> attachments;
    std::unique_ptr<BroadcastCache> extCache; // compressed once for extended targets
    int count = 0;
    nsp->d->registry.forEachSelected(op.rooms(), op.exceptRooms(), [&](Socket *socket) {
        EngineSession *session = socket->d->session;
        if (!session || session->closed)
            return;
        if (out.isEmpty()) { // encode once, on the first target
            out.reserve(128);
            out.append('4');
            Protocol::Encoder::encode(packet, out, attachments);
        }
        if (Q_UNLIKELY(session->ext != nullptr)) {
            if (!extCache)
                extCache = std::make_unique<BroadcastCache>();
            broadcastExtended(session, *extCache, out, attachments);
            ++count;
            return;
        }
        if (textFrame.isEmpty()) { // frame once, on the first plain target
            textFrame = Transport::IoCore::buildFrame(out, false);
            for (const QByteArray &attachment : std::as_const(attachments))
                binaryFrames.append(Transport::IoCore::buildFrame(attachment, true));
        }
        io->sendFrame(session->conn, textFrame);
        for (const QByteArray &frame : std::as_const(binaryFrames))
            io->sendFrame(session->conn, frame);
        ++count;
    });
    if (Q_UNLIKELY(observer) && count > 0)
        observeBroadcast(op, packet, out.size() - 1, attachments, count);
    return count;
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

void ServerCore::removeSocket(Socket *socket, const QString &reason, bool notifyClient)
{
    Socket::Private *sd = socket->d;
    if (!sd->connected)
        return;
    EngineSession *session = sd->session;
    Namespace *nsp = sd->nsp;
    if (session) {
        if (notifyClient)
            sendPacket(session, Packet { PacketType::Disconnect, nsp->d->name, -1, {} });
        auto &list = session->sockets;
        list.erase(std::remove(list.begin(), list.end(), socket), list.end());
    }
    if (Q_UNLIKELY(observer))
        observeLeave(session, socket, reason);
    nsp->d->registry.remove(socket, sd->id);
    sd->connected = false;
    sd->session = nullptr;
    if (sd->acks)
        sd->acks->failAll(AckResult::Status::Disconnected, QStringLiteral("disconnected"));
    Q_EMIT socket->disconnected(reason);
    Q_EMIT nsp->disconnected(socket, reason);
    Q_EMIT q->disconnected(socket, reason);
    socket->deleteLater();
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

void ServerCore::handlePacket(EngineSession *session, Packet &&packet)
{
    if (Q_UNLIKELY(observer))
        observePacketIn(session, packet);
    if (packet.type == PacketType::Connect) {
        handleConnect(session, std::move(packet));
        return;
    }
    Socket *socket = session->socketFor(packet.nsp);
    if (!socket) {
        // socket.io closes the connection on a packet for a namespace not joined.
        // (Also while its connect middleware runs: the client must wait for the CONNECT
        // reply, and Node closes the connection as well.)
        reportConnectionError(
            session, QStringLiteral("packet for namespace %1 not joined").arg(packet.nsp));
        closeSession(session, QStringLiteral("parse error"));
        return;
    }
    switch (packet.type) {
    case PacketType::Event:
    case PacketType::BinaryEvent:
        handleEvent(session, socket, std::move(packet));
        return;
    case PacketType::Ack:
    case PacketType::BinaryAck:
        if (socket->d->acks)
            socket->d->acks->resolve(packet.id, packet.data.toList());
        return;
    case PacketType::Disconnect:
        removeSocket(socket, QStringLiteral("client namespace disconnect"), false);
        return;
    case PacketType::Connect:
    case PacketType::ConnectError:
        break;
    }
    reportConnectionError(session, QStringLiteral("unexpected packet from client"));
    closeSession(session, QStringLiteral("parse error"));
}

void ServerCore::handleConnect(EngineSession *session, Packet &&packet)
{
    if (session->socketFor(packet.nsp) || session->isPending(packet.nsp)) {
        reportConnectionError(
            session, QStringLiteral("second CONNECT for namespace %1").arg(packet.nsp));
        closeSession(session, QStringLiteral("parse error"));
        return;
    }
    if (Q_UNLIKELY(options.requireEncryption) && refuseUnencrypted(session, packet.nsp))
        return;
    Namespace *nsp = namespaces.value(packet.nsp);
    if (!nsp) {
        sendPacket(session,
            Packet { PacketType::ConnectError, packet.nsp, -1,
                QVariantMap {
                    { QStringLiteral("message"), QStringLiteral("Invalid namespace") } } });
        return;
    }
    auto *socket = new Socket(
        nsp, session, Protocol::generateId(), Handshake(session->handshake, packet.data.toMap()));
    session->pending.push_back(socket);

    const auto list = concatenated(connectMiddleware, nsp->d->connectMiddleware);
    if (!list) {
        finishConnect(socket, nullptr);
        return;
    }
    QPointer<Socket> guard(socket);
    MiddlewareChain<ConnectMiddleware>::run(
        list,
        [guard](const ConnectMiddleware &mw, const Next &next) {
            if (!guard || !guard->d->session)
                return;
            try {
                mw(guard.data(), next);
            } catch (const std::exception &e) {
                next(Error(QString::fromUtf8(e.what())));
            } catch (...) {
                next(Error(QStringLiteral("connect middleware threw")));
            }
        },
        [this, guard](const Error *error) { finishConnect(guard, error); }, q);
}

void ServerCore::finishConnect(QPointer<Socket> guard, const Error *error)
{
    Socket *socket = guard.data();
    if (!socket)
        return;
    EngineSession *session = socket->d->session;
    if (!session || session->closed) {
        socket->deleteLater();
        return;
    }
    auto &pending = session->pending;
    pending.erase(std::remove(pending.begin(), pending.end(), socket), pending.end());
    Namespace *nsp = socket->d->nsp;
    if (error) {
        sendPacket(session, Packet { PacketType::ConnectError, nsp->d->name, -1, error->toMap() });
        socket->d->session = nullptr;
        socket->deleteLater();
        return;
    }
    session->sockets.push_back(socket);
    socket->d->connected = true;
    nsp->d->registry.add(socket, socket->d->id);
    if (Q_UNLIKELY(observer))
        observeJoin(session, socket);
    io->disarmTimer(session->conn, 1);
    sendPacket(session,
        Packet { PacketType::Connect, nsp->d->name, -1,
            QVariantMap { { QStringLiteral("sid"), socket->d->id } } });
    Q_EMIT nsp->connected(socket);
    if (guard && socket->d->connected)
        Q_EMIT q->connected(socket);
}

void ServerCore::AckReply::send(const QVariantList &args)
{
    auto *socket = static_cast<Socket *>(context.data());
    if (socket && socket->d->session) {
        core->sendPacket(socket->d->session, Packet { PacketType::Ack, nsp, id, args });
        if (Q_UNLIKELY(core->observer))
            core->observeAckAnswered(socket, *this);
    }
}

void ServerCore::handleEvent(EngineSession *session, Socket *socket, Packet &&packet)
{
    Q_UNUSED(session);
    // The decoder guarantees a non-empty list whose first element is the name.
    QVariantList list;
    if (packet.data.typeId() == QMetaType::QVariantList)
        list = std::move(*static_cast<QVariantList *>(packet.data.data()));
    else
        list = packet.data.toList();
    if (list.isEmpty())
        return;
    const QString event = list.takeFirst().toString();

    Ack ack;
    if (packet.id >= 0) {
        auto state = std::make_shared<AckReply>();
        state->context = socket;
        state->core = this;
        state->nsp = packet.nsp;
        state->id = packet.id;
        if (Q_UNLIKELY(observer))
            observeAckRequest(*state, event);
        ack = Ack(std::move(state));
    }
    // Before any event middleware: a refused event costs no middleware or handler call.
    if (Q_UNLIKELY(rateLimiter.isActive()) && !admitEvent(socket, event, ack))
        return;

    Namespace *nsp = socket->d->nsp;
    const auto chain = concatenated(eventMiddleware, nsp->d->eventMiddleware);
    if (!chain) {
        deliverEvent(socket, event, list, ack);
        return;
    }
    auto args = std::make_shared<QVariantList>(std::move(list));
    QPointer<Socket> guard(socket);
    MiddlewareChain<EventMiddleware>::run(
        chain,
        [guard, event, args](const EventMiddleware &mw, const Next &next) {
            if (!guard || !guard->d->connected)
                return;
            try {
                mw(guard.data(), event, *args, next);
            } catch (const std::exception &e) {
                next(Error(QString::fromUtf8(e.what())));
            } catch (...) {
                next(Error(QStringLiteral("middleware threw")));
            }
        },
        [this, guard, event, args, ack](const Error *error) {
            if (!guard || !guard->d->connected)
                return;
            if (error)
                refuseEvent(guard.data(), event, *error, ack);
            else
                deliverEvent(guard.data(), event, *args, ack);
        },
        q);
}

void ServerCore::deliverEvent(
    Socket *socket, const QString &event, const QVariantList &args, const Ack &ack)
{
    Namespace::Private *nd = socket->d->nsp->d;
    try {
        if (nd->anyHandler) {
            const AnyEventHandler any = nd->anyHandler;
            any(socket, event, args);
        }
        const auto it = nd->handlers.constFind(event);
        if (it == nd->handlers.constEnd())
            return;
        const EventHandler handler = it.value(); // a handler may call off() on itself
        handler(socket, args, ack);
    } catch (const std::exception &e) {
        refuseEvent(socket, event,
            Error(QString::fromUtf8(e.what()), {}, QStringLiteral("HANDLER_ERROR")), ack);
    } catch (...) {
        refuseEvent(socket, event,
            Error(QStringLiteral("handler threw"), {}, QStringLiteral("HANDLER_ERROR")), ack);
    }
}

void ServerCore::refuseEvent(
    Socket *socket, const QString &event, const Error &error, const Ack &ack)
{
    QPointer<Socket> guard(socket);
    Q_EMIT q->errorOccurred(error, socket, event);
    if (!guard || !guard->d->connected)
        return;
    const QString code = error.code().isEmpty() ? QStringLiteral("UNKNOWN") : error.code();
    if (options.enableErrorHandling) {
        QVariantMap payload { { QStringLiteral("event"), event },
            { QStringLiteral("message"), error.message() }, { QStringLiteral("code"), code } };
        if (error.data().isValid())
            payload.insert(QStringLiteral("data"), error.data());
        socket->emitEvent(QStringLiteral("__error__"), { payload });
    }
    if (ack.isRequested() && !ack.isAnswered())
        ack({ QVariantMap {
            { QStringLiteral("error"), error.message() }, { QStringLiteral("code"), code } } });
}

bool ServerCore::admitEvent(Socket *socket, const QString &event, const Ack &ack)
{
    Socket::Private *sd = socket->d;
    if (sd->admin && options.rateLimitBypassAdmins)
        return true;
    const RateLimiter::Result result
        = rateLimiter.check(sd->rateLimit, event, rateLimitClock.nsecsElapsed());
    if (Q_UNLIKELY(observer))
        observeRateLimit(socket, event, result);
    if (result.allowed)
        return true;
    QPointer<Socket> guard(socket);
    Q_EMIT q->rateLimited(socket, event);
    if (!guard || !guard->d->connected)
        return false;
    const QString message = QStringLiteral("Too many requests, please slow down");
    socket->emitEvent(QStringLiteral("__rate-limited__"),
        { QVariantMap { { QStringLiteral("event"), event }, { QStringLiteral("message"), message },
            { QStringLiteral("retryAfter"), result.retryAfterMs } } });
    if (ack.isRequested() && !ack.isAnswered())
        ack({ QVariantMap { { QStringLiteral("error"), message },
            { QStringLiteral("code"), QStringLiteral("RATE_LIMITED") },
            { QStringLiteral("retryAfter"), result.retryAfterMs } } });
    return false;
}

Namespace *ServerCore::createNamespace(const QString &name)
{
    auto *nsp = new Namespace(name, q);
    namespaces.insert(name, nsp);
    return nsp;
}

} // namespace SmartSocket::Internal
