// smartsocket-chat-server as a user runs it (the real program, started with QProcess), driven
// by SmartSocket clients: joining, sending, leaving, user lists, history, validation, rate
// limiting, room isolation, encryption, shutdown. Skipped when the demos are not built.

#include "clienthelpers.h"
#include "demoserver.h"

#include <smartsocket/smartsocket.h>

#include <QtTest>

#include <memory>

using SmartSocket::Client;
using SmartSocket::ClientOptions;
using TestKit::DemoServer;

namespace {

const QString kServer = QStringLiteral("smartsocket-chat-server");

/// One chat user: a client on /chat that records every event it receives.
class Peer
{
public:
    explicit Peer(const QUrl &url, const ClientOptions &extra = {})
    {
        ClientOptions options = extra;
        options.namespaceName = QStringLiteral("/chat");
        options.reconnection = false;
        client = std::make_unique<Client>(url, options);
        client->onAny([this](const QString &event, const QVariantList &args) {
            events.append({ event, args.value(0).toMap() });
        });
    }

    bool connect() { return TestKit::connectClient(*client); }

    QVariantMap ask(const QString &event, const QVariantMap &payload)
    {
        const SmartSocket::AckResult result = TestKit::ask(*client, event, { payload });
        return result.isOk()
            ? result.value().toMap()
            : QVariantMap { { QStringLiteral("ackFailed"), result.errorString() } };
    }
    QVariantMap join(const QString &room, const QString &name)
    {
        return ask(QStringLiteral("join-room"),
            { { QStringLiteral("room"), room }, { QStringLiteral("username"), name } });
    }
    QVariantMap send(const QString &text, const QString &room = {})
    {
        QVariantMap payload { { QStringLiteral("text"), text } };
        if (!room.isEmpty())
            payload.insert(QStringLiteral("room"), room);
        return ask(QStringLiteral("send-message"), payload);
    }

    /// Payloads of the events named `event` received so far.
    QList<QVariantMap> received(const QString &event) const
    {
        QList<QVariantMap> list;
        for (const auto &e : events) {
            if (e.first == event)
                list.append(e.second);
        }
        return list;
    }
    /// Waits for an event whose payload has `key` == `value`.
    bool waitFor(const QString &event, const QString &key, const QVariant &value, int ms = 5000)
    {
        QDeadlineTimer deadline(ms);
        do {
            for (const QVariantMap &payload : received(event)) {
                if (payload.value(key) == value)
                    return true;
            }
            QTest::qWait(5);
        } while (!deadline.hasExpired());
        return false;
    }

    std::unique_ptr<Client> client;
    QList<QPair<QString, QVariantMap>> events;
};

QStringList strings(const QVariant &list)
{
    QStringList out;
    for (const QVariant &v : list.toList())
        out.append(v.toString());
    return out;
}

} // namespace

class tst_ChatServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void joinSendReceive();
    void roomIsolation();
    void userLists();
    void leaveRoom();
    void history();
    void validation();
    void rateLimit();
    void badJoins();
    void listRooms();
    void encryption();
    void shutdownAndFlags();

private:
    std::unique_ptr<DemoServer> startServer(const QStringList &arguments = {});
};

void tst_ChatServer::initTestCase()
{
    if (!DemoServer::isBuilt(kServer))
        QSKIP("smartsocket-chat-server not built next to the test (SMARTSOCKET_DEMOS=OFF?)");
}

std::unique_ptr<DemoServer> tst_ChatServer::startServer(const QStringList &arguments)
{
    auto server = std::make_unique<DemoServer>(kServer, arguments);
    if (!server->start())
        qWarning() << server->errorString();
    return server;
}

