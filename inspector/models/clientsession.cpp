#include "clientsession.h"

#include "inspectormodels.h"
#include "valueformat.h"

#include <smartsocket/smartsocket.h>

#include <memory>

namespace Inspector {

ClientSession::ClientSession(InspectorModels *models, QObject *parent)
    : QObject(parent), m_models(models)
{
    // The clients series of the dashboard: one sample a second.
    m_sampler.setInterval(1000);
    connect(&m_sampler, &QTimer::timeout, this, [this] {
        m_models->stats()->setClients(QDateTime::currentDateTimeUtc(), connectedCount());
    });
}

ClientSession::~ClientSession()
{
    for (const auto &client : std::as_const(m_clients)) {
        if (client)
            client->disconnect(this);
    }
    qDeleteAll(m_clients);
}

bool ClientSession::open(const ConnectionProfile &profile, QString *error)
{
    SmartSocket::ClientOptions base;
    QString problem;
    QVariantMap auth;
    if (!profile.applyTo(&base, &problem) || !profile.authObject(&auth, &problem)) {
        if (error)
            *error = problem;
        return false;
    }
    if (!profile.isValid()) {
        if (error)
            *error = tr("Invalid URL: %1").arg(profile.url.toString());
        return false;
    }
    close();
    m_models->clear();
    m_profile = profile;
    m_error.clear();
    base.auth = auth;
    QStringList namespaces;
    for (const QString &n : profile.namespaces) {
        QString nsp = n.trimmed();
        if (nsp.isEmpty())
            continue;
        if (!nsp.startsWith(QLatin1Char('/')))
            nsp.prepend(QLatin1Char('/'));
        if (!namespaces.contains(nsp))
            namespaces << nsp;
    }
    if (namespaces.isEmpty())
        namespaces << QStringLiteral("/");
    for (const QString &nsp : std::as_const(namespaces)) {
        SmartSocket::ClientOptions options = base;
        options.namespaceName = nsp;
        auto *client = new SmartSocket::Client(profile.url, options, this);
        m_clients.append(client);
        m_socketIds.append(QString());
        client->onAny([this, client](const QString &event, const QVariantList &args) {
            EventRecord r;
            r.time = QDateTime::currentDateTimeUtc();
            r.direction = EventRecord::Direction::Received;
            r.nsp = client->namespaceName();
            r.socketId = client->id();
            r.event = event;
            r.args = args;
            r.finalize();
            m_models->stats()->addCount(StatsHistory::PacketsIn, r.time);
            m_models->stats()->addCount(
                StatsHistory::BytesIn, r.time, r.argsText.size() + event.size());
            m_models->events()->append(std::move(r));
        });
        connect(
            client, &SmartSocket::Client::connected, this, [this, client] { onConnected(client); });
        connect(client, &SmartSocket::Client::disconnected, this,
            [this, client](const QString &) { onDisconnected(client); });
        connect(client, &SmartSocket::Client::reconnecting, this, [this](int) {
            m_reconnecting = true;
            updateState();
        });
        connect(client, &SmartSocket::Client::errorOccurred, this,
            [this, client](const SmartSocket::Error &e) {
                m_error = tr("%1: %2").arg(client->namespaceName(), e.message());
                Q_EMIT errorOccurred(m_error);
                updateState();
            });
        connect(client, &SmartSocket::Client::reconnectFailed, this, [this] { updateState(); });
    }
    m_state = ConnectionState::Disconnected;
    for (const auto &client : std::as_const(m_clients))
        client->open();
    m_sampler.start();
    updateState();
    return true;
}

void ClientSession::close()
{
    m_sampler.stop();
    const auto clients = std::exchange(m_clients, {});
    for (const auto &client : clients) {
        if (!client)
            continue;
        client->disconnect(this);
        client->offAny();
        client->close();
        client->deleteLater();
    }
    m_socketIds.clear();
    m_reconnecting = false;
    updateState();
}

QStringList ClientSession::namespaces() const
{
    QStringList list;
    for (const auto &client : m_clients) {
        if (client)
            list << client->namespaceName();
    }
    return list;
}

int ClientSession::connectedCount() const
{
    int n = 0;
    for (const auto &client : m_clients) {
        if (client && client->isConnected())
            ++n;
    }
    return n;
}

QString ClientSession::socketId(const QString &nsp) const
{
    const SmartSocket::Client *client = clientFor(nsp);
    return client ? client->id() : QString();
}

SmartSocket::Client *ClientSession::clientFor(const QString &nsp) const
{
    for (const auto &client : m_clients) {
        if (client && client->namespaceName() == nsp)
            return client;
    }
    return nullptr;
}

void ClientSession::onConnected(SmartSocket::Client *client)
{
    const int i = m_clients.indexOf(client);
    if (i < 0)
        return;
    m_socketIds[i] = client->id();
    SocketInfo s;
    s.id = client->id();
    s.nsp = client->namespaceName();
    s.transport = QStringLiteral("websocket");
    s.address = client->url().authority();
    s.connectedAt = QDateTime::currentDateTimeUtc();
    s.rooms = {};
    m_models->sockets()->addSocket(s);
    EventRecord r;
    r.time = s.connectedAt;
    r.direction = EventRecord::Direction::Lifecycle;
    r.nsp = s.nsp;
    r.socketId = s.id;
    r.event = QStringLiteral("connect");
    m_models->events()->append(std::move(r));
    if (connectedCount() == m_clients.size())
        m_reconnecting = false;
    updateState();
}

void ClientSession::onDisconnected(SmartSocket::Client *client)
{
    const int i = m_clients.indexOf(client);
    if (i < 0)
        return;
    const QString oldId = std::exchange(m_socketIds[i], QString());
    m_models->sockets()->removeSocket(client->namespaceName(), oldId);
    EventRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.direction = EventRecord::Direction::Lifecycle;
    r.nsp = client->namespaceName();
    r.socketId = oldId;
    r.event = QStringLiteral("disconnect");
    m_models->events()->append(std::move(r));
    if (client->options().reconnection)
        m_reconnecting = true;
    updateState();
}

void ClientSession::updateState()
{
    ConnectionState state;
    const int connected = connectedCount();
    if (m_clients.isEmpty())
        state = ConnectionState::Disconnected;
    else if (connected == m_clients.size())
        state = ConnectionState::Connected;
    else if (m_reconnecting)
        state = ConnectionState::Reconnecting;
    else
        state = ConnectionState::Connecting;
    if (state != m_state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

quint64 ClientSession::emitEvent(
    const QString &nsp, const QString &event, const QVariantList &args, bool wantAck, int timeoutMs)
{
    SmartSocket::Client *client = clientFor(nsp);
    if (!client || event.isEmpty())
        return 0;
    const quint64 requestId = m_nextRequest++;
    EventRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.direction = EventRecord::Direction::Sent;
    r.nsp = nsp;
    r.socketId = client->id();
    r.event = event;
    r.args = args;
    r.finalize();
    m_models->stats()->addCount(StatsHistory::PacketsOut, r.time);
    m_models->stats()->addCount(StatsHistory::BytesOut, r.time, r.argsText.size() + event.size());
    m_models->events()->append(r);
    if (!wantAck) {
        client->emitEvent(event, args);
        return requestId;
    }
    AcksModel::Ack ack;
    ack.time = r.time;
    ack.nsp = nsp;
    ack.socketId = r.socketId;
    ack.event = event;
    ack.direction = QStringLiteral("out");
    const quint64 handle = m_models->acks()->add(ack);
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    QPointer<ClientSession> self(this);
    client->emitEvent(
        event, args,
        [self, handle, requestId, timer, nsp, event](const SmartSocket::AckResult &result) {
            if (!self)
                return;
            const double rtt = timer->nsecsElapsed() / 1e6;
            AcksModel::Status status = AcksModel::Status::Ok;
            if (result.status() == SmartSocket::AckResult::Status::Timeout)
                status = AcksModel::Status::Timeout;
            else if (result.isError())
                status = AcksModel::Status::Error;
            self->m_models->acks()->complete(
                handle, status, rtt, result.args(), result.errorString());
            if (result.isOk()) {
                // The reply in the log too, right after its request (admin-ui #72).
                EventRecord reply;
                reply.time = QDateTime::currentDateTimeUtc();
                reply.direction = EventRecord::Direction::Received;
                reply.nsp = nsp;
                reply.socketId = self->socketId(nsp);
                reply.event = QStringLiteral("%1 (ack)").arg(event);
                reply.args = result.args();
                self->m_models->events()->append(std::move(reply));
            }
            Q_EMIT self->ackFinished(
                requestId, result.isOk(), result.args(), result.errorString(), rtt);
        },
        timeoutMs);
    return requestId;
}

} // namespace Inspector
