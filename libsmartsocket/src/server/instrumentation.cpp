#include "instrumentation.h"

#include "servercore_p.h"

#include "features/bcrypt.h"
#include "session/hoptothread.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHostInfo>
#include <QLocale>
#include <QRandomGenerator>
#include <QThreadPool>

#include <QTimeZone>
#include <mutex>

#include <algorithm>

#include <unistd.h>

namespace SmartSocket {

namespace Internal {

namespace {

// The admin-ui 0.5 feature names (its Feature enum); the UI enables its buttons from them.
const char *const actionFeatures[]
    = { "EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT" };

constexpr int maxSessions = 1024;

QString nowIso()
{
    return Instrumentation::isoTimestamp(QDateTime::currentMSecsSinceEpoch());
}

// 16 hex characters, as admin-ui's randomBytes(8).toString("hex").
QString newSessionId()
{
    const quint64 value = QRandomGenerator::system()->generate64();
    return QStringLiteral("%1").arg(value, 16, 16, QLatin1Char('0'));
}

// JavaScript's Date.prototype.toString(), which socket.io puts in handshake.time:
// "Wed Dec 02 2026 16:58:13 GMT+0000 (Coordinated Universal Time)".
QString javascriptDateString(const QDateTime &time)
{
    const QDateTime local = time.toLocalTime();
    const int offset = local.offsetFromUtc() / 60;
    const QString zone = QStringLiteral("GMT%1%2%3")
                             .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(qAbs(offset) / 60, 2, 10, QLatin1Char('0'))
                             .arg(qAbs(offset) % 60, 2, 10, QLatin1Char('0'));
    const QString name = local.timeZone().displayName(local, QTimeZone::LongName, QLocale::c());
    return QLocale::c().toString(local, QStringLiteral("ddd MMM dd yyyy HH:mm:ss ")) + zone
        + (name.isEmpty() ? QString() : QStringLiteral(" (") + name + QLatin1Char(')'));
}

// When this process started, in ms since the epoch (Node's process.uptime() counts from it).
qint64 processStartMs()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return now;
    // Field 22 (starttime, in clock ticks since boot) comes after the ")" of the command name.
    const QByteArray line = stat.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    const double systemUptime = uptime.readAll().split(' ').value(0).toDouble();
    if (fields.size() < 20 || systemUptime <= 0)
        return now;
    const double startedAfterBoot = fields.at(19).toDouble() / double(sysconf(_SC_CLK_TCK));
    return now - qint64((systemUptime - startedAfterBoot) * 1000);
}

bool isString(const QVariant &value)
{
    return value.typeId() == QMetaType::QString;
}

// socket.data as admin-ui shows it: the application's map (admin-ui strips its own `_admin`).
QVariantMap serializedData(const QVariantMap &data)
{
    if (!data.contains(QStringLiteral("_admin")))
        return data;
    QVariantMap copy = data;
    copy.remove(QStringLiteral("_admin"));
    return copy;
}

} // namespace

Instrumentation::Instrumentation(Server *server, ServerCore *core, const InstrumentOptions &options)
    : QObject(nullptr), m_server(server), m_core(core), m_options(options)
{
    if (m_options.serverId.isEmpty())
        m_options.serverId = QHostInfo::localHostName();
    m_hostname = QHostInfo::localHostName();
    m_processStartMs = processStartMs();
    if (!m_options.readonly) {
        for (const char *feature : actionFeatures)
            m_features.append(QString::fromLatin1(feature));
    }
    m_features.append(QStringLiteral("AGGREGATED_EVENTS"));
    if (isDevelopment())
        m_features.append(QStringLiteral("ALL_EVENTS"));
    // SmartSocket's extensions (docs/inspector-protocol.md); the Admin UI ignores names it
    // does not know. Production mode samples the acks that succeeded (AdminObserver).
    m_features.append(QStringLiteral("SMARTSOCKET_ACKS"));
    m_features.append(QStringLiteral("SMARTSOCKET_RATE_LIMITS"));
    m_features.append(QStringLiteral("SMARTSOCKET_STATS"));
    m_observer = std::make_unique<AdminObserver>(this);
    m_statsTimer.setInterval(m_options.statsInterval);
    connect(&m_statsTimer, &QTimer::timeout, this, &Instrumentation::emitStats);
}

Instrumentation::~Instrumentation()
{
    setActive(false);
}

bool Instrumentation::validate(const InstrumentOptions &options, QString *error)
{
    const QString &name = options.namespaceName;
    if (name.isEmpty() || name == QLatin1String("/") || name.contains(QLatin1Char(','))) {
        *error = QStringLiteral("invalid admin namespace name \"%1\"").arg(name);
        return false;
    }
    if (!options.passwordHash.isEmpty() || !options.username.isEmpty()) {
        if (options.username.isEmpty()) {
            *error = QStringLiteral("a password hash needs a username");
            return false;
        }
        if (!Bcrypt::isValidHash(options.passwordHash)) {
            *error = QStringLiteral("the password must be a valid bcrypt hash ($2a$, $2b$ or "
                                    "$2y$, cost 04-31)");
            return false;
        }
    }
    if (options.statsInterval < 100) {
        *error = QStringLiteral("statsInterval must be at least 100 ms");
        return false;
    }
    return true;
}

void Instrumentation::start()
{
    QString name = m_options.namespaceName;
    if (!name.startsWith(QLatin1Char('/')))
        name.prepend(QLatin1Char('/'));
    m_admin = m_server->of(name);
    if (!m_options.passwordHash.isEmpty()) {
        m_admin->useConnect([this](Socket *socket, const Next &next) {
            authenticate(socket, [next](const QString *error) {
                if (error)
                    next(Error(*error));
                else
                    next();
            });
        });
    }
    connect(m_admin, &Namespace::connected, this, &Instrumentation::onAdminConnected);
    connect(m_admin, &Namespace::disconnected, this, [this] { onAdminDisconnected(); });
    registerActions();
}

void Instrumentation::authenticate(Socket *socket, const std::function<void(const QString *)> &done)
{
    const QVariantMap &auth = socket->handshake().auth();
    const QVariant sessionId = auth.value(QStringLiteral("sessionId"));
    if (isString(sessionId) && m_sessions.contains(sessionId.toString())) {
        done(nullptr);
        return;
    }
    static const QString refused = QStringLiteral("invalid credentials");
    const QVariant username = auth.value(QStringLiteral("username"));
    const QVariant password = auth.value(QStringLiteral("password"));
    if (!isString(username) || username.toString() != m_options.username || !isString(password)) {
        done(&refused);
        return;
    }
    // bcrypt takes tens of ms by design: off the event loop, so other clients keep being
    // served while an admin logs in. The answer comes back to this thread.
    const QByteArray hash = m_options.passwordHash;
    const QByteArray secret = password.toString().toUtf8();
    const QString socketId = socket->id();
    // A login whose connection goes away before it completes leaves no session behind.
    connect(socket, &QObject::destroyed, this,
        [this, socketId] { m_pendingSessions.remove(socketId); });
    QPointer<Instrumentation> self(this);
    // Posted and started under the hop gate (session/hoptothread.h), so ThreadSanitizer sees
    // the hand-off that QThreadPool makes inside QtCore; the answer hops back the same way.
    const std::lock_guard<std::mutex> posting(hopGate());
    QThreadPool::globalInstance()->start([self, hash, secret, socketId, done] {
        {
            const std::lock_guard<std::mutex> started(hopGate());
        }
        const bool ok = Bcrypt::verify(secret, hash);
        if (!self)
            return;
        hopToThread(self.data(), [self, ok, socketId, done] {
            if (!ok) {
                done(&refused);
                return;
            }
            const QString id = newSessionId();
            self->m_sessions.insert(id);
            self->m_sessionOrder.push_back(id);
            while (self->m_sessionOrder.size() > size_t(maxSessions)) {
                self->m_sessions.remove(self->m_sessionOrder.front());
                self->m_sessionOrder.pop_front();
            }
            self->m_pendingSessions.insert(socketId, id);
            done(nullptr);
        });
    });
}

void Instrumentation::registerActions()
{
    if (m_options.readonly)
        return; // admin-ui registers no handler at all: the actions are ignored
    // The admin's arguments are checked for type: anything unexpected is ignored.
    const auto target = [this](const QVariant &nsp, const QVariant &filter, Namespace **out) {
        if (!isString(nsp))
            return false;
        *out = m_server->findNamespace(nsp.toString());
        return *out != nullptr && (filter.isNull() || isString(filter) || !filter.isValid());
    };
    const auto select = [](Namespace *nsp, const QVariant &filter) {
        const QString room = isString(filter) ? filter.toString() : QString();
        return room.isEmpty() ? BroadcastOperator(nsp) : BroadcastOperator(nsp).in(room);
    };
    m_admin->on(QStringLiteral("join"), [=](Socket *, const QVariantList &args) {
        Namespace *nsp = nullptr;
        if (target(args.value(0), args.value(2), &nsp) && isString(args.value(1)))
            select(nsp, args.value(2)).socketsJoin(args.value(1).toString());
    });
    m_admin->on(QStringLiteral("leave"), [=](Socket *, const QVariantList &args) {
        Namespace *nsp = nullptr;
        if (target(args.value(0), args.value(2), &nsp) && isString(args.value(1)))
            select(nsp, args.value(2)).socketsLeave(args.value(1).toString());
    });
    m_admin->on(QStringLiteral("_disconnect"), [=](Socket *, const QVariantList &args) {
        Namespace *nsp = nullptr;
        if (target(args.value(0), args.value(2), &nsp))
            select(nsp, args.value(2)).disconnectSockets(args.value(1).toBool());
    });
    m_admin->on(QStringLiteral("emit"), [=](Socket *, const QVariantList &args) {
        Namespace *nsp = nullptr;
        if (target(args.value(0), args.value(1), &nsp) && isString(args.value(2)))
            select(nsp, args.value(1)).emitEvent(args.value(2).toString(), args.mid(3));
    });
}

void Instrumentation::onAdminConnected(Socket *socket)
{
    QPointer<Socket> guard(socket);
    const bool wasActive = m_active;
    setActive(true);
    const QString session = m_pendingSessions.take(socket->id());
    if (!session.isEmpty())
        socket->emitEvent(QStringLiteral("session"), { session });
    if (!wasActive && isDevelopment()) {
        // The observer was detached while this admin connected: report it as it would have.
        socketConnected(socket);
        roomJoined(socket, socket->id());
    }
    if (!guard || !guard->isConnected())
        return;
    socket->emitEvent(QStringLiteral("config"),
        { QVariantMap { { QStringLiteral("supportedFeatures"), m_features } } });
    if (isDevelopment()) {
        QVariantList all;
        const auto namespaces = sortedNamespaces();
        for (Namespace *nsp : namespaces) {
            const auto sockets = nsp->sockets();
            for (Socket *s : sockets)
                all.append(serialize(s));
        }
        socket->emitEvent(
            QStringLiteral("all_sockets"), { QVariant(all) }); // one argument: the array
    }
}

void Instrumentation::onAdminDisconnected()
{
    if (m_admin->socketCount() == 0)
        setActive(false);
}

void Instrumentation::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    m_core->setInstrumentationActive(active);
    if (active) {
        m_statsTimer.start();
        if (isDevelopment()) {
            const auto namespaces = m_server->namespaces();
            for (Namespace *nsp : namespaces) {
                const auto sockets = nsp->sockets();
                for (Socket *s : sockets)
                    m_dataSnapshots.insert(s, s->data());
            }
        }
    } else {
        m_statsTimer.stop();
        m_events.clear();
        m_dataSnapshots.clear();
        m_observer->reset();
    }
}

