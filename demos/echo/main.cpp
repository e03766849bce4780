// smartsocket-echo-server: a headless Socket.IO server with the handlers of the Node reference
// server (shared/anchors/node-socketio/server.js), so the same load generator and the same
// clients can be pointed at either. Public API only.

#include <smartsocket/smartsocket.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QSocketNotifier>

#include <csignal>
#include <cstdio>
#include <limits>
#include <sys/socket.h>
#include <unistd.h>

namespace {

using SmartSocket::Ack;
using SmartSocket::Namespace;
using SmartSocket::Server;
using SmartSocket::Socket;

// Self-pipe for SIGINT/SIGTERM: the handler only writes a byte; the event loop does the rest.
int signalFds[2] = { -1, -1 };

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(signalFds[0], &byte, 1);
}

bool installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalFds) != 0)
        return false;
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    return ::sigaction(SIGINT, &sa, nullptr) == 0 && ::sigaction(SIGTERM, &sa, nullptr) == 0;
}

// Resident set size in bytes, as Node's process.memoryUsage().rss.
qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().simplified().split(' ');
    if (fields.size() < 2)
        return 0;
    return fields.at(1).toLongLong() * ::sysconf(_SC_PAGESIZE);
}

// The first argument only, as `ack(data)` in the Node server.
QVariantList firstArgument(const QVariantList &args)
{
    return args.mid(0, 1);
}

QVariantList remoteSocketsToList(const QList<SmartSocket::RemoteSocket> &sockets)
{
    QVariantList out;
    for (const auto &s : sockets) {
        out.append(
            QVariantMap { { QStringLiteral("id"), s.id() }, { QStringLiteral("rooms"), s.rooms() },
                { QStringLiteral("data"), s.data() }, { QStringLiteral("local"), s.isLocal() },
                { QStringLiteral("auth"), s.handshake().value(QStringLiteral("auth")) } });
    }
    return out;
}

// With --redis: events that let a client drive the cluster operations of this node (the
// cluster tests and anyone trying a cluster by hand use them).
void addClusterHandlers(Namespace *nsp, const QString &serverId)
{
    nsp->on(QStringLiteral("join"), [](Socket *socket, const QVariantList &args, const Ack &ack) {
        socket->join(args.value(0).toString());
        ack({ true });
    });
    nsp->on(
        QStringLiteral("set-data"), [](Socket *socket, const QVariantList &args, const Ack &ack) {
            socket->data().insert(args.value(0).toString(), args.value(1));
            ack({ true });
        });
    // [room or "", event, payload]: a broadcast from this node to every node.
    nsp->on(QStringLiteral("to-room"), [nsp](Socket *, const QVariantList &args, const Ack &ack) {
        const QString room = args.value(0).toString();
        const auto op = room.isEmpty() ? SmartSocket::BroadcastOperator(nsp) : nsp->to(room);
        ack({ op.emitEvent(args.value(1).toString(), args.mid(2)) });
    });
    nsp->on(
        QStringLiteral("fetch-sockets"), [nsp](Socket *, const QVariantList &args, const Ack &ack) {
            const QString room = args.value(0).toString();
            const auto op = room.isEmpty() ? SmartSocket::BroadcastOperator(nsp) : nsp->to(room);
            op.fetchSockets(
                [ack](const QList<SmartSocket::RemoteSocket> &sockets, const QString &error) {
                    ack({ remoteSocketsToList(sockets), error });
                });
        });
    // [room, event, payload]: fetchSockets, then RemoteSocket::emitEvent on each.
    nsp->on(QStringLiteral("fetch-and-emit"),
        [nsp](Socket *, const QVariantList &args, const Ack &ack) {
            const QString event = args.value(1).toString();
            const QVariantList payload = args.mid(2);
            nsp->to(args.value(0).toString())
                .fetchSockets([ack, event, payload](const QList<SmartSocket::RemoteSocket> &sockets,
                                  const QString &) {
                    for (const auto &s : sockets)
                        s.emitEvent(event, payload);
                    ack({ int(sockets.size()) });
                });
        });
    nsp->on(
        QStringLiteral("sockets-join"), [nsp](Socket *, const QVariantList &args, const Ack &ack) {
            nsp->to(args.value(0).toString()).socketsJoin(args.value(1).toString());
            ack({ true });
        });
    nsp->on(
        QStringLiteral("sockets-leave"), [nsp](Socket *, const QVariantList &args, const Ack &ack) {
            nsp->to(args.value(0).toString()).socketsLeave(args.value(1).toString());
            ack({ true });
        });
    nsp->on(QStringLiteral("disconnect-sockets"),
        [nsp](Socket *, const QVariantList &args, const Ack &ack) {
            nsp->to(args.value(0).toString()).disconnectSockets(args.value(1).toBool());
            ack({ true });
        });
    nsp->on(QStringLiteral("server-count"), [nsp](Socket *, const QVariantList &, const Ack &ack) {
        nsp->serverCount([ack](int count, const QString &error) { ack({ count, error }); });
    });
    nsp->on(QStringLiteral("all-rooms"), [nsp](Socket *, const QVariantList &, const Ack &ack) {
        nsp->allRooms([ack](const QStringList &rooms, const QString &error) {
            ack({ rooms, error });
        });
    });
    // [event, args..., ] with an ack: serverSideEmit with acknowledgements.
    nsp->on(QStringLiteral("server-side-emit"),
        [nsp](Socket *, const QVariantList &args, const Ack &ack) {
            nsp->serverSideEmit(args.value(0).toString(), args.mid(1),
                [ack](const QVariantList &responses, const QString &error) {
                    ack({ responses, error });
                });
        });
    // What other nodes send: answered with this node's id and what came.
    nsp->onServerSideEmit(QStringLiteral("whoami"),
        [serverId](const QVariantList &args, const SmartSocket::ServerSideAck &ack) {
            ack(QVariantMap {
                { QStringLiteral("serverId"), serverId }, { QStringLiteral("args"), args } });
        });
    // And tells its own clients, so a test sees a serverSideEmit without ack arrive.
    nsp->onServerSideEmit(QStringLiteral("announce"),
        [nsp](const QVariantList &args, const SmartSocket::ServerSideAck &) {
            nsp->to(QStringLiteral("announcements"))
                .local()
                .emitEvent(QStringLiteral("announced"), args);
        });
    nsp->on(QStringLiteral("announce"), [nsp](Socket *, const QVariantList &args, const Ack &ack) {
        nsp->serverSideEmit(QStringLiteral("announce"), args);
        ack({ true });
    });
}

