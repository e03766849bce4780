#include <smartsocket/client.h>

#include "client_p.h"
#include "manager.h"

#include "session/closereason.h"

#include <QPromise>

#include <algorithm>

namespace SmartSocket {

using Protocol::Packet;
using Protocol::PacketType;

static QString normalizedNamespace(const QString &nsp)
{
    if (nsp.isEmpty())
        return QStringLiteral("/");
    if (!nsp.startsWith(QLatin1Char('/')))
        return QLatin1Char('/') + nsp;
    return nsp;
}

// ---------------------------------------------------------------------------------------
// Client::Private

Client::Private::Private(Client *q, const QUrl &url, const ClientOptions &options)
    : q(q)
    , url(url)
    , options(options)
    , nsp(normalizedNamespace(options.namespaceName))
    , acks(q)
    , connectTimer(q)
{
    connectTimer.setSingleShot(true);
    QObject::connect(&connectTimer, &QTimer::timeout, q, [this] { onConnectTimeout(); });
    manager = Internal::Manager::acquire(this, &errorString);
}

Client::Private::~Private()
{
    connectTimer.stop();
    if (manager) {
        if (state == State::Connected)
            manager->sendPacket(Packet { PacketType::Disconnect, nsp, -1, {} });
        manager->release(this);
        manager = nullptr;
    }
}

void Client::Private::open()
{
    if (!manager) {
        QString error;
        manager = Internal::Manager::acquire(this, &error);
        if (!manager) {
            errorString = error;
            queueError(Error(error, QVariant(), QStringLiteral("invalid url")));
            return;
        }
    }
    if (state != State::Idle)
        return;
    state = State::Connecting;
    connectSent = false;
    reconnectAttempts = 0;
    manager->activate(this);
}

void Client::Private::close()
{
    if (state == State::Idle)
        return;
    const bool wasConnected = state == State::Connected;
    connectTimer.stop();
    if (wasConnected && manager)
        manager->sendPacket(Packet { PacketType::Disconnect, nsp, -1, {} });
    // A CONNECT still pending keeps connectSent: its late reply is answered with DISCONNECT.
    setIdle();
    receiveBuffer.clear();
    if (manager)
        manager->deactivate(this);
    if (!wasConnected)
        return;
    QPointer<Client> guard(q);
    failSentAcks();
    if (guard)
        Q_EMIT q->disconnected(Session::CloseReason::ioClientDisconnect());
}

void Client::Private::setIdle()
{
    state = State::Idle;
    sid.clear();
    reconnectAttempts = 0;
}

void Client::Private::queueError(const Error &error)
{
    QMetaObject::invokeMethod(
        q, [q = q, error] { Q_EMIT q->errorOccurred(error); }, Qt::QueuedConnection);
}

void Client::Private::onManagerOpen()
{
    if (state == State::Connecting && !connectSent)
        sendConnect();
}

void Client::Private::sendConnect()
{
    // Auth travels with every CONNECT, so a reconnect authenticates again.
    Packet packet { PacketType::Connect, nsp, -1, {} };
    if (!options.auth.isEmpty())
        packet.data = options.auth;
    if (!manager || !manager->sendPacket(packet))
        return;
    connectSent = true;
    if (options.connectTimeout > 0)
        connectTimer.start(options.connectTimeout);
}

void Client::Private::onConnectTimeout()
{
    if (state != State::Connecting || !connectSent)
        return;
    // connectSent stays true: a late reply is answered with DISCONNECT.
    setIdle();
    receiveBuffer.clear();
    errorString = QStringLiteral("connect timeout");
    if (manager)
        manager->deactivate(this);
    Q_EMIT q->errorOccurred(Error(errorString, QVariant(), QStringLiteral("timeout")));
}

void Client::Private::onPacket(const Packet &packet)
{
    switch (packet.type) {
    case PacketType::Connect:
        onConnectReply(packet.data);
        break;
    case PacketType::ConnectError:
        onConnectError(packet.data);
        break;
    case PacketType::Disconnect:
        onServerDisconnect();
        break;
    case PacketType::Event:
    case PacketType::BinaryEvent:
        if (state == State::Connecting && connectSent)
            receiveBuffer.append(packet); // e.g. packets replayed before a recovery reply
        else
            onEvent(packet);
        break;
    case PacketType::Ack:
    case PacketType::BinaryAck:
        onAck(packet);
        break;
    }
}

void Client::Private::onConnectReply(const QVariant &reply)
{
    if (state != State::Connecting || !connectSent) {
        // We gave up on this CONNECT (close() or timeout): leave the namespace again.
        if (state == State::Idle && connectSent && manager) {
            connectSent = false;
            manager->sendPacket(Packet { PacketType::Disconnect, nsp, -1, {} });
        }
        return;
    }
    connectTimer.stop();
    sid = reply.toMap().value(QStringLiteral("sid")).toString();
    state = State::Connected;
    ++generation;
    errorString.clear();
    const int attempts = std::exchange(reconnectAttempts, 0);

    QPointer<Client> guard(q);
    flushSendBuffer();
    const QList<Packet> received = std::exchange(receiveBuffer, {});
    for (const Packet &packet : received) {
        onEvent(packet);
        if (!guard || state != State::Connected)
            return;
    }
    Q_EMIT q->connected();
    if (guard && attempts > 0 && state == State::Connected)
        Q_EMIT q->reconnected(attempts);
}

void Client::Private::onConnectError(const QVariant &reply)
{
    if (state != State::Connecting)
        return;
    connectTimer.stop();
    const Error error = Error::fromVariant(reply);
    errorString = error.message();
    // A refusal is final for this namespace until open() is called again.
    setIdle();
    connectSent = false;
    receiveBuffer.clear();
    if (manager)
        manager->deactivate(this);
    Q_EMIT q->errorOccurred(error);
}

void Client::Private::onServerDisconnect()
{
    if (state != State::Connected)
        return;
    setIdle();
    connectSent = false;
    if (manager)
        manager->deactivate(this);
    QPointer<Client> guard(q);
    failSentAcks();
    if (guard)
        Q_EMIT q->disconnected(Session::CloseReason::ioServerDisconnect());
}

void Client::Private::onTransportClosed(const QString &reason, bool willReconnect)
{
    const State old = state;
    if (old == State::Idle) {
        connectSent = false;
        return;
    }
    connectTimer.stop();
    connectSent = false;
    sid.clear();
    receiveBuffer.clear();
    state = willReconnect ? State::Connecting : State::Idle;
    QPointer<Client> guard(q);
    if (old == State::Connected) {
        failSentAcks();
        if (guard)
            Q_EMIT q->disconnected(reason);
    } else {
        errorString = reason;
        Q_EMIT q->errorOccurred(Error(reason, QVariant(), reason));
    }
}

void Client::Private::onOpenFailed(const Error &error, bool willReconnect)
{
    if (state != State::Connecting)
        return;
    connectSent = false;
    errorString = error.message();
    if (!willReconnect)
        setIdle();
    Q_EMIT q->errorOccurred(error);
}

void Client::Private::onReconnecting(int attempt)
{
    if (state != State::Connecting)
        return;
    reconnectAttempts = attempt;
    Q_EMIT q->reconnecting(attempt);
}

void Client::Private::onReconnected(int attempts)
{
    if (state == State::Connecting)
        reconnectAttempts = attempts;
}

void Client::Private::onReconnectFailed()
{
    if (state != State::Connecting)
        return;
    setIdle();
    errorString = QStringLiteral("reconnection failed");
    Q_EMIT q->reconnectFailed();
}

void Client::Private::onManagerDestroyed()
{
    manager = nullptr;
    const State old = state;
    connectTimer.stop();
    connectSent = false;
    setIdle();
    receiveBuffer.clear();
    if (old != State::Connected)
        return;
    QPointer<Client> guard(q);
    failSentAcks();
    if (guard)
        Q_EMIT q->disconnected(Session::CloseReason::transportClose());
}

void Client::Private::onEvent(const Packet &packet)
{
    if (state != State::Connected)
        return;
    const QVariantList list = packet.data.toList();
    if (list.isEmpty())
        return;
    const QString event = list.first().toString();
    const QVariantList args = list.mid(1);

    Ack ack;
    if (packet.id >= 0) {
        ack = Ack(
            [guard = QPointer<Client>(q), gen = generation, id = packet.id](
                const QVariantList &reply) {
                // Only on the connection the request came from, and only from the owner's thread.
                if (!guard)
                    return;
                Private *d = guard->d;
                if (d->state != State::Connected || d->generation != gen || !d->manager)
                    return;
                d->manager->sendPacket(Packet { PacketType::Ack, d->nsp, id, reply });
            },
            q);
    }

    QPointer<Client> guard(q);
    if (anyHandler) {
        const ClientAnyHandler handler = anyHandler; // may be replaced from inside
        handler(event, args);
        if (!guard)
            return;
    }
    Q_EMIT q->eventReceived(event, args);
    if (!guard)
        return;
    if (options.enableErrorHandling && event == QLatin1String("__error__")) {
        const QVariant payload = args.value(0);
        Error error;
        if (payload.typeId() == QMetaType::QString) {
            error = Error(payload.toString(), payload);
        } else {
            const QVariantMap map = payload.toMap();
            error = Error(map.value(QStringLiteral("message")).toString(), payload,
                map.value(QStringLiteral("code")).toString());
        }
        errorString = error.message();
        Q_EMIT q->errorOccurred(error);
        if (!guard)
            return;
    } else if (options.enableErrorHandling && event == QLatin1String("__rate-limited__")) {
        // The server refused an event: {event, message, retryAfter}; the app may also on() it.
        const QVariantMap map = args.value(0).toMap();
        const Error error(map.value(QStringLiteral("message")).toString(), args.value(0),
            QStringLiteral("RATE_LIMITED"));
        errorString = error.message();
        Q_EMIT q->errorOccurred(error);
        if (!guard)
            return;
    }
    const auto it = handlers.constFind(event);
    if (it != handlers.constEnd()) {
        const ClientEventHandler handler = it.value();
        handler(args, ack);
    }
}

void Client::Private::onAck(const Packet &packet)
{
    if (packet.id < 0)
        return;
    sentAcks.remove(packet.id);
    acks.resolve(packet.id, packet.data.toList());
}

void Client::Private::failSentAcks()
{
    QList<qint64> ids(sentAcks.cbegin(), sentAcks.cend());
    sentAcks.clear();
    std::sort(ids.begin(), ids.end());
    QPointer<Client> guard(q);
    for (qint64 id : std::as_const(ids)) {
        acks.fail(id, AckResult::Status::Disconnected, QStringLiteral("disconnected"));
        if (!guard)
            return;
    }
}

void Client::Private::send(const QString &event, const QVariantList &args, qint64 ackId)
{
    QVariantList data;
    data.reserve(args.size() + 1);
    data.append(event);
    data.append(args);
    Packet packet { PacketType::Event, nsp, ackId, data };
    if (state == State::Connected && manager && manager->sendPacket(packet)) {
        if (ackId >= 0)
            sentAcks.insert(ackId);
        return;
    }
    sendBuffer.append(Buffered { std::move(packet), ackId });
}

void Client::Private::flushSendBuffer()
{
    const QList<Buffered> buffered = std::exchange(sendBuffer, {});
    for (const Buffered &entry : buffered) {
        if (manager && manager->sendPacket(entry.packet)) {
            if (entry.ackId >= 0)
                sentAcks.insert(entry.ackId);
        } else {
            sendBuffer.append(entry);
        }
    }
}

// ---------------------------------------------------------------------------------------
// Client

Client::Client(const QUrl &url, const ClientOptions &options, QObject *parent)
    : QObject(parent), d(new Private(this, url, options))
{ }

Client::~Client()
{
    delete d;
}

void Client::open()
{
    d->open();
}

void Client::close()
{
    d->close();
}

bool Client::isConnected() const
{
    return d->state == Private::State::Connected;
}

QString Client::id() const
{
    return d->sid;
}

QUrl Client::url() const
{
    return d->url;
}

QString Client::namespaceName() const
{
    return d->nsp;
}

const ClientOptions &Client::options() const
{
    return d->options;
}

QVariantMap &Client::data()
{
    return d->data;
}

QString Client::errorString() const
{
    return d->errorString;
}

void Client::setHandler(const QString &event, ClientEventHandler handler)
{
    if (handler)
        d->handlers.insert(event, std::move(handler));
    else
        d->handlers.remove(event);
}

void Client::off(const QString &event)
{
    d->handlers.remove(event);
}

void Client::onAny(ClientAnyHandler handler)
{
    d->anyHandler = std::move(handler);
}

void Client::offAny()
{
    d->anyHandler = nullptr;
}

static QString reservedMessage(const QString &event)
{
    return QStringLiteral("\"%1\" is a reserved event name").arg(event);
}

void Client::emitEvent(const QString &event, const QVariantList &args)
{
    if (Protocol::isReservedEventName(event)) {
        qWarning("SmartSocket::Client: \"%s\" is a reserved event name; not sent",
            qUtf8Printable(event));
        d->errorString = reservedMessage(event);
        d->queueError(Error(d->errorString, QVariant(), QStringLiteral("reserved event")));
        return;
    }
    d->send(event, args, -1);
}

void Client::emitEvent(
    const QString &event, const QVariantList &args, AckCallback callback, int timeoutMs)
{
    if (!callback) {
        emitEvent(event, args);
        return;
    }
    // Failures are always reported from the event loop, never from inside emitEvent().
    auto failLater = [this, &callback](const QString &message) {
        QMetaObject::invokeMethod(
            this,
            [callback = std::move(callback), message] {
                callback(AckResult::failure(AckResult::Status::Disabled, message));
            },
            Qt::QueuedConnection);
    };
    if (Protocol::isReservedEventName(event)) {
        emitEvent(event, args); // warns and reports errorOccurred
        failLater(reservedMessage(event));
        return;
    }
    if (!d->options.enableAcknowledgments) {
        d->send(event, args, -1);
        failLater(QStringLiteral("acknowledgments are disabled"));
        return;
    }
    const int timeout = timeoutMs < 0 ? d->options.ackTimeout : timeoutMs;
    auto id = std::make_shared<qint64>(-1);
    Private *priv = d;
    // The tracker belongs to d, so the callback never outlives it.
    *id = d->acks.add(
        [priv, id, callback = std::move(callback)](const AckResult &result) {
            priv->sentAcks.remove(*id);
            // A timed-out event still waiting in the buffer is not sent any more.
            priv->sendBuffer.removeIf(
                [&](const Private::Buffered &entry) { return entry.ackId == *id; });
            callback(result);
        },
        timeout);
    d->send(event, args, *id);
}

namespace {
// Finishes the request's future even when its callback is dropped unanswered (client
// destroyed): a QFuture must never stay pending forever.
struct RequestState
{
    QPromise<QVariantList> promise;
    bool done = false;

    void finish(const AckResult &result)
    {
        if (done)
            return;
        done = true;
        if (result.isOk())
            promise.addResult(result.args());
        else
            promise.setException(AckError(result));
        promise.finish();
    }
    ~RequestState()
    {
        finish(AckResult::failure(
            AckResult::Status::Disconnected, QStringLiteral("client destroyed")));
    }
};
} // namespace

QFuture<QVariantList> Client::request(const QString &event, const QVariantList &args, int timeoutMs)
{
    auto state = std::make_shared<RequestState>();
    state->promise.start();
    QFuture<QVariantList> future = state->promise.future();
    emitEvent(
        event, args, [state](const AckResult &result) { state->finish(result); }, timeoutMs);
    return future;
}

} // namespace SmartSocket
