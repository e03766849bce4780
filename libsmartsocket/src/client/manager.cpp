#include "manager.h"

#include "client_p.h"

#include "session/closereason.h"
#include "session/engineframe.h"
#include "session/enginehandshake.h"
#include "session/enginemessage.h"
#include "session/heartbeat.h"

#include <QHash>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <limits>

Q_LOGGING_CATEGORY(lcManager, "smartsocket.client.manager", QtWarningMsg)

namespace SmartSocket::Internal {

using Session::CloseReason;
using Session::EngineHandshake;

namespace {

// Shared Managers of this thread, by Engine.IO URL. A plain pointer, created on first use and
// freed when empty: no thread_local destructor can run after a late Client deletion.
thread_local QHash<QString, Manager *> *t_registry = nullptr;

QHash<QString, Manager *> &registry()
{
    if (!t_registry)
        t_registry = new QHash<QString, Manager *>;
    return *t_registry;
}

void unregister(const QString &key, Manager *manager)
{
    if (key.isEmpty() || !t_registry)
        return;
    auto it = t_registry->find(key);
    if (it != t_registry->end() && it.value() == manager)
        t_registry->erase(it);
    if (t_registry->isEmpty()) {
        delete t_registry;
        t_registry = nullptr;
    }
}

QByteArray queryKey(QByteArrayView pair)
{
    const qsizetype eq = pair.indexOf('=');
    return QByteArray::fromPercentEncoding((eq < 0 ? pair : pair.first(eq)).toByteArray());
}

} // namespace

struct Manager::Entry
{
    explicit Entry(Manager *m) : manager(m) { ++manager->m_depth; }
    ~Entry() { --manager->m_depth; }
    Manager *manager;
};

QUrl Manager::engineUrl(const QUrl &url, const ClientOptions &options, QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return QUrl();
    };
    if (!url.isValid())
        return fail(QStringLiteral("invalid URL: %1").arg(url.errorString()));
    const QString scheme = url.scheme().toLower();
    bool secure = false;
    if (scheme == QLatin1String("wss") || scheme == QLatin1String("https"))
        secure = true;
    else if (scheme != QLatin1String("ws") && scheme != QLatin1String("http"))
        return fail(QStringLiteral("unsupported URL scheme \"%1\"").arg(url.scheme()));
    if (url.host().isEmpty())
        return fail(QStringLiteral("URL has no host"));

    QUrl out;
    out.setScheme(secure ? QStringLiteral("wss") : QStringLiteral("ws"));
    out.setUserInfo(url.userInfo());
    out.setHost(url.host());
    out.setPort(url.port(secure ? 443 : 80));
    QString path = url.path();
    if (path.isEmpty() || path == QLatin1String("/"))
        path = options.path.isEmpty() ? QStringLiteral("/socket.io/") : options.path;
    if (!path.startsWith(QLatin1Char('/')))
        path.prepend(QLatin1Char('/'));
    out.setPath(path);

    // Built by hand: every key and value is percent-encoded ('+' included, which Node's query
    // parser would read as a space).
    QByteArray query = EngineHandshake::clientQuery();
    const QByteArray given = url.query(QUrl::FullyEncoded).toUtf8();
    for (const QByteArray &pair : given.split('&')) {
        if (pair.isEmpty())
            continue;
        const QByteArray key = queryKey(pair);
        if (EngineHandshake::isReservedQueryKey(key))
            continue;
        query += '&' + pair;
    }
    for (auto it = options.query.constBegin(); it != options.query.constEnd(); ++it) {
        if (EngineHandshake::isReservedQueryKey(it.key().toUtf8()))
            continue;
        query += '&' + QUrl::toPercentEncoding(it.key()) + '='
            + QUrl::toPercentEncoding(it.value().toString());
    }
    Features::Extensions offer; // SmartSocket extensions; Node servers ignore the key
    offer.deflate = options.enableCompression;
    offer.aes256gcm = options.enableEncryption;
    if (offer.any())
        query += "&ssx=" + offer.offer();
    out.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    if (!out.isValid())
        return fail(QStringLiteral("invalid URL: %1").arg(out.errorString()));
    return out;
}

