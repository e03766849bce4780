#include "adminconnection.h"

#include "inspectormodels.h"

#include <smartsocket/smartsocket.h>

namespace Inspector {

const QString AdminConnection::FeatureEmit = QStringLiteral("EMIT");
const QString AdminConnection::FeatureJoin = QStringLiteral("JOIN");
const QString AdminConnection::FeatureLeave = QStringLiteral("LEAVE");
const QString AdminConnection::FeatureDisconnect = QStringLiteral("DISCONNECT");
const QString AdminConnection::FeatureAggregatedEvents = QStringLiteral("AGGREGATED_EVENTS");
const QString AdminConnection::FeatureAllEvents = QStringLiteral("ALL_EVENTS");
const QString AdminConnection::FeatureAcks = QStringLiteral("SMARTSOCKET_ACKS");
const QString AdminConnection::FeatureRateLimits = QStringLiteral("SMARTSOCKET_RATE_LIMITS");
const QString AdminConnection::FeatureStats = QStringLiteral("SMARTSOCKET_STATS");

namespace {

QDateTime parseDate(const QVariant &value)
{
    QDateTime time = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    if (!time.isValid() && value.canConvert<qint64>() && value.toLongLong() > 0)
        time = QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
    return time.isValid() ? time : QDateTime::currentDateTimeUtc();
}

} // namespace

AdminConnection::AdminConnection(InspectorModels *models, QObject *parent)
    : QObject(parent), m_models(models)
{
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &AdminConnection::startClient);
}

AdminConnection::~AdminConnection()
{
    m_closing = true;
    delete m_client.data();
}

QString AdminConnection::adminSocketId() const
{
    return m_client ? m_client->id() : QString();
}

bool AdminConnection::isReadonly() const
{
    return !hasFeature(FeatureJoin) && !hasFeature(FeatureLeave) && !hasFeature(FeatureDisconnect)
        && !hasFeature(FeatureEmit);
}

void AdminConnection::open(
    const ConnectionProfile &profile, const QString &password, const QString &sessionId)
{
    close();
    m_closing = false;
    m_profile = profile;
    m_password = password;
    m_sessionId = sessionId;
    m_attempt = 0;
    m_error.clear();
    m_models->clear();
    setState(ConnectionState::Connecting);
    startClient();
}

void AdminConnection::close()
{
    m_closing = true;
    m_reconnectTimer.stop();
    dropClient();
    m_features.clear();
    m_hasConfig = false;
    setState(ConnectionState::Disconnected);
}

void AdminConnection::dropClient()
{
    if (!m_client)
        return;
    SmartSocket::Client *client = m_client;
    m_client.clear();
    client->disconnect(this);
    client->close();
    // It may be inside one of its own signals: delete it later.
    client->deleteLater();
}

void AdminConnection::startClient()
{
    dropClient();
    SmartSocket::ClientOptions options;
    QString error;
    if (!m_profile.applyTo(&options, &error)) {
        setError(error);
        setState(ConnectionState::Failed);
        return;
    }
    options.namespaceName
        = m_profile.adminNamespace.isEmpty() ? QStringLiteral("/admin") : m_profile.adminNamespace;
    // Its own connection, and our own reconnection (the auth changes between attempts).
    options.multiplex = false;
    options.reconnection = false;
    options.connectTimeout = 10000;
    m_usingSession = !m_sessionId.isEmpty();
    if (m_usingSession) {
        options.auth = { { QStringLiteral("sessionId"), m_sessionId } };
    } else if (!m_profile.username.isEmpty()) {
        options.auth = { { QStringLiteral("username"), m_profile.username },
            { QStringLiteral("password"), m_password } };
    }
    auto *client = new SmartSocket::Client(m_profile.url, options, this);
    m_client = client;
    registerHandlers(client);
    connect(client, &SmartSocket::Client::connected, this, [this] {
        m_attempt = 0;
        m_error.clear();
        setState(ConnectionState::Connected);
    });
    connect(client, &SmartSocket::Client::disconnected, this, [this](const QString &reason) {
        if (m_closing)
            return;
        setError(tr("Disconnected: %1").arg(reason));
        scheduleReconnect();
    });
    connect(client, &SmartSocket::Client::errorOccurred, this, &AdminConnection::onClientError);
    client->open();
}

