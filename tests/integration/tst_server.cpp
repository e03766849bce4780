// Our client against our server on loopback: every server API item of the core issue.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"

#include <QTcpSocket>
#include <QThread>
#include <QWebSocket>
#include <QtTest>

#include <atomic>
#include <memory>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;

namespace {

QUrl urlOf(const Server &server, const QString &path = {})
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(server.port()).arg(path));
}

ClientOptions ownConnection(const QString &nsp = QStringLiteral("/"))
{
    ClientOptions o;
    o.namespaceName = nsp;
    o.multiplex = false;
    o.reconnection = false;
    return o;
}

} // namespace

class tst_Server : public QObject
{
    Q_OBJECT

    std::unique_ptr<Server> makeServer(ServerOptions options = {})
    {
        auto server = std::make_unique<Server>(options);
        server->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        if (!server->listen())
            qWarning() << "listen failed" << server->errorString();
        return server;
    }

private Q_SLOTS:
    void listenPicksAPort()
    {
        auto server = makeServer();
        QVERIFY(server->isListening());
        QVERIFY(server->port() != 0);
        QCOMPARE(server->options().path, QStringLiteral("/socket.io/"));
    }

    void listenFailsOnBusyPort()
    {
        auto first = makeServer();
        Server second;
        QVERIFY(!second.listen(QHostAddress::LocalHost, first->port()));
        QVERIFY(!second.errorString().isEmpty());
    }

    void connectAndEchoWithAck()
    {
        auto server = makeServer();
        QSignalSpy serverConnected(server.get(), &Server::connected);
        QSignalSpy nspConnected(server->defaultNamespace(), &Namespace::connected);
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVERIFY(!client.id().isEmpty());
        QTRY_COMPARE(serverConnected.size(), 1);
        QCOMPARE(nspConnected.size(), 1);
        auto *socket = serverConnected.at(0).at(0).value<Socket *>();
        QCOMPARE(socket->id(), client.id());
        QCOMPARE(socket->nsp()->name(), QStringLiteral("/"));

        const QVariantMap payload { { QStringLiteral("name"), QStringLiteral("John") },
            { QStringLiteral("age"), 30 },
            { QStringLiteral("tags"), QVariantList { true, QVariant::fromValue(nullptr), 1.5 } } };
        const AckResult r = ask(client, QStringLiteral("echo"), { payload, QStringLiteral("two") });
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        QCOMPARE(r.args().size(), 2);
        QCOMPARE(
            r.value().toMap().value(QStringLiteral("name")).toString(), QStringLiteral("John"));
        QCOMPARE(r.value().toMap().value(QStringLiteral("age")).toInt(), 30);
        QCOMPARE(r.args().at(1).toString(), QStringLiteral("two"));
    }

