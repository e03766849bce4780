// The real socket.io-client 4.8 (npm) against our server: each scenario is a Node run
// (tests/interop/node/client-scenarios.js) that asserts the client's view; this side
// asserts the server's.
#include <smartsocket/smartsocket.h>

#include "nodeprocess.h"
#include "testkit.h"

#include <QWebSocket>
#include <QtTest>

#include <memory>

using namespace SmartSocket;

class tst_NodeClientVsServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<Server> m_server;
    QString m_dir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);
    std::optional<AckResult> m_serverAck;
    QStringList m_connectedNamespaces;

    QString runScenario(const QString &scenario)
    {
        return TestKit::runNodeScript(QStringLiteral(SMARTSOCKET_NODE), m_dir,
            m_dir + QStringLiteral("/node/client-scenarios.js"),
            { QStringLiteral("ws://127.0.0.1:%1").arg(m_server->port()), scenario });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(m_dir + QStringLiteral("/node_modules/socket.io-client")))
            SMARTSOCKET_SKIP_OR_FAIL(
                "socket.io-client is not installed: run `npm ci --prefix tests/interop`");
        // Every SmartSocket feature is enabled (the extensions not required): clients that do
        // not ask for them (socket.io-client) must see plain Socket.IO. (wss with Node's client
        // is tst_nodeclient_tls.)
        ServerOptions options;
        options.enableCompression = true;
        options.compressionThreshold = 16;
        options.enableEncryption = true;
        options.encryptionKey = QByteArray(64, 'e');
        options.enableRateLimiting = true; // generous: only the rate-limited scenario's
        options.rateLimitMaxRequests = 10000; // own event limit refuses anything
        options.enableConnectionPooling = true;
        options.poolSize = 8;
        options.maxPoolSize = 64;
        m_server = std::make_unique<Server>(options);
        Server *server = m_server.get();
        server->defaultNamespace()->useConnect([](Socket *socket, const Next &next) {
            if (socket->handshake().auth().value(QStringLiteral("token")) != QStringLiteral("123"))
                return next(Error(QStringLiteral("Not authorized"),
                    QVariantMap { { QStringLiteral("code"), 7 } }));
            socket->data().insert(QStringLiteral("user"), QStringLiteral("alice"));
            next();
        });
        server->use([](Socket *, const QString &event, QVariantList &, const Next &next) {
            if (event == QStringLiteral("secret"))
                return next(Error(QStringLiteral("Not authenticated"), {}, QStringLiteral("AUTH")));
            next();
        });
        const auto echo = [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); };
        server->on(QStringLiteral("echo"), echo);
        server->on(QStringLiteral("whoami"), [](Socket *s, const QVariantList &, const Ack &ack) {
            ack({ s->data().value(QStringLiteral("user")) });
        });
        const auto where
            = [](Socket *s, const QVariantList &, const Ack &ack) { ack({ s->nsp()->name() }); };
        server->on(QStringLiteral("where"), where);
        server->of(QStringLiteral("/chat"))->on(QStringLiteral("where"), where);
        server->on(QStringLiteral("engine-connections"),
            [server](Socket *, const QVariantList &, const Ack &ack) {
                ack({ server->connectionStats().total });
            });
        server->on(QStringLiteral("slow"), [](Socket *, const QVariantList &) {});
        server->on(QStringLiteral("limited"), echo);
        server->setEventRateLimit(QStringLiteral("limited"), RateLimit { 60000, 2 });
        server->on(QStringLiteral("shout"), [](Socket *s, const QVariantList &args) {
            s->broadcast().emitEvent(QStringLiteral("heard"), args);
        });
        server->on(QStringLiteral("broadcast"), [server](Socket *, const QVariantList &args) {
            server->emitEvent(QStringLiteral("bcast"), args);
        });
        server->on(QStringLiteral("join"), [](Socket *s, const QVariantList &args, const Ack &ack) {
            s->join(args.value(0).toString());
            ack();
        });
        server->on(QStringLiteral("to-room"), [](Socket *s, const QVariantList &args) {
            s->to(args.value(0).toString()).emitEvent(QStringLiteral("room-msg"), args);
        });
        server->on(QStringLiteral("push-me"), [](Socket *s, const QVariantList &) {
            s->emitEvent(
                QStringLiteral("push"), { QByteArray("\xff\x00\xfe", 3), QStringLiteral("text") });
        });
        server->on(QStringLiteral("kick-me"),
            [](Socket *s, const QVariantList &) { s->disconnectFromClient(); });
        // A raw peer that negotiates compression and sends invalid UTF-8 inside an extension
        // frame to a room; answered once the server closed it ("closed <code>").
        server->on(QStringLiteral("bad-relay"),
            [this](Socket *, const QVariantList &args, const Ack &ack) {
                auto *raw = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
                // In an object: the relay cache re-sends it as the exact text that came in.
                const QByteArray packet = "42[\"to-room\",\"" + args.value(0).toString().toUtf8()
                    + "\",{\"text\":\"bad \xff\xfe text\"}]";
                connect(
                    raw, &QWebSocket::textMessageReceived, raw, [raw, packet](const QString &text) {
                        if (text.startsWith(QLatin1String("0{")))
                            raw->sendTextMessage(QStringLiteral("40{\"token\":\"123\"}"));
                        else if (text.startsWith(QLatin1String("40{")))
                            raw->sendBinaryMessage('\x00' + packet); // uncompressed, text
                    });
                connect(raw, &QWebSocket::disconnected, raw, [raw, ack] {
                    ack({ QStringLiteral("closed %1").arg(int(raw->closeCode())) });
                    raw->deleteLater();
                });
                raw->open(QUrl(QStringLiteral(
                    "ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&ssx=deflate")
                                   .arg(m_server->port())));
            });
        connect(server, &Server::connected, this, [this](Socket *socket) {
            m_connectedNamespaces.append(socket->nsp()->name());
            if (socket->handshake().query().value(QStringLiteral("scenario"))
                != QStringLiteral("server-ack"))
                return;
            QPointer<Socket> guard(socket);
            socket->emitWithAck(
                QStringLiteral("question"), { 21 },
                [this, guard](const AckResult &r) {
                    m_serverAck = r;
                    if (guard)
                        guard->emitEvent(QStringLiteral("verdict"),
                            { r.isOk() && r.value().toInt() == 42, r.errorString() });
                },
                5000);
        });
        QVERIFY(server->listen());
    }

    void scenario_data()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : { "connect-with-auth", "connect-refused", "unknown-namespace",
                 "namespaces-one-connection", "ack-both-ways", "ack-timeout", "broadcast", "binary",
                 "middleware-error", "server-disconnect", "rate-limited", "utf8-relay" })
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void scenario()
    {
        QFETCH(QString, name);
        m_serverAck.reset();
        m_connectedNamespaces.clear();
        const QString output = runScenario(name);
        QVERIFY2(output.contains(QStringLiteral("PASS ") + name), qPrintable(output));
        if (name == QStringLiteral("ack-both-ways")) {
            QVERIFY(m_serverAck.has_value());
            QVERIFY(m_serverAck->isOk());
            QCOMPARE(m_serverAck->value().toInt(), 42);
        } else if (name == QStringLiteral("namespaces-one-connection")) {
            QCOMPARE(m_connectedNamespaces.size(), 2);
            QVERIFY(m_connectedNamespaces.contains(QStringLiteral("/chat")));
        } else if (name == QStringLiteral("connect-refused")) {
            QVERIFY(m_connectedNamespaces.isEmpty());
        }
        // Every scenario's connections are gone afterwards.
        QTRY_COMPARE(m_server->connectionStats().total, 0);
    }
};

QTEST_MAIN(tst_NodeClientVsServer)
#include "tst_nodeclient_vs_server.moc"
