// Client + Internal::Manager against a scripted Engine.IO peer (QWebSocketServer): URL and
// headers, heartbeat, protocol errors, timeouts, and teardown at awkward moments.

#include "client/manager.h"

#include <smartsocket/client.h>

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace SmartSocket;
using SmartSocket::Internal::Manager;

namespace {

// A minimal Engine.IO v4 peer driven by the test.
class FakeServer : public QObject
{
    Q_OBJECT
public:
    FakeServer() : server(QStringLiteral("fake"), QWebSocketServer::NonSecureMode)
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QWebSocketServer::newConnection, this, [this] {
            while (QWebSocket *ws = server.nextPendingConnection()) {
                ws->setParent(this);
                sockets.append(ws);
                requests.append(ws->request());
                connect(ws, &QWebSocket::textMessageReceived, this,
                    [this](const QString &m) { received.append(m); });
                if (autoOpen)
                    ws->sendTextMessage(openPacket);
                Q_EMIT connected(ws);
            }
        });
    }
    QUrl url(const QString &path = QString()) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(server.serverPort()).arg(path));
    }
    QWebSocket *last() const { return sockets.isEmpty() ? nullptr : sockets.last().data(); }
    // Answers every CONNECT with a CONNECT reply.
    void autoAcceptConnects()
    {
        connect(this, &FakeServer::connected, this, [](QWebSocket *ws) {
            connect(ws, &QWebSocket::textMessageReceived, ws, [ws](const QString &m) {
                if (!m.startsWith(QLatin1String("40")))
                    return;
                QString nsp;
                if (m.startsWith(QLatin1String("40/"))) {
                    const qsizetype comma = m.indexOf(QLatin1Char(','));
                    nsp = m.mid(2, comma < 0 ? -1 : comma - 2) + QLatin1Char(',');
                }
                ws->sendTextMessage(
                    QStringLiteral("40") + nsp + QStringLiteral("{\"sid\":\"S1\"}"));
            });
        });
    }

    QWebSocketServer server;
    QList<QPointer<QWebSocket>> sockets;
    QList<QNetworkRequest> requests;
    QStringList received;
    bool autoOpen = true;
    QString openPacket = QStringLiteral(
        "0{\"sid\":\"E1\",\"upgrades\":[],\"pingInterval\":300,\"pingTimeout\":200,"
        "\"maxPayload\":1000000}");

Q_SIGNALS:
    void connected(QWebSocket *ws);
};

ClientOptions quickOptions()
{
    ClientOptions options;
    options.reconnectDelay = 50;
    options.reconnectDelayMax = 100;
    options.connectTimeout = 2000;
    return options;
}

} // namespace

class tst_ClientManager : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void engineUrl_data();
    void engineUrl();
    void handshakeRequest();
    void pingAnsweredAndWatchdog();
    void parseErrorCloses();
    void engineCloseReconnects();
    void openTimeout();
    void connectReplyTimeout();
    void sharedManagerLifetime();
    void deleteManagerWhileConnected();
    void deleteManagerWhileReconnecting();
    void deleteClientDuringHandshake();
};

void tst_ClientManager::engineUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QVariantMap>("query");
    QTest::addColumn<QString>("expected"); // empty: refused

    const QVariantMap none;
    QTest::newRow("ws default path")
        << "ws://localhost:3000"
        << "/socket.io/" << none << "ws://localhost:3000/socket.io/?EIO=4&transport=websocket";
    QTest::newRow("slash uses option")
        << "ws://h:1/"
        << "/custom/" << none << "ws://h:1/custom/?EIO=4&transport=websocket";
    QTest::newRow("explicit path kept")
        << "ws://h:1/engine"
        << "/socket.io/" << none << "ws://h:1/engine?EIO=4&transport=websocket";
    QTest::newRow("http to ws, default port")
        << "http://h"
        << "/socket.io/" << none << "ws://h:80/socket.io/?EIO=4&transport=websocket";
    QTest::newRow("https to wss") << "https://h"
                                  << "/socket.io/" << none
                                  << "wss://h:443/socket.io/?EIO=4&transport=websocket";
    QTest::newRow("url query kept, EIO replaced")
        << "ws://h:1/?a=1&EIO=3&b=x%20y"
        << "/socket.io/" << none << "ws://h:1/socket.io/?EIO=4&transport=websocket&a=1&b=x%20y";
    QTest::newRow("options.query encoded")
        << "ws://h:1"
        << "/socket.io/"
        << QVariantMap { { QStringLiteral("k"), QStringLiteral("a+b&c=d") },
               { QStringLiteral("n"), 5 } }
        << "ws://h:1/socket.io/?EIO=4&transport=websocket&k=a%2Bb%26c%3Dd&n=5";
    QTest::newRow("bad scheme") << "ftp://h"
                                << "/socket.io/" << none << "";
    QTest::newRow("no host") << "ws:///x"
                             << "/socket.io/" << none << "";
}