Manager *Manager::acquire(Client::Private *client, QString *error)
{
    QString message;
    const QUrl url = engineUrl(client->url, client->options, &message);
    if (!url.isValid()) {
        if (error)
            *error = message;
        return nullptr;
    }
    Manager *manager = nullptr;
    if (client->options.multiplex) {
        const QString key = url.toString(QUrl::FullyEncoded) + registrySuffix(client->options);
        Manager *shared = t_registry ? t_registry->value(key) : nullptr;
        // Two sockets of one namespace cannot share a connection (the server would take the
        // second CONNECT as a protocol error): the second gets its own, as in socket.io-client.
        if (shared && !shared->m_dying && !shared->clientFor(client->nsp))
            manager = shared;
        else if (!shared)
            manager = new Manager(url, client->options, key);
    }
    if (!manager)
        manager = new Manager(url, client->options, QString());
    manager->m_clients.append(client);
    return manager;
}

Manager *Manager::of(const Client *client)
{
    return client ? client->d->manager : nullptr;
}

Manager::Manager(const QUrl &engineUrl, const ClientOptions &options, const QString &key)
    : m_url(engineUrl), m_options(options), m_key(key)
{
    if (!m_key.isEmpty())
        registry().insert(m_key, this);
    m_connectTimer.setSingleShot(true);
    m_pingTimer.setSingleShot(true);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        Entry entry(this);
        connectionLost(QStringLiteral("timeout"), QStringLiteral("connection timeout"));
    });
    connect(&m_pingTimer, &QTimer::timeout, this, [this] {
        Entry entry(this);
        connectionLost(CloseReason::pingTimeout(), QString());
    });
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this] {
        Entry entry(this);
        onReconnectTimer();
    });
    if (m_options.ignoreSslErrors && m_url.scheme() == QLatin1String("wss"))
        qCWarning(lcManager) << "ignoreSslErrors: the server certificate of" << m_url.host()
                             << "is not verified; anyone on the path can read and change the "
                                "traffic";
}

Manager::~Manager()
{
    m_dying = true;
    unregister(m_key, this);
    m_connectTimer.stop();
    m_pingTimer.stop();
    m_reconnectTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        if (m_socket->state() == QAbstractSocket::ConnectedState) {
            m_socket->close();
            m_socket->flush();
        } else {
            m_socket->abort();
        }
        delete m_socket;
        m_socket = nullptr;
    }
    m_state = State::Closed;
    // Only reached with clients left when someone deletes the Manager itself.
    const QList<Client::Private *> clients = std::exchange(m_clients, {});
    for (Client::Private *client : clients) {
        client->manager = nullptr;
        client->onManagerDestroyed();
    }
}

void Manager::release(Client::Private *client)
{
    if (client->state == Client::Private::State::Connecting && client->connectSent)
        m_abandoned.insert(client->nsp);
    m_clients.removeAll(client);
    client->manager = nullptr;
    if (!hasActiveClients())
        closeConnection();
    maybeDelete();
}

void Manager::maybeDelete()
{
    if (!m_clients.isEmpty() || m_dying)
        return;
    m_dying = true;
    unregister(m_key, this);
    // Inside one of our own signal handlers the QWebSocket or a timer is still on the stack.
    if (m_depth > 0)
        deleteLater();
    else
        delete this;
}

void Manager::activate(Client::Private *client)
{
    switch (m_state) {
    case State::Open:
        client->onManagerOpen();
        break;
    case State::Closed:
        m_attempts = 0;
        m_reconnecting = false;
        openConnection();
        break;
    case State::Opening:
    case State::WaitingToReconnect:
        break; // the client sends its CONNECT once the connection is open
    }
}

void Manager::deactivate(Client::Private *client)
{
    Q_UNUSED(client);
    if (!hasActiveClients())
        closeConnection();
}

bool Manager::hasActiveClients() const
{
    return std::any_of(m_clients.cbegin(), m_clients.cend(),
        [](const Client::Private *c) { return c->isActive(); });
}

Client::Private *Manager::clientFor(const QString &nsp) const
{
    for (Client::Private *client : m_clients) {
        if (client->nsp == nsp)
            return client;
    }
    return nullptr;
}

