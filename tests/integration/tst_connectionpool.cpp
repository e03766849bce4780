// Connection pooling through real connections: a pooled server under connect/disconnect churn
// gives every connection a clean session (no data, rooms, pending acks or decoder state from
// the previous user of the pooled object).
#include <smartsocket/smartsocket.h>

#include <QWebSocket>
#include <QtTest>

#include <memory>
#include <optional>

using namespace SmartSocket;

class tst_ConnectionPool : public QObject
{
    Q_OBJECT

    std::unique_ptr<Server> m_server;
    int m_failedServerAcks = 0;

    ClientOptions ownConnection()
    {
        ClientOptions o;
        o.multiplex = false;
        o.reconnection = false;
        return o;
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_server->port())); }

private Q_SLOTS:
    void initTestCase()
    {
        ServerOptions options;
        options.host = QHostAddress::LocalHost;
        options.port = 0;
        options.enableConnectionPooling = true;
        options.poolSize = 8;
        options.maxPoolSize = 32;
        options.poolGrowthRate = 0.5;
        m_server = std::make_unique<Server>(options);
        // What a connection sees of its own state, then it dirties it for the next one.
        m_server->on(QStringLiteral("state"), [](Socket *s, const QVariantList &, const Ack &ack) {
            const QVariantMap state { { QStringLiteral("data"), s->data().size() },
                { QStringLiteral("rooms"), s->rooms().size() } };
            s->data().insert(QStringLiteral("secret"), s->id());
            s->join(QStringLiteral("room-of-") + s->id());
            s->join(QStringLiteral("shared"));
            ack({ state });
        });
        m_server->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        // A server-side ack left pending at disconnect: must fail, never leak to the next user.
        connect(m_server.get(), &Server::connected, this, [this](Socket *socket) {
            socket->emitWithAck(
                QStringLiteral("never-answered"), {},
                [this](const AckResult &r) {
                    if (r.status() == AckResult::Status::Disconnected)
                        ++m_failedServerAcks;
                },
                0);
        });
        QVERIFY(m_server->listen());
        QCOMPARE(m_server->poolStats().value(QStringLiteral("capacity")).toInt(), 8);
    }

    void churn()
    {
        constexpr int kRounds = 15;
        constexpr int kPerRound = 20; // 300 connections, 20 at a time
        int connections = 0;
        for (int round = 0; round < kRounds; ++round) {
            std::vector<std::unique_ptr<Client>> clients;
            for (int i = 0; i < kPerRound; ++i) {
                clients.push_back(std::make_unique<Client>(url(), ownConnection()));
                clients.back()->open();
            }
            for (auto &client : clients)
                QTRY_VERIFY_WITH_TIMEOUT(client->isConnected(), 10000);
            for (auto &client : clients) {
                std::optional<AckResult> state;
                client->emitEvent(
                    QStringLiteral("state"), {}, [&](const AckResult &r) { state = r; }, 5000);
                QTRY_VERIFY_WITH_TIMEOUT(state.has_value(), 10000);
                QVERIFY(state->isOk());
                const QVariantMap map = state->value().toMap();
                QCOMPARE(map.value(QStringLiteral("data")).toInt(), 0);
                QCOMPARE(map.value(QStringLiteral("rooms")).toInt(), 1); // its own id only
                std::optional<AckResult> echo;
                client->emitEvent(
                    QStringLiteral("echo"), { round, QByteArray("\x01\x02", 2) },
                    [&](const AckResult &r) { echo = r; }, 5000);
                QTRY_VERIFY_WITH_TIMEOUT(echo.has_value(), 10000);
                QCOMPARE(echo->args().value(0).toInt(), round);
                QCOMPARE(echo->args().value(1).toByteArray(), QByteArray("\x01\x02", 2));
                ++connections;
            }
            // One raw connection per round leaves its decoder mid-packet (a binary event
            // whose attachment never comes) and goes away.
            QWebSocket raw;
            raw.open(
                QUrl(url().toString() + QStringLiteral("/socket.io/?EIO=4&transport=websocket")));
            QSignalSpy texts(&raw, &QWebSocket::textMessageReceived);
            QTRY_VERIFY_WITH_TIMEOUT(texts.count() >= 1, 5000); // open packet
            raw.sendTextMessage(QStringLiteral("40"));
            QTRY_VERIFY_WITH_TIMEOUT(texts.count() >= 2, 5000); // CONNECT reply
            const QString halfEvent
                = QStringLiteral("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]");
            const quint64 readBefore = m_server->connectionStats().bytesIn;
            raw.sendTextMessage(halfEvent);
            // Closed only once the server has read the half event (the others are idle).
            QTRY_VERIFY(
                m_server->connectionStats().bytesIn >= readBefore + quint64(halfEvent.size()));
            raw.close();
            clients.clear();
            QTRY_COMPARE_WITH_TIMEOUT(m_server->connectionStats().total, 0, 10000);
            QCOMPARE(m_server->to(QStringLiteral("shared")).emitEvent(QStringLiteral("x")), 0);
        }
        QCOMPARE(connections, kRounds * kPerRound);
        QTRY_COMPARE_WITH_TIMEOUT(m_failedServerAcks, kRounds * (kPerRound + 1), 5000);
        const QVariantMap pool = m_server->poolStats();
        QVERIFY(pool.value(QStringLiteral("enabled")).toBool());
        QVERIFY(pool.value(QStringLiteral("capacity")).toInt() <= 32);
        QVERIFY2(pool.value(QStringLiteral("reused")).toULongLong() > 200,
            qPrintable(QString::number(pool.value(QStringLiteral("reused")).toULongLong())));
        QCOMPARE(pool.value(QStringLiteral("acquired")).toULongLong(),
            quint64(kRounds * (kPerRound + 1)));
    }
};

QTEST_MAIN(tst_ConnectionPool)
#include "tst_connectionpool.moc"