void tst_ClientManager::engineUrl()
{
    QFETCH(QString, url);
    QFETCH(QString, path);
    QFETCH(QVariantMap, query);
    QFETCH(QString, expected);
    ClientOptions options;
    options.path = path;
    options.query = query;
    QString error;
    const QUrl result = Manager::engineUrl(QUrl(url), options, &error);
    if (expected.isEmpty()) {
        QVERIFY(!result.isValid());
        QVERIFY(!error.isEmpty());
    } else {
        QCOMPARE(result.toString(QUrl::FullyEncoded), expected);
    }
}

void tst_ClientManager::handshakeRequest()
{
    FakeServer server;
    server.autoAcceptConnects();
    ClientOptions options = quickOptions();
    options.extraHeaders = { { "X-Token", "abc" } };
    options.query = { { QStringLiteral("room"), QStringLiteral("r1") } };
    options.auth = { { QStringLiteral("token"), QStringLiteral("t") } };
    options.namespaceName = QStringLiteral("chat"); // leading slash added
    Client client(server.url(), options);
    QCOMPARE(client.namespaceName(), QStringLiteral("/chat"));
    QSignalSpy connected(&client, &Client::connected);
    client.open();
    QVERIFY(connected.wait(5000));
    QCOMPARE(client.id(), QStringLiteral("S1"));
    QCOMPARE(server.requests.size(), 1);
    const QNetworkRequest request = server.requests.first();
    QCOMPARE(request.url().path(), QStringLiteral("/socket.io/"));
    QCOMPARE(request.url().query(), QStringLiteral("EIO=4&transport=websocket&room=r1"));
    QCOMPARE(request.rawHeader("X-Token"), QByteArray("abc"));
    QCOMPARE(server.received.value(0), QStringLiteral("40/chat,{\"token\":\"t\"}"));
    QCOMPARE(Manager::of(&client)->engineId(), QStringLiteral("E1"));
}

void tst_ClientManager::pingAnsweredAndWatchdog()
{
    FakeServer server;
    server.autoAcceptConnects();
    Client client(server.url(), quickOptions());
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy disconnected(&client, &Client::disconnected);
    client.open();
    QVERIFY(connected.wait(5000));
    // Pings within pingInterval + pingTimeout (500 ms) keep the connection.
    for (int i = 0; i < 4; ++i) {
        server.last()->sendTextMessage(QStringLiteral("2"));
        QTRY_COMPARE(server.received.count(QStringLiteral("3")), i + 1);
        QTest::qWait(300);
    }
    QCOMPARE(disconnected.size(), 0);
    // Then silence: the watchdog closes it.
    QVERIFY(disconnected.wait(2000));
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("ping timeout"));
    // ... and the client reconnects.
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 2, 5000);
    QCOMPARE(server.sockets.size(), 2);
}

void tst_ClientManager::parseErrorCloses()
{
    FakeServer server;
    server.autoAcceptConnects();
    ClientOptions options = quickOptions();
    options.reconnection = false;
    Client client(server.url(), options);
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy disconnected(&client, &Client::disconnected);
    client.open();
    QVERIFY(connected.wait(5000));
    server.last()->sendTextMessage(QStringLiteral("42[\"ok\",1]"));
    server.last()->sendTextMessage(QStringLiteral("4garbage"));
    QVERIFY(disconnected.wait(2000));
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("parse error"));
    QVERIFY(!client.isConnected());
    // A binary frame nobody announced is a parse error too.
    client.open();
    QTRY_VERIFY(client.isConnected());
    server.last()->sendBinaryMessage(QByteArray("\x01", 1));
    QTRY_COMPARE(disconnected.size(), 2);
    QCOMPARE(disconnected.at(1).at(0).toString(), QStringLiteral("parse error"));
}

void tst_ClientManager::engineCloseReconnects()
{
    FakeServer server;
    server.autoAcceptConnects();
    Client client(server.url(), quickOptions());
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy disconnected(&client, &Client::disconnected);
    QSignalSpy reconnected(&client, &Client::reconnected);
    client.open();
    QVERIFY(connected.wait(5000));
    server.last()->close();
    QVERIFY(disconnected.wait(2000));
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("transport close"));
    QTRY_COMPARE(reconnected.size(), 1);
    QCOMPARE(connected.size(), 2);
}

