// SmartSocket::Client against a real Node socket.io 4.8 server (tests/interop/node/server.js).

#include <smartsocket/client.h>

#include "nodeprocess.h"
#include "testkit.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace SmartSocket;

namespace {

const QString kInteropDir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);
const QString kNode = QStringLiteral(SMARTSOCKET_NODE);

std::unique_ptr<TestKit::NodeProcess> startServer(const QStringList &arguments = {})
{
    auto node = std::make_unique<TestKit::NodeProcess>(
        kNode, kInteropDir + QStringLiteral("/node/server.js"), arguments);
    if (!node->start())
        qWarning("%s", qPrintable(node->errorString()));
    return node;
}

ClientOptions fastOptions()
{
    ClientOptions options;
    options.reconnectDelay = 100;
    options.reconnectDelayMax = 400;
    options.jitter = 0.2;
    options.connectTimeout = 5000;
    return options;
}

// Collects what an ack callback receives.
struct AckProbe
{
    int calls = 0;
    AckResult result;
    AckCallback callback()
    {
        return [this](const AckResult &r) {
            ++calls;
            result = r;
        };
    }
};

} // namespace

class tst_ClientVsNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void connectWithAuth();
    void connectRefused();
    void namespacesShareOneConnection();
    void sameNamespaceGetsOwnConnection();
    void ackClientToServer();
    void requestFuture();
    void ackServerToClient();
    void ackTimeout();
    void acksDisabled();
    void reservedEventRefused();
    void broadcast();
    void binaryRoundTrip();
    void extensionsNotGrantedByNode();
    void onAnyAndOff();
    void errorEvent();
    void serverDisconnect();
    void clientClose();
    void bufferedBeforeOpen();
    void transportCloseReconnects();
    void reconnectAfterServerRestart();
    void reconnectFailed();
    void deleteWhileConnecting();
    void deleteWhileReconnecting();
    void deleteFromHandler();

private:
    QUrl serverUrl() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_node->port())); }
    bool connectClient(Client &client);

    std::unique_ptr<TestKit::NodeProcess> m_node;
};

void tst_ClientVsNode::initTestCase()
{
    if (kNode.isEmpty())
        SMARTSOCKET_SKIP_OR_FAIL(
            "node was not found when configuring: install Node.js >= 18 to run the interop tests");
    if (!TestKit::NodeProcess::hasPackage(kInteropDir, QStringLiteral("socket.io")))
        SMARTSOCKET_SKIP_OR_FAIL(
            "tests/interop/node_modules is missing: run `npm ci --prefix tests/interop`");
    m_node = startServer();
    QVERIFY2(m_node->port(), qPrintable(m_node->errorString()));
}

void tst_ClientVsNode::cleanupTestCase()
{
    m_node.reset();
}

bool tst_ClientVsNode::connectClient(Client &client)
{
    QSignalSpy connected(&client, &Client::connected);
    client.open();
    return connected.wait(10000) || client.isConnected();
}

void tst_ClientVsNode::connectWithAuth()
{
    ClientOptions options = fastOptions();
    options.auth = { { QStringLiteral("token"), QStringLiteral("good") },
        { QStringLiteral("user"), QStringLiteral("alice") } };
    Client client(serverUrl(), options);
    QVariantMap welcome;
    client.on(QStringLiteral("welcome"),
        [&](const QVariantList &args) { welcome = args.value(0).toMap(); });
    QSignalSpy errors(&client, &Client::errorOccurred);
    QVERIFY(!client.isConnected());
    QVERIFY(client.id().isEmpty());

    QVERIFY(connectClient(client));
    QVERIFY(!client.id().isEmpty());
    QCOMPARE(client.namespaceName(), QStringLiteral("/"));
    QTRY_VERIFY(!welcome.isEmpty());
    QCOMPARE(welcome.value(QStringLiteral("id")).toString(), client.id());
    QCOMPARE(welcome.value(QStringLiteral("nsp")).toString(), QStringLiteral("/"));
    QCOMPARE(welcome.value(QStringLiteral("auth")).toMap(), options.auth);
    QCOMPARE(errors.size(), 0);
    QVERIFY(m_node->waitForOutput(QStringLiteral("CONNECT / ") + client.id()));

    // data() is the application's own storage.
    client.data().insert(QStringLiteral("online"), true);
    QCOMPARE(client.data().value(QStringLiteral("online")), QVariant(true));
}

