// Socket.IO routing on the server (ServerCore's members, see servercore_p.h): a decoded
// packet goes to its namespace socket; CONNECT runs the connect middleware and joins the
// namespace; an EVENT runs the event middleware and calls the user's handler with an Ack
// that sends the reply; an ACK resolves the socket's pending emitWithAck.

#include "servercore_p.h"

#include "redisadapter.h"

#include "session/closereason.h"
#include "session/middlewarechain.h"

#include <algorithm>
#include <exception>

namespace SmartSocket::Internal {

using Protocol::Packet;
using Protocol::PacketType;
using Session::CloseReason;

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
        closeSession(session, CloseReason::parseError());
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
        removeSocket(socket, CloseReason::clientNamespaceDisconnect(), false);
        return;
    case PacketType::Connect:
    case PacketType::ConnectError:
        break;
    }
    reportConnectionError(session, QStringLiteral("unexpected packet from client"));
    closeSession(session, CloseReason::parseError());
}

void ServerCore::handleConnect(EngineSession *session, Packet &&packet)
{
    if (session->socketFor(packet.nsp) || session->isPending(packet.nsp)) {
        reportConnectionError(
            session, QStringLiteral("second CONNECT for namespace %1").arg(packet.nsp));
        closeSession(session, CloseReason::parseError());
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

Namespace *ServerCore::createNamespace(const QString &name)
{
    auto *nsp = new Namespace(name, q);
    if (redis)
        nsp->d->adapter = std::make_unique<RedisAdapter>(
            nsp, redis, options.redisKey, redisUid, options.redisRequestsTimeout);
    else
        nsp->d->adapter = std::make_unique<Adapter>(nsp);
    namespaces.insert(name, nsp);
    return nsp;
}

} // namespace SmartSocket::Internal
