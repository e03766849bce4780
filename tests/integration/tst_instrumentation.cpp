// Server::instrument() through our own Client: the admin namespace of @socket.io/admin-ui 0.5
// (auth, config, all_sockets, server_stats, the development-mode stream, the actions) and
// SmartSocket's extension events, on loopback.
#include "clienthelpers.h"

#include <smartsocket/smartsocket.h>

#include <QHostInfo>
#include <QtTest>

#include <memory>

using namespace SmartSocket;

namespace {

// bcryptjs.hashSync("s3cret!", 4): cost 4 keeps the tests fast.
const QByteArray passwordHash = "$2a$04$rWrH5KZJdzV/oulnpUuG.Oget8.49OwR8nBOY6UuQ6d6/7pI75uA.";
const QString password = QStringLiteral("s3cret!");

struct Received
{
    QString event;
    QVariantList args;
    qint64 atMs = 0;
};

/// An admin client (our Client on the admin namespace) that records every event.
class AdminClient
{
public:
    AdminClient(const Server &server, const QVariantMap &auth = {},
        const QString &nsp = QStringLiteral("/admin"))
    {
        ClientOptions options;
        options.namespaceName = nsp;
        options.auth = auth;
        options.multiplex = false;
        options.reconnection = false;
        client = std::make_unique<Client>(
            QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port())), options);
        clock.start();
        client->onAny([this](const QString &event, const QVariantList &args) {
            events.append({ event, args, clock.elapsed() });
        });
        QObject::connect(client.get(), &Client::errorOccurred,
            [this](const Error &error) { errors.append(error.message()); });
    }
    bool open() { return TestKit::connectClient(*client); }

    QList<Received> all(const QString &event) const
    {
        QList<Received> out;
        for (const Received &r : events) {
            if (r.event == event)
                out.append(r);
        }
        return out;
    }
    int count(const QString &event) const { return int(all(event).size()); }
    /// The first recorded event `event` whose args satisfy `match`, waiting up to timeoutMs.
    template<typename F>
    std::optional<Received> waitFor(const QString &event, F match, int timeoutMs = 5000)
    {
        QDeadlineTimer deadline(timeoutMs);
        do {
            for (const Received &r : std::as_const(events)) {
                if (r.event == event && match(r.args))
                    return r;
            }
            QTest::qWait(10);
        } while (!deadline.hasExpired());
        return std::nullopt;
    }
    std::optional<Received> waitFor(const QString &event, int timeoutMs = 5000)
    {
        return waitFor(
            event, [](const QVariantList &) { return true; }, timeoutMs);
    }
    /// Waits for `n` more server_stats than seen so far.
    bool waitForStats(int n, int timeoutMs)
    {
        const int target = count(QStringLiteral("server_stats")) + n;
        QDeadlineTimer deadline(timeoutMs);
        while (count(QStringLiteral("server_stats")) < target && !deadline.hasExpired())
            QTest::qWait(10);
        return count(QStringLiteral("server_stats")) >= target;
    }

    std::unique_ptr<Client> client;
    QList<Received> events;
    QStringList errors;
    QElapsedTimer clock;
};

std::unique_ptr<Client> chatClient(
    const Server &server, const QString &nsp = QStringLiteral("/chat"))
{
    ClientOptions options;
    options.namespaceName = nsp;
    options.multiplex = false;
    options.reconnection = false;
    return std::make_unique<Client>(
        QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port())), options);
}

QVariantMap credentials(const QString &secret = password)
{
    return { { QStringLiteral("username"), QStringLiteral("admin") },
        { QStringLiteral("password"), secret } };
}

/// Sums the aggregatedEvents of the server_stats received (type -> count).
QHash<QString, qint64> aggregated(
    const AdminClient &admin, QHash<QString, qint64> *reasons = nullptr)
{
    QHash<QString, qint64> totals;
    for (const Received &r : admin.all(QStringLiteral("server_stats"))) {
        const QVariantList entries
            = r.args.value(0).toMap().value(QStringLiteral("aggregatedEvents")).toList();
        for (const QVariant &v : entries) {
            const QVariantMap e = v.toMap();
            const QString type = e.value(QStringLiteral("type")).toString();
            totals[type] += e.value(QStringLiteral("count")).toLongLong();
            if (reasons && type == QLatin1String("rawDisconnection"))
                (*reasons)[e.value(QStringLiteral("subType")).toString()]
                    += e.value(QStringLiteral("count")).toLongLong();
        }
    }
    return totals;
}

} // namespace

class tst_Instrumentation : public QObject
{
    Q_OBJECT