void tst_ClientVsNode::connectRefused()
{
    ClientOptions options = fastOptions();
    options.auth = { { QStringLiteral("token"), QStringLiteral("bad") } };
    Client client(serverUrl(), options);
    QSignalSpy errors(&client, &Client::errorOccurred);
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy reconnecting(&client, &Client::reconnecting);
    client.open();
    QVERIFY(errors.wait(10000));
    const Error error = errors.at(0).at(0).value<Error>();
    QCOMPARE(error.message(), QStringLiteral("not authorized"));
    QCOMPARE(error.data().toMap(), (QVariantMap { { QStringLiteral("code"), 7 } }));
    QCOMPARE(client.errorString(), QStringLiteral("not authorized"));
    QVERIFY(!client.isConnected());
    // A middleware refusal is final: no reconnection follows.
    QTest::qWait(600);
    QCOMPARE(reconnecting.size(), 0);
    QCOMPARE(connected.size(), 0);
    QCOMPARE(errors.size(), 1);

    // On another namespace too, with the refusal on the shared connection.
    ClientOptions chatOptions = options;
    chatOptions.namespaceName = QStringLiteral("/chat");
    Client chat(serverUrl(), chatOptions);
    QSignalSpy chatErrors(&chat, &Client::errorOccurred);
    chat.open();
    QVERIFY(chatErrors.wait(10000));
    QCOMPARE(chatErrors.at(0).at(0).value<Error>().message(), QStringLiteral("not authorized"));
}

void tst_ClientVsNode::namespacesShareOneConnection()
{
    // A server of its own, so that the Engine.IO client count is ours alone.
    auto node = startServer();
    QVERIFY2(node->port(), qPrintable(node->errorString()));
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(node->port()));

    ClientOptions rootOptions = fastOptions();
    ClientOptions chatOptions = fastOptions();
    chatOptions.namespaceName = QStringLiteral("/chat");
    Client root(url, rootOptions);
    Client chat(url, chatOptions);
    QVERIFY(connectClient(root));
    QVERIFY(connectClient(chat));
    QVERIFY(root.id() != chat.id());

    AckProbe stats;
    chat.emitEvent(QStringLiteral("stats"), {}, stats.callback());
    QTRY_COMPARE(stats.calls, 1);
    QVERIFY2(stats.result.isOk(), qPrintable(stats.result.errorString()));
    QVariantMap counts = stats.result.value().toMap();
    QCOMPARE(counts.value(QStringLiteral("engineClients")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("root")).toInt(), 1);
    QCOMPARE(counts.value(QStringLiteral("chat")).toInt(), 1);

    // Events stay in their namespace.
    QStringList rootEvents, chatEvents;
    root.on(QStringLiteral("broadcast"),
        [&](const QVariantList &args) { rootEvents << args.value(0).toString(); });
    chat.on(QStringLiteral("broadcast"),
        [&](const QVariantList &args) { chatEvents << args.value(0).toString(); });
    chat.emitEvent(QStringLiteral("broadcast"), { QStringLiteral("to chat") });
    root.emitEvent(QStringLiteral("broadcast"), { QStringLiteral("to root") });
    QTRY_COMPARE(chatEvents, QStringList { QStringLiteral("to chat") });
    QTRY_COMPARE(rootEvents, QStringList { QStringLiteral("to root") });

    // multiplex = false: a connection of its own.
    ClientOptions own = fastOptions();
    own.multiplex = false;
    own.namespaceName = QStringLiteral("/chat");
    Client separate(url, own);
    QVERIFY(connectClient(separate));
    AckProbe stats2;
    root.emitEvent(QStringLiteral("stats"), {}, stats2.callback());
    QTRY_COMPARE(stats2.calls, 1);
    counts = stats2.result.value().toMap();
    QCOMPARE(counts.value(QStringLiteral("engineClients")).toInt(), 2);
    QCOMPARE(counts.value(QStringLiteral("chat")).toInt(), 2);

    // Leaving one namespace keeps the shared connection for the other.
    QSignalSpy chatDisconnected(&chat, &Client::disconnected);
    chat.close();
    QCOMPARE(chatDisconnected.size(), 1);
    QVERIFY(root.isConnected());
    AckProbe stats3;
    root.emitEvent(QStringLiteral("stats"), {}, stats3.callback());
    QTRY_COMPARE(stats3.calls, 1);
    counts = stats3.result.value().toMap();
    QCOMPARE(counts.value(QStringLiteral("engineClients")).toInt(), 2);
    QCOMPARE(counts.value(QStringLiteral("chat")).toInt(), 1);
}

void tst_ClientVsNode::sameNamespaceGetsOwnConnection()
{
    // Two clients of one namespace cannot share a connection (socket.io-client opens a second
    // Manager too): both must connect, with distinct ids.
    Client a(serverUrl(), fastOptions());
    Client b(serverUrl(), fastOptions());
    QVERIFY(connectClient(a));
    QVERIFY(connectClient(b));
    QVERIFY(a.id() != b.id());
}