Namespace *Instrumentation::findNamespace(const QString &name) const
{
    return m_server->findNamespace(name);
}

QList<Namespace *> Instrumentation::sortedNamespaces() const
{
    QList<Namespace *> list = m_server->namespaces();
    std::sort(list.begin(), list.end(),
        [](const Namespace *a, const Namespace *b) { return a->name() < b->name(); });
    return list;
}

void Instrumentation::broadcast(const QString &event, const QVariantList &args)
{
    if (m_admin)
        BroadcastOperator(m_admin).emitEvent(event, args);
}

bool Instrumentation::isAdminSocket(const Socket *socket) const
{
    return socket->nsp() == m_admin;
}

QVariantMap Instrumentation::serverStats()
{
    QVariantList namespaces;
    const auto list = sortedNamespaces();
    for (Namespace *nsp : list) {
        namespaces.append(QVariantMap { { QStringLiteral("name"), nsp->name() },
            { QStringLiteral("socketsCount"), nsp->socketCount() } });
    }
    const double uptime = double(QDateTime::currentMSecsSinceEpoch() - m_processStartMs) / 1000.0;
    return QVariantMap { { QStringLiteral("serverId"), QVariant(m_options.serverId) },
        { QStringLiteral("hostname"), m_hostname },
        { QStringLiteral("pid"), qint64(QCoreApplication::applicationPid()) },
        { QStringLiteral("uptime"), uptime },
        { QStringLiteral("clientsCount"), m_core->sessionCount },
        // Long-polling is not served: every client is on WebSocket.
        { QStringLiteral("pollingClientsCount"), 0 },
        { QStringLiteral("aggregatedEvents"), m_events.takeAll() },
        { QStringLiteral("namespaces"), namespaces } };
}