void addHandlers(Server *server, Namespace *nsp)
{
    nsp->on(QStringLiteral("echo"),
        [](Socket *, const QVariantList &args, const Ack &ack) { ack(firstArgument(args)); });
    nsp->on(QStringLiteral("ping-ack"),
        [](Socket *, const QVariantList &args, const Ack &ack) { ack(firstArgument(args)); });
    nsp->on(QStringLiteral("broadcast"), [nsp](Socket *, const QVariantList &args) {
        nsp->emitEvent(QStringLiteral("bcast"), firstArgument(args));
    });
    // Measurement helper for the benchmark's control socket: {rss, clients} as the Node
    // server, plus what the pooling and rate-limit flags did (Server::poolStats(),
    // Server::rateLimitStats()).
    nsp->on(QStringLiteral("stats"), [server](Socket *, const QVariantList &, const Ack &ack) {
        if (!ack.isRequested())
            return;
        QVariantMap stats;
        stats.insert(QStringLiteral("rss"), residentBytes());
        stats.insert(QStringLiteral("clients"), server->connectionStats().total);
        stats.insert(QStringLiteral("pool"), server->poolStats());
        stats.insert(QStringLiteral("rateLimit"), server->rateLimitStats());
        ack(QVariantList { stats });
    });
}

bool parseNumber(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min,
    qint64 max, qint64 *out)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        std::fprintf(stderr, "smartsocket-echo-server: invalid value for --%s: %s\n",
            qPrintable(option.names().constFirst()), qPrintable(parser.value(option)));
        return false;
    }
    *out = value;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("smartsocket-echo-server"));

    SmartSocket::ServerOptions options;
    options.port = 3000;

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Socket.IO v5 echo server: 'echo' and 'ping-ack' acknowledge with their argument, "
        "'broadcast' re-emits its argument to everyone as 'bcast', 'stats' acknowledges with "
        "{rss, clients, pool, rateLimit}; in the namespaces / and /chat."));
    parser.addHelpOption();
    const QCommandLineOption portOption(QStringLiteral("port"),
        QStringLiteral("TCP port; 0 picks a free one (3000)."), QStringLiteral("port"));
    const QCommandLineOption hostOption(QStringLiteral("host"),
        QStringLiteral("Address to listen on (127.0.0.1)."), QStringLiteral("address"));
    const QCommandLineOption pathOption(QStringLiteral("path"),
        QStringLiteral("HTTP path of the endpoint (/socket.io/)."), QStringLiteral("path"));
    const QCommandLineOption pingIntervalOption(QStringLiteral("ping-interval"),
        QStringLiteral("Engine.IO ping interval in ms (%1).").arg(options.pingInterval),
        QStringLiteral("ms"));
    const QCommandLineOption pingTimeoutOption(QStringLiteral("ping-timeout"),
        QStringLiteral("Engine.IO ping timeout in ms (%1).").arg(options.pingTimeout),
        QStringLiteral("ms"));
    const QCommandLineOption connectTimeoutOption(QStringLiteral("connect-timeout"),
        QStringLiteral("Time a client has to send its Socket.IO CONNECT, in ms (%1).")
            .arg(options.connectTimeout),
        QStringLiteral("ms"));
    const QCommandLineOption maxPayloadOption(QStringLiteral("max-payload"),
        QStringLiteral("Largest message accepted, in bytes (%1).").arg(options.maxPayload),
        QStringLiteral("bytes"));
    const QCommandLineOption maxConnectionsOption(QStringLiteral("max-connections"),
        QStringLiteral("Connections served at once; 0 = no limit (%1).")
            .arg(options.maxConnections),
        QStringLiteral("n"));
    const QCommandLineOption verboseOption(
        QStringList { QStringLiteral("v"), QStringLiteral("verbose") },
        QStringLiteral("Log connects, disconnects and connection errors on stderr."));
    parser.addOptions({ portOption, hostOption, pathOption, pingIntervalOption, pingTimeoutOption,
        connectTimeoutOption, maxPayloadOption, maxConnectionsOption, verboseOption });
    // Rate limiting: either of the first two enables it (defaults from ServerOptions).
    const QCommandLineOption rateLimitMaxOption(QStringLiteral("rate-limit-max"),
        QStringLiteral("Rate limiting: at most N events per socket per window (%1).")
            .arg(options.rateLimitMaxRequests),
        QStringLiteral("n"));
    const QCommandLineOption rateLimitWindowOption(QStringLiteral("rate-limit-window"),
        QStringLiteral("Rate limiting: the sliding window in ms (%1).")
            .arg(options.rateLimitWindow),
        QStringLiteral("ms"));
    const QCommandLineOption eventRateLimitOption(QStringLiteral("event-rate-limit"),
        QStringLiteral("Limit one event to MAX per WINDOW_MS per socket (repeatable)."),
        QStringLiteral("event:max:window_ms"));
    parser.addOptions({ rateLimitMaxOption, rateLimitWindowOption, eventRateLimitOption });
    // Connection pooling: either enables it.
    const QCommandLineOption poolSizeOption(QStringLiteral("pool-size"),
        QStringLiteral("Connection pooling: sessions preallocated (%1).").arg(options.poolSize),
        QStringLiteral("n"));
    const QCommandLineOption maxPoolSizeOption(QStringLiteral("max-pool-size"),
        QStringLiteral("Connection pooling: largest pool (%1).").arg(options.maxPoolSize),
        QStringLiteral("n"));
    parser.addOptions({ poolSizeOption, maxPoolSizeOption });
    // TLS (wss://): both or neither.
    const QCommandLineOption tlsCertOption(QStringLiteral("tls-cert"),
        QStringLiteral("Serve wss:// with this PEM certificate (chain); needs --tls-key."),
        QStringLiteral("file"));
    const QCommandLineOption tlsKeyOption(QStringLiteral("tls-key"),
        QStringLiteral("The PEM private key of --tls-cert (unencrypted)."), QStringLiteral("file"));
    parser.addOptions({ tlsCertOption, tlsKeyOption });
    // Compression and encryption (SmartSocket extensions, granted to clients that ask).
    const QCommandLineOption compressionThresholdOption(QStringLiteral("compression-threshold"),
        QStringLiteral("Compress packets larger than N bytes (%1); enables compression.")
            .arg(options.compressionThreshold),
        QStringLiteral("N"));
    const QCommandLineOption compressionLevelOption(QStringLiteral("compression-level"),
        QStringLiteral("zlib level 1-9 (%1); enables compression.").arg(options.compressionLevel),
        QStringLiteral("N"));
    const QCommandLineOption encryptionKeyOption(QStringLiteral("encryption-key"),
        QStringLiteral("AES-256-GCM key: 32 bytes as 64 hex digits or base64 (or the "
                       "SMARTSOCKET_ENCRYPTION_KEY environment variable); enables encryption."),
        QStringLiteral("key"));
    const QCommandLineOption requireEncryptionOption(QStringLiteral("require-encryption"),
        QStringLiteral("Refuse clients that do not encrypt (needs a key)."));
    const QCommandLineOption redisOption(QStringLiteral("redis"),
        QStringLiteral("Run as a cluster node on this Redis (redis://HOST:PORT)."),
        QStringLiteral("url"));
    const QCommandLineOption serverIdOption(QStringLiteral("server-id"),
        QStringLiteral("This node's id in the cluster (random if absent)."), QStringLiteral("id"));
    parser.addOptions({ redisOption, serverIdOption });
    parser.addOptions({ compressionThresholdOption, compressionLevelOption, encryptionKeyOption,
        requireEncryptionOption });
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "smartsocket-echo-server: unexpected argument: %s\n",
            qPrintable(parser.positionalArguments().constFirst()));
        return 1;
    }

    qint64 port = options.port;
    qint64 pingInterval = options.pingInterval;
    qint64 pingTimeout = options.pingTimeout;
    qint64 connectTimeout = options.connectTimeout;
    qint64 maxPayload = options.maxPayload;
    qint64 maxConnections = options.maxConnections;
    constexpr qint64 intMax = std::numeric_limits<int>::max();
    if (!parseNumber(parser, portOption, 0, 65535, &port)
        || !parseNumber(parser, pingIntervalOption, 1, intMax, &pingInterval)
        || !parseNumber(parser, pingTimeoutOption, 1, intMax, &pingTimeout)
        || !parseNumber(parser, connectTimeoutOption, 1, intMax, &connectTimeout)
        || !parseNumber(
            parser, maxPayloadOption, 1, std::numeric_limits<qint64>::max(), &maxPayload)
        || !parseNumber(parser, maxConnectionsOption, 0, intMax, &maxConnections))
        return 1;
    options.port = quint16(port);
    options.pingInterval = int(pingInterval);
    options.pingTimeout = int(pingTimeout);
    options.connectTimeout = int(connectTimeout);
    options.maxPayload = maxPayload;
    options.maxConnections = int(maxConnections);
    if (parser.isSet(hostOption)) {
        const QString host = parser.value(hostOption);
        if (host == QLatin1String("localhost"))
            options.host = QHostAddress(QHostAddress::LocalHost);
        else if (!options.host.setAddress(host)) {
            std::fprintf(stderr, "smartsocket-echo-server: invalid --host: %s\n", qPrintable(host));
            return 1;
        }
    }
    if (parser.isSet(pathOption))
        options.path = parser.value(pathOption);
    qint64 rateLimitMax = options.rateLimitMaxRequests;
    qint64 rateLimitWindow = options.rateLimitWindow;
    if (!parseNumber(parser, rateLimitMaxOption, 1, intMax, &rateLimitMax)
        || !parseNumber(parser, rateLimitWindowOption, 1, intMax, &rateLimitWindow))
        return 1;
    options.enableRateLimiting
        = parser.isSet(rateLimitMaxOption) || parser.isSet(rateLimitWindowOption);
    options.rateLimitMaxRequests = int(rateLimitMax);
    options.rateLimitWindow = int(rateLimitWindow);
    qint64 poolSize = options.poolSize;
    qint64 maxPoolSize = options.maxPoolSize;
    if (!parseNumber(parser, poolSizeOption, 0, intMax, &poolSize)
        || !parseNumber(parser, maxPoolSizeOption, 0, intMax, &maxPoolSize))
        return 1;
    options.enableConnectionPooling
        = parser.isSet(poolSizeOption) || parser.isSet(maxPoolSizeOption);
    options.poolSize = int(poolSize);
    options.maxPoolSize = int(std::max(poolSize, maxPoolSize));
    QList<QPair<QString, SmartSocket::RateLimit>> eventLimits;
    for (const QString &spec : parser.values(eventRateLimitOption)) {
        // EVENT:MAX:WINDOW_MS; the event name may itself contain ':'.
        const QStringList parts = spec.split(QLatin1Char(':'));
        bool maxOk = false;
        bool windowOk = false;
        const int max = parts.size() >= 3 ? parts.at(parts.size() - 2).toInt(&maxOk) : 0;
        const int window = parts.size() >= 3 ? parts.constLast().toInt(&windowOk) : 0;
        const QString event = parts.mid(0, parts.size() - 2).join(QLatin1Char(':'));
        if (!maxOk || !windowOk || max < 1 || window < 1 || event.isEmpty()) {
            std::fprintf(stderr,
                "smartsocket-echo-server: invalid --event-rate-limit %s (EVENT:MAX:WINDOW_MS)\n",
                qPrintable(spec));
            return 1;
        }
        eventLimits.append({ event, SmartSocket::RateLimit { window, max } });
    }

    if (parser.isSet(tlsCertOption) != parser.isSet(tlsKeyOption)) {
        std::fprintf(stderr, "smartsocket-echo-server: --tls-cert and --tls-key go together\n");
        return 1;
    }
    options.tlsCertificateFile = parser.value(tlsCertOption);
    options.tlsKeyFile = parser.value(tlsKeyOption);

    qint64 compressionThreshold = options.compressionThreshold;
    qint64 compressionLevel = options.compressionLevel;
    if (!parseNumber(parser, compressionThresholdOption, 0, intMax, &compressionThreshold)
        || !parseNumber(parser, compressionLevelOption, 1, 9, &compressionLevel))
        return 1;
    options.enableCompression
        = parser.isSet(compressionThresholdOption) || parser.isSet(compressionLevelOption);
    options.compressionThreshold = int(compressionThreshold);
    options.compressionLevel = int(compressionLevel);
    QByteArray encryptionKey = parser.value(encryptionKeyOption).toUtf8();
    if (encryptionKey.isEmpty())
        encryptionKey = qgetenv("SMARTSOCKET_ENCRYPTION_KEY");
    if (parser.isSet(requireEncryptionOption) && encryptionKey.isEmpty()) {
        std::fprintf(stderr, "smartsocket-echo-server: --require-encryption needs a key\n");
        return 1;
    }
    options.enableEncryption = !encryptionKey.isEmpty();
    options.encryptionKey = encryptionKey;
    options.requireEncryption = parser.isSet(requireEncryptionOption);

    if (parser.isSet(redisOption)) {
        options.redisUrl = QUrl(parser.value(redisOption));
        if (options.redisUrl.scheme() != QLatin1String("redis")
            || options.redisUrl.host().isEmpty()) {
            std::fprintf(stderr,
                "smartsocket-echo-server: invalid --redis %s (redis://HOST:PORT)\n",
                qPrintable(parser.value(redisOption)));
            return 1;
        }
        options.serverId = parser.value(serverIdOption);
    }

    if (!installSignalHandlers()) {
        std::perror("smartsocket-echo-server: signal handlers");
        return 1;
    }

    Server server(options);
    for (const auto &limit : std::as_const(eventLimits))
        server.setEventRateLimit(limit.first, limit.second);
    addHandlers(&server, server.defaultNamespace());
    addHandlers(&server, server.of(QStringLiteral("/chat")));
    int redisErrors = 0;
    if (!options.redisUrl.isEmpty()) {
        addClusterHandlers(server.defaultNamespace(), options.serverId);
        addClusterHandlers(server.of(QStringLiteral("/chat")), options.serverId);
        // Cluster errors (Redis unreachable) come without a socket; printed as they come.
        QObject::connect(&server, &Server::errorOccurred,
            [&redisErrors](const SmartSocket::Error &error, Socket *socket, const QString &) {
                if (socket)
                    return;
                ++redisErrors;
                std::fprintf(stderr, "cluster error: %s\n", qPrintable(error.message()));
            });
        server.defaultNamespace()->on(QStringLiteral("cluster-errors"),
            [&redisErrors](
                Socket *, const QVariantList &, const Ack &ack) { ack({ redisErrors }); });
    }

    if (parser.isSet(verboseOption)) {
        QObject::connect(&server, &Server::connected, [](Socket *socket) {
            std::fprintf(stderr, "connected %s %s\n", qPrintable(socket->nsp()->name()),
                qPrintable(socket->id()));
        });
        QObject::connect(&server, &Server::disconnected, [](Socket *socket, const QString &reason) {
            std::fprintf(stderr, "disconnected %s %s: %s\n", qPrintable(socket->nsp()->name()),
                qPrintable(socket->id()), qPrintable(reason));
        });
        QObject::connect(
            &server, &Server::connectionError, [](const QString &peer, const QString &message) {
                std::fprintf(
                    stderr, "connection error %s: %s\n", qPrintable(peer), qPrintable(message));
            });
    }

    QSocketNotifier signalNotifier(signalFds[1], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char byte;
        [[maybe_unused]] const auto n = ::read(signalFds[1], &byte, 1);
        signalNotifier.setEnabled(false);
        server.close();
        app.quit();
    });

    if (!server.listen()) {
        std::fprintf(stderr, "smartsocket-echo-server: cannot listen on %s:%u: %s\n",
            qPrintable(options.host.toString()), unsigned(options.port),
            qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening on %u\n", unsigned(server.port()));
    std::fflush(stdout);

    const int rc = app.exec();
    ::close(signalFds[0]);
    ::close(signalFds[1]);
    return rc;
}
