// Listening, connecting, the handshake and middleware (connect-time and per event):
// our client against our server on loopback.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"

#include <QWebSocket>
#include <QtTest>

#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::ownConnection;
using TestKit::startEchoServer;
using TestKit::urlOf;

class tst_Handshake : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listenPicksAPort()
    {
        auto server = startEchoServer();
        QVERIFY(server->isListening());
        QVERIFY(server->port() != 0);
        QCOMPARE(server->options().path, QStringLiteral("/socket.io/"));
    }

    void listenFailsOnBusyPort()
    {
        auto first = startEchoServer();
        Server second;
        QVERIFY(!second.listen(QHostAddress::LocalHost, first->port()));
        QVERIFY(!second.errorString().isEmpty());
    }

    void connectAndEchoWithAck()
    {
        auto server = startEchoServer();
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
        auto server = startEchoServer(options);
        Client explicitPath(urlOf(*server, QStringLiteral("/custom/")), ownConnection());
        QVERIFY(connectClient(explicitPath));
        ClientOptions viaOption = ownConnection();
        viaOption.path = QStringLiteral("/custom");
        Client httpUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server->port())), viaOption);
        QVERIFY(connectClient(httpUrl));
    }

    void unknownNamespaceIsRefused()
    {
        auto server = startEchoServer();
        Client client(urlOf(*server), ownConnection(QStringLiteral("/random")));
        QSignalSpy errors(&client, &Client::errorOccurred);
        client.open();
        QTRY_VERIFY(errors.size() >= 1);
        QCOMPARE(errors.at(0).at(0).value<Error>().message(), QStringLiteral("Invalid namespace"));
        QVERIFY(!client.isConnected());
    }

    void connectMiddlewareAuth()
    {
        auto server = startEchoServer();
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
        auto server = startEchoServer();
        server->useConnect(
            [](Socket *, const Next &next) { QTimer::singleShot(50, [next] { next(); }); });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
    }

    void eventMiddlewareChainAndErrors()
    {
        auto server = startEchoServer();
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
        auto server = startEchoServer();
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

    void socketDataAndHandshake()
    {
        auto server = startEchoServer();
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

    void percentEncodedQueryAndEmptySid()
    {
        auto server = startEchoServer();
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
};

QTEST_MAIN(tst_Handshake)
#include "tst_handshake.moc"