void AdminConnection::onClientError(const SmartSocket::Error &error)
{
    if (m_closing)
        return;
    if (m_state == ConnectionState::Connected) {
        // An `__error__` from the server while connected: report, stay connected.
        Q_EMIT errorOccurred(error.message());
        return;
    }
    if (error.message() == QLatin1String("invalid credentials")) {
        if (m_usingSession && !m_profile.username.isEmpty()) {
            // The server forgot our session (restarted, other store): log in again.
            m_sessionId.clear();
            m_reconnectTimer.start(0);
            return;
        }
        setError(tr("Authentication failed: %1").arg(error.message()));
        dropClient();
        setState(ConnectionState::Failed);
        Q_EMIT authenticationFailed(error.message());
        return;
    }
    setError(error.message());
    scheduleReconnect();
}

void AdminConnection::scheduleReconnect()
{
    if (m_closing || m_reconnectTimer.isActive())
        return;
    m_features.clear();
    m_hasConfig = false;
    const int delay = qMin(5000, 500 * (1 << qMin(m_attempt, 4)));
    ++m_attempt;
    setState(ConnectionState::Reconnecting);
    m_reconnectTimer.start(delay);
}

void AdminConnection::setState(ConnectionState state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void AdminConnection::setError(const QString &message)
{
    m_error = message;
    Q_EMIT errorOccurred(message);
}

bool AdminConnection::checkAction(const QString &feature)
{
    if (!m_client || m_state != ConnectionState::Connected) {
        m_error = tr("Not connected");
        return false;
    }
    if (!hasFeature(feature)) {
        m_error = tr("The server does not allow %1 (read-only or not supported)").arg(feature);
        return false;
    }
    return true;
}

bool AdminConnection::joinRoom(const QString &nsp, const QString &room, const QString &filter)
{
    if (room.isEmpty()) {
        m_error = tr("No room given");
        return false;
    }
    if (!checkAction(FeatureJoin))
        return false;
    QVariantList args { nsp, room };
    if (!filter.isEmpty())
        args << filter;
    m_client->emitEvent(QStringLiteral("join"), args);
    return true;
}

bool AdminConnection::leaveRoom(const QString &nsp, const QString &room, const QString &filter)
{
    if (room.isEmpty()) {
        m_error = tr("No room given");
        return false;
    }
    if (!checkAction(FeatureLeave))
        return false;
    QVariantList args { nsp, room };
    if (!filter.isEmpty())
        args << filter;
    m_client->emitEvent(QStringLiteral("leave"), args);
    return true;
}

bool AdminConnection::disconnectSockets(
    const QString &nsp, const QString &filter, bool closeConnection)
{
    if (!checkAction(FeatureDisconnect))
        return false;
    QVariantList args { nsp, closeConnection };
    if (!filter.isEmpty())
        args << filter;
    m_client->emitEvent(QStringLiteral("_disconnect"), args);
    return true;
}

bool AdminConnection::emitTo(
    const QString &nsp, const QString &filter, const QString &event, const QVariantList &args)
{
    if (event.isEmpty()) {
        m_error = tr("No event name given");
        return false;
    }
    if (!checkAction(FeatureEmit))
        return false;
    // emit(nsp, filter, ev, ...args); a null filter means the whole namespace.
    QVariantList all { nsp, filter.isEmpty() ? QVariant::fromValue(nullptr) : QVariant(filter),
        event };
    all.append(args);
    m_client->emitEvent(QStringLiteral("emit"), all);
    return true;
}

void AdminConnection::registerHandlers(SmartSocket::Client *client)
{
    using Args = const QVariantList &;
    client->on(QStringLiteral("session"), [this](Args args) {
        m_sessionId = args.value(0).toString();
        Q_EMIT sessionReceived(m_sessionId);
    });
    client->on(QStringLiteral("config"), [this](Args args) {
        m_features
            = args.value(0).toMap().value(QStringLiteral("supportedFeatures")).toStringList();
        m_hasConfig = true;
        Q_EMIT configReceived(m_features);
    });
    client->on(QStringLiteral("all_sockets"), [this](Args args) {
        QList<SocketInfo> sockets;
        const QVariantList list = args.value(0).toList();
        for (const QVariant &v : list)
            sockets.append(SocketInfo::fromVariant(v));
        m_models->sockets()->resetSockets(sockets);
    });
    client->on(QStringLiteral("server_stats"), [this](Args args) { onServerStats(args.value(0)); });
    client->on(QStringLiteral("socket_connected"), [this](Args args) {
        const SocketInfo info = SocketInfo::fromVariant(args.value(0));
        if (!info.isValid())
            return;
        SocketInfo s = info;
        if (!s.connectedAt.isValid())
            s.connectedAt = parseDate(args.value(1));
        m_models->sockets()->addSocket(s);
        onLifecycle(s.nsp, s.id, QStringLiteral("connect"),
            { QVariantMap { { QStringLiteral("address"), s.address },
                { QStringLiteral("transport"), s.transport } } },
            args.value(1));
    });
    client->on(QStringLiteral("socket_updated"), [this](Args args) {
        const QVariantMap m = args.value(0).toMap();
        m_models->sockets()->updateSocket(
            m.value(QStringLiteral("nsp")).toString(), m.value(QStringLiteral("id")).toString(), m);
    });
    client->on(QStringLiteral("socket_disconnected"), [this](Args args) {
        const QString nsp = args.value(0).toString();
        const QString id = args.value(1).toString();
        m_models->sockets()->removeSocket(nsp, id);
        m_models->rateLimits()->removeSocket(nsp, id);
        onLifecycle(nsp, id, QStringLiteral("disconnect"), { args.value(2) }, args.value(3));
    });
    client->on(QStringLiteral("room_joined"), [this](Args args) {
        const QString nsp = args.value(0).toString();
        const QString room = args.value(1).toString();
        const QString id = args.value(2).toString();
        m_models->sockets()->addRoom(nsp, id, room);
        if (room != id) // every socket joins its own room: not worth a row
            onLifecycle(nsp, id, QStringLiteral("join"), { room }, args.value(3));
    });
    client->on(QStringLiteral("room_left"), [this](Args args) {
        const QString nsp = args.value(0).toString();
        const QString room = args.value(1).toString();
        const QString id = args.value(2).toString();
        m_models->sockets()->removeRoom(nsp, id, room);
        if (room != id)
            onLifecycle(nsp, id, QStringLiteral("leave"), { room }, args.value(3));
    });
    client->on(QStringLiteral("event_received"), [this](Args args) { onEventRecord(args, true); });
    client->on(QStringLiteral("event_sent"), [this](Args args) { onEventRecord(args, false); });
    client->on(QStringLiteral("smartsocket:ack"),
        [this](Args args) { m_models->acks()->addFromVariant(args.value(0)); });
    client->on(QStringLiteral("smartsocket:rate_limit"), [this](Args args) {
        const int rejected = m_models->rateLimits()->applyPayload(args.value(0));
        if (rejected > 0) {
            m_models->stats()->addCount(
                StatsHistory::RateLimited, QDateTime::currentDateTimeUtc(), rejected);
        }
    });
    client->on(QStringLiteral("smartsocket:stats"), [this](Args args) {
        const QVariantMap stats = args.value(0).toMap();
        m_extensionStats.insert(stats.value(QStringLiteral("serverId")).toString(), stats);
        Q_EMIT extensionStatsChanged();
    });
}

void AdminConnection::onServerStats(const QVariant &value)
{
    const QVariantMap stats = value.toMap();
    const QString serverId = stats.value(QStringLiteral("serverId")).toString();
    if (serverId.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_models->servers()->updateFromStats(stats, now);
    m_models->stats()->addAggregatedEvents(
        stats.value(QStringLiteral("aggregatedEvents")).toList());
    m_models->stats()->setClients(now, m_models->servers()->totalClients());
    QMap<QString, int> counts;
    const QVariantList namespaces = stats.value(QStringLiteral("namespaces")).toList();
    for (const QVariant &v : namespaces) {
        const QVariantMap n = v.toMap();
        counts.insert(n.value(QStringLiteral("name")).toString(),
            n.value(QStringLiteral("socketsCount")).toInt());
    }
    m_models->namespaces()->setServerCounts(serverId, counts);
}

void AdminConnection::onEventRecord(const QVariantList &args, bool received)
{
    // event_received / event_sent: (nsp, socketId, [event, ...args], date)
    const QVariantList eventArgs = args.value(2).toList();
    if (eventArgs.isEmpty())
        return;
    EventRecord r;
    r.time = parseDate(args.value(3));
    r.direction = received ? EventRecord::Direction::Received : EventRecord::Direction::Sent;
    r.nsp = args.value(0).toString();
    r.socketId = args.value(1).toString();
    r.event = eventArgs.first().toString();
    r.args = eventArgs.mid(1);
    m_models->events()->append(std::move(r));
}

void AdminConnection::onLifecycle(const QString &nsp, const QString &id, const QString &what,
    const QVariantList &args, const QVariant &date)
{
    EventRecord r;
    r.time = parseDate(date);
    r.direction = EventRecord::Direction::Lifecycle;
    r.nsp = nsp;
    r.socketId = id;
    r.event = what;
    r.args = args;
    m_models->events()->append(std::move(r));
}

} // namespace Inspector