    std::unique_ptr<Server> makeServer(
        const InstrumentOptions &instrument = {}, ServerOptions options = {})
    {
        options.host = QHostAddress::LocalHost;
        options.port = 0;
        auto server = std::make_unique<Server>(options);
        Namespace *chat = server->of(QStringLiteral("/chat"));
        chat->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        chat->on(QStringLiteral("broadcast"), [chat](Socket *, const QVariantList &args) {
            chat->emitEvent(QStringLiteral("bcast"), args);
        });
        chat->on(QStringLiteral("remember"), [](Socket *socket, const QVariantList &args) {
            socket->data().insert(QStringLiteral("remembered"), args.value(0));
        });
        if (!server->instrument(instrument))
            qWarning() << server->errorString();
        if (!server->listen())
            qWarning() << server->errorString();
        return server;
    }

private Q_SLOTS:
    void invalidOptions_data()
    {
        QTest::addColumn<QString>("nsp");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QByteArray>("hash");
        QTest::addColumn<int>("interval");
        QTest::addColumn<QString>("message");
        QTest::newRow("root namespace") << "/"
                                        << "" << QByteArray() << 2000 << "namespace";
        QTest::newRow("empty namespace") << ""
                                         << "" << QByteArray() << 2000 << "namespace";
        QTest::newRow("hash without user") << "/admin"
                                           << "" << passwordHash << 2000 << "username";
        QTest::newRow("user without hash") << "/admin"
                                           << "admin" << QByteArray() << 2000 << "bcrypt";
        QTest::newRow("plain password") << "/admin"
                                        << "admin" << QByteArray("s3cret!") << 2000 << "bcrypt";
        QTest::newRow("md5 crypt")
            << "/admin"
            << "admin" << QByteArray("$1$abcdefgh$0123456789012345678901") << 2000 << "bcrypt";
        QTest::newRow("bcrypt cost 3")
            << "/admin"
            << "admin" << QByteArray(passwordHash).replace(4, 2, "03") << 2000 << "bcrypt";
        QTest::newRow("tiny interval") << "/admin"
                                       << "" << QByteArray() << 10 << "statsInterval";
    }
    void invalidOptions()
    {
        QFETCH(QString, nsp);
        QFETCH(QString, user);
        QFETCH(QByteArray, hash);
        QFETCH(int, interval);
        QFETCH(QString, message);
        Server server;
        InstrumentOptions o;
        o.namespaceName = nsp;
        o.username = user;
        o.passwordHash = hash;
        o.statsInterval = interval;
        QVERIFY(!server.instrument(o));
        QVERIFY2(server.errorString().contains(message), qPrintable(server.errorString()));
        QVERIFY(!server.isInstrumented());
        // Nothing was created.
        QVERIFY(!server.findNamespace(QStringLiteral("/admin")));
    }

    void instrumentOnce()
    {
        Server server;
        QVERIFY(server.instrument());
        QVERIFY(server.isInstrumented());
        QVERIFY(server.findNamespace(QStringLiteral("/admin")));
        QVERIFY(!server.instrument());
        QVERIFY(server.errorString().contains(QStringLiteral("already")));
    }

    void authSuccessGivesSession()
    {
        InstrumentOptions o;
        o.username = QStringLiteral("admin");
        o.passwordHash = passwordHash;
        auto server = makeServer(o);
        AdminClient admin(*server, credentials());
        QVERIFY(admin.open());
        const auto session = admin.waitFor(QStringLiteral("session"));
        QVERIFY(session);
        const QString id = session->args.value(0).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{16}$")).match(id).hasMatch(),
            qPrintable(id));
        // config follows the session
        QVERIFY(admin.waitFor(QStringLiteral("config")));
        QVERIFY(admin.all(QStringLiteral("session")).first().atMs
            <= admin.all(QStringLiteral("config")).first().atMs);

        // Re-authentication with the session id alone (as the UI does after a reload).
        AdminClient again(*server, { { QStringLiteral("sessionId"), id } });
        QVERIFY(again.open());
        QVERIFY(again.waitFor(QStringLiteral("config")));
        QCOMPARE(again.count(QStringLiteral("session")), 0); // no new session for a session login