QList<QPointer<Client>> Manager::clientsSnapshot() const
{
    QList<QPointer<Client>> list;
    list.reserve(m_clients.size());
    for (Client::Private *client : m_clients)
        list.append(QPointer<Client>(client->q));
    return list;
}

bool Manager::isAttached(const QPointer<Client> &client) const
{
    return client && m_clients.contains(client->d);
}

void Manager::openConnection()
{
    dropSocket(false);
    m_decoder.reset();
    m_open = {};
    m_ext.reset();
    m_state = State::Opening;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &Manager::onSocketConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Manager::onTextMessage);
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &Manager::onBinaryMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &Manager::onSocketDisconnected);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        &Manager::onSocketError);
    m_sslErrors.clear();
    if (m_url.scheme() == QLatin1String("wss"))
        configureTls();
    if (m_options.connectTimeout > 0)
        m_connectTimer.start(m_options.connectTimeout);
    QNetworkRequest request(m_url);
    for (const auto &header : m_options.extraHeaders)
        request.setRawHeader(header.first, header.second);
    qCDebug(lcManager) << "opening" << m_url;
    m_socket->open(request);
}

void Manager::configureTls()
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration(); // system CAs
    config.setProtocol(QSsl::TlsV1_2OrLater);
    if (m_options.ignoreSslErrors) {
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
    } else {
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!m_options.caCertificateFile.isEmpty()) {
            const QList<QSslCertificate> cas
                = QSslCertificate::fromPath(m_options.caCertificateFile, QSsl::Pem);
            if (cas.isEmpty())
                qCWarning(lcManager)
                    << "no PEM certificate in caCertificateFile" << m_options.caCertificateFile;
            config.addCaCertificates(cas);
        }
    }
    m_socket->setSslConfiguration(config);
    // Not ignored: QSslSocket refuses the handshake and QWebSocket reports an error next;
    // keep the reasons for that report.
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        QStringList reasons;
        for (const QSslError &error : errors)
            reasons.append(error.errorString());
        reasons.removeDuplicates();
        m_sslErrors
            = QStringLiteral("TLS certificate refused: ") + reasons.join(QStringLiteral("; "));
        qCDebug(lcManager) << m_sslErrors;
    });
}

void Manager::dropSocket(bool graceful)
{
    if (!m_socket)
        return;
    QWebSocket *socket = std::exchange(m_socket, nullptr);
    socket->disconnect(this);
    // A close frame only on a healthy socket: after a socket error or a remote close, writing
    // would hit a dead descriptor.
    if (graceful && socket->state() == QAbstractSocket::ConnectedState) {
        socket->close();
        socket->flush();
    } else {
        socket->abort();
    }
    // We may be inside one of its signals: never delete it synchronously.
    socket->deleteLater();
}

void Manager::closeConnection()
{
    m_connectTimer.stop();
    m_pingTimer.stop();
    m_reconnectTimer.stop();
    dropSocket(true);
    m_decoder.reset();
    m_state = State::Closed;
    m_attempts = 0;
    m_reconnecting = false;
    m_abandoned.clear();
}

bool Manager::sendPacket(const Protocol::Packet &packet)
{
    if (m_state != State::Open || !m_socket)
        return false;
    QByteArray text;
    QList<QByteArray> attachments;
    Session::EngineMessage::encode(packet, text, attachments);
    if (m_ext) {
        sendExtended(text, attachments);
        return true;
    }
    m_socket->sendTextMessage(QString::fromUtf8(text));
    for (const QByteArray &attachment : std::as_const(attachments))
        m_socket->sendBinaryMessage(attachment);
    return true;
}

void Manager::onSocketConnected()
{
    // The Engine.IO open packet follows; the connect timer still runs until it arrives.
    qCDebug(lcManager) << "websocket connected, waiting for the open packet";
}

void Manager::onSocketDisconnected()
{
    Entry entry(this);
    const QString detail = m_socket ? m_socket->closeReason() : QString();
    if (m_ext && m_state == State::Open
        && detail == Features::Envelope::errorString(Features::Envelope::Error::DecryptionFailed)) {
        extensionFailed(
            Features::Envelope::Error::DecryptionFailed); // the server could not open ours
        return;
    }
    connectionLost(CloseReason::transportClose(), detail);
}