void Instrumentation::emitStats()
{
    if (!m_active)
        return;
    if (isDevelopment())
        checkDataUpdates();
    broadcast(QStringLiteral("server_stats"), { serverStats() });
    if (!m_active)
        return;
    // SmartSocket's extensions, in the same period.
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QString timestamp = isoTimestamp(now);
    QVariantMap stats = m_observer->takeStats(now);
    stats.insert(QStringLiteral("serverId"), m_options.serverId);
    stats.insert(QStringLiteral("timestamp"), timestamp);
    // The keys the inspector knows (docs/inspector-protocol.md, 4.3), then the details.
    const ConnectionStats connections = m_server->connectionStats();
    const QVariantMap rateLimits = m_server->rateLimitStats();
    stats.insert(QStringLiteral("connections"), connections.total);
    stats.insert(QStringLiteral("memoryUsage"), qint64(connections.memoryUsage * 1024 * 1024));
    stats.insert(QStringLiteral("rateLimitRejected"), rateLimits.value(QStringLiteral("rejected")));
    if (connections.compressionBytesOutBefore > 0)
        stats.insert(QStringLiteral("compressionRatio"),
            double(connections.compressionBytesOutAfter)
                / double(connections.compressionBytesOutBefore));
    stats.insert(QStringLiteral("pool"), m_server->poolStats());
    stats.insert(QStringLiteral("connectionStats"), connections.toMap());
    stats.insert(QStringLiteral("rateLimit"), rateLimits);
    broadcast(QStringLiteral("smartsocket:stats"), { stats });
    const QVariantList entries = m_observer->takeRateLimitEntries();
    if (!entries.isEmpty() && m_active) {
        broadcast(QStringLiteral("smartsocket:rate_limit"),
            { QVariantMap { { QStringLiteral("serverId"), m_options.serverId },
                { QStringLiteral("timestamp"), timestamp },
                { QStringLiteral("entries"), entries } } });
    }
}