void tst_ClientVsNode::ackClientToServer()
{
    Client client(serverUrl(), fastOptions());
    QVERIFY(connectClient(client));
    const QVariantList args {
        1,
        QStringLiteral("two"),
        QVariantMap { { QStringLiteral("nested"), QVariantList { true, 2.5, QString() } },
            { QStringLiteral("none"), QVariant::fromValue(nullptr) } },
        QVariantList {},
    };
    AckProbe probe;
    client.emitEvent(QStringLiteral("echo"), args, probe.callback());
    QTRY_COMPARE(probe.calls, 1);
    QVERIFY2(probe.result.isOk(), qPrintable(probe.result.errorString()));
    const QVariantList reply = probe.result.args();
    QCOMPARE(reply.size(), 4);
    QCOMPARE(reply.at(0).toInt(), 1);
    QCOMPARE(reply.at(1).toString(), QStringLiteral("two"));
    const QVariantMap map = reply.at(2).toMap();
    QCOMPARE(map.value(QStringLiteral("nested")).toList().value(1).toDouble(), 2.5);
    QCOMPARE(map.value(QStringLiteral("nested")).toList().value(0).toBool(), true);
    QCOMPARE(reply.at(3).toList(), QVariantList {});

    // An event without ack: the server emits it back.
    QVariantList echoed;
    client.on(QStringLiteral("echo"), [&](const QVariantList &a) { echoed = a; });
    client.emitEvent(QStringLiteral("echo"), { QStringLiteral("plain") });
    QTRY_COMPARE(echoed, (QVariantList { QStringLiteral("plain") }));

    // Many acks in flight, answered in order.
    QList<int> order;
    for (int i = 0; i < 50; ++i) {
        client.emitEvent(
            QStringLiteral("echo"), { i }, [&](const AckResult &r) { order << r.value().toInt(); });
    }
    QTRY_COMPARE(order.size(), 50);
    for (int i = 0; i < 50; ++i)
        QCOMPARE(order.at(i), i);
}

void tst_ClientVsNode::requestFuture()
{
    Client client(serverUrl(), fastOptions());
    QVERIFY(connectClient(client));
    QFuture<QVariantList> future
        = client.request(QStringLiteral("echo"), { QStringLiteral("hello"), 42 });
    QTRY_VERIFY(future.isFinished());
    QCOMPARE(future.result(), (QVariantList { QStringLiteral("hello"), 42 }));

    // Continuations run too.
    QString via;
    client.request(QStringLiteral("echo"), { QStringLiteral("then") })
        .then(&client, [&](const QVariantList &r) { via = r.value(0).toString(); });
    QTRY_COMPARE(via, QStringLiteral("then"));

    // Failure: the future carries an AckError.
    QFuture<QVariantList> failing = client.request(QStringLiteral("noAck"), {}, 100);
    QTRY_VERIFY(failing.isFinished());
    bool thrown = false;
    try {
        failing.result();
    } catch (const AckError &e) {
        thrown = true;
        QCOMPARE(e.result().status(), AckResult::Status::Timeout);
        QCOMPARE(QString::fromUtf8(e.what()), QStringLiteral("ack timeout after 100 ms"));
    }
    QVERIFY(thrown);

    // A request outliving its client still finishes (with an error), never hangs.
    auto *shortLived = new Client(serverUrl(), fastOptions());
    QVERIFY(connectClient(*shortLived));
    QFuture<QVariantList> orphan = shortLived->request(QStringLiteral("noAck"));
    delete shortLived;
    QVERIFY(orphan.isFinished());
    QVERIFY_THROWS_EXCEPTION(AckError, orphan.result());
}

void tst_ClientVsNode::ackServerToClient()
{
    Client client(serverUrl(), fastOptions());
    bool wasRequested = false;
    client.on(QStringLiteral("question"), [&](const QVariantList &args, const Ack &ack) {
        wasRequested = ack.isRequested();
        ack({ QVariantMap { { QStringLiteral("answer"), args.value(0).toInt() * 2 } },
            QByteArray("\x01\x02", 2) });
        ack({ QStringLiteral("second reply is ignored") });
    });
    QVariantMap reported;
    client.on(QStringLiteral("askResult"),
        [&](const QVariantList &args) { reported = args.value(0).toMap(); });
    QVERIFY(connectClient(client));

    AckProbe probe;
    client.emitEvent(QStringLiteral("ask"), { QStringLiteral("question"), 21 }, probe.callback());
    QTRY_COMPARE(probe.calls, 1);
    QVERIFY(wasRequested);
    const QVariantMap result = probe.result.value().toMap();
    QVERIFY2(result.value(QStringLiteral("ok")).toBool(),
        qPrintable(result.value(QStringLiteral("error")).toString()));
    // emitWithAck resolves with the first argument of our reply.
    const QVariantMap reply = result.value(QStringLiteral("reply")).toMap();
    QCOMPARE(reply.value(QStringLiteral("answer")).toInt(), 42);
    QTRY_VERIFY(!reported.isEmpty());
    QCOMPARE(reported, result);

    // An asynchronous answer: the Ack is stored and answered later.
    Ack stored;
    client.on(QStringLiteral("later"), [&](const QVariantList &, const Ack &ack) { stored = ack; });
    AckProbe probe2;
    client.emitEvent(QStringLiteral("ask"), { QStringLiteral("later"), 0 }, probe2.callback());
    QTRY_VERIFY(stored.isRequested());
    QTest::qWait(100);
    QCOMPARE(probe2.calls, 0);
    stored({ QStringLiteral("done later") });
    QVERIFY(stored.isAnswered());
    QTRY_COMPARE(probe2.calls, 1);
    QCOMPARE(probe2.result.value().toMap().value(QStringLiteral("reply")),
        QVariant(QStringLiteral("done later")));
}