        // An unknown session id (and no credentials) is refused.
        AdminClient forged(
            *server, { { QStringLiteral("sessionId"), QStringLiteral("0123456789abcdef") } });
        QSignalSpy errors(forged.client.get(), &Client::errorOccurred);
        forged.client->open();
        QVERIFY(errors.wait(5000));
        QCOMPARE(forged.errors.value(0), QStringLiteral("invalid credentials"));
        QVERIFY(!forged.client->isConnected());
    }

    void authFailure_data()
    {
        QTest::addColumn<QVariantMap>("auth");
        QTest::newRow("wrong password") << credentials(QStringLiteral("S3cret!"));
        QTest::newRow("wrong user")
            << QVariantMap { { QStringLiteral("username"), QStringLiteral("root") },
                   { QStringLiteral("password"), password } };
        QTest::newRow("no auth") << QVariantMap();
        QTest::newRow("password not a string")
            << QVariantMap { { QStringLiteral("username"), QStringLiteral("admin") },
                   { QStringLiteral("password"), 42 } };
        QTest::newRow("password with NUL")
            << credentials(password + QChar(0) + QStringLiteral("x"));
    }
    void authFailure()
    {
        QFETCH(QVariantMap, auth);
        InstrumentOptions o;
        o.username = QStringLiteral("admin");
        o.passwordHash = passwordHash;
        auto server = makeServer(o);
        AdminClient admin(*server, auth);
        QSignalSpy errors(admin.client.get(), &Client::errorOccurred);
        admin.client->open();
        QVERIFY(errors.wait(5000));
        QCOMPARE(admin.errors.value(0), QStringLiteral("invalid credentials"));
        QVERIFY(!admin.client->isConnected());
        QCOMPARE(admin.count(QStringLiteral("config")), 0);
        QCOMPARE(server->findNamespace(QStringLiteral("/admin"))->socketCount(), 0);
    }

    void bcryptRunsOffTheEventLoop()
    {
        // cost 12: ~250 ms of bcrypt; the server keeps answering other clients meanwhile.
        InstrumentOptions o;
        o.username = QStringLiteral("admin");
        o.passwordHash = "$2a$12$FWYRyFyfBVgzOHm1mJwUiubwTCi4eC5bVirvwfwvumwHdbG5rBxPm";
        auto server = makeServer(o);
        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        AdminClient admin(*server, credentials(QStringLiteral("wrong")));
        QSignalSpy errors(admin.client.get(), &Client::errorOccurred);
        QElapsedTimer timer;
        timer.start();
        admin.client->open();
        int answered = 0;
        while (errors.isEmpty() && timer.elapsed() < 10000) {
            if (TestKit::ask(*chat, QStringLiteral("echo"), { answered }, 2000).isOk())
                ++answered;
        }
        QVERIFY(!errors.isEmpty());
        QCOMPARE(admin.errors.value(0), QStringLiteral("invalid credentials"));
        QVERIFY2(answered >= 3, qPrintable(QString::number(answered)));
    }

    void configFeatures_data()
    {
        QTest::addColumn<bool>("readonly");
        QTest::addColumn<bool>("production");
        QTest::addColumn<QStringList>("features");
        const QStringList actions { "EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE",
            "MDISCONNECT" };
        QTest::newRow("development") << false << false
                                     << actions
                + QStringList { "AGGREGATED_EVENTS", "ALL_EVENTS", "SMARTSOCKET_ACKS",
                      "SMARTSOCKET_RATE_LIMITS", "SMARTSOCKET_STATS" };
        QTest::newRow("readonly") << true << false
                                  << QStringList { "AGGREGATED_EVENTS", "ALL_EVENTS",
                                         "SMARTSOCKET_ACKS", "SMARTSOCKET_RATE_LIMITS",
                                         "SMARTSOCKET_STATS" };
        QTest::newRow("production") << false << true
                                    << actions
                + QStringList { "AGGREGATED_EVENTS", "SMARTSOCKET_ACKS", "SMARTSOCKET_RATE_LIMITS",
                      "SMARTSOCKET_STATS" };
        QTest::newRow("readonly production")
            << true << true
            << QStringList { "AGGREGATED_EVENTS", "SMARTSOCKET_ACKS", "SMARTSOCKET_RATE_LIMITS",
                   "SMARTSOCKET_STATS" };
    }
    void configFeatures()
    {
        QFETCH(bool, readonly);
        QFETCH(bool, production);
        QFETCH(QStringList, features);
        InstrumentOptions o;
        o.readonly = readonly;
        o.mode = production ? InstrumentOptions::Mode::Production
                            : InstrumentOptions::Mode::Development;
        auto server = makeServer(o);
        AdminClient admin(*server);
        QVERIFY(admin.open());
        const auto config = admin.waitFor(QStringLiteral("config"));
        QVERIFY(config);
        QCOMPARE(
            config->args.value(0).toMap().value(QStringLiteral("supportedFeatures")).toStringList(),
            features);
        // all_sockets only in development mode, right after config.
        if (production) {
            QVERIFY(admin.waitForStats(1, 5000));
            QCOMPARE(admin.count(QStringLiteral("all_sockets")), 0);
        } else {
            QVERIFY(admin.waitFor(QStringLiteral("all_sockets")));
        }
    }

    void allSocketsSerialized()
    {
        auto server = makeServer();
        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        Socket *socket = server->findNamespace(QStringLiteral("/chat"))->socket(chat->id());
        QVERIFY(socket);
        socket->join(QStringLiteral("lobby"));
        socket->data().insert(QStringLiteral("user"), QStringLiteral("ann"));
        AdminClient admin(*server);
        QVERIFY(admin.open());
        const auto all = admin.waitFor(QStringLiteral("all_sockets"));
        QVERIFY(all);
        QVariantMap chatSocket;
        QStringList ids;
        for (const QVariant &v : all->args.value(0).toList()) {
            ids.append(v.toMap().value(QStringLiteral("id")).toString());
            if (v.toMap().value(QStringLiteral("nsp")) == QLatin1String("/chat"))
                chatSocket = v.toMap();
        }
        QVERIFY(ids.contains(chat->id()));
        QVERIFY(ids.contains(admin.client->id())); // the admin socket itself, as in Node
        QCOMPARE(chatSocket.value(QStringLiteral("id")).toString(), chat->id());
        QCOMPARE(
            chatSocket.value(QStringLiteral("transport")).toString(), QStringLiteral("websocket"));
        QCOMPARE(chatSocket.value(QStringLiteral("clientId")).toString().size(), 12);
        QCOMPARE(chatSocket.value(QStringLiteral("data")).toMap(),
            (QVariantMap { { QStringLiteral("user"), QStringLiteral("ann") } }));
        QStringList expectedRooms { chat->id(), QStringLiteral("lobby") };
        expectedRooms.sort(); // sent sorted
        QCOMPARE(chatSocket.value(QStringLiteral("rooms")).toStringList(), expectedRooms);
        const QVariantMap handshake = chatSocket.value(QStringLiteral("handshake")).toMap();
        QCOMPARE(
            handshake.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(handshake.value(QStringLiteral("query"))
                     .toMap()
                     .value(QStringLiteral("EIO"))
                     .toString(),
            QStringLiteral("4"));
        QVERIFY(
            handshake.value(QStringLiteral("headers")).toMap().contains(QStringLiteral("host")));
        QVERIFY(handshake.value(QStringLiteral("url"))
                    .toString()
                    .startsWith(QStringLiteral("/socket.io/")));
        QCOMPARE(handshake.value(QStringLiteral("secure")).toBool(), false);
        QCOMPARE(
            handshake.value(QStringLiteral("issued")).toLongLong(), socket->handshake().issued());
        QVERIFY(handshake.value(QStringLiteral("time")).toString().contains(QStringLiteral("GMT")));
    }

    void serverStatsEveryInterval()
    {
        auto server = makeServer();
        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        AdminClient admin(*server);
        QVERIFY(admin.open());
        QVERIFY(admin.waitForStats(3, 9000));
        const QList<Received> stats = admin.all(QStringLiteral("server_stats"));
        for (int i = 1; i < stats.size(); ++i) {
            const qint64 gap = stats.at(i).atMs - stats.at(i - 1).atMs;
            QVERIFY2(gap >= 1700 && gap <= 2600, qPrintable(QString::number(gap)));
        }
        const QVariantMap last = stats.constLast().args.value(0).toMap();
        QCOMPARE(last.value(QStringLiteral("clientsCount")).toInt(), 2);
        QCOMPARE(last.value(QStringLiteral("pollingClientsCount")).toInt(), 0);
        QCOMPARE(
            last.value(QStringLiteral("pid")).toLongLong(), QCoreApplication::applicationPid());
        QCOMPARE(last.value(QStringLiteral("serverId")).toString(), QHostInfo::localHostName());
        QCOMPARE(last.value(QStringLiteral("hostname")).toString(), QHostInfo::localHostName());
        QVERIFY(last.value(QStringLiteral("uptime")).toDouble() > 0);
        QMap<QString, int> counts;
        for (const QVariant &v : last.value(QStringLiteral("namespaces")).toList())
            counts.insert(v.toMap().value(QStringLiteral("name")).toString(),
                v.toMap().value(QStringLiteral("socketsCount")).toInt());
        QCOMPARE(counts, (QMap<QString, int> { { "/", 0 }, { "/admin", 1 }, { "/chat", 1 } }));
    }

    void serverIdOption()
    {
        InstrumentOptions o;
        o.serverId = QStringLiteral("node-7");
        o.statsInterval = 300;
        auto server = makeServer(o);
        AdminClient admin(*server);
        QVERIFY(admin.open());
        QVERIFY(admin.waitForStats(1, 3000));
        QCOMPARE(admin.all(QStringLiteral("server_stats"))
                     .first()
                     .args.value(0)
                     .toMap()
                     .value(QStringLiteral("serverId")),
            QVariant(QStringLiteral("node-7")));
    }

    void aggregatedEventsCountPacketsAndBytes()
    {
        // Production mode: the admin gets nothing but the stats, so the traffic counted is
        // exactly the chat client's plus the stats themselves.
        InstrumentOptions o;
        o.mode = InstrumentOptions::Mode::Production;
        o.statsInterval = 500;
        auto server = makeServer(o);
        AdminClient admin(*server);
        QVERIFY(admin.open());
        QVERIFY(admin.waitForStats(1, 3000));
        const QHash<QString, qint64> before = aggregated(admin);

        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        for (int i = 0; i < 10; ++i)
            QVERIFY(TestKit::ask(*chat, QStringLiteral("echo"), { i }).isOk());
        chat->close();
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionStats().total, 1, 5000);
        QVERIFY(admin.waitForStats(2, 3000));
        QHash<QString, qint64> reasons;
        const QHash<QString, qint64> after = aggregated(admin, &reasons);
        QCOMPARE(after.value(QStringLiteral("rawConnection"))
                - before.value(QStringLiteral("rawConnection")),
            1);
        QCOMPARE(reasons.value(QStringLiteral("transport close")), 1);
        // In: CONNECT "0/chat," (7 bytes), 10 × `2/chat,N["echo",i]`, DISCONNECT "1/chat,".
        qint64 bytesIn = 7 + 7;
        for (int i = 0; i < 10; ++i)
            bytesIn += QByteArray("2/chat,").size() + QByteArray::number(i).size()
                + QByteArray("[\"echo\",").size() + QByteArray::number(i).size() + 1;
        QCOMPARE(
            after.value(QStringLiteral("packetsIn")) - before.value(QStringLiteral("packetsIn")),
            12);
        QCOMPARE(after.value(QStringLiteral("bytesIn")) - before.value(QStringLiteral("bytesIn")),
            bytesIn);
        // Out: the CONNECT reply and 10 acks, plus the stats sent to the admin meanwhile.
        const qint64 packetsOut = after.value(QStringLiteral("packetsOut"))
            - before.value(QStringLiteral("packetsOut"));
        QVERIFY2(packetsOut >= 11, qPrintable(QString::number(packetsOut)));
        // Every entry is stamped with a whole second.
        for (const Received &r : admin.all(QStringLiteral("server_stats"))) {
            for (const QVariant &v :
                r.args.value(0).toMap().value(QStringLiteral("aggregatedEvents")).toList())
                QCOMPARE(v.toMap().value(QStringLiteral("timestamp")).toLongLong() % 1000, 0);
        }
    }

    void developmentStream()
    {
        InstrumentOptions o;
        o.statsInterval = 300;
        auto server = makeServer(o);
        AdminClient admin(*server);
        QVERIFY(admin.open());
        QVERIFY(admin.waitFor(QStringLiteral("all_sockets")));

        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        const QString id = chat->id();
        const auto isChat = [id](const QVariantList &args) {
            return args.value(0).toMap().value(QStringLiteral("id")) == id;
        };
        const auto connectedEvent = admin.waitFor(QStringLiteral("socket_connected"), isChat);
        QVERIFY(connectedEvent);
        QCOMPARE(connectedEvent->args.value(0).toMap().value(QStringLiteral("nsp")).toString(),
            QStringLiteral("/chat"));
        QVERIFY(QDateTime::fromString(connectedEvent->args.value(1).toString(), Qt::ISODateWithMs)
                    .isValid());
        QVERIFY(admin.waitFor(QStringLiteral("room_joined"), [id](const QVariantList &a) {
            return a.value(0) == QLatin1String("/chat") && a.value(1) == id && a.value(2) == id;
        }));

        // event_received: (nsp, id, [event, ...args], date), the ack callback left out
        QVERIFY(TestKit::ask(*chat, QStringLiteral("echo"), { QStringLiteral("hi"), 2 }).isOk());
        const auto received = admin.waitFor(QStringLiteral("event_received"),
            [id](const QVariantList &a) { return a.value(1) == id; });
        QVERIFY(received);
        QCOMPARE(received->args.value(0).toString(), QStringLiteral("/chat"));
        QCOMPARE(received->args.value(2).toList(),
            (QVariantList { QStringLiteral("echo"), QStringLiteral("hi"), 2 }));
        QVERIFY(
            QDateTime::fromString(received->args.value(3).toString(), Qt::ISODateWithMs).isValid());

        // event_sent, once per target of a broadcast
        auto other = chatClient(*server);
        QVERIFY(TestKit::connectClient(*other));
        QSignalSpy bcast(other.get(), &Client::eventReceived);
        chat->emitEvent(QStringLiteral("broadcast"), { 5 });
        QVERIFY(bcast.wait(5000));
        for (const QString &target : { id, other->id() }) {
            QVERIFY(admin.waitFor(QStringLiteral("event_sent"), [target](const QVariantList &a) {
                return a.value(1) == target
                    && a.value(2).toList() == QVariantList { QStringLiteral("bcast"), 5 };
            }));
        }
        // Never about the admin namespace's own traffic.
        for (const QString &name :
            { QStringLiteral("event_sent"), QStringLiteral("event_received") }) {
            for (const Received &r : admin.all(name))
                QVERIFY(r.args.value(0) != QLatin1String("/admin"));
        }

        // socket_updated when socket.data changes
        chat->emitEvent(QStringLiteral("remember"), { QStringLiteral("blue") });
        const auto updated = admin.waitFor(QStringLiteral("socket_updated"), isChat);
        QVERIFY(updated);
        QCOMPARE(updated->args.value(0).toMap().value(QStringLiteral("data")).toMap(),
            (QVariantMap { { QStringLiteral("remembered"), QStringLiteral("blue") } }));

        // room_joined / room_left, server side
        Socket *socket = server->findNamespace(QStringLiteral("/chat"))->socket(id);
        socket->join(QStringLiteral("lobby"));
        socket->leave(QStringLiteral("lobby"));
        QVERIFY(admin.waitFor(QStringLiteral("room_joined"),
            [](const QVariantList &a) { return a.value(1) == QLatin1String("lobby"); }));
        QVERIFY(admin.waitFor(QStringLiteral("room_left"),
            [](const QVariantList &a) { return a.value(1) == QLatin1String("lobby"); }));

        // socket_disconnected with the reason, after room_left of its own room
        chat->close();
        const auto gone = admin.waitFor(QStringLiteral("socket_disconnected"),
            [id](const QVariantList &a) { return a.value(1) == id; });
        QVERIFY(gone);
        QCOMPARE(gone->args.value(0).toString(), QStringLiteral("/chat"));
        QCOMPARE(gone->args.value(2).toString(), QStringLiteral("client namespace disconnect"));
        QVERIFY(admin.waitFor(QStringLiteral("room_left"),
            [id](const QVariantList &a) { return a.value(1) == id && a.value(2) == id; }));
    }

    void productionSendsAggregatesOnly()
    {
        InstrumentOptions o;
        o.mode = InstrumentOptions::Mode::Production;
        o.statsInterval = 300;
        auto server = makeServer(o);
        AdminClient admin(*server);
        QVERIFY(admin.open());
        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        QVERIFY(TestKit::ask(*chat, QStringLiteral("echo"), { 1 }).isOk());
        server->findNamespace(QStringLiteral("/chat"))
            ->socket(chat->id())
            ->join(QStringLiteral("lobby"));
        chat->emitEvent(QStringLiteral("broadcast"), { 1 });
        chat->close();
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionStats().total, 1, 5000);
        QVERIFY(admin.waitForStats(2, 3000)); // everything above happened before these
        QStringList seen;
        for (const Received &r : std::as_const(admin.events))
            seen.append(r.event);
        seen.removeDuplicates();
        seen.sort();
        QCOMPARE(seen, (QStringList { "config", "server_stats", "smartsocket:stats" }));
        QVERIFY(aggregated(admin).value(QStringLiteral("packetsIn")) >= 2);
    }

    void actions()
    {
        auto server = makeServer();
        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        auto other = chatClient(*server);
        QVERIFY(TestKit::connectClient(*other));
        Namespace *nsp = server->findNamespace(QStringLiteral("/chat"));
        Socket *socket = nsp->socket(chat->id());
        Socket *otherSocket = nsp->socket(other->id());
        AdminClient admin(*server);
        QVERIFY(admin.open());

        // join with a filter (a socket id), then without (everyone)
        admin.client->emitEvent(
            QStringLiteral("join"), { QStringLiteral("/chat"), QStringLiteral("vip"), chat->id() });
        QTRY_VERIFY_WITH_TIMEOUT(socket->rooms().contains(QStringLiteral("vip")), 5000);
        QVERIFY(!otherSocket->rooms().contains(QStringLiteral("vip")));
        admin.client->emitEvent(
            QStringLiteral("join"), { QStringLiteral("/chat"), QStringLiteral("all") });
        QTRY_VERIFY_WITH_TIMEOUT(otherSocket->rooms().contains(QStringLiteral("all")), 5000);
        QVERIFY(socket->rooms().contains(QStringLiteral("all")));
        QVERIFY(admin.waitFor(QStringLiteral("room_joined"), [&](const QVariantList &a) {
            return a.value(1) == QLatin1String("vip") && a.value(2) == chat->id();
        }));

        // leave, filtered by a room
        admin.client->emitEvent(QStringLiteral("leave"),
            { QStringLiteral("/chat"), QStringLiteral("all"), QStringLiteral("vip") });
        QTRY_VERIFY_WITH_TIMEOUT(!socket->rooms().contains(QStringLiteral("all")), 5000);
        QVERIFY(otherSocket->rooms().contains(QStringLiteral("all")));

        // emit(nsp, filter, event, ...args)
        QSignalSpy chatEvents(chat.get(), &Client::eventReceived);
        QSignalSpy otherEvents(other.get(), &Client::eventReceived);
        admin.client->emitEvent(QStringLiteral("emit"),
            { QStringLiteral("/chat"), other->id(), QStringLiteral("notice"), 1,
                QStringLiteral("two") });
        QVERIFY(otherEvents.wait(5000));
        QCOMPARE(otherEvents.first().value(0).toString(), QStringLiteral("notice"));
        QCOMPARE(
            otherEvents.first().value(1).toList(), (QVariantList { 1, QStringLiteral("two") }));
        admin.client->emitEvent(QStringLiteral("emit"),
            { QStringLiteral("/chat"), QVariant::fromValue(nullptr), QStringLiteral("all-hands") });
        QVERIFY(chatEvents.wait(5000));
        QCOMPARE(chatEvents.last().value(0).toString(), QStringLiteral("all-hands"));

        // malformed actions are ignored, the server carries on
        admin.client->emitEvent(QStringLiteral("join"), { 42, QStringLiteral("x") });
        admin.client->emitEvent(
            QStringLiteral("join"), { QStringLiteral("/nope"), QStringLiteral("x") });
        admin.client->emitEvent(QStringLiteral("emit"),
            { QStringLiteral("/chat"), QString(), QStringLiteral("disconnect") });
        admin.client->emitEvent(QStringLiteral("_disconnect"));
        QVERIFY(!server->findNamespace(QStringLiteral("/nope")));

        // _disconnect(nsp, close, filter)
        QSignalSpy disconnected(chat.get(), &Client::disconnected);
        admin.client->emitEvent(
            QStringLiteral("_disconnect"), { QStringLiteral("/chat"), false, chat->id() });
        QVERIFY(disconnected.wait(5000));
        QCOMPARE(disconnected.first().value(0).toString(), QStringLiteral("io server disconnect"));
        QVERIFY(other->isConnected());
    }

    void readonlyIgnoresActions()
    {
        InstrumentOptions o;
        o.readonly = true;
        auto server = makeServer(o);
        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        Socket *socket = server->findNamespace(QStringLiteral("/chat"))->socket(chat->id());
        QSignalSpy chatEvents(chat.get(), &Client::eventReceived);
        QSignalSpy chatGone(chat.get(), &Client::disconnected);
        {
            AdminClient admin(*server);
            QVERIFY(admin.open());
            admin.client->emitEvent(
                QStringLiteral("join"), { QStringLiteral("/chat"), QStringLiteral("vip") });
            admin.client->emitEvent(QStringLiteral("emit"),
                { QStringLiteral("/chat"), QString(), QStringLiteral("notice") });
            admin.client->emitEvent(
                QStringLiteral("_disconnect"), { QStringLiteral("/chat"), true });
            // The admin leaves after its actions: once the server saw it leave, it has
            // handled (here: ignored) everything the admin sent before.
            QSignalSpy adminGone(server.get(), &Server::disconnected);
            admin.client->close();
            QVERIFY(adminGone.wait(5000));
        }
        QVERIFY(chat->isConnected());
        QVERIFY(!socket->rooms().contains(QStringLiteral("vip")));
        QVERIFY(TestKit::ask(*chat, QStringLiteral("echo"), { 1 }).isOk()); // a round trip later
        QCOMPARE(chatEvents.count(), 0);
        QCOMPARE(chatGone.count(), 0);
    }

    void customNamespace()
    {
        InstrumentOptions o;
        o.namespaceName = QStringLiteral("/ops");
        auto server = makeServer(o);
        AdminClient admin(*server, {}, QStringLiteral("/ops"));
        QVERIFY(admin.open());
        QVERIFY(admin.waitFor(QStringLiteral("config")));
        QVERIFY(!server->findNamespace(QStringLiteral("/admin")));
    }

    void extensionAcksAndRateLimits()
    {
        InstrumentOptions o;
        o.statsInterval = 300;
        ServerOptions so;
        auto server = makeServer(o, so);
        server->setEventRateLimit(QStringLiteral("echo"), RateLimit { 60000, 3 });
        AdminClient admin(*server);
        QVERIFY(admin.open());
        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        const QString id = chat->id();

        // The client asks, the server answers: direction "in".
        QVERIFY(TestKit::ask(*chat, QStringLiteral("echo"), { 1 }).isOk());
        const auto in = admin.waitFor(QStringLiteral("smartsocket:ack"), [](const QVariantList &a) {
            return a.value(0).toMap().value(QStringLiteral("direction")) == QLatin1String("in");
        });
        QVERIFY(in);
        const QVariantMap inAck = in->args.value(0).toMap();
        QCOMPARE(inAck.value(QStringLiteral("event")).toString(), QStringLiteral("echo"));
        QCOMPARE(inAck.value(QStringLiteral("nsp")).toString(), QStringLiteral("/chat"));
        QCOMPARE(inAck.value(QStringLiteral("socketId")).toString(), id);
        QCOMPARE(inAck.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(inAck.value(QStringLiteral("latencyMs")).toDouble() >= 0);
        QVERIFY(inAck.value(QStringLiteral("ackId")).toLongLong() >= 0);

        // The server asks: one reply, one timeout.
        chat->on(
            QStringLiteral("question"), [](const QVariantList &, const Ack &ack) { ack({ 42 }); });
        Socket *socket = server->findNamespace(QStringLiteral("/chat"))->socket(id);
        socket->emitWithAck(
            QStringLiteral("question"), {}, [](const AckResult &) {}, 5000);
        socket->emitWithAck(
            QStringLiteral("unanswered"), {}, [](const AckResult &) {}, 200);
        for (const char *status : { "ok", "timeout" }) {
            const auto out
                = admin.waitFor(QStringLiteral("smartsocket:ack"), [status](const QVariantList &a) {
                      const QVariantMap m = a.value(0).toMap();
                      return m.value(QStringLiteral("direction")) == QLatin1String("out")
                          && m.value(QStringLiteral("status")) == QLatin1String(status);
                  });
            QVERIFY2(out, status);
            QCOMPARE(out->args.value(0).toMap().value(QStringLiteral("event")).toString(),
                QLatin1String(qstrcmp(status, "ok") == 0 ? "question" : "unanswered"));
        }

        // Rate limits: 3 allowed per minute; 2 more are refused.
        for (int i = 0; i < 4; ++i)
            TestKit::ask(*chat, QStringLiteral("echo"), { i });
        const auto limited
            = admin.waitFor(QStringLiteral("smartsocket:rate_limit"), [id](const QVariantList &a) {
                  for (const QVariant &v :
                      a.value(0).toMap().value(QStringLiteral("entries")).toList()) {
                      const QVariantMap e = v.toMap();
                      if (e.value(QStringLiteral("socketId")) == id
                          && e.value(QStringLiteral("event")) == QLatin1String("echo")
                          && e.value(QStringLiteral("rejected")).toInt() == 2)
                          return true;
                  }
                  return false;
              });
        QVERIFY(limited);
        for (const QVariant &v :
            limited->args.value(0).toMap().value(QStringLiteral("entries")).toList()) {
            const QVariantMap e = v.toMap();
            if (e.value(QStringLiteral("event")) != QLatin1String("echo"))
                continue;
            QCOMPARE(e.value(QStringLiteral("allowed")).toInt(), 3);
            QCOMPARE(e.value(QStringLiteral("remaining")).toInt(), 0);
            QCOMPARE(e.value(QStringLiteral("limit")).toInt(), 3);
            QCOMPARE(e.value(QStringLiteral("windowMs")).toInt(), 60000);
            QVERIFY(e.value(QStringLiteral("retryAfterMs")).toInt() > 0);
            QCOMPARE(e.value(QStringLiteral("nsp")).toString(), QStringLiteral("/chat"));
        }

        // smartsocket:stats: per-namespace traffic and rates, ack counters
        const auto stats
            = admin.waitFor(QStringLiteral("smartsocket:stats"), [](const QVariantList &a) {
                  return a.value(0)
                             .toMap()
                             .value(QStringLiteral("ackStats"))
                             .toMap()
                             .value(QStringLiteral("out"))
                             .toMap()
                             .value(QStringLiteral("timedOut"))
                             .toInt()
                      == 1;
              });
        QVERIFY(stats);
        const QVariantMap s = stats->args.value(0).toMap();
        QCOMPARE(s.value(QStringLiteral("serverId")).toString(), QHostInfo::localHostName());
        QVERIFY(QDateTime::fromString(
            s.value(QStringLiteral("timestamp")).toString(), Qt::ISODateWithMs)
                    .isValid());
        const QVariantMap acks = s.value(QStringLiteral("ackStats")).toMap();
        QVERIFY(s.value(QStringLiteral("acks")).toInt() >= 3); // settled, both directions
        QCOMPARE(s.value(QStringLiteral("connections")).toInt(), 2);
        QVERIFY(s.value(QStringLiteral("memoryUsage")).toLongLong() > 1024 * 1024);
        QCOMPARE(s.value(QStringLiteral("rateLimitRejected")).toInt(), 2);
        QCOMPARE(
            acks.value(QStringLiteral("out")).toMap().value(QStringLiteral("replied")).toInt(), 1);
        QVERIFY(
            acks.value(QStringLiteral("in")).toMap().value(QStringLiteral("replied")).toInt() >= 1);
        QVariantMap chatTraffic;
        for (const QVariant &v : s.value(QStringLiteral("namespaces")).toList()) {
            if (v.toMap().value(QStringLiteral("name")) == QLatin1String("/chat"))
                chatTraffic = v.toMap();
        }
        QVERIFY(chatTraffic.value(QStringLiteral("packetsIn")).toInt() >= 6);
        QVERIFY(chatTraffic.value(QStringLiteral("bytesOut")).toInt() > 0);
        QVERIFY(chatTraffic.contains(QStringLiteral("packetsInPerSecond")));
        QCOMPARE(s.value(QStringLiteral("rateLimitChecks"))
                     .toMap()
                     .value(QStringLiteral("rejected"))
                     .toInt(),
            2);
    }

    void productionSamplesAcks()
    {
        InstrumentOptions o;
        o.mode = InstrumentOptions::Mode::Production;
        o.statsInterval = 300;
        auto server = makeServer(o);
        AdminClient admin(*server);
        QVERIFY(admin.open());
        auto chat = chatClient(*server);
        QVERIFY(TestKit::connectClient(*chat));
        for (int i = 0; i < 250; ++i)
            QVERIFY(TestKit::ask(*chat, QStringLiteral("echo"), { i }).isOk());
        // Failures are always sent: a timeout, then an ack lost to a disconnect.
        Socket *socket = server->findNamespace(QStringLiteral("/chat"))->socket(chat->id());
        socket->emitWithAck(
            QStringLiteral("unanswered"), {}, [](const AckResult &) {}, 100);
        QVERIFY(admin.waitFor(QStringLiteral("smartsocket:ack"), [](const QVariantList &a) {
            return a.value(0).toMap().value(QStringLiteral("status")) == QLatin1String("timeout");
        }));
        socket->emitWithAck(
            QStringLiteral("never"), {}, [](const AckResult &) {}, 60000);
        chat->close();
        QVERIFY(admin.waitFor(QStringLiteral("smartsocket:ack"), [](const QVariantList &a) {
            return a.value(0).toMap().value(QStringLiteral("status"))
                == QLatin1String("disconnected");
        }));
        QVERIFY(admin.waitForStats(1, 3000));
        int ok = 0;
        for (const Received &r : admin.all(QStringLiteral("smartsocket:ack"))) {
            const QVariantMap m = r.args.value(0).toMap();
            if (m.value(QStringLiteral("status")) == QLatin1String("ok")) {
                ++ok;
                QCOMPARE(m.value(QStringLiteral("sampled")).toInt(), 100);
            } else {
                QVERIFY(!m.contains(QStringLiteral("sampled")));
            }
        }
        QCOMPARE(ok, 2); // 250 acks, one in 100 sent
        // ... while the counters have them all
        const QVariantMap stats
            = admin.all(QStringLiteral("smartsocket:stats")).constLast().args.value(0).toMap();
        QCOMPARE(stats.value(QStringLiteral("ackStats"))
                     .toMap()
                     .value(QStringLiteral("in"))
                     .toMap()
                     .value(QStringLiteral("replied"))
                     .toInt(),
            250);
        QCOMPARE(stats.value(QStringLiteral("acks")).toInt(), 252);
        // and nothing of the development stream was sent
        QCOMPARE(admin.count(QStringLiteral("event_received")), 0);
    }

    void extensionCountersForCompressedAndEncrypted()
    {
        InstrumentOptions o;
        o.statsInterval = 300;
        ServerOptions so;
        so.enableCompression = true;
        so.compressionThreshold = 16;
        so.enableEncryption = true;
        so.encryptionKey = QByteArray(64, 'a');
        auto server = makeServer(o, so);
        AdminClient admin(*server);
        QVERIFY(admin.open());
        ClientOptions co;
        co.namespaceName = QStringLiteral("/chat");
        co.multiplex = false;
        co.reconnection = false;
        co.enableCompression = true;
        co.compressionThreshold = 16;
        co.enableEncryption = true;
        co.encryptionKey = so.encryptionKey;
        Client chat(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server->port())), co);
        QVERIFY(TestKit::connectClient(chat));
        QVERIFY(
            TestKit::ask(chat, QStringLiteral("echo"), { QString(200, QLatin1Char('x')) }).isOk());
        const auto stats
            = admin.waitFor(QStringLiteral("smartsocket:stats"), [](const QVariantList &a) {
                  const QVariantMap m = a.value(0).toMap();
                  return m.value(QStringLiteral("encryption"))
                             .toMap()
                             .value(QStringLiteral("packets"))
                             .toMap()
                             .value(QStringLiteral("in"))
                             .toInt()
                      >= 2;
              });
        QVERIFY(stats);
        const QVariantMap s = stats->args.value(0).toMap();
        QVERIFY(s.value(QStringLiteral("deflate"))
                    .toMap()
                    .value(QStringLiteral("packets"))
                    .toMap()
                    .value(QStringLiteral("out"))
                    .toInt()
            >= 2);
        QVERIFY(s.value(QStringLiteral("connectionStats"))
                    .toMap()
                    .value(QStringLiteral("compressedMessagesOut"))
                    .toInt()
            >= 1);
        const double ratio = s.value(QStringLiteral("compressionRatio")).toDouble();
        QVERIFY2(ratio > 0 && ratio < 0.5, qPrintable(QString::number(ratio))); // 200 'x' shrink
    }
};

QTEST_MAIN(tst_Instrumentation)
#include "tst_instrumentation.moc"