void Instrumentation::checkDataUpdates()
{
    // admin-ui wraps socket.data in a Proxy to see changes; a QVariantMap cannot be watched,
    // so the maps are compared each stats period. An untouched map is still shared with its
    // snapshot, which makes the common case a pointer comparison.
    for (auto it = m_dataSnapshots.begin(); it != m_dataSnapshots.end(); ++it) {
        Socket *socket = it.key();
        const QVariantMap &data = std::as_const(*socket).data();
        if (data.isSharedWith(it.value()))
            continue;
        const bool changed = data != it.value();
        it.value() = data;
        if (changed) {
            broadcast(QStringLiteral("socket_updated"),
                { QVariantMap { { QStringLiteral("id"), socket->id() },
                    { QStringLiteral("nsp"), socket->nsp()->name() },
                    { QStringLiteral("data"), serializedData(data) } } });
        }
    }
}

QVariantMap Instrumentation::serialize(Socket *socket) const
{
    const Handshake &handshake = socket->handshake();
    QVariantMap headers;
    const auto list = handshake.headers();
    for (const auto &[name, value] : list) {
        const QString key = QString::fromLatin1(name).toLower();
        const QString text = QString::fromUtf8(value);
        const auto it = headers.find(key);
        if (it == headers.end())
            headers.insert(key, text);
        else
            *it = QString(it->toString() + QStringLiteral(", ") + text);
    }
    QString address = headers.value(QStringLiteral("cf-connecting-ip")).toString();
    if (address.isEmpty())
        address = headers.value(QStringLiteral("x-forwarded-for")).toString();
    if (address.isEmpty())
        address = handshake.address().toString();
    QStringList rooms = socket->rooms().values();
    rooms.sort();
    return QVariantMap { { QStringLiteral("id"), socket->id() },
        { QStringLiteral("clientId"), ServerCore::engineSessionId(socket).left(12) },
        { QStringLiteral("transport"), QStringLiteral("websocket") },
        { QStringLiteral("nsp"), socket->nsp()->name() },
        { QStringLiteral("data"), serializedData(socket->data()) },
        { QStringLiteral("handshake"),
            QVariantMap { { QStringLiteral("address"), address },
                { QStringLiteral("headers"), headers },
                { QStringLiteral("query"), handshake.query() },
                { QStringLiteral("issued"), handshake.issued() },
                { QStringLiteral("secure"), handshake.isSecure() },
                { QStringLiteral("time"), javascriptDateString(handshake.time()) },
                { QStringLiteral("url"), handshake.url() },
                { QStringLiteral("xdomain"), headers.contains(QStringLiteral("origin")) } } },
        { QStringLiteral("rooms"), rooms } };
}

