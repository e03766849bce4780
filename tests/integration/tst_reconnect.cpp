// The client's reconnection: after a server restart, giving up, not after a kick, and the
// backoff delays between attempts.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"

#include <QtTest>

#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::ownConnection;
using TestKit::startEchoServer;
using TestKit::urlOf;

class tst_Reconnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kickedClientDoesNotReconnect()
    {
        auto server = startEchoServer();
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

    void reconnectsAfterServerRestart()
    {
        auto server = startEchoServer();
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
        auto server = startEchoServer();
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
};

QTEST_MAIN(tst_Reconnect)
#include "tst_reconnect.moc"