void tst_ClientManager::openTimeout()
{
    FakeServer server;
    server.autoOpen = false; // the WebSocket opens, the Engine.IO open packet never comes
    ClientOptions options = quickOptions();
    options.connectTimeout = 200;
    options.maxReconnectAttempts = 1;
    Client client(server.url(), options);
    QSignalSpy errors(&client, &Client::errorOccurred);
    QSignalSpy failed(&client, &Client::reconnectFailed);
    client.open();
    QVERIFY(errors.wait(3000));
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), QStringLiteral("timeout"));
    QVERIFY(failed.wait(3000));
    QCOMPARE(errors.size(), 2);
    QCOMPARE(server.sockets.size(), 2);
}

void tst_ClientManager::connectReplyTimeout()
{
    FakeServer server; // opens, but never answers CONNECT
    ClientOptions options = quickOptions();
    options.connectTimeout = 200;
    Client client(server.url(), options);
    QSignalSpy errors(&client, &Client::errorOccurred);
    client.open();
    QVERIFY(errors.wait(3000));
    QCOMPARE(errors.at(0).at(0).value<Error>().code(), QStringLiteral("timeout"));
    QVERIFY(!client.isConnected());
    // A late reply is answered with DISCONNECT: the namespace is left again.
    if (server.last())
        server.last()->sendTextMessage(QStringLiteral("40{\"sid\":\"late\"}"));
    QTest::qWait(100);
    QVERIFY(!client.isConnected());
}

void tst_ClientManager::sharedManagerLifetime()
{
    FakeServer server;
    server.autoAcceptConnects();
    ClientOptions chatOptions = quickOptions();
    chatOptions.namespaceName = QStringLiteral("/chat");
    auto *root = new Client(server.url(), quickOptions());
    auto *chat = new Client(server.url(), chatOptions);
    QPointer<Manager> manager = Manager::of(root);
    QVERIFY(manager);
    QCOMPARE(Manager::of(chat), manager.data());
    ClientOptions own = quickOptions();
    own.multiplex = false;
    Client separate(server.url(), own);
    QVERIFY(Manager::of(&separate) != manager.data());

    root->open();
    chat->open();
    QTRY_VERIFY(root->isConnected() && chat->isConnected());
    QCOMPARE(server.sockets.size(), 1);
    delete root;
    QVERIFY(manager); // chat still uses it
    QTRY_VERIFY(server.received.contains(QStringLiteral("41")));
    delete chat;
    QVERIFY(manager.isNull()); // gone with its last client
    QTRY_VERIFY(server.sockets.first().isNull()
        || server.sockets.first()->state() != QAbstractSocket::ConnectedState);
}

void tst_ClientManager::deleteManagerWhileConnected()
{
    FakeServer server;
    server.autoAcceptConnects();
    Client client(server.url(), quickOptions());
    QSignalSpy disconnected(&client, &Client::disconnected);
    AckCallback noop = [](const AckResult &) {};
    AckResult result;
    client.open();
    QTRY_VERIFY(client.isConnected());
    client.emitEvent(QStringLiteral("x"), {}, [&](const AckResult &r) { result = r; });
    delete Manager::of(&client);
    QCOMPARE(Manager::of(&client), nullptr);
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(result.status(), AckResult::Status::Disconnected);
    // open() finds a new Manager.
    client.open();
    QTRY_VERIFY(client.isConnected());
}

void tst_ClientManager::deleteManagerWhileReconnecting()
{
    FakeServer server;
    server.autoAcceptConnects();
    ClientOptions options = quickOptions();
    options.reconnectDelay = 200;
    Client client(server.url(), options);
    client.open();
    QTRY_VERIFY(client.isConnected());
    server.server.close();
    server.last()->abort();
    QSignalSpy reconnecting(&client, &Client::reconnecting);
    QVERIFY(reconnecting.wait(3000));
    delete Manager::of(&client);
    QTest::qWait(500);
    QCOMPARE(reconnecting.size(), 1);
}

void tst_ClientManager::deleteClientDuringHandshake()
{
    FakeServer server;
    server.autoOpen = false;
    for (int i = 0; i < 5; ++i) {
        auto *client = new Client(server.url(), quickOptions());
        client->open();
        QTRY_COMPARE(server.sockets.size(), i + 1); // WebSocket up, open packet pending
        delete client;
    }
    // Delete from inside the open packet's handling (connected signal of another client).
    server.autoOpen = true;
    server.autoAcceptConnects();
    QPointer<Client> client = new Client(server.url(), quickOptions());
    connect(client.data(), &Client::connected, client.data(), [&] { delete client.data(); });
    client->open();
    QTRY_VERIFY(client.isNull());
    QTest::qWait(50);
}

QTEST_GUILESS_MAIN(tst_ClientManager)
#include "tst_clientmanager.moc"