void tst_ChatServer::joinSendReceive()
{
    auto server = startServer();
    QVERIFY(server->port());
    Peer alice(server->url());
    Peer bob(server->url());
    QVERIFY(alice.connect());
    QVERIFY(bob.connect());

    QVariantMap ack = alice.join(QStringLiteral("general"), QStringLiteral("alice"));
    QCOMPARE(ack.value(QStringLiteral("joined")).toBool(), true);
    QCOMPARE(strings(ack.value(QStringLiteral("users"))), QStringList { QStringLiteral("alice") });
    QVERIFY(ack.value(QStringLiteral("history")).toList().isEmpty());
    ack = bob.join(QStringLiteral("general"), QStringLiteral("bob"));
    QCOMPARE(strings(ack.value(QStringLiteral("users"))),
        QStringList({ QStringLiteral("alice"), QStringLiteral("bob") }));
    // Alice, in the room already, hears about Bob.
    QVERIFY(alice.waitFor(
        QStringLiteral("user-joined"), QStringLiteral("username"), QStringLiteral("bob")));
    const QVariantMap joined = alice.received(QStringLiteral("user-joined")).constLast();
    QCOMPARE(joined.value(QStringLiteral("room")).toString(), QStringLiteral("general"));
    QVERIFY(joined.value(QStringLiteral("timestamp")).toLongLong() > 0);

    // The seed's payload: {text} in the room joined last.
    ack = alice.send(QStringLiteral("Hello everyone!"));
    QCOMPARE(ack.value(QStringLiteral("sent")).toBool(), true);
    QVERIFY(bob.waitFor(
        QStringLiteral("message"), QStringLiteral("text"), QStringLiteral("Hello everyone!")));
    const QVariantMap message = bob.received(QStringLiteral("message")).constFirst();
    QCOMPARE(message.value(QStringLiteral("from")).toString(), QStringLiteral("alice"));
    QCOMPARE(message.value(QStringLiteral("room")).toString(), QStringLiteral("general"));
    QCOMPARE(message.value(QStringLiteral("id")), ack.value(QStringLiteral("id")));
    QCOMPARE(message.value(QStringLiteral("timestamp")), ack.value(QStringLiteral("timestamp")));
    // The sender has the ack instead of a copy: Bob's reply arrives, Alice's own text does not.
    QCOMPARE(bob.send(QStringLiteral("hi alice")).value(QStringLiteral("sent")).toBool(), true);
    QVERIFY(alice.waitFor(
        QStringLiteral("message"), QStringLiteral("text"), QStringLiteral("hi alice")));
    QCOMPARE(alice.received(QStringLiteral("message")).size(), 1);
}

void tst_ChatServer::roomIsolation()
{
    auto server = startServer();
    Peer alice(server->url());
    Peer bob(server->url());
    Peer carol(server->url());
    Peer dave(server->url());
    for (Peer *p : { &alice, &bob, &carol, &dave })
        QVERIFY(p->connect());
    alice.join(QStringLiteral("general"), QStringLiteral("alice"));
    bob.join(QStringLiteral("general"), QStringLiteral("bob"));
    carol.join(QStringLiteral("random"), QStringLiteral("carol"));
    dave.join(QStringLiteral("random"), QStringLiteral("dave"));

    QCOMPARE(alice.send(QStringLiteral("for general only")).value(QStringLiteral("sent")).toBool(),
        true);
    QVERIFY(bob.waitFor(
        QStringLiteral("message"), QStringLiteral("text"), QStringLiteral("for general only")));
    // Dave's message is sent after Alice's was acked, so when Carol has it she would have had
    // Alice's too if it had leaked (one connection's events arrive in order).
    QCOMPARE(
        dave.send(QStringLiteral("for random only")).value(QStringLiteral("sent")).toBool(), true);
    QVERIFY(carol.waitFor(
        QStringLiteral("message"), QStringLiteral("text"), QStringLiteral("for random only")));
    QCOMPARE(carol.received(QStringLiteral("message")).size(), 1);
    for (const QString &event : { QStringLiteral("user-joined"), QStringLiteral("room-users") }) {
        for (const QVariantMap &payload : carol.received(event))
            QCOMPARE(payload.value(QStringLiteral("room")).toString(), QStringLiteral("random"));
    }
    QVERIFY(bob.waitFor(
        QStringLiteral("room-users"), QStringLiteral("room"), QStringLiteral("general")));
    QCOMPARE(bob.received(QStringLiteral("message")).size(), 1);
    for (const QVariantMap &payload : bob.received(QStringLiteral("user-joined")))
        QCOMPARE(payload.value(QStringLiteral("room")).toString(), QStringLiteral("general"));

    // A socket in two rooms sends to the one it names.
    QCOMPARE(alice.join(QStringLiteral("random"), QStringLiteral("alice"))
                 .value(QStringLiteral("joined"))
                 .toBool(),
        true);
    QCOMPARE(alice.send(QStringLiteral("to random"), QStringLiteral("random"))
                 .value(QStringLiteral("room"))
                 .toString(),
        QStringLiteral("random"));
    QVERIFY(carol.waitFor(
        QStringLiteral("message"), QStringLiteral("text"), QStringLiteral("to random")));
    QCOMPARE(bob.send(QStringLiteral("sentinel")).value(QStringLiteral("sent")).toBool(), true);
    QVERIFY(alice.waitFor(
        QStringLiteral("message"), QStringLiteral("text"), QStringLiteral("sentinel")));
    QVERIFY(!bob.waitFor(
        QStringLiteral("message"), QStringLiteral("text"), QStringLiteral("to random"), 0));
}