void tst_ClientVsNode::ackTimeout()
{
    Client client(serverUrl(), fastOptions());
    QVERIFY(connectClient(client));
    AckProbe probe;
    QElapsedTimer clock;
    clock.start();
    client.emitEvent(QStringLiteral("noAck"), { 1 }, probe.callback(), 200);
    QCOMPARE(probe.calls, 0);
    QTRY_COMPARE(probe.calls, 1);
    QVERIFY(clock.elapsed() >= 190);
    QCOMPARE(probe.result.status(), AckResult::Status::Timeout);
    QCOMPARE(probe.result.errorString(), QStringLiteral("ack timeout after 200 ms"));

    // options.ackTimeout is the default.
    ClientOptions options = fastOptions();
    options.ackTimeout = 150;
    Client quick(serverUrl(), options);
    QVERIFY(connectClient(quick));
    AckProbe probe2;
    quick.emitEvent(QStringLiteral("noAck"), {}, probe2.callback());
    QTRY_COMPARE(probe2.calls, 1);
    QCOMPARE(probe2.result.status(), AckResult::Status::Timeout);
    QCOMPARE(probe2.result.errorString(), QStringLiteral("ack timeout after 150 ms"));
}

void tst_ClientVsNode::acksDisabled()
{
    ClientOptions options = fastOptions();
    options.enableAcknowledgments = false;
    Client client(serverUrl(), options);
    QVERIFY(connectClient(client));
    QVariantList echoed;
    client.on(QStringLiteral("echo"), [&](const QVariantList &a) { echoed = a; });
    AckProbe probe;
    client.emitEvent(QStringLiteral("echo"), { QStringLiteral("x") }, probe.callback());
    QCOMPARE(probe.calls, 0); // never from inside emitEvent()
    QTRY_COMPARE(probe.calls, 1);
    QCOMPARE(probe.result.status(), AckResult::Status::Disabled);
    // The event itself went out, without an ack id: the server emitted it back.
    QTRY_COMPARE(echoed, (QVariantList { QStringLiteral("x") }));

    QFuture<QVariantList> future = client.request(QStringLiteral("echo"), {});
    QVERIFY(!future.isFinished());
    QTRY_VERIFY(future.isFinished());
    QVERIFY_THROWS_EXCEPTION(AckError, future.result());
}

void tst_ClientVsNode::reservedEventRefused()
{
    Client client(serverUrl(), fastOptions());
    QVERIFY(connectClient(client));
    QSignalSpy errors(&client, &Client::errorOccurred);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
    client.emitEvent(QStringLiteral("disconnect"));
    QCOMPARE(errors.size(), 0); // reported from the event loop
    QTRY_COMPARE(errors.size(), 1);
    QVERIFY(errors.at(0).at(0).value<Error>().message().contains(QStringLiteral("disconnect")));

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
    AckProbe probe;
    client.emitEvent(QStringLiteral("connect_error"), {}, probe.callback());
    QCOMPARE(probe.calls, 0);
    QTRY_COMPARE(probe.calls, 1);
    QVERIFY(probe.result.isError());
    QVERIFY(client.isConnected()); // nothing reached the server
}

void tst_ClientVsNode::broadcast()
{
    Client a(serverUrl(), fastOptions());
    ClientOptions separate = fastOptions();
    separate.multiplex = false;
    Client b(serverUrl(), separate);
    QVERIFY(connectClient(a));
    QVERIFY(connectClient(b));
    QVariantList gotA, gotB;
    a.on(QStringLiteral("broadcast"), [&](const QVariantList &args) { gotA = args; });
    b.on(QStringLiteral("broadcast"), [&](const QVariantList &args) { gotB = args; });
    QSignalSpy received(&b, &Client::eventReceived);
    a.emitEvent(QStringLiteral("broadcast"), { QVariantMap { { QStringLiteral("n"), 1 } } });
    QTRY_VERIFY(!gotA.isEmpty());
    QTRY_VERIFY(!gotB.isEmpty());
    QCOMPARE(gotB.value(0).toMap().value(QStringLiteral("n")).toInt(), 1);
    QCOMPARE(gotB.value(1).toString(), a.id());
    QCOMPARE(gotA, gotB);
    QVERIFY(received.size() >= 1);
    QCOMPARE(received.last().at(0).toString(), QStringLiteral("broadcast"));
}

void tst_ClientVsNode::extensionsNotGrantedByNode()
{
    // Node ignores the ssx query key: compression is simply not granted and traffic stays
    // plain Socket.IO; a client that insists on encryption refuses to talk in plaintext.
    ClientOptions options = fastOptions();
    options.enableCompression = true;
    options.compressionThreshold = 16;
    options.multiplex = false;
    Client client(serverUrl(), options);
    QVERIFY(connectClient(client));
    const QByteArray big(20000, 'a');
    AckProbe probe;
    client.emitEvent(
        QStringLiteral("binaryEcho"), { big, QString::fromLatin1(big) }, probe.callback());
    QTRY_COMPARE(probe.calls, 1);
    QVERIFY2(probe.result.isOk(), qPrintable(probe.result.errorString()));
    const QVariantList echoed = probe.result.args().value(0).toList();
    QCOMPARE(echoed.value(0).toByteArray(), big);
    QCOMPARE(echoed.value(1).toString(), QString::fromLatin1(big));

    ClientOptions secure = fastOptions();
    secure.enableEncryption = true;
    secure.encryptionKey = QByteArray(64, 'a');
    secure.reconnection = false;
    secure.multiplex = false;
    Client refused(serverUrl(), secure);
    QSignalSpy errors(&refused, &Client::errorOccurred);
    QSignalSpy connected(&refused, &Client::connected);
    refused.open();
    QTRY_VERIFY(!errors.isEmpty());
    QCOMPARE(errors.first().first().value<Error>().message(),
        QStringLiteral("encryption not granted by the server"));
    QVERIFY(connected.isEmpty());
}