    void bareUrlsAndExplicitPath()
    {
        ServerOptions options;
        options.path = QStringLiteral("/custom");
        auto server = makeServer(options);
        Client explicitPath(urlOf(*server, QStringLiteral("/custom/")), ownConnection());
        QVERIFY(connectClient(explicitPath));
        ClientOptions viaOption = ownConnection();
        viaOption.path = QStringLiteral("/custom");
        Client httpUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server->port())), viaOption);
        QVERIFY(connectClient(httpUrl));
    }

    void futureStyleRequest()
    {
        auto server = makeServer();
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QFuture<QVariantList> f = client.request(QStringLiteral("echo"), { 42 });
        QTRY_VERIFY(f.isFinished());
        QCOMPARE(f.result(), QVariantList { 42 });

        QFuture<QVariantList> never = client.request(QStringLiteral("no-such-handler"), {}, 150);
        QTRY_VERIFY(never.isFinished());
        bool threw = false;
        try {
            never.result();
        } catch (const AckError &e) {
            threw = true;
            QCOMPARE(e.result().status(), AckResult::Status::Timeout);
        }
        QVERIFY(threw);
    }

    void ackTimeout()
    {
        auto server = makeServer();
        server->on(QStringLiteral("slow"), [](Socket *, const QVariantList &) { /* no ack */ });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QElapsedTimer t;
        t.start();
        const AckResult r = ask(client, QStringLiteral("slow"), {}, 200);
        QCOMPARE(r.status(), AckResult::Status::Timeout);
        QVERIFY(t.elapsed() >= 190);
    }

    void ackAnsweredOnceAndLater()
    {
        auto server = makeServer();
        Ack stored;
        server->on(QStringLiteral("later"), [&](Socket *, const QVariantList &, const Ack &ack) {
            QVERIFY(ack.isRequested());
            stored = ack;
        });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        std::optional<AckResult> result;
        int calls = 0;
        client.emitEvent(QStringLiteral("later"), {}, [&](const AckResult &r) {
            result = r;
            ++calls;
        });
        QTRY_VERIFY(stored.isRequested());
        QVERIFY(!result);
        stored({ QStringLiteral("first") });
        stored({ QStringLiteral("second") }); // ignored
        QVERIFY(stored.isAnswered());
        QTRY_VERIFY(result.has_value());
        QTest::qWait(50);
        QCOMPARE(calls, 1);
        QCOMPARE(result->value().toString(), QStringLiteral("first"));
    }

    void serverEmitWithAck()
    {
        auto server = makeServer();
        QSignalSpy connected(server.get(), &Server::connected);
        Client client(urlOf(*server), ownConnection());
        client.on(QStringLiteral("question"),
            [](const QVariantList &args, const Ack &ack) { ack({ args.value(0).toInt() * 2 }); });
        client.on(QStringLiteral("ignored"), [](const QVariantList &) {});
        QVERIFY(connectClient(client));
        QTRY_COMPARE(connected.size(), 1);
        auto *socket = connected.at(0).at(0).value<Socket *>();

        std::optional<AckResult> answer;
        socket->emitWithAck(
            QStringLiteral("question"), { 21 }, [&](const AckResult &r) { answer = r; }, 3000);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->isOk());
        QCOMPARE(answer->value().toInt(), 42);

        std::optional<AckResult> silence;
        socket->emitWithAck(
            QStringLiteral("ignored"), {}, [&](const AckResult &r) { silence = r; }, 150);
        QTRY_VERIFY(silence.has_value());
        QCOMPARE(silence->status(), AckResult::Status::Timeout);
    }

    void namespacesShareOneConnection()
    {
        auto server = makeServer();
        Namespace *chat = server->of(QStringLiteral("/chat"));
        QCOMPARE(server->of(QStringLiteral("chat")), chat); // leading slash optional
        chat->on(QStringLiteral("where"),
            [](Socket *s, const QVariantList &, const Ack &ack) { ack({ s->nsp()->name() }); });
        server->on(QStringLiteral("where"),
            [](Socket *s, const QVariantList &, const Ack &ack) { ack({ s->nsp()->name() }); });
        ClientOptions mainOptions;
        mainOptions.reconnection = false;
        ClientOptions chatOptions = mainOptions;
        chatOptions.namespaceName = QStringLiteral("/chat");
        Client main(urlOf(*server), mainOptions);
        Client chatClient(urlOf(*server), chatOptions);
        QVERIFY(connectClient(main));
        QVERIFY(connectClient(chatClient));
        QCOMPARE(ask(main, QStringLiteral("where"), {}).value().toString(), QStringLiteral("/"));
        QCOMPARE(ask(chatClient, QStringLiteral("where"), {}).value().toString(),
            QStringLiteral("/chat"));

        QCOMPARE(server->connectionStats().total, 1); // one Engine.IO connection
        const QVariantMap stats = server->namespaceStats();
        QCOMPARE(
            stats.value(QStringLiteral("/")).toMap().value(QStringLiteral("connections")).toInt(),
            1);
        QCOMPARE(stats.value(QStringLiteral("/chat"))
                     .toMap()
                     .value(QStringLiteral("connections"))
                     .toInt(),
            1);
        QVERIFY(server->connectionStats().memoryUsage > 0);
        QVERIFY(server->connectionStats().toMap().contains(QStringLiteral("total")));
    }

    void unknownNamespaceIsRefused()
    {
        auto server = makeServer();
        Client client(urlOf(*server), ownConnection(QStringLiteral("/random")));
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.open();
        QTRY_VERIFY(errors.size() >= 1);
        QCOMPARE(errors.at(0).at(0).value<Error>().message(), QStringLiteral("Invalid namespace"));
        QVERIFY(!client.isConnected());
    }

    void connectMiddlewareAuth()
    {
        auto server = makeServer();
        QStringList order;
        server->useConnect([&](Socket *, const Next &next) {
            order.append(QStringLiteral("server"));
            next();
        });
        server->defaultNamespace()->useConnect([&](Socket *socket, const Next &next) {
            order.append(QStringLiteral("namespace"));
            if (socket->handshake().auth().value(QStringLiteral("token")) != QStringLiteral("123"))
                return next(Error(QStringLiteral("Not authorized"),
                    QVariantMap { { QStringLiteral("code"), 7 } }));
            socket->data().insert(QStringLiteral("user"), QStringLiteral("alice"));
            next();
        });
        server->on(QStringLiteral("whoami"), [](Socket *s, const QVariantList &, const Ack &ack) {
            ack({ s->data().value(QStringLiteral("user")) });
        });

        ClientOptions bad = ownConnection();
        bad.auth = { { QStringLiteral("token"), QStringLiteral("nope") } };
        Client refused(urlOf(*server), bad);
        QSignalSpy errors(&refused, &Client::errorOccurred);
        QSignalSpy serverConnected(server.get(), &Server::connected);
        refused.open();
        QTRY_VERIFY(errors.size() >= 1);
        const Error e = errors.at(0).at(0).value<Error>();
        QCOMPARE(e.message(), QStringLiteral("Not authorized"));
        QCOMPARE(e.data().toMap().value(QStringLiteral("code")).toInt(), 7);
        QCOMPARE(order, (QStringList { QStringLiteral("server"), QStringLiteral("namespace") }));
        QCOMPARE(serverConnected.size(), 0);

        ClientOptions good = ownConnection();
        good.auth = { { QStringLiteral("token"), QStringLiteral("123") } };
        Client accepted(urlOf(*server), good);
        QVERIFY(connectClient(accepted));
        QCOMPARE(ask(accepted, QStringLiteral("whoami"), {}).value().toString(),
            QStringLiteral("alice"));
    }

    void asyncConnectMiddleware()
    {
        auto server = makeServer();
        server->useConnect(
            [](Socket *, const Next &next) { QTimer::singleShot(50, [next] { next(); }); });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
    }

    void eventMiddlewareChainAndErrors()
    {
        auto server = makeServer();
        QStringList order;
        int handled = 0;
        server->use([&](Socket *, const QString &event, QVariantList &args, const Next &next) {
            order.append(QStringLiteral("server:") + event);
            if (event == QStringLiteral("secret"))
                return next(Error(QStringLiteral("Not authenticated"), {}, QStringLiteral("AUTH")));
            args.append(QStringLiteral("stamped"));
            next();
        });
        server->defaultNamespace()->use(
            [&](Socket *, const QString &event, QVariantList &, const Next &next) {
                order.append(QStringLiteral("namespace:") + event);
                next();
            });
        server->on(QStringLiteral("secret"), [&](Socket *, const QVariantList &) { ++handled; });
        QSignalSpy serverErrors(server.get(), &Server::errorOccurred);

        Client client(urlOf(*server), ownConnection());
        QSignalSpy clientErrors(&client, &Client::errorOccurred);
        std::optional<QVariantMap> errorEvent;
        client.on(QStringLiteral("__error__"),
            [&](const QVariantList &args) { errorEvent = args.value(0).toMap(); });
        QVERIFY(connectClient(client));

        const AckResult echoed = ask(client, QStringLiteral("echo"), { QStringLiteral("x") });
        QCOMPARE(echoed.args(), (QVariantList { QStringLiteral("x"), QStringLiteral("stamped") }));
        QCOMPARE(order,
            (QStringList { QStringLiteral("server:echo"), QStringLiteral("namespace:echo") }));

        const AckResult refused = ask(client, QStringLiteral("secret"), { 1 });
        QVERIFY(refused.isOk()); // the ack is answered with an error object
        QCOMPARE(refused.value().toMap().value(QStringLiteral("error")).toString(),
            QStringLiteral("Not authenticated"));
        QTRY_VERIFY(errorEvent.has_value());
        QCOMPARE(errorEvent->value(QStringLiteral("event")).toString(), QStringLiteral("secret"));
        QCOMPARE(errorEvent->value(QStringLiteral("message")).toString(),
            QStringLiteral("Not authenticated"));
        QCOMPARE(errorEvent->value(QStringLiteral("code")).toString(), QStringLiteral("AUTH"));
        QCOMPARE(handled, 0);
        QCOMPARE(serverErrors.size(), 1);
        QCOMPARE(
            serverErrors.at(0).at(0).value<Error>().message(), QStringLiteral("Not authenticated"));
        QCOMPARE(serverErrors.at(0).at(2).toString(), QStringLiteral("secret"));
        QTRY_VERIFY(clientErrors.size() >= 1); // enableErrorHandling reports __error__ too
    }

    void eventSpecificMiddleware()
    {
        auto server = makeServer();
        server->on(QStringLiteral("save"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        QStringList seen;
        server->use(QStringLiteral("save"),
            [&](Socket *, const QString &event, QVariantList &args, const Next &next) {
                seen.append(QStringLiteral("server:") + event);
                if (args.value(0).toMap().isEmpty())
                    return next(Error(QStringLiteral("Invalid data format")));
                next();
            });
        server->defaultNamespace()->use(QStringLiteral("save"),
            [&](Socket *, const QString &event, QVariantList &, const Next &next) {
                seen.append(QStringLiteral("nsp:") + event);
                next();
            });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk()); // other events pass untouched
        QVERIFY(seen.isEmpty());
        const AckResult bad = ask(client, QStringLiteral("save"), { QStringLiteral("text") });
        QCOMPARE(bad.value().toMap().value(QStringLiteral("error")).toString(),
            QStringLiteral("Invalid data format"));
        const QVariantMap good { { QStringLiteral("name"), QStringLiteral("John") } };
        QCOMPARE(ask(client, QStringLiteral("save"), { good }).value().toMap(), good);
        QCOMPARE(seen,
            (QStringList { QStringLiteral("server:save"), QStringLiteral("server:save"),
                QStringLiteral("nsp:save") }));
    }

    void handlerExceptionDoesNotKillTheServer()
    {
        auto server = makeServer();
        server->on(QStringLiteral("boom"),
            [](Socket *, const QVariantList &) { throw std::runtime_error("exploded"); });
        QSignalSpy serverErrors(server.get(), &Server::errorOccurred);
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        client.emitEvent(QStringLiteral("boom"));
        QTRY_COMPARE(serverErrors.size(), 1);
        QCOMPARE(serverErrors.at(0).at(0).value<Error>().message(), QStringLiteral("exploded"));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
    }

    void offAndOnAny()
    {
        auto server = makeServer();
        QStringList seen;
        server->defaultNamespace()->onAny(
            [&](Socket *, const QString &event, const QVariantList &) { seen.append(event); });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
        server->off(QStringLiteral("echo"));
        QVERIFY(!server->defaultNamespace()->hasHandler(QStringLiteral("echo")));
        QCOMPARE(
            ask(client, QStringLiteral("echo"), { 1 }, 200).status(), AckResult::Status::Timeout);
        QCOMPARE(seen, (QStringList { QStringLiteral("echo"), QStringLiteral("echo") }));
    }

    void roomsAndBroadcasts()
    {
        auto server = makeServer();
        server->on(QStringLiteral("join"), [](Socket *s, const QVariantList &args, const Ack &ack) {
            s->join(args.value(0).toString());
            ack();
        });
        server->on(QStringLiteral("shout"), [](Socket *s, const QVariantList &args) {
            s->broadcast().emitEvent(QStringLiteral("heard"), args);
        });
        server->on(QStringLiteral("to-room"), [](Socket *s, const QVariantList &args) {
            s->to(args.value(0).toString()).emitEvent(QStringLiteral("room-msg"), args);
        });

        std::vector<std::unique_ptr<Client>> clients;
        std::vector<QStringList> inbox(3);
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<Client>(urlOf(*server), ownConnection()));
            clients[i]->onAny([&inbox, i](const QString &event, const QVariantList &) {
                inbox[i].append(event);
            });
            QVERIFY(connectClient(*clients[i]));
        }
        QVERIFY(ask(*clients[0], QStringLiteral("join"), { QStringLiteral("red") }).isOk());
        QVERIFY(ask(*clients[1], QStringLiteral("join"), { QStringLiteral("red") }).isOk());
        QVERIFY(ask(*clients[2], QStringLiteral("join"), { QStringLiteral("blue") }).isOk());
        QCOMPARE(server->defaultNamespace()->rooms().size(), 2);

        Socket *s0 = server->defaultNamespace()->socket(clients[0]->id());
        QVERIFY(s0);
        QVERIFY(s0->rooms().contains(QStringLiteral("red")));
        QVERIFY(s0->rooms().contains(s0->id()));

        // Namespace-wide, a room, a room minus another, and to a socket id.
        QCOMPARE(server->emitEvent(QStringLiteral("all")), 3);
        QCOMPARE(server->to(QStringLiteral("red")).emitEvent(QStringLiteral("red")), 2);
        QCOMPARE(server->to(QStringLiteral("red"))
                     .to(QStringLiteral("blue"))
                     .except(clients[1]->id())
                     .emitEvent(QStringLiteral("mix")),
            2);
        QCOMPARE(server->to(clients[2]->id()).emitEvent(QStringLiteral("direct")), 1);
        QCOMPARE(server->to(QStringLiteral("red")).sockets().size(), 2);

        clients[0]->emitEvent(QStringLiteral("shout"), { QStringLiteral("hi") });
        clients[0]->emitEvent(QStringLiteral("to-room"), { QStringLiteral("red") });
        QTRY_VERIFY(inbox[1].contains(QStringLiteral("room-msg")));
        QTRY_VERIFY(inbox[2].contains(QStringLiteral("heard")));
        QTRY_VERIFY(inbox[1].contains(QStringLiteral("heard")));
        QTest::qWait(100);

        QCOMPARE(inbox[0],
            (QStringList { QStringLiteral("all"), QStringLiteral("red"), QStringLiteral("mix") }));
        QCOMPARE(inbox[1],
            (QStringList { QStringLiteral("all"), QStringLiteral("red"), QStringLiteral("heard"),
                QStringLiteral("room-msg") }));
        QCOMPARE(inbox[2],
            (QStringList { QStringLiteral("all"), QStringLiteral("mix"), QStringLiteral("direct"),
                QStringLiteral("heard") }));

        // socketsJoin / leave through the operator
        server->to(QStringLiteral("blue")).socketsJoin(QStringLiteral("green"));
        QCOMPARE(server->to(QStringLiteral("green")).sockets().size(), 1);
        s0->leave(QStringLiteral("red"));
        QCOMPARE(server->to(QStringLiteral("red")).sockets().size(), 1);
    }

    void binaryRoundTrip()
    {
        auto server = makeServer();
        QSignalSpy connected(server.get(), &Server::connected);
        QByteArray received;
        server->on(
            QStringLiteral("upload"), [&](Socket *, const QVariantList &args, const Ack &ack) {
                received = args.value(0).toMap().value(QStringLiteral("file")).toByteArray();
                ack(args);
            });
        Client client(urlOf(*server), ownConnection());
        std::optional<QVariantList> pushed;
        client.on(QStringLiteral("push"), [&](const QVariantList &args) { pushed = args; });
        QVERIFY(connectClient(client));
        QByteArray blob(70000, Qt::Uninitialized);
        for (int i = 0; i < blob.size(); ++i)
            blob[i] = char(i * 7);
        const QVariantMap upload { { QStringLiteral("name"), QStringLiteral("a.bin") },
            { QStringLiteral("file"), blob } };
        const AckResult r
            = ask(client, QStringLiteral("upload"), { upload, QByteArray("\x01\x02", 2) });
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        QCOMPARE(received, blob);
        QCOMPARE(r.value().toMap().value(QStringLiteral("file")).toByteArray(), blob);
        QCOMPARE(r.args().value(1).toByteArray(), QByteArray("\x01\x02", 2));

        // server -> client binary, through a broadcast too
        QTRY_COMPARE(connected.size(), 1);
        server->emitEvent(
            QStringLiteral("push"), { QByteArray("\xff\x00\xfe", 3), QStringLiteral("text") });
        QTRY_VERIFY(pushed.has_value());
        QCOMPARE(pushed->value(0).toByteArray(), QByteArray("\xff\x00\xfe", 3));
        QCOMPARE(pushed->value(1).toString(), QStringLiteral("text"));
    }

    void serverDisconnectsSocket()
    {
        auto server = makeServer();
        server->on(QStringLiteral("kick-me"),
            [](Socket *s, const QVariantList &) { s->disconnectFromClient(); });
        QSignalSpy serverGone(server.get(), &Server::disconnected);
        Client client(urlOf(*server), ownConnection());
        QSignalSpy clientGone(&client, &Client::disconnected);
        QVERIFY(connectClient(client));
        client.emitEvent(QStringLiteral("kick-me"));
        QTRY_COMPARE(clientGone.size(), 1);
        QCOMPARE(clientGone.at(0).at(0).toString(), QStringLiteral("io server disconnect"));
        QTRY_COMPARE(serverGone.size(), 1);
        QCOMPARE(serverGone.at(0).at(1).toString(), QStringLiteral("server namespace disconnect"));
        QCOMPARE(server->defaultNamespace()->socketCount(), 0);
    }

    void serverClosesConnection()
    {
        auto server = makeServer();
        server->of(QStringLiteral("/chat"));
        server->on(QStringLiteral("close-me"),
            [](Socket *s, const QVariantList &) { s->disconnectFromClient(true); });
        QSignalSpy serverGone(server.get(), &Server::disconnected);
        ClientOptions a = ownConnection();
        a.multiplex = true;
        ClientOptions b = a;
        b.namespaceName = QStringLiteral("/chat");
        Client main(urlOf(*server), a);
        Client chat(urlOf(*server), b);
        QVERIFY(connectClient(main));
        QVERIFY(connectClient(chat));
        QSignalSpy mainGone(&main, &Client::disconnected);
        QSignalSpy chatGone(&chat, &Client::disconnected);
        main.emitEvent(QStringLiteral("close-me"));
        QTRY_COMPARE(serverGone.size(), 2); // both namespaces of that connection
        QTRY_COMPARE(mainGone.size(), 1);
        QTRY_COMPARE(chatGone.size(), 1);
        // Each namespace got its DISCONNECT first: the client knows the server meant it.
        QCOMPARE(mainGone.at(0).at(0).toString(), QStringLiteral("io server disconnect"));
        QCOMPARE(chatGone.at(0).at(0).toString(), QStringLiteral("io server disconnect"));
        QTRY_COMPARE(server->connectionStats().total, 0);
    }

    void kickedClientDoesNotReconnect()
    {
        auto server = makeServer();
        server->on(QStringLiteral("close-me"),
            [](Socket *s, const QVariantList &) { s->disconnectFromClient(true); });
        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = 50;
        Client client(urlOf(*server), options);
        QSignalSpy reconnecting(&client, &Client::reconnecting);
        QVERIFY(connectClient(client));
        client.emitEvent(QStringLiteral("close-me"));
        QTRY_VERIFY(!client.isConnected());
        QTest::qWait(400);
        QVERIFY(!client.isConnected());
        QCOMPARE(reconnecting.size(), 0);
    }

    void reservedNamesAreNotSent()
    {
        auto server = makeServer();
        QSignalSpy connected(server.get(), &Server::connected);
        Client client(urlOf(*server), ownConnection());
        QSignalSpy gone(&client, &Client::disconnected);
        QVERIFY(connectClient(client));
        QTRY_COMPARE(connected.size(), 1);
        auto *socket = connected.at(0).at(0).value<Socket *>();
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
        socket->emitEvent(QStringLiteral("connect"));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
        QCOMPARE(server->emitEvent(QStringLiteral("disconnect")), 0);
        std::optional<AckResult> refused;
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
        socket->emitWithAck(
            QStringLiteral("newListener"), {}, [&](const AckResult &r) { refused = r; });
        QTRY_VERIFY(refused.has_value());
        QVERIFY(refused->isError());
        QTest::qWait(100);
        if (!gone.isEmpty())
            qWarning() << "disconnected:" << gone.at(0).at(0).toString();
        QCOMPARE(gone.size(), 0); // the client was not sent anything it would choke on
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
    }

    void ackAndNextFromWorkerThreads()
    {
        auto server = makeServer();
        std::atomic<QThread *> handlerThread { nullptr };
        server->use([](Socket *, const QString &event, QVariantList &, const Next &next) {
            if (event != QStringLiteral("work"))
                return next();
            QThread *worker = QThread::create([next] { next(); });
            QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
            worker->start();
        });
        server->on(QStringLiteral("work"), [&](Socket *, const QVariantList &args, const Ack &ack) {
            handlerThread = QThread::currentThread();
            QThread *worker = QThread::create([ack, args] { ack({ args.value(0).toInt() + 1 }); });
            QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
            worker->start();
        });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        const AckResult r = ask(client, QStringLiteral("work"), { 41 });
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        QCOMPARE(r.value().toInt(), 42);
        // next() from a worker: the handler still runs in the server's thread.
        QCOMPARE(handlerThread.load(), server->thread());
    }

    void deepJsonIsServed()
    {
        auto server = makeServer();
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVariant deep = 1;
        for (int i = 0; i < 200; ++i)
            deep = QVariantList { deep };
        const AckResult r = ask(client, QStringLiteral("echo"), { deep });
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        QCOMPARE(r.value(), deep);
    }

    void deletingTheClientInsideAnAckTimeout()
    {
        auto server = makeServer();
        server->on(QStringLiteral("slow"), [](Socket *, const QVariantList &) {});
        auto *client = new Client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(*client));
        bool called = false;
        client->emitEvent(
            QStringLiteral("slow"), {},
            [&](const AckResult &) {
                called = true;
                delete client; // from inside its own ack callback
            },
            50);
        client->emitEvent(
            QStringLiteral("slow"), {}, [](const AckResult &) {}, 50);
        QTRY_VERIFY(called);
        QTest::qWait(100); // nothing touches the deleted client afterwards (ASan would tell)
    }

    void clientCloses()
    {
        auto server = makeServer();
        QSignalSpy serverGone(server.get(), &Server::disconnected);
        QSignalSpy connected(server.get(), &Server::connected);
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QTRY_COMPARE(connected.size(), 1);
        QPointer<Socket> socket = connected.at(0).at(0).value<Socket *>();
        QSignalSpy socketGone(socket.data(), &Socket::disconnected);
        client.close();
        QTRY_COMPARE(serverGone.size(), 1);
        const QString reason = serverGone.at(0).at(1).toString();
        QVERIFY2(reason == QStringLiteral("client namespace disconnect")
                || reason == QStringLiteral("transport close"),
            qPrintable(reason));
        QCOMPARE(socketGone.size(), 1);
        QTRY_VERIFY(socket.isNull()); // deleted later by the server
    }

    void socketDataAndHandshake()
    {
        auto server = makeServer();
        QSignalSpy connected(server.get(), &Server::connected);
        server->on(QStringLiteral("count"), [](Socket *s, const QVariantList &, const Ack &ack) {
            const int n = s->data().value(QStringLiteral("n")).toInt() + 1;
            s->data().insert(QStringLiteral("n"), n);
            ack({ n });
        });
        ClientOptions options = ownConnection();
        options.query = { { QStringLiteral("room"), QStringLiteral("lobby") } };
        options.extraHeaders = { { "X-Test", "yes" } };
        options.auth = { { QStringLiteral("token"), QStringLiteral("t") } };
        Client client(urlOf(*server), options);
        QVERIFY(connectClient(client));
        QCOMPARE(ask(client, QStringLiteral("count"), {}).value().toInt(), 1);
        QCOMPARE(ask(client, QStringLiteral("count"), {}).value().toInt(), 2);
        QTRY_COMPARE(connected.size(), 1);
        auto *socket = connected.at(0).at(0).value<Socket *>();
        const Handshake &h = socket->handshake();
        QVERIFY(h.address().isLoopback());
        QVERIFY(h.port() != 0);
        QCOMPARE(h.query().value(QStringLiteral("EIO")).toString(), QStringLiteral("4"));
        QCOMPARE(h.query().value(QStringLiteral("room")).toString(), QStringLiteral("lobby"));
        QCOMPARE(h.header("x-test"), QByteArray("yes"));
        QVERIFY(!h.header("Host").isEmpty());
        QCOMPARE(h.auth().value(QStringLiteral("token")).toString(), QStringLiteral("t"));
        QVERIFY(qAbs(h.time().msecsTo(QDateTime::currentDateTime())) < 60000);
        QVERIFY(h.url().startsWith(QStringLiteral("/socket.io/")));
        QVERIFY(!h.isSecure());
    }

    void reconnectsAfterServerRestart()
    {
        auto server = makeServer();
        const quint16 port = server->port();
        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = 100;
        options.reconnectDelayMax = 300;
        options.auth = { { QStringLiteral("token"), QStringLiteral("again") } };
        Client client(urlOf(*server), options);
        QSignalSpy disconnected(&client, &Client::disconnected);
        QSignalSpy reconnecting(&client, &Client::reconnecting);
        QSignalSpy reconnected(&client, &Client::reconnected);
        QVERIFY(connectClient(client));

        server.reset(); // stop the server
        QTRY_COMPARE(disconnected.size(), 1);
        QTRY_VERIFY(reconnecting.size() >= 2); // attempts fail while nobody listens

        ServerOptions again;
        again.port = port;
        QString seenToken;
        auto restarted = std::make_unique<Server>(again);
        restarted->useConnect([&](Socket *s, const Next &next) {
            seenToken = s->handshake().auth().value(QStringLiteral("token")).toString();
            next();
        });
        restarted->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &a, const Ack &ack) { ack(a); });
        QVERIFY(restarted->listen());
        QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 10000);
        QTRY_COMPARE(reconnected.size(), 1);
        QCOMPARE(seenToken, QStringLiteral("again"));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
    }

    void reconnectGivesUp()
    {
        auto server = makeServer();
        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = 50;
        options.reconnectDelayMax = 100;
        options.maxReconnectAttempts = 2;
        Client client(urlOf(*server), options);
        QSignalSpy failed(&client, &Client::reconnectFailed);
        QSignalSpy reconnecting(&client, &Client::reconnecting);
        QVERIFY(connectClient(client));
        server.reset();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(reconnecting.size(), 2);
    }

    void maxConnectionsRefusesCleanly()
    {
        ServerOptions options;
        options.maxConnections = 2;
        auto server = makeServer(options);
        Client a(urlOf(*server), ownConnection());
        Client b(urlOf(*server), ownConnection());
        QVERIFY(connectClient(a));
        QVERIFY(connectClient(b));
        Client c(urlOf(*server), ownConnection());
        QSignalSpy errors(&c, &Client::errorOccurred);
        c.open();
        QTRY_VERIFY(errors.size() >= 1);
        QVERIFY(!c.isConnected());
        QTRY_COMPARE(server->connectionStats().refused, quint64(1));
        QCOMPARE(server->connectionStats().total, 2);
        // The refused one cost nothing lasting: the others still work.
        QVERIFY(ask(a, QStringLiteral("echo"), { 1 }).isOk());

        // A raw client sees the HTTP status.
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(raw.waitForConnected(3000));
        raw.write("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(raw.bytesAvailable() > 0 || raw.state() != QAbstractSocket::ConnectedState);
        QTRY_VERIFY(raw.peek(64).startsWith("HTTP/1.1 503"));
    }

    void connectTimeoutClosesSilentConnections()
    {
        ServerOptions options;
        options.connectTimeout = 300;
        auto server = makeServer(options);
        QSignalSpy connErrors(server.get(), &Server::connectionError);
        QWebSocket raw;
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        QStringList texts;
        QObject::connect(
            &raw, &QWebSocket::textMessageReceived, [&](const QString &t) { texts.append(t); });
        raw.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                          .arg(server->port())));
        QTRY_VERIFY(!texts.isEmpty());
        QVERIFY(texts.first().startsWith(QStringLiteral("0{\"sid\":")));
        QVERIFY(texts.first().contains(QStringLiteral("\"maxPayload\":1000000")));
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 5000);
        QVERIFY(connErrors.size() >= 1);
    }

    void heartbeatKeepsAliveAndDetectsDeadPeers()
    {
        ServerOptions options;
        options.pingInterval = 100;
        options.pingTimeout = 150;
        auto server = makeServer(options);
        Client alive(urlOf(*server), ownConnection());
        QVERIFY(connectClient(alive));

        // A raw peer that never answers pings is closed after interval + timeout.
        QWebSocket silent;
        QSignalSpy closed(&silent, &QWebSocket::disconnected);
        int pings = 0;
        QObject::connect(&silent, &QWebSocket::textMessageReceived, [&](const QString &t) {
            if (t == QStringLiteral("2"))
                ++pings;
            else if (t.startsWith(QLatin1Char('0')))
                silent.sendTextMessage(QStringLiteral("40"));
        });
        silent.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                             .arg(server->port())));
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 3000);
        QCOMPARE(pings, 1);

        QTest::qWait(600); // several ping rounds
        QVERIFY(alive.isConnected());
        QVERIFY(ask(alive, QStringLiteral("echo"), { 1 }).isOk());
    }

    void badRequestsGetHttpErrors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("polling") << QByteArray(
            "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n")
                                 << QByteArray("400")
                                 << QByteArray("{\"code\":0,\"message\":\"Transport unknown\"}");
        QTest::newRow("no transport")
            << QByteArray("GET /socket.io/?EIO=4 HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("400")
            << QByteArray("\"code\":0");
        QTest::newRow("EIO 3") << QByteArray(
            "GET /socket.io/?EIO=3&transport=websocket HTTP/1.1\r\nHost: x\r\nUpgrade: "
            "websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                               << QByteArray("400") << QByteArray("\"code\":5");
        QTest::newRow("unknown sid")
            << QByteArray("GET /socket.io/?EIO=4&transport=websocket&sid=abc HTTP/1.1\r\nHost: "
                          "x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                          "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            << QByteArray("400") << QByteArray("\"code\":1");
        QTest::newRow("websocket without upgrade")
            << QByteArray("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("400") << QByteArray("\"code\":3");
        QTest::newRow("wrong path")
            << QByteArray("GET /other/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("404") << QByteArray("");
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00garbage\r\n\r\n", 16)
                                 << QByteArray("400") << QByteArray("");
        QTest::newRow("POST") << QByteArray("POST /socket.io/?EIO=4&transport=websocket "
                                            "HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                              << QByteArray("400") << QByteArray("\"code\":2");
    }
    void badRequestsGetHttpErrors()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, body);
        auto server = makeServer();
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(raw.waitForConnected(3000));
        raw.write(request);
        QByteArray response;
        QTRY_VERIFY((response += raw.readAll()).contains("\r\n\r\n") && response.contains(body));
        QVERIFY2(response.startsWith("HTTP/1.1 " + status), response.constData());
        // The server still serves others.
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
    }

    void oversizedMessageClosesOnlyThatConnection()
    {
        ServerOptions options;
        options.maxPayload = 1000;
        auto server = makeServer(options);
        QSignalSpy connErrors(server.get(), &Server::connectionError);
        Client big(urlOf(*server), ownConnection());
        Client small(urlOf(*server), ownConnection());
        QSignalSpy bigGone(&big, &Client::disconnected);
        QVERIFY(connectClient(big));
        QVERIFY(connectClient(small));
        big.emitEvent(QStringLiteral("echo"), { QString(2000, QLatin1Char('x')) });
        QTRY_COMPARE(bigGone.size(), 1);
        QVERIFY(connErrors.size() >= 1);
        QVERIFY(ask(small, QStringLiteral("echo"), { QString(500, QLatin1Char('y')) }).isOk());
    }

    void malformedPacketsCloseOnlyThatConnection_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::newRow("bad json") << QStringLiteral("42[\"echo\",");
        QTest::newRow("reserved event") << QStringLiteral("42[\"disconnect\"]");
        QTest::newRow("not joined namespace") << QStringLiteral("42/nope,[\"echo\"]");
        QTest::newRow("bad engine type") << QStringLiteral("9hello");
        QTest::newRow("bad socket.io type") << QStringLiteral("49[]");
        QTest::newRow("event not array") << QStringLiteral("42{\"a\":1}");
        QTest::newRow("second connect") << QStringLiteral("40");
    }
    void malformedPacketsCloseOnlyThatConnection()
    {
        QFETCH(QString, frame);
        auto server = makeServer();
        QSignalSpy connErrors(server.get(), &Server::connectionError);
        Client bystander(urlOf(*server), ownConnection());
        QVERIFY(connectClient(bystander));
        QWebSocket raw;
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        bool joined = false;
        QObject::connect(&raw, &QWebSocket::textMessageReceived, [&](const QString &t) {
            if (t.startsWith(QLatin1Char('0')))
                raw.sendTextMessage(QStringLiteral("40"));
            else if (t.startsWith(QStringLiteral("40")))
                joined = true;
        });
        raw.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                          .arg(server->port())));
        QTRY_VERIFY(joined);
        raw.sendTextMessage(frame);
        QTRY_COMPARE(closed.size(), 1);
        QVERIFY(connErrors.size() >= 1);
        QVERIFY(ask(bystander, QStringLiteral("echo"), { 1 }).isOk());
    }

    void percentEncodedQueryAndEmptySid()
    {
        auto server = makeServer();
        QWebSocket raw;
        QStringList texts;
        QObject::connect(
            &raw, &QWebSocket::textMessageReceived, [&](const QString &t) { texts.append(t); });
        raw.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=%34&transport=web%73ocket&sid=")
                     .arg(server->port())));
        QTRY_VERIFY(!texts.isEmpty());
        QVERIFY(texts.first().startsWith(QStringLiteral("0{")));
        raw.sendTextMessage(QStringLiteral("5")); // an upgrade packet is ignored, as by Node
        raw.sendTextMessage(QStringLiteral("40"));
        QTRY_VERIFY(texts.size() >= 2);
        QVERIFY(texts.at(1).startsWith(QStringLiteral("40{\"sid\"")));
    }

    void eventsBeforeTheConnectReplyCloseTheConnection()
    {
        auto server = makeServer();
        Next held;
        server->useConnect([&](Socket *, const Next &next) { held = next; });
        QWebSocket raw;
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        QObject::connect(&raw, &QWebSocket::textMessageReceived, [&](const QString &t) {
            if (t.startsWith(QLatin1Char('0'))) {
                raw.sendTextMessage(QStringLiteral("40"));
                raw.sendTextMessage(QStringLiteral("42[\"echo\",1]")); // without waiting
            }
        });
        raw.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                          .arg(server->port())));
        QTRY_COMPARE(closed.size(), 1);
        held(); // the late middleware finds its connection gone: nothing happens
        QCOMPARE(server->defaultNamespace()->socketCount(), 0);
    }

    void slowConsumerIsDroppedOthersServed()
    {
        ServerOptions options;
        options.maxOutputBuffer = 256 * 1024;
        auto server = makeServer(options);
        QSignalSpy connected(server.get(), &Server::connected);
        QSignalSpy gone(server.get(), &Server::disconnected);

        // A peer that stops reading: a raw socket with a tiny read buffer.
        QTcpSocket raw;
        raw.setReadBufferSize(1024);
        raw.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(raw.waitForConnected(3000));
        raw.write(
            "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray head;
        QTRY_VERIFY((head += raw.read(1024)).contains("0{\"sid\""));
        // "40" in a masked frame (a zero mask is a valid mask).
        raw.write(QByteArray("\x81\x82\x00\x00\x00\x00"
                             "40",
            8));
        QTRY_COMPARE(connected.size(), 1);

        Client healthy(urlOf(*server), ownConnection());
        int received = 0;
        healthy.on(QStringLiteral("bulk"), [&](const QVariantList &) { ++received; });
        QVERIFY(connectClient(healthy));
        QTRY_COMPARE(connected.size(), 2);

        const QString chunk(64 * 1024, QLatin1Char('x'));
        for (int i = 0; i < 200; ++i) {
            server->emitEvent(QStringLiteral("bulk"), { chunk });
            QCoreApplication::processEvents(); // let the server flush between broadcasts
        }
        QTRY_VERIFY_WITH_TIMEOUT(gone.size() >= 1, 10000);
        QCOMPARE(gone.at(0).at(1).toString(), QStringLiteral("transport error"));
        QCOMPARE(server->connectionStats().total, 1);
        QTRY_COMPARE_WITH_TIMEOUT(received, 200, 20000); // the reader got everything
    }

    void closeDisconnectsEveryone()
    {
        auto server = makeServer();
        QSignalSpy serverGone(server.get(), &Server::disconnected);
        Client client(urlOf(*server), ownConnection());
        QSignalSpy clientGone(&client, &Client::disconnected);
        QVERIFY(connectClient(client));
        server->close();
        QVERIFY(!server->isListening());
        QTRY_COMPARE(serverGone.size(), 1);
        QCOMPARE(serverGone.at(0).at(1).toString(), QStringLiteral("server shutting down"));
        QTRY_COMPARE(clientGone.size(), 1);
    }
};

QTEST_MAIN(tst_Server)
#include "tst_server.moc"