void Manager::onSocketError()
{
    Entry entry(this);
    QString detail = m_socket ? m_socket->errorString() : QString();
    if (!m_sslErrors.isEmpty())
        detail = m_sslErrors;
    connectionLost(CloseReason::transportError(), detail);
}

void Manager::onTextMessage(const QString &message)
{
    Entry entry(this);
    const QByteArray bytes = message.toUtf8();
    using Frame = Session::EngineFrame;
    const Frame::Decision frame = Frame::classify(Frame::Role::Client, bytes);
    if (frame.action == Frame::Action::Error) {
        connectionLost(Frame::closeReason(frame.error), Frame::errorString(frame.error));
        return;
    }
    const QByteArrayView payload = QByteArrayView(bytes).sliced(1);
    switch (frame.action) {
    case Frame::Action::Open:
        if (m_state == State::Opening)
            onOpenPacket(payload);
        else
            connectionLost(CloseReason::parseError(), QStringLiteral("unexpected open packet"));
        break;
    case Frame::Action::Close:
        connectionLost(CloseReason::transportClose(), QStringLiteral("closed by the server"));
        break;
    case Frame::Action::Ping:
        if (m_socket)
            m_socket->sendTextMessage(QString::fromUtf8(Session::Heartbeat::pongFrame(payload)));
        if (m_state == State::Open)
            m_pingTimer.start(
                Session::Heartbeat::clientTimeout(m_open.pingInterval, m_open.pingTimeout));
        break;
    case Frame::Action::Message:
        if (m_state == State::Open && m_ext
            && m_ext->checkText(bytes) != Features::Envelope::Error::None)
            extensionFailed(m_ext->checkText(bytes));
        else if (m_state == State::Open)
            onEngineMessage(payload);
        else
            connectionLost(CloseReason::parseError(), QStringLiteral("message before open"));
        break;
    case Frame::Action::Base64Binary: // normally polling only
        onBinaryMessage(QByteArray::fromBase64(payload.toByteArray()));
        break;
    case Frame::Action::Pong:
    case Frame::Action::Ignore:
    case Frame::Action::Error:
        break;
    }
}

void Manager::onBinaryMessage(const QByteArray &message)
{
    Entry entry(this);
    if (m_state != State::Open)
        return;
    QByteArray inner;
    const QByteArray *attachment = &message;
    if (m_ext) {
        bool binary = false;
        const auto error = m_ext->unwrap(message, m_open.maxPayload, m_inflater, inner, &binary);
        if (error != Features::Envelope::Error::None) {
            extensionFailed(error);
            return;
        }
        if (!binary) {
            if (inner.startsWith('4'))
                onEngineMessage(QByteArrayView(inner).sliced(1));
            else
                connectionLost(
                    CloseReason::parseError(), QStringLiteral("unexpected extended frame"));
            return;
        }
        attachment = &inner;
    }
    QString error;
    const auto status = Session::EngineMessage::addAttachment(m_decoder, *attachment, &error);
    if (status == Protocol::Decoder::Status::Error) {
        connectionLost(CloseReason::parseError(), error);
        return;
    }
    onDecoded(status);
}

void Manager::onOpenPacket(QByteArrayView json)
{
    Protocol::OpenInfo info;
    QString error;
    if (!Protocol::decodeOpen(json, info, &error)) {
        connectionLost(CloseReason::parseError(), error);
        return;
    }
    if (!setupExtensions(json, info.sid))
        return;
    m_open = info;
    m_state = State::Open;
    m_connectTimer.stop();
    m_pingTimer.start(Session::Heartbeat::clientTimeout(m_open.pingInterval, m_open.pingTimeout));
    qCDebug(lcManager) << "open, sid" << m_open.sid;

    const QList<QPointer<Client>> clients = clientsSnapshot();
    if (m_reconnecting) {
        const int attempts = std::exchange(m_attempts, 0);
        m_reconnecting = false;
        for (const QPointer<Client> &client : clients) {
            if (isAttached(client) && client->d->isActive())
                client->d->onReconnected(attempts);
        }
    }
    m_attempts = 0;
    for (const QPointer<Client> &client : clients) {
        if (m_state != State::Open)
            return;
        if (isAttached(client))
            client->d->onManagerOpen();
    }
    if (!hasActiveClients())
        closeConnection();
}