void tst_ClientVsNode::binaryRoundTrip()
{
    Client client(serverUrl(), fastOptions());
    QVERIFY(connectClient(client));
    const QByteArray first("\x00\x01\x02\xff", 4);
    QByteArray big(100000, '\0');
    for (int i = 0; i < big.size(); ++i)
        big[i] = char(i * 7);
    const QVariantList args {
        first,
        QVariantMap { { QStringLiteral("name"), QStringLiteral("a.bin") },
            { QStringLiteral("file"), big },
            { QStringLiteral("parts"), QVariantList { QByteArray("x"), 3 } } },
    };
    AckProbe probe;
    client.emitEvent(QStringLiteral("binaryEcho"), args, probe.callback());
    QTRY_COMPARE(probe.calls, 1);
    QVERIFY2(probe.result.isOk(), qPrintable(probe.result.errorString()));
    const QVariantList reply = probe.result.args();
    QCOMPARE(reply.size(), 3);
    // The server saw Buffers where we sent QByteArray.
    const QString description = reply.at(2).toString();
    QVERIFY2(description.contains(QStringLiteral("<Buffer 4>")), qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("<Buffer 100000>")), qPrintable(description));
    QVERIFY2(description.contains(QStringLiteral("<Buffer 1>")), qPrintable(description));
    // And its Buffers come back as QByteArray, nested ones included.
    QCOMPARE(reply.at(1).typeId(), QMetaType::QByteArray);
    QCOMPARE(reply.at(1).toByteArray(), QByteArray("\xde\xad\xbe\xef"));
    const QVariantList echoed = reply.at(0).toList();
    QCOMPARE(echoed.at(0).typeId(), QMetaType::QByteArray);
    QCOMPARE(echoed.at(0).toByteArray(), first);
    const QVariantMap map = echoed.at(1).toMap();
    QCOMPARE(map.value(QStringLiteral("name")).toString(), QStringLiteral("a.bin"));
    QCOMPARE(map.value(QStringLiteral("file")).toByteArray(), big);
    QCOMPARE(map.value(QStringLiteral("parts")).toList().value(0).toByteArray(), QByteArray("x"));

    // Binary in an event (not an ack) from the server.
    QVariantList event;
    client.on(QStringLiteral("binaryEcho"), [&](const QVariantList &a) { event = a; });
    client.emitEvent(QStringLiteral("binaryEcho"), { QByteArray("\x07", 1) });
    QTRY_VERIFY(!event.isEmpty());
    QCOMPARE(event.value(0).toList().value(0).toByteArray(), QByteArray("\x07", 1));
    QCOMPARE(event.value(1).toByteArray(), QByteArray("\xde\xad\xbe\xef"));

    // A binary ack reply from our handler (BINARY_ACK) reaches the server as a Buffer.
    client.on(QStringLiteral("giveBytes"), [](const QVariantList &, const Ack &ack) {
        ack({ QVariantMap { { QStringLiteral("bytes"), QByteArray("\x09\x08", 2) } } });
    });
    AckProbe ask;
    client.emitEvent(QStringLiteral("ask"), { QStringLiteral("giveBytes"), 0 }, ask.callback());
    QTRY_COMPARE(ask.calls, 1);
    const QVariant bytes = ask.result.value()
                               .toMap()
                               .value(QStringLiteral("reply"))
                               .toMap()
                               .value(QStringLiteral("bytes"));
    QCOMPARE(bytes.typeId(), QMetaType::QByteArray); // went there and back as binary
    QCOMPARE(bytes.toByteArray(), QByteArray("\x09\x08", 2));
}

void tst_ClientVsNode::onAnyAndOff()
{
    Client client(serverUrl(), fastOptions());
    QStringList order;
    client.onAny([&](const QString &event, const QVariantList &) {
        order << QStringLiteral("any:") + event;
    });
    connect(&client, &Client::eventReceived, [&](const QString &event, const QVariantList &) {
        order << QStringLiteral("signal:") + event;
    });
    client.on(
        QStringLiteral("echo"), [&](const QVariantList &) { order << QStringLiteral("handler"); });
    QVERIFY(connectClient(client));
    QTRY_VERIFY(order.contains(QStringLiteral("any:welcome")));
    order.clear();

    client.emitEvent(QStringLiteral("echo"), { 1 });
    QTRY_COMPARE(order.size(), 3);
    QCOMPARE(order,
        (QStringList { QStringLiteral("any:echo"), QStringLiteral("signal:echo"),
            QStringLiteral("handler") }));

    order.clear();
    client.off(QStringLiteral("echo"));
    client.offAny();
    client.emitEvent(QStringLiteral("echo"), { 2 });
    QTRY_COMPARE(order.size(), 1);
    QTest::qWait(100);
    QCOMPARE(order, QStringList { QStringLiteral("signal:echo") });
}