void tst_ChatServer::userLists()
{
    auto server = startServer();
    Peer alice(server->url());
    QVERIFY(alice.connect());
    alice.join(QStringLiteral("general"), QStringLiteral("alice"));
    {
        Peer bob(server->url());
        QVERIFY(bob.connect());
        bob.join(QStringLiteral("general"), QStringLiteral("bob"));
        QTRY_VERIFY(!alice.received(QStringLiteral("room-users")).isEmpty()
            && strings(alice.received(QStringLiteral("room-users"))
                           .constLast()
                           .value(QStringLiteral("users")))
                == QStringList({ QStringLiteral("alice"), QStringLiteral("bob") }));
        QVERIFY(alice.waitFor(QStringLiteral("room-list"), QStringLiteral("rooms"),
            QVariantList { QVariantMap { { QStringLiteral("name"), QStringLiteral("general") },
                               { QStringLiteral("users"), 2 } },
                QVariantMap { { QStringLiteral("name"), QStringLiteral("random") },
                    { QStringLiteral("users"), 0 } } }));
    }
    // Bob's client is gone: a disconnect is a leave.
    QVERIFY(alice.waitFor(
        QStringLiteral("user-left"), QStringLiteral("username"), QStringLiteral("bob")));
    QTRY_COMPARE(strings(alice.received(QStringLiteral("room-users"))
                             .constLast()
                             .value(QStringLiteral("users"))),
        QStringList { QStringLiteral("alice") });
}

void tst_ChatServer::leaveRoom()
{
    auto server = startServer();
    Peer alice(server->url());
    Peer bob(server->url());
    QVERIFY(alice.connect());
    QVERIFY(bob.connect());
    alice.join(QStringLiteral("general"), QStringLiteral("alice"));
    bob.join(QStringLiteral("general"), QStringLiteral("bob"));

    QVariantMap ack = bob.ask(QStringLiteral("leave-room"), {});
    QCOMPARE(ack.value(QStringLiteral("left")).toBool(), true);
    QCOMPARE(ack.value(QStringLiteral("room")).toString(), QStringLiteral("general"));
    QVERIFY(alice.waitFor(
        QStringLiteral("user-left"), QStringLiteral("username"), QStringLiteral("bob")));
    // Out of the room: no more messages from it, and sending there is refused.
    QCOMPARE(
        alice.send(QStringLiteral("bob is gone")).value(QStringLiteral("sent")).toBool(), true);
    ack = bob.send(QStringLiteral("still here?"), QStringLiteral("general"));
    QCOMPARE(ack.value(QStringLiteral("sent")).toBool(), false);
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("NOT_IN_ROOM"));
    ack = bob.ask(
        QStringLiteral("leave-room"), { { QStringLiteral("room"), QStringLiteral("general") } });
    QCOMPARE(ack.value(QStringLiteral("left")).toBool(), false);
    QVERIFY(bob.received(QStringLiteral("message")).isEmpty());
}

void tst_ChatServer::history()
{
    auto server = startServer({ QStringLiteral("--history"), QStringLiteral("3") });
    Peer alice(server->url());
    QVERIFY(alice.connect());
    alice.join(QStringLiteral("general"), QStringLiteral("alice"));
    for (int i = 1; i <= 5; ++i)
        QCOMPARE(
            alice.send(QStringLiteral("message %1").arg(i)).value(QStringLiteral("sent")).toBool(),
            true);

    Peer bob(server->url());
    QVERIFY(bob.connect());
    const QVariantList history = bob.join(QStringLiteral("general"), QStringLiteral("bob"))
                                     .value(QStringLiteral("history"))
                                     .toList();
    QCOMPARE(history.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QVariantMap entry = history.at(i).toMap();
        QCOMPARE(entry.value(QStringLiteral("text")).toString(),
            QStringLiteral("message %1").arg(i + 3));
        QCOMPARE(entry.value(QStringLiteral("from")).toString(), QStringLiteral("alice"));
        QCOMPARE(entry.value(QStringLiteral("room")).toString(), QStringLiteral("general"));
    }
    // History is per room.
    Peer carol(server->url());
    QVERIFY(carol.connect());
    QVERIFY(carol.join(QStringLiteral("random"), QStringLiteral("carol"))
                .value(QStringLiteral("history"))
                .toList()
                .isEmpty());
}