void Manager::onEngineMessage(QByteArrayView payload)
{
    onDecoded(m_decoder.decodeText(payload));
}

void Manager::onDecoded(Protocol::Decoder::Status status)
{
    switch (status) {
    case Protocol::Decoder::Status::Packet:
        dispatch(m_decoder.takePacket());
        break;
    case Protocol::Decoder::Status::NeedAttachment:
        break;
    case Protocol::Decoder::Status::Error:
        connectionLost(CloseReason::parseError(), m_decoder.errorString());
        break;
    }
}

void Manager::dispatch(const Protocol::Packet &packet)
{
    if (packet.type == Protocol::PacketType::Connect && m_abandoned.remove(packet.nsp)
        && !clientFor(packet.nsp)) {
        sendPacket(Protocol::Packet { Protocol::PacketType::Disconnect, packet.nsp, -1, {} });
        return;
    }
    if (Client::Private *client = clientFor(packet.nsp))
        client->onPacket(packet);
    else
        qCDebug(lcManager) << "packet for a namespace without client:" << packet.nsp;
}

void Manager::connectionLost(const QString &reason, const QString &detail)
{
    if (m_state != State::Opening && m_state != State::Open)
        return;
    const bool wasOpen = m_state == State::Open;
    qCDebug(lcManager) << "connection lost:" << reason << detail;
    m_connectTimer.stop();
    m_pingTimer.stop();
    dropSocket(reason == CloseReason::parseError());
    m_decoder.reset();
    m_abandoned.clear();
    m_state = State::Closed;

    const bool willReconnect = m_options.reconnection && !m_dying;
    const Error error(detail.isEmpty() ? reason : detail, QVariant(), reason);
    for (const QPointer<Client> &client : clientsSnapshot()) {
        if (!isAttached(client))
            continue;
        if (wasOpen)
            client->d->onTransportClosed(reason, willReconnect);
        else
            client->d->onOpenFailed(error, willReconnect);
    }
    if (m_state != State::Closed || m_dying)
        return; // a handler opened or closed things meanwhile
    if (willReconnect)
        scheduleReconnect();
}

void Manager::scheduleReconnect()
{
    if (!hasActiveClients()) {
        closeConnection();
        return;
    }
    if (m_options.maxReconnectAttempts >= 0 && m_attempts >= m_options.maxReconnectAttempts) {
        m_attempts = 0;
        m_reconnecting = false;
        m_state = State::Closed;
        for (const QPointer<Client> &client : clientsSnapshot()) {
            if (isAttached(client))
                client->d->onReconnectFailed();
        }
        return;
    }
    const int delay = reconnectDelay(m_attempts);
    ++m_attempts;
    m_reconnecting = true;
    m_state = State::WaitingToReconnect;
    qCDebug(lcManager) << "reconnect attempt" << m_attempts << "in" << delay << "ms";
    m_reconnectTimer.start(delay);
}

void Manager::onReconnectTimer()
{
    if (m_state != State::WaitingToReconnect)
        return;
    for (const QPointer<Client> &client : clientsSnapshot()) {
        if (isAttached(client) && client->d->isActive())
            client->d->onReconnecting(m_attempts);
    }
    if (m_state != State::WaitingToReconnect || m_dying)
        return;
    if (!hasActiveClients()) {
        closeConnection();
        return;
    }
    openConnection();
}

int Manager::reconnectDelay(int attempt) const
{
    const double base = std::max(0, m_options.reconnectDelay);
    const double cap = std::max(0, m_options.reconnectDelayMax);
    double delay = std::min(base * std::pow(2.0, std::min(attempt, 31)), cap);
    const double jitter = std::clamp(m_options.jitter, 0.0, 1.0);
    if (jitter > 0) {
        const double r = QRandomGenerator::global()->generateDouble(); // [0, 1)
        delay *= 1.0 + jitter * (2.0 * r - 1.0);
    }
    return int(std::clamp(delay, 0.0, double(std::numeric_limits<int>::max())));
}

} // namespace SmartSocket::Internal
