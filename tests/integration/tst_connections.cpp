// Connection management: disconnects from either side, limits, timeouts, heartbeats, slow
// consumers and shutdown.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"

#include <QTcpSocket>
#include <QWebSocket>
#include <QtTest>

#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::engineUrl;
using TestKit::ownConnection;
using TestKit::startEchoServer;
using TestKit::urlOf;

class tst_Connections : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverDisconnectsSocket()
    {
        auto server = startEchoServer();
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
        auto server = startEchoServer();
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

    void clientCloses()
    {
        auto server = startEchoServer();
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

    void maxConnectionsRefusesCleanly()
    {
        ServerOptions options;
        options.maxConnections = 2;
        auto server = startEchoServer(options);
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
        auto server = startEchoServer(options);
        QSignalSpy connErrors(server.get(), &Server::connectionError);
        QWebSocket raw;
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        QStringList texts;
        QObject::connect(
            &raw, &QWebSocket::textMessageReceived, [&](const QString &t) { texts.append(t); });
        raw.open(engineUrl(*server));
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
        auto server = startEchoServer(options);
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
        silent.open(engineUrl(*server));
        QTRY_COMPARE_WITH_TIMEOUT(closed.size(), 1, 3000);
        QCOMPARE(pings, 1);

        // A fixed wait on purpose: the claim is that nothing happens (the answering client
        // is not dropped) over several ping rounds; a non-answering one is dropped after
        // 250 ms, so 600 ms would catch a client that fails to answer from the second round.
        QTest::qWait(600);
        QVERIFY(alive.isConnected());
        QVERIFY(ask(alive, QStringLiteral("echo"), { 1 }).isOk());
    }

    void slowConsumerIsDroppedOthersServed()
    {
        ServerOptions options;
        options.maxOutputBuffer = 256 * 1024;
        auto server = startEchoServer(options);
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
        auto server = startEchoServer();
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

QTEST_MAIN(tst_Connections)
#include "tst_connections.moc"