void tst_ClientVsNode::errorEvent()
{
    Client client(serverUrl(), fastOptions());
    QVariantList handled;
    client.on(QStringLiteral("__error__"), [&](const QVariantList &args) { handled = args; });
    QVERIFY(connectClient(client));
    QSignalSpy errors(&client, &Client::errorOccurred);
    client.emitEvent(QStringLiteral("errorMe"), { QStringLiteral("E_SAVE") });
    QTRY_COMPARE(errors.size(), 1);
    const Error error = errors.at(0).at(0).value<Error>();
    QCOMPARE(error.message(), QStringLiteral("something failed"));
    QCOMPARE(error.code(), QStringLiteral("E_SAVE"));
    QCOMPARE(
        error.data().toMap().value(QStringLiteral("event")).toString(), QStringLiteral("errorMe"));
    QTRY_COMPARE(handled.size(), 1); // still an ordinary event too

    ClientOptions options = fastOptions();
    options.enableErrorHandling = false;
    Client quiet(serverUrl(), options);
    QVERIFY(connectClient(quiet));
    QSignalSpy quietErrors(&quiet, &Client::errorOccurred);
    bool gotError = false;
    quiet.on(QStringLiteral("__error__"), [&](const QVariantList &) { gotError = true; });
    quiet.emitEvent(QStringLiteral("errorMe"), { QStringLiteral("E") });
    QTRY_VERIFY(gotError);
    QCOMPARE(quietErrors.size(), 0);
}

void tst_ClientVsNode::serverDisconnect()
{
    Client client(serverUrl(), fastOptions());
    QVERIFY(connectClient(client));
    const QString id = client.id();
    QSignalSpy disconnected(&client, &Client::disconnected);
    QSignalSpy reconnecting(&client, &Client::reconnecting);
    AckProbe pending;
    client.emitEvent(QStringLiteral("noAck"), {}, pending.callback(), 10000);
    client.emitEvent(QStringLiteral("disconnectMe"));
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("io server disconnect"));
    QVERIFY(!client.isConnected());
    QVERIFY(client.id().isEmpty());
    QCOMPARE(pending.calls, 1);
    QCOMPARE(pending.result.status(), AckResult::Status::Disconnected);
    QCOMPARE(pending.result.errorString(), QStringLiteral("disconnected"));
    QVERIFY(m_node->waitForOutput(
        QStringLiteral("DISCONNECT / %1 server namespace disconnect").arg(id)));
    QTest::qWait(500);
    QCOMPARE(reconnecting.size(), 0); // no automatic reconnection

    // The application may connect again.
    QVERIFY(connectClient(client));
    QVERIFY(client.id() != id);
}

void tst_ClientVsNode::clientClose()
{
    Client client(serverUrl(), fastOptions());
    QVERIFY(connectClient(client));
    const QString id = client.id();
    QSignalSpy disconnected(&client, &Client::disconnected);
    QSignalSpy reconnecting(&client, &Client::reconnecting);
    client.close();
    QCOMPARE(disconnected.size(), 1);
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("io client disconnect"));
    QVERIFY(!client.isConnected());
    QVERIFY(m_node->waitForOutput(
        QStringLiteral("DISCONNECT / %1 client namespace disconnect").arg(id)));
    QTest::qWait(300);
    QCOMPARE(reconnecting.size(), 0);
    client.close(); // twice is harmless
    QCOMPARE(disconnected.size(), 1);

    // close() while connecting: nothing connects afterwards.
    Client early(serverUrl(), fastOptions());
    QSignalSpy earlyConnected(&early, &Client::connected);
    early.open();
    early.close();
    QTest::qWait(500);
    QCOMPARE(earlyConnected.size(), 0);
    QVERIFY(!early.isConnected());
}

void tst_ClientVsNode::bufferedBeforeOpen()
{
    Client client(serverUrl(), fastOptions());
    QVariantList echoed;
    client.on(QStringLiteral("echo"), [&](const QVariantList &a) { echoed += a; });
    client.emitEvent(QStringLiteral("echo"), { QStringLiteral("early") });
    AckProbe probe;
    client.emitEvent(QStringLiteral("echo"), { QStringLiteral("acked") }, probe.callback());
    QTest::qWait(50);
    QCOMPARE(probe.calls, 0);
    QVERIFY(connectClient(client));
    QTRY_COMPARE(echoed, (QVariantList { QStringLiteral("early") }));
    QTRY_COMPARE(probe.calls, 1);
    QCOMPARE(probe.result.args(), (QVariantList { QStringLiteral("acked") }));
}