void tst_ChatServer::validation()
{
    auto server = startServer({ QStringLiteral("--max-message-length"), QStringLiteral("10") });
    Peer alice(server->url());
    QVERIFY(alice.connect());
    // join-room carries no text: the validation middleware is for send-message only.
    QCOMPARE(alice.join(QStringLiteral("general"), QStringLiteral("alice"))
                 .value(QStringLiteral("joined"))
                 .toBool(),
        true);

    QVariantMap ack = alice.send(QString());
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION"));
    QCOMPARE(ack.value(QStringLiteral("error")).toString(), QStringLiteral("Empty message"));
    ack = alice.send(QStringLiteral("   "));
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION"));
    ack = alice.send(QStringLiteral("12345678901"));
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION"));
    QVERIFY2(ack.value(QStringLiteral("error")).toString().contains(QStringLiteral("at most 10")),
        qPrintable(ack.value(QStringLiteral("error")).toString()));
    ack = alice.ask(QStringLiteral("send-message"), { { QStringLiteral("text"), 42 } });
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION"));
    // The refusal is visible as __error__ too, naming the event.
    QVERIFY(alice.waitFor(
        QStringLiteral("__error__"), QStringLiteral("event"), QStringLiteral("send-message")));
    QCOMPARE(alice.send(QStringLiteral("1234567890")).value(QStringLiteral("sent")).toBool(), true);
}

void tst_ChatServer::rateLimit()
{
    auto server = startServer({ QStringLiteral("--message-rate"), QStringLiteral("3:60000") });
    Peer alice(server->url());
    QVERIFY(alice.connect());
    alice.join(QStringLiteral("general"), QStringLiteral("alice"));
    for (int i = 0; i < 3; ++i)
        QCOMPARE(
            alice.send(QStringLiteral("m%1").arg(i)).value(QStringLiteral("sent")).toBool(), true);
    const QVariantMap ack = alice.send(QStringLiteral("one too many"));
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("RATE_LIMITED"));
    QVERIFY(ack.value(QStringLiteral("retryAfter")).toInt() > 0);
    QVERIFY(alice.waitFor(QStringLiteral("__rate-limited__"), QStringLiteral("event"),
        QStringLiteral("send-message")));
    // Only send-message is limited.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(alice.join(QStringLiteral("room%1").arg(i), QStringLiteral("alice"))
                     .value(QStringLiteral("joined"))
                     .toBool(),
            true);
    // Per client: another user still sends.
    Peer bob(server->url());
    QVERIFY(bob.connect());
    bob.join(QStringLiteral("general"), QStringLiteral("bob"));
    QCOMPARE(bob.send(QStringLiteral("hi")).value(QStringLiteral("sent")).toBool(), true);
}

void tst_ChatServer::badJoins()
{
    auto server = startServer();
    Peer alice(server->url());
    QVERIFY(alice.connect());
    QVariantMap ack = alice.join(QString(), QStringLiteral("alice"));
    QCOMPARE(ack.value(QStringLiteral("joined")).toBool(), false);
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("VALIDATION"));
    ack = alice.join(QStringLiteral("general"), QStringLiteral(" "));
    QCOMPARE(ack.value(QStringLiteral("joined")).toBool(), false);
    ack = alice.join(QStringLiteral("general"), QString(100, QLatin1Char('x')));
    QCOMPARE(ack.value(QStringLiteral("joined")).toBool(), false);
    ack = alice.ask(QStringLiteral("join-room"), {});
    QCOMPARE(ack.value(QStringLiteral("joined")).toBool(), false);
    // Sending before joining.
    ack = alice.send(QStringLiteral("hello?"));
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("NOT_IN_ROOM"));
    // One name per session.
    QCOMPARE(alice.join(QStringLiteral("general"), QStringLiteral("alice"))
                 .value(QStringLiteral("joined"))
                 .toBool(),
        true);
    ack = alice.join(QStringLiteral("random"), QStringLiteral("mallory"));
    QCOMPARE(ack.value(QStringLiteral("code")).toString(), QStringLiteral("NAME_IN_USE"));
}