void Instrumentation::connectionOpened()
{
    m_events.add(AggregatedEvents::RawConnection, 1);
}

void Instrumentation::connectionClosed(const QString &reason)
{
    m_events.addDisconnection(reason);
}

void Instrumentation::socketConnected(Socket *socket)
{
    if (!isDevelopment())
        return;
    m_dataSnapshots.insert(socket, socket->data());
    broadcast(QStringLiteral("socket_connected"), { serialize(socket), nowIso() });
}

void Instrumentation::socketDisconnected(Socket *socket, const QString &reason)
{
    if (!isDevelopment())
        return;
    m_dataSnapshots.remove(socket);
    broadcast(QStringLiteral("socket_disconnected"),
        { socket->nsp()->name(), socket->id(), reason, nowIso() });
}

void Instrumentation::roomJoined(Socket *socket, const QString &room)
{
    if (isDevelopment())
        broadcast(
            QStringLiteral("room_joined"), { socket->nsp()->name(), room, socket->id(), nowIso() });
}

void Instrumentation::roomLeft(Socket *socket, const QString &room)
{
    if (isDevelopment())
        broadcast(
            QStringLiteral("room_left"), { socket->nsp()->name(), room, socket->id(), nowIso() });
}

void Instrumentation::eventReceived(Socket *socket, const QString &event, const QVariantList &args)
{
    if (!isDevelopment() || isAdminSocket(socket))
        return;
    QVariantList all;
    all.reserve(args.size() + 1);
    all.append(event);
    all.append(args);
    broadcast(QStringLiteral("event_received"),
        { socket->nsp()->name(), socket->id(), QVariant(all), nowIso() });
}

void Instrumentation::eventSent(Socket *socket, const QString &event, const QVariantList &args)
{
    if (!isDevelopment() || isAdminSocket(socket))
        return;
    QVariantList all;
    all.reserve(args.size() + 1);
    all.append(event);
    all.append(args);
    broadcast(QStringLiteral("event_sent"),
        { socket->nsp()->name(), socket->id(), QVariant(all), nowIso() });
}

QString Instrumentation::isoTimestamp(qint64 msecsSinceEpoch)
{
    // QDateTime::toString(Qt::ISODateWithMs) costs ~12 000 instructions; development mode
    // stamps two events per ack, so the date is written by hand (proleptic Gregorian, UTC).
    qint64 days = msecsSinceEpoch / 86400000;
    qint64 ms = msecsSinceEpoch % 86400000;
    if (ms < 0) {
        ms += 86400000;
        --days;
    }
    // Days since 1970-01-01 to year/month/day, counting in 400-year eras from 0000-03-01.
    const qint64 z = days + 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 dayOfEra = z - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    // "YYYY-MM-DDTHH:MM:SS.mmmZ", digits written directly (snprintf alone costs ~3 500).
    char16_t text[24];
    const auto put = [&text](int at, qint64 value, int digits) {
        for (int i = at + digits - 1; i >= at; --i, value /= 10)
            text[i] = char16_t(u'0' + value % 10);
    };
    put(0, std::clamp<qint64>(year, 0, 9999), 4);
    text[4] = u'-';
    put(5, month, 2);
    text[7] = u'-';
    put(8, day, 2);
    text[10] = u'T';
    put(11, ms / 3600000, 2);
    text[13] = u':';
    put(14, ms / 60000 % 60, 2);
    text[16] = u':';
    put(17, ms / 1000 % 60, 2);
    text[19] = u'.';
    put(20, ms % 1000, 3);
    text[23] = u'Z';
    return QString(reinterpret_cast<const QChar *>(text), 24);
}

void ServerCore::InstrumentationDeleter::operator()(Instrumentation *instrumentation) const
{
    delete instrumentation;
}

void ServerCore::setInstrumentationActive(bool active)
{
    adminObserver = active && instrumentation ? instrumentation->observer() : nullptr;
    updateObserver();
}

} // namespace Internal

bool Server::instrument(const InstrumentOptions &options)
{
    if (d->instrumentation) {
        d->errorString = QStringLiteral("the server is instrumented already");
        return false;
    }
    QString error;
    if (!Internal::Instrumentation::validate(options, &error)) {
        d->errorString = QStringLiteral("invalid instrument options: ") + error;
        return false;
    }
    d->instrumentation.reset(new Internal::Instrumentation(this, d, options));
    d->instrumentation->start();
    return true;
}

bool Server::isInstrumented() const
{
    return d->instrumentation != nullptr;
}

} // namespace SmartSocket