void tst_ClientVsNode::transportCloseReconnects()
{
    ClientOptions options = fastOptions();
    options.auth = { { QStringLiteral("token"), QStringLiteral("t1") } };
    Client client(serverUrl(), options);
    int welcomes = 0;
    client.on(QStringLiteral("welcome"), [&](const QVariantList &) { ++welcomes; });
    QVERIFY(connectClient(client));
    QTRY_COMPARE(welcomes, 1);
    const QString firstId = client.id();
    QSignalSpy disconnected(&client, &Client::disconnected);
    QSignalSpy reconnecting(&client, &Client::reconnecting);
    QSignalSpy reconnected(&client, &Client::reconnected);
    QSignalSpy connected(&client, &Client::connected);
    client.emitEvent(QStringLiteral("closeTransport"));
    QVERIFY(disconnected.wait(5000));
    QCOMPARE(disconnected.at(0).at(0).toString(), QStringLiteral("transport close"));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QCOMPARE(reconnecting.size(), 1);
    QCOMPARE(reconnecting.at(0).at(0).toInt(), 1);
    QCOMPARE(reconnected.size(), 1);
    QCOMPARE(reconnected.at(0).at(0).toInt(), 1);
    QVERIFY(client.id() != firstId);
    QTRY_COMPARE(welcomes, 2);
}

void tst_ClientVsNode::reconnectAfterServerRestart()
{
    auto node = startServer();
    QVERIFY2(node->port(), qPrintable(node->errorString()));
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(node->port()));

    ClientOptions options = fastOptions();
    options.auth = { { QStringLiteral("token"), QStringLiteral("again") } };
    ClientOptions chatOptions = options;
    chatOptions.namespaceName = QStringLiteral("/chat");
    Client client(url, options);
    Client chat(url, chatOptions);
    QList<QVariantMap> welcomes;
    client.on(QStringLiteral("welcome"),
        [&](const QVariantList &args) { welcomes << args.value(0).toMap(); });
    QVERIFY(connectClient(client));
    QVERIFY(connectClient(chat));
    QTRY_COMPARE(welcomes.size(), 1);

    QSignalSpy disconnected(&client, &Client::disconnected);
    QSignalSpy chatDisconnected(&chat, &Client::disconnected);
    QSignalSpy reconnecting(&client, &Client::reconnecting);
    QSignalSpy reconnected(&client, &Client::reconnected);
    QSignalSpy chatReconnected(&chat, &Client::reconnected);
    QSignalSpy connected(&client, &Client::connected);
    QSignalSpy reconnectFailed(&client, &Client::reconnectFailed);
    AckProbe inFlight;
    client.emitEvent(QStringLiteral("noAck"), {}, inFlight.callback(), 60000);

    node->kill();
    QVERIFY(disconnected.wait(5000));
    const QString reason = disconnected.at(0).at(0).toString();
    QVERIFY2(
        reason == QStringLiteral("transport close") || reason == QStringLiteral("transport error"),
        qPrintable(reason));
    QTRY_COMPARE(chatDisconnected.size(), 1);
    QVERIFY(!client.isConnected());
    // Acks already on the wire fail at once.
    QCOMPARE(inFlight.calls, 1);
    QCOMPARE(inFlight.result.status(), AckResult::Status::Disconnected);

    // Emits while disconnected wait in the buffer.
    AckProbe buffered;
    client.emitEvent(
        QStringLiteral("echo"), { QStringLiteral("while down") }, buffered.callback(), 60000);
    QVariantList bufferedBroadcast;
    chat.on(QStringLiteral("broadcast"), [&](const QVariantList &a) { bufferedBroadcast = a; });
    chat.emitEvent(QStringLiteral("broadcast"), { QStringLiteral("chat while down") });

    // A few failed attempts against the dead port.
    QTRY_VERIFY_WITH_TIMEOUT(reconnecting.size() >= 3, 10000);
    for (int i = 0; i < reconnecting.size(); ++i)
        QCOMPARE(reconnecting.at(i).at(0).toInt(), i + 1);
    QCOMPARE(buffered.calls, 0);

    QVERIFY2(node->restartOnSamePort(), qPrintable(node->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(connected.size(), 1, 10000);
    QTRY_COMPARE(reconnected.size(), 1);
    QVERIFY(reconnected.at(0).at(0).toInt() >= 3);
    QTRY_COMPARE(chatReconnected.size(), 1);
    QTRY_VERIFY(chat.isConnected());
    QCOMPARE(reconnectFailed.size(), 0);

    // The auth went with the new CONNECT, and the buffered emits were flushed.
    QTRY_COMPARE(welcomes.size(), 2);
    QCOMPARE(welcomes.at(1).value(QStringLiteral("auth")).toMap(), options.auth);
    QCOMPARE(welcomes.at(1).value(QStringLiteral("engineClients")).toInt(), 1);
    QTRY_COMPARE(buffered.calls, 1);
    QCOMPARE(buffered.result.args(), (QVariantList { QStringLiteral("while down") }));
    QTRY_COMPARE(bufferedBroadcast.value(0), QVariant(QStringLiteral("chat while down")));
    QVERIFY(node->waitForOutput(QStringLiteral("CONNECT /chat ")));
    QVERIFY(node->waitForOutput(QStringLiteral("{\"token\":\"again\"}")));
}

void tst_ClientVsNode::reconnectFailed()
{
    auto node = startServer();
    QVERIFY2(node->port(), qPrintable(node->errorString()));
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(node->port()));
    ClientOptions options = fastOptions();
    options.maxReconnectAttempts = 2;
    options.reconnectDelay = 50;
    Client client(url, options);
    QVERIFY(connectClient(client));
    QSignalSpy reconnecting(&client, &Client::reconnecting);
    QSignalSpy failed(&client, &Client::reconnectFailed);
    QSignalSpy errors(&client, &Client::errorOccurred);
    node->kill();
    QVERIFY(failed.wait(10000));
    QCOMPARE(reconnecting.size(), 2);
    QCOMPARE(errors.size(), 2); // one per failed attempt
    QVERIFY(!client.isConnected());
    QTest::qWait(300);
    QCOMPARE(reconnecting.size(), 2);

    // open() after giving up starts again.
    QVERIFY2(node->restartOnSamePort(), qPrintable(node->errorString()));
    QVERIFY(connectClient(client));

    // reconnection = false: no attempts at all.
    ClientOptions noRetry = fastOptions();
    noRetry.reconnection = false;
    noRetry.multiplex = false;
    Client once(url, noRetry);
    QVERIFY(connectClient(once));
    QSignalSpy onceReconnecting(&once, &Client::reconnecting);
    QSignalSpy onceDisconnected(&once, &Client::disconnected);
    node->kill();
    QVERIFY(onceDisconnected.wait(5000));
    QTest::qWait(300);
    QCOMPARE(onceReconnecting.size(), 0);
}