void tst_ChatServer::listRooms()
{
    auto server = startServer({ QStringLiteral("--rooms"), QStringLiteral("lobby,help") });
    Peer alice(server->url());
    QVERIFY(alice.connect());
    QVariantList rooms
        = alice.ask(QStringLiteral("list-rooms"), {}).value(QStringLiteral("rooms")).toList();
    QCOMPARE(rooms.size(), 2);
    QCOMPARE(rooms.at(0).toMap().value(QStringLiteral("name")).toString(), QStringLiteral("help"));
    alice.join(QStringLiteral("new-room"), QStringLiteral("alice"));
    rooms = alice.ask(QStringLiteral("list-rooms"), {}).value(QStringLiteral("rooms")).toList();
    QCOMPARE(rooms.size(), 3);
    // A created room disappears once empty; the default ones stay.
    alice.ask(
        QStringLiteral("leave-room"), { { QStringLiteral("room"), QStringLiteral("new-room") } });
    rooms = alice.ask(QStringLiteral("list-rooms"), {}).value(QStringLiteral("rooms")).toList();
    QCOMPARE(rooms.size(), 2);
}

void tst_ChatServer::encryption()
{
    const QString key(64, QLatin1Char('c'));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SMARTSOCKET_ENCRYPTION_KEY"), key);
    DemoServer server(kServer);
    server.setEnvironment(env);
    QVERIFY2(server.start(), qPrintable(server.errorString()));

    ClientOptions options;
    options.enableEncryption = true;
    options.encryptionKey = key.toLatin1();
    Peer alice(server.url(), options);
    Peer bob(server.url()); // a plain client still works (encryption is not required)
    QVERIFY(alice.connect());
    QVERIFY(bob.connect());
    alice.join(QStringLiteral("general"), QStringLiteral("alice"));
    bob.join(QStringLiteral("general"), QStringLiteral("bob"));
    QCOMPARE(alice.send(QStringLiteral("secret")).value(QStringLiteral("sent")).toBool(), true);
    QVERIFY(
        bob.waitFor(QStringLiteral("message"), QStringLiteral("text"), QStringLiteral("secret")));

    // A key that is not one makes the server refuse to start, without printing it.
    env.insert(QStringLiteral("SMARTSOCKET_ENCRYPTION_KEY"), QStringLiteral("not-a-key"));
    DemoServer bad(kServer);
    bad.setEnvironment(env);
    QVERIFY(!bad.start());
    QTRY_VERIFY(bad.process()->state() == QProcess::NotRunning);
    QVERIFY(bad.process()->exitCode() != 0);
    QVERIFY(!bad.standardError().contains(QStringLiteral("not-a-key")));
}

void tst_ChatServer::shutdownAndFlags()
{
    auto server = startServer();
    std::vector<std::unique_ptr<Peer>> peers;
    for (const QString &name :
        { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d") }) {
        peers.push_back(std::make_unique<Peer>(server->url()));
        QVERIFY(peers.back()->connect());
        QCOMPARE(peers.back()
                     ->join(QStringLiteral("general"), name)
                     .value(QStringLiteral("joined"))
                     .toBool(),
            true);
    }
    QVERIFY(peers.front()->waitFor(
        QStringLiteral("user-joined"), QStringLiteral("username"), QStringLiteral("d")));
    QCOMPARE(server->terminate(), 0);
    for (const auto &peer : peers) {
        QTRY_VERIFY(!peer->client->isConnected());
        // Shutting down is not everyone leaving one by one.
        QVERIFY(peer->received(QStringLiteral("user-left")).isEmpty());
    }

    for (const QStringList &arguments :
        { QStringList { QStringLiteral("--port"), QStringLiteral("x") },
            QStringList { QStringLiteral("--history"), QStringLiteral("-1") },
            QStringList { QStringLiteral("--message-rate"), QStringLiteral("10") },
            QStringList { QStringLiteral("--host"), QStringLiteral("not an address") },
            QStringList { QStringLiteral("stray") } }) {
        QProcess bad;
        bad.start(DemoServer::binary(kServer), arguments);
        QVERIFY(bad.waitForFinished(10000));
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY2(
            !bad.readAllStandardError().isEmpty(), qPrintable(arguments.join(QLatin1Char(' '))));
    }
}

QTEST_GUILESS_MAIN(tst_ChatServer)
#include "tst_chatserver.moc"