void tst_ClientVsNode::deleteWhileConnecting()
{
    for (int i = 0; i < 20; ++i) {
        auto *client = new Client(serverUrl(), fastOptions());
        client->emitEvent(QStringLiteral("echo"), { i }, [](const AckResult &) {});
        client->open();
        if (i % 2)
            QTest::qWait(i); // at various stages of the handshake
        delete client;
    }
    // Unreachable port: delete while the TCP connect is pending.
    auto *client = new Client(QUrl(QStringLiteral("ws://127.0.0.1:9")), fastOptions());
    client->open();
    delete client;
    QTest::qWait(100);
    // The server is still fine with us.
    Client ok(serverUrl(), fastOptions());
    QVERIFY(connectClient(ok));
}

void tst_ClientVsNode::deleteWhileReconnecting()
{
    auto node = startServer();
    QVERIFY2(node->port(), qPrintable(node->errorString()));
    const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(node->port()));
    ClientOptions options = fastOptions();
    auto *client = new Client(url, options);
    QVERIFY(connectClient(*client));
    QSignalSpy reconnecting(client, &Client::reconnecting);
    node->kill();
    QVERIFY(reconnecting.wait(5000));
    delete client; // while waiting for the next attempt (or in the middle of one)
    QTest::qWait(500);

    // And during the handshake of a fresh attempt.
    auto *second = new Client(url, options);
    second->open();
    QTest::qWait(20);
    delete second;
    QTest::qWait(100);
}

void tst_ClientVsNode::deleteFromHandler()
{
    // Deleting the client from inside its own handlers and signals.
    QPointer<Client> client = new Client(serverUrl(), fastOptions());
    client->on(QStringLiteral("welcome"), [&](const QVariantList &) { delete client.data(); });
    client->open();
    QTRY_VERIFY(client.isNull());

    QPointer<Client> second = new Client(serverUrl(), fastOptions());
    connect(second.data(), &Client::connected, second.data(), [&] { delete second.data(); });
    second->open();
    QTRY_VERIFY(second.isNull());

    QPointer<Client> third = new Client(serverUrl(), fastOptions());
    QVERIFY(connectClient(*third));
    connect(third.data(), &Client::disconnected, third.data(), [&] { delete third.data(); });
    third->emitEvent(QStringLiteral("closeTransport"));
    QTRY_VERIFY(third.isNull());

    QPointer<Client> fourth = new Client(serverUrl(), fastOptions());
    QVERIFY(connectClient(*fourth));
    fourth->emitEvent(QStringLiteral("echo"), {}, [&](const AckResult &) { delete fourth.data(); });
    QTRY_VERIFY(fourth.isNull());

    // Two clients sharing a connection: deleting one from the other's handler.
    ClientOptions chatOptions = fastOptions();
    chatOptions.namespaceName = QStringLiteral("/chat");
    QPointer<Client> root = new Client(serverUrl(), fastOptions());
    QPointer<Client> chat = new Client(serverUrl(), chatOptions);
    QVERIFY(connectClient(*root));
    QVERIFY(connectClient(*chat));
    root->on(QStringLiteral("echo"), [&](const QVariantList &) {
        delete chat.data();
        delete root.data();
    });
    root->emitEvent(QStringLiteral("echo"), { 1 });
    QTRY_VERIFY(root.isNull() && chat.isNull());
    QTest::qWait(100);
}

QTEST_GUILESS_MAIN(tst_ClientVsNode)
#include "tst_client_vs_node.moc"
