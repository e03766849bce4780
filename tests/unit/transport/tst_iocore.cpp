#include "transport/iocore.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <functional>
#include <memory>
#include <vector>

using namespace SmartSocket::Transport;

namespace {

struct Closed
{
    ConnectionId id;
    CloseReason reason;
};

// Echoes every message; records what the core tells it.
class TestHandler : public ConnectionHandler
{
public:
    IoCore *core = nullptr;
    QList<HttpRequest> requests;
    QList<ConnectionId> opened;
    QList<Closed> closed;
    QList<QPair<ConnectionId, int>> timers;
    QList<QByteArray> received;
    int duplicateCloses = 0;
    std::function<void(ConnectionId, QByteArrayView, bool)> messageHook;
    std::function<void(ConnectionId)> openHook;

    HttpResponse onRequest(ConnectionId, const HttpRequest &request) override
    {
        requests.append(request);
        if (request.path == "/refuse")
            return { 403, "application/json", R"({"code":4,"message":"Forbidden"})" };
        if (!request.isWebSocketUpgrade)
            return { 400, "application/json", R"({"code":0,"message":"Transport unknown"})" };
        return {};
    }
    void onOpen(ConnectionId id) override
    {
        opened.append(id);
        if (openHook)
            openHook(id);
    }
    void onMessage(ConnectionId id, QByteArrayView payload, bool binary) override
    {
        received.append(payload.toByteArray());
        if (messageHook) {
            messageHook(id, payload, binary);
            return;
        }
        if (binary)
            core->sendBinary(id, payload);
        else
            core->sendText(id, payload);
    }
    void onClosed(ConnectionId id, CloseReason reason, const QString &) override
    {
        for (const Closed &c : std::as_const(closed))
            duplicateCloses += c.id == id; // must stay 0: exactly once
        closed.append({ id, reason });
    }
    void onTimer(ConnectionId id, int queue) override { timers.append({ id, queue }); }

    int closedWith(CloseReason reason) const
    {
        int n = 0;
        for (const Closed &c : closed)
            n += c.reason == reason;
        return n;
    }
};

QByteArray upgradeRequest(const QByteArray &path = "/socket.io/?EIO=4&transport=websocket")
{
    return "GET " + path
        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
}

QByteArray maskedFrame(quint8 firstByte, const QByteArray &payload, bool masked = true)
{
    QByteArray out;
    out.append(char(firstByte));
    Q_ASSERT(payload.size() < 126);
    out.append(char((masked ? 0x80 : 0) | payload.size()));
    const char mask[4] = { 1, 2, 3, 4 };
    if (masked)
        out.append(mask, 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        out.append(masked ? char(payload[i] ^ mask[i & 3]) : payload[i]);
    return out;
}

} // namespace

class tst_IoCore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listenPortZero();
    void echo_data();
    void echo();
    void nonUpgradeRequest();
    void refusedUpgrade();
    void malformedAndOversizeHeads_data();
    void malformedAndOversizeHeads();
    void maxConnections();
    void handshakeTimeout();
    void messageTooBig();
    void largeFrameInUnevenPieces();
    void protocolErrorFromRawPeer();
    void pingAnsweredWithPong();
    void peerClose();
    void serverClose();
    void closeFromInsideOnMessage();
    void closeOtherFromInsideOnMessage();
    void sendOutsideWakeup();
    void broadcastFrame();
    void timers();
    void disarmedTimerDoesNotFire();
    void manyConnections();
    void slowReaderBackpressure();
    void outOfFileDescriptors();
    void shutdown();

private:
    QUrl url(const QString &path = QStringLiteral("/socket.io/?EIO=4&transport=websocket")) const
    {
        return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(core->serverPort()).arg(path));
    }
    std::unique_ptr<QWebSocket> openClient();
    QByteArray rawExchange(const QByteArray &request);

    std::unique_ptr<TestHandler> handler;
    std::unique_ptr<IoCore> core;
};

void tst_IoCore::init()
{
    handler = std::make_unique<TestHandler>();
    core = std::make_unique<IoCore>(handler.get());
    handler->core = core.get();
    QVERIFY2(core->listen(QHostAddress::LocalHost, 0), qPrintable(core->errorString()));
}

void tst_IoCore::cleanup()
{
    QCOMPARE(handler->duplicateCloses, 0);
    core.reset();
    handler.reset();
}

std::unique_ptr<QWebSocket> tst_IoCore::openClient()
{
    auto socket = std::make_unique<QWebSocket>();
    QSignalSpy connected(socket.get(), &QWebSocket::connected);
    socket->open(url());
    if (!connected.wait(5000))
        return nullptr;
    return socket;
}

// Sends `request` on a raw TCP socket, returns everything until the server closes.
QByteArray tst_IoCore::rawExchange(const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, core->serverPort());
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(request);
    QByteArray response;
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < 5000) {
        QTest::qWait(5);
        response += socket.readAll();
    }
    response += socket.readAll();
    return response;
}

void tst_IoCore::listenPortZero()
{
    QVERIFY(core->isListening());
    QVERIFY(core->serverPort() != 0);
    QCOMPARE(core->serverAddress(), QHostAddress(QHostAddress::LocalHost));
    IoCore second(handler.get());
    QVERIFY(!second.listen(QHostAddress::LocalHost, core->serverPort())); // in use
    QVERIFY(!second.errorString().isEmpty());
    IoCore v6(handler.get());
    if (v6.listen(QHostAddress::LocalHostIPv6, 0)) {
        QVERIFY(v6.serverPort() != 0);
        QCOMPARE(v6.serverAddress(), QHostAddress(QHostAddress::LocalHostIPv6));
    }
}

void tst_IoCore::echo_data()
{
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<bool>("binary");
    QTest::newRow("text") << QByteArray("4hello") << false;
    QTest::newRow("binary") << QByteArray("\x00\x01\x02\xff", 4) << true;
    QTest::newRow("empty text") << QByteArray() << false;
    QByteArray big(100 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char('a' + i % 26);
    QTest::newRow("100 KB text") << big << false;
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = char(i * 7);
    QTest::newRow("100 KB binary") << big << true;
}

void tst_IoCore::echo()
{
    QFETCH(QByteArray, payload);
    QFETCH(bool, binary);
    auto client = openClient();
    QVERIFY(client);
    QTRY_COMPARE(handler->opened.size(), 1);
    QCOMPARE(core->connectionCount(), 1);
    const ConnectionId id = handler->opened.first();
    QVERIFY(id != 0);
    QVERIFY(core->isValid(id));
    QCOMPARE(core->peerAddress(id), QHostAddress(QHostAddress::LocalHost));
    QCOMPARE(core->peerPort(id), client->localPort());
    QCOMPARE(handler->requests.size(), 1);
    QVERIFY(handler->requests.first().isWebSocketUpgrade);
    QCOMPARE(handler->requests.first().query, QByteArray("EIO=4&transport=websocket"));

    QByteArray echoed;
    bool echoedBinary = !binary;
    int count = 0;
    connect(client.get(), &QWebSocket::textMessageReceived, this, [&](const QString &m) {
        echoed = m.toUtf8();
        echoedBinary = false;
        ++count;
    });
    connect(client.get(), &QWebSocket::binaryMessageReceived, this, [&](const QByteArray &m) {
        echoed = m;
        echoedBinary = true;
        ++count;
    });
    if (binary)
        client->sendBinaryMessage(payload);
    else
        client->sendTextMessage(QString::fromUtf8(payload));
    QTRY_COMPARE(count, 1);
    QCOMPARE(echoed, payload);
    QCOMPARE(echoedBinary, binary);
    const auto stats = core->stats();
    QCOMPARE(stats.accepted, quint64(1));
    QVERIFY(stats.bytesIn > quint64(payload.size()));
    QVERIFY(stats.bytesOut > quint64(payload.size()));
    QVERIFY(stats.wakeups > 0);
}

void tst_IoCore::nonUpgradeRequest()
{
    const QByteArray response
        = rawExchange("GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(response.startsWith("HTTP/1.1 400 Bad Request\r\n"), response.constData());
    QVERIFY(response.contains("Content-Type: application/json\r\n"));
    QVERIFY(response.contains("Connection: close\r\n"));
    QVERIFY(response.endsWith("\r\n\r\n{\"code\":0,\"message\":\"Transport unknown\"}"));
    QCOMPARE(handler->requests.size(), 1);
    QVERIFY(!handler->requests.first().isWebSocketUpgrade);
    QCOMPARE(handler->requests.first().peerAddress, QHostAddress(QHostAddress::LocalHost));
    QVERIFY(handler->opened.isEmpty());
    QVERIFY(handler->closed.isEmpty());
    QTRY_COMPARE(core->connectionCount(), 0);
}

void tst_IoCore::refusedUpgrade()
{
    const QByteArray response = rawExchange(upgradeRequest("/refuse"));
    QVERIFY2(response.startsWith("HTTP/1.1 403 Forbidden\r\n"), response.constData());
    QVERIFY(response.endsWith(R"({"code":4,"message":"Forbidden"})"));

    QWebSocket client;
    QSignalSpy errors(&client, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
    client.open(url(QStringLiteral("/refuse")));
    QTRY_VERIFY(errors.size() > 0 || client.state() == QAbstractSocket::UnconnectedState);
    QVERIFY(handler->opened.isEmpty());
    QVERIFY(handler->closed.isEmpty());
}

void tst_IoCore::malformedAndOversizeHeads_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("statusLine");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello\r\n\r\n")
                             << QByteArray("HTTP/1.1 400 Bad Request\r\n");
    QTest::newRow("bad header") << QByteArray("GET / HTTP/1.1\r\nNoColon\r\n\r\n")
                                << QByteArray("HTTP/1.1 400 Bad Request\r\n");
    QTest::newRow("head too big") << "GET / HTTP/1.1\r\nX: " + QByteArray(10000, 'a') + "\r\n\r\n"
                                  << QByteArray("HTTP/1.1 431 Request Header Fields Too Large\r\n");
}

void tst_IoCore::malformedAndOversizeHeads()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, statusLine);
    const QByteArray response = rawExchange(request);
    QVERIFY2(response.startsWith(statusLine), response.constData());
    QVERIFY(handler->requests.isEmpty());
    QTRY_COMPARE(core->connectionCount(), 0);
}

void tst_IoCore::maxConnections()
{
    core->setMaxConnections(2);
    auto a = openClient();
    auto b = openClient();
    QVERIFY(a && b);
    QTRY_COMPARE(core->connectionCount(), 2);
    const QByteArray response = rawExchange(upgradeRequest());
    QVERIFY2(response.startsWith("HTTP/1.1 503 Service Unavailable\r\n"), response.constData());
    QVERIFY(response.endsWith(R"({"code":503,"message":"Too many connections"})"));
    QCOMPARE(core->stats().refused, quint64(1));
    QCOMPARE(core->stats().accepted, quint64(2));
    QCOMPARE(handler->requests.size(), 2);
    QCOMPARE(core->connectionCount(), 2);
    // A slot freed is a slot available.
    a->close();
    QTRY_COMPARE(core->connectionCount(), 1);
    auto c = openClient();
    QVERIFY(c);
}

void tst_IoCore::handshakeTimeout()
{
    core->setHandshakeTimeout(200);
    QTcpSocket silent;
    QSignalSpy disconnected(&silent, &QTcpSocket::disconnected);
    QElapsedTimer elapsed;
    elapsed.start();
    silent.connectToHost(QHostAddress::LocalHost, core->serverPort());
    QVERIFY(silent.waitForConnected(5000));
    QTRY_COMPARE(core->connectionCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(disconnected.size(), 1, 3000);
    QVERIFY(elapsed.elapsed() >= 180);
    QCOMPARE(core->connectionCount(), 0);
    QVERIFY(handler->closed.isEmpty());
    QVERIFY(handler->requests.isEmpty());

    // A completed upgrade is not timed out.
    auto client = openClient();
    QVERIFY(client);
    QTest::qWait(400);
    QCOMPARE(client->state(), QAbstractSocket::ConnectedState);
    QCOMPARE(handler->closed.size(), 0);
}

void tst_IoCore::messageTooBig()
{
    core->setMaxMessageSize(1000);
    auto client = openClient();
    QVERIFY(client);
    client->sendBinaryMessage(QByteArray(999, 'x')); // fine
    QTRY_COMPARE(handler->received.size(), 1);
    client->sendBinaryMessage(QByteArray(200000, 'x'));
    QTRY_COMPARE(client->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QCOMPARE(handler->closed.size(), 1);
    QCOMPARE(handler->closed.first().reason, CloseReason::MessageTooBig);
    QCOMPARE(handler->received.size(), 1);
}

// The input buffer grows with what arrives (not with what the header announces): a large
// frame read in pieces of every size, with a second frame behind it in the last piece, must
// come out byte for byte.
void tst_IoCore::largeFrameInUnevenPieces()
{
    core->setMaxMessageSize(0);
    handler->messageHook = [](ConnectionId, QByteArrayView, bool) {};
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, core->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(upgradeRequest());
    QTRY_COMPARE(handler->opened.size(), 1);

    QByteArray payload(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(i * 31 + i / 251);
    const uchar mask[4] = { 9, 0x80, 0x33, 0xfe };
    QByteArray wire;
    wire.append(char(0x82));
    wire.append(char(0x80 | 127));
    for (int i = 7; i >= 0; --i)
        wire.append(char((quint64(payload.size()) >> (8 * i)) & 0xFF));
    wire.append(reinterpret_cast<const char *>(mask), 4);
    for (qsizetype i = 0; i < payload.size(); ++i)
        wire.append(char(payload[i] ^ mask[i & 3]));
    wire += maskedFrame(0x81, "after");

    const quint64 before = core->stats().bytesIn;
    const qsizetype pieces[] = { 1, 9, 4, 30, 13000, 70000, 3, 250000, 65536, 1, 900000, 17 };
    qsizetype sent = 0;
    for (int i = 0; sent < wire.size(); ++i) {
        const qsizetype n = qMin(pieces[i % std::size(pieces)], wire.size() - sent);
        socket.write(wire.constData() + sent, n);
        sent += n;
        // One read per piece: wait until the core has it.
        QTRY_VERIFY(core->stats().bytesIn >= before + quint64(sent));
    }
    QTRY_COMPARE(handler->received.size(), 2);
    QVERIFY(handler->received.at(0) == payload);
    QCOMPARE(handler->received.at(1), QByteArray("after"));
    QCOMPARE(handler->closed.size(), 0);
}

void tst_IoCore::protocolErrorFromRawPeer()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, core->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    // Upgrade and an unmasked frame in one write: the core must parse past the head.
    socket.write(upgradeRequest() + maskedFrame(0x81, "ok") + maskedFrame(0x81, "bad", false));
    QByteArray in;
    QTRY_VERIFY((in += socket.readAll()).contains("\x88"));
    QVERIFY(in.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    const qsizetype headEnd = in.indexOf("\r\n\r\n") + 4;
    const QByteArray frames = in.mid(headEnd);
    // Echo of "ok", then close 1002.
    QCOMPARE(frames.left(4), QByteArray("\x81\x02ok"));
    QCOMPARE(uchar(frames.at(4)), uchar(0x88));
    QCOMPARE(uchar(frames.at(6)) << 8 | uchar(frames.at(7)), 1002);
    QTRY_COMPARE(handler->closed.size(), 1);
    QCOMPARE(handler->closed.first().reason, CloseReason::ProtocolError);
    // The core half-closes after its close frame.
    QTRY_VERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.atEnd());
}

void tst_IoCore::pingAnsweredWithPong()
{
    auto client = openClient();
    QVERIFY(client);
    QSignalSpy pong(client.get(), &QWebSocket::pong);
    client->ping("are you there");
    QTRY_COMPARE(pong.size(), 1);
    QCOMPARE(pong.first().at(1).toByteArray(), QByteArray("are you there"));
}

void tst_IoCore::peerClose()
{
    auto client = openClient();
    QVERIFY(client);
    QTRY_COMPARE(handler->opened.size(), 1);
    const ConnectionId id = handler->opened.first();
    client->close(QWebSocketProtocol::CloseCodeNormal, QStringLiteral("done"));
    QTRY_COMPARE(handler->closed.size(), 1);
    QCOMPARE(handler->closed.first().id, id);
    QCOMPARE(handler->closed.first().reason, CloseReason::PeerClosed);
    QVERIFY(!core->isValid(id));
    QTRY_COMPARE(client->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(core->connectionCount(), 0);

    // EOF without a close frame is a peer close too.
    auto second = openClient();
    QVERIFY(second);
    QTRY_COMPARE(handler->opened.size(), 2);
    second->abort();
    QTRY_COMPARE(handler->closed.size(), 2);
    QCOMPARE(handler->closed.at(1).reason, CloseReason::PeerClosed);
}

void tst_IoCore::serverClose()
{
    auto client = openClient();
    QVERIFY(client);
    QTRY_COMPARE(handler->opened.size(), 1);
    const ConnectionId id = handler->opened.first();
    core->closeConnection(id, 4001, "bye");
    // Synchronous outside a callback.
    QCOMPARE(handler->closed.size(), 1);
    QCOMPARE(handler->closed.first().reason, CloseReason::LocalClose);
    QVERIFY(!core->isValid(id));
    core->sendText(id, "ignored"); // stale id: no effect
    QTRY_COMPARE(client->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(int(client->closeCode()), 4001);
    QCOMPARE(client->closeReason(), QStringLiteral("bye"));
}

void tst_IoCore::closeFromInsideOnMessage()
{
    bool closedDuringCallback = true;
    handler->messageHook = [&](ConnectionId id, QByteArrayView, bool) {
        core->sendText(id, "last words");
        core->closeConnection(id, 4002, "from callback");
        closedDuringCallback = !handler->closed.isEmpty();
        core->sendText(id, "after close"); // ignored
        core->closeConnection(id); // twice: no effect
    };
    auto client = openClient();
    QVERIFY(client);
    QStringList texts;
    connect(client.get(), &QWebSocket::textMessageReceived, this,
        [&](const QString &m) { texts.append(m); });
    // Two messages in one wakeup: the second must not reach the handler.
    client->sendTextMessage(QStringLiteral("one"));
    client->sendTextMessage(QStringLiteral("two"));
    QTRY_COMPARE(client->state(), QAbstractSocket::UnconnectedState);
    QVERIFY(!closedDuringCallback);
    QCOMPARE(handler->closed.size(), 1);
    QCOMPARE(handler->closed.first().reason, CloseReason::LocalClose);
    QCOMPARE(int(client->closeCode()), 4002);
    QCOMPARE(texts, QStringList { QStringLiteral("last words") });
    QCOMPARE(handler->received.size(), 1);
}

void tst_IoCore::closeOtherFromInsideOnMessage()
{
    auto a = openClient();
    auto b = openClient();
    QVERIFY(a && b);
    QTRY_COMPARE(handler->opened.size(), 2);
    const ConnectionId idB = handler->opened.at(1);
    handler->messageHook = [&](ConnectionId, QByteArrayView, bool) {
        core->closeConnection(idB, 4003);
        // Synchronous for another connection.
        QCOMPARE(handler->closed.size(), 1);
        core->close(); // shutdown from inside a callback
    };
    a->sendTextMessage(QStringLiteral("go"));
    QTRY_COMPARE(handler->closed.size(), 2);
    QCOMPARE(handler->closed.at(0).id, idB);
    QCOMPARE(handler->closed.at(0).reason, CloseReason::LocalClose);
    QCOMPARE(handler->closed.at(1).reason, CloseReason::Shutdown);
    QTRY_COMPARE(b->state(), QAbstractSocket::UnconnectedState);
    QTRY_COMPARE(a->state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(int(b->closeCode()), 4003);
    QCOMPARE(core->connectionCount(), 0);
    QVERIFY(!core->isListening());
}

void tst_IoCore::sendOutsideWakeup()
{
    auto client = openClient();
    QVERIFY(client);
    QTRY_COMPARE(handler->opened.size(), 1);
    const ConnectionId id = handler->opened.first();
    QStringList texts;
    connect(client.get(), &QWebSocket::textMessageReceived, this,
        [&](const QString &m) { texts.append(m); });
    QTimer::singleShot(10, this, [&] {
        core->sendText(id, "a");
        core->sendText(id, "b");
    });
    QTRY_COMPARE(texts, (QStringList { QStringLiteral("a"), QStringLiteral("b") }));
}

void tst_IoCore::broadcastFrame()
{
    std::vector<std::unique_ptr<QWebSocket>> clients;
    int received = 0;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(openClient());
        QVERIFY(clients.back());
        connect(clients.back().get(), &QWebSocket::binaryMessageReceived, this,
            [&](const QByteArray &m) { received += m == "broadcast"; });
    }
    QTRY_COMPARE(handler->opened.size(), 3);
    const QByteArray frame = IoCore::buildFrame("broadcast", true);
    for (ConnectionId id : std::as_const(handler->opened))
        core->sendFrame(id, frame);
    QTRY_COMPARE(received, 3);
}

void tst_IoCore::timers()
{
    const int fast = core->createTimerQueue(50);
    const int slow = core->createTimerQueue(150);
    QVERIFY(fast != slow);
    handler->openHook = [&](ConnectionId id) {
        core->armTimer(id, 0, slow);
        core->armTimer(id, 1, fast);
    };
    QElapsedTimer elapsed;
    elapsed.start();
    auto a = openClient();
    auto b = openClient();
    QVERIFY(a && b);
    QTRY_COMPARE(handler->timers.size(), 4);
    QVERIFY(elapsed.elapsed() >= 150);
    const ConnectionId idA = handler->opened.at(0);
    const ConnectionId idB = handler->opened.at(1);
    QCOMPARE(handler->timers.at(0), qMakePair(idA, fast));
    QCOMPARE(handler->timers.at(1), qMakePair(idB, fast));
    QCOMPARE(handler->timers.at(2), qMakePair(idA, slow));
    QCOMPARE(handler->timers.at(3), qMakePair(idB, slow));

    // Re-arming from inside onTimer works (a heartbeat).
    handler->timers.clear();
    core->armTimer(idA, 0, fast);
    QTRY_COMPARE(handler->timers.size(), 1);
}

void tst_IoCore::disarmedTimerDoesNotFire()
{
    const int queue = core->createTimerQueue(50);
    auto client = openClient();
    QVERIFY(client);
    QTRY_COMPARE(handler->opened.size(), 1);
    const ConnectionId id = handler->opened.first();
    core->armTimer(id, 0, queue);
    core->disarmTimer(id, 0);
    core->armTimer(id, 1, queue);
    client->close();
    QTRY_COMPARE(handler->closed.size(), 1); // closing disarms both links
    QTest::qWait(150);
    QVERIFY(handler->timers.isEmpty());
}

void tst_IoCore::manyConnections()
{
    constexpr int kClients = 200;
    constexpr int kMessages = 5;
    std::vector<std::unique_ptr<QWebSocket>> clients;
    int connected = 0;
    int echoes = 0;
    for (int i = 0; i < kClients; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        connect(socket.get(), &QWebSocket::connected, this, [&, s = socket.get(), i] {
            ++connected;
            for (int m = 0; m < kMessages; ++m)
                s->sendTextMessage(QStringLiteral("client %1 message %2").arg(i).arg(m));
        });
        connect(socket.get(), &QWebSocket::textMessageReceived, this, [&, i](const QString &m) {
            echoes += m.startsWith(QStringLiteral("client %1 ").arg(i));
        });
        socket->open(url());
        clients.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(connected, kClients, 20000);
    QTRY_COMPARE_WITH_TIMEOUT(echoes, kClients * kMessages, 20000);
    QCOMPARE(core->connectionCount(), kClients);
    QCOMPARE(core->stats().accepted, quint64(kClients));
    clients.clear();
    QTRY_COMPARE_WITH_TIMEOUT(handler->closed.size(), kClients, 10000);
    QCOMPARE(core->connectionCount(), 0);
}

void tst_IoCore::slowReaderBackpressure()
{
    // The peer reads nothing for a while: the core's writes hit EAGAIN, the rest waits for
    // EPOLLOUT, and everything arrives in order once the peer reads.
    QTcpSocket socket;
    socket.setReadBufferSize(1024);
    socket.connectToHost(QHostAddress::LocalHost, core->serverPort());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(upgradeRequest());
    QTRY_COMPARE(handler->opened.size(), 1);
    const ConnectionId id = handler->opened.first();
    constexpr int kMessages = 64;
    const QByteArray chunk(64 * 1024, 'z');
    for (int i = 0; i < kMessages; ++i) {
        QByteArray message = chunk;
        message[0] = char('A' + i % 26);
        core->sendBinary(id, message);
    }
    QTest::qWait(100); // flushed as far as the socket takes
    QVERIFY(core->stats().bytesOut < quint64(kMessages) * quint64(chunk.size()));
    socket.setReadBufferSize(0);
    QByteArray in;
    const qsizetype expected = qsizetype(kMessages) * (chunk.size() + 10);
    QTRY_VERIFY_WITH_TIMEOUT(
        (in += socket.readAll()).size() >= in.indexOf("\r\n\r\n") + 4 + expected, 10000);
    qsizetype pos = in.indexOf("\r\n\r\n") + 4;
    for (int i = 0; i < kMessages; ++i) {
        QCOMPARE(uchar(in.at(pos)), uchar(0x82));
        QCOMPARE(uchar(in.at(pos + 1)), uchar(127));
        QCOMPARE(in.at(pos + 10), char('A' + i % 26));
        pos += 10 + chunk.size();
    }
    QCOMPARE(pos, in.size());
    QVERIFY(core->isValid(id));
}

void tst_IoCore::outOfFileDescriptors()
{
    // Make the next fd number N and the limit N + 5, with no holes below N.
    int highest = 0;
    for (int fd = 0; fd < 65536; ++fd) {
        if (fcntl(fd, F_GETFD) != -1)
            highest = fd;
    }
    std::vector<int> fillers;
    for (;;) {
        const int fd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        if (fd > highest) {
            ::close(fd);
            break;
        }
        fillers.push_back(fd);
    }
    rlimit saved;
    QCOMPARE(getrlimit(RLIMIT_NOFILE, &saved), 0);
    rlimit low = saved;
    low.rlim_cur = rlim_t(highest + 1 + 5);
    QCOMPARE(setrlimit(RLIMIT_NOFILE, &low), 0);
    auto restore = qScopeGuard([&] {
        setrlimit(RLIMIT_NOFILE, &saved);
        for (int fd : fillers)
            ::close(fd);
    });

    // Two clients: 2 client fds + 2 accepted = 4 of the 5.
    std::vector<std::unique_ptr<QTcpSocket>> clients;
    for (int i = 0; i < 2; ++i) {
        clients.push_back(std::make_unique<QTcpSocket>());
        clients.back()->connectToHost(QHostAddress::LocalHost, core->serverPort());
        QVERIFY(clients.back()->waitForConnected(5000));
    }
    QTRY_COMPARE(core->connectionCount(), 2);
    // The third takes the last fd: the core cannot accept it, sheds it with its spare fd.
    const quint64 wakeupsBefore = core->stats().wakeups;
    QTcpSocket third;
    third.connectToHost(QHostAddress::LocalHost, core->serverPort());
    QVERIFY(third.waitForConnected(5000));
    QByteArray response;
    QTRY_VERIFY((response += third.readAll()).contains("Too many connections"));
    QVERIFY(response.startsWith("HTTP/1.1 503 Service Unavailable\r\n"));
    QTRY_COMPARE(core->stats().refused, quint64(1));
    QTest::qWait(300);
    QVERIFY2(core->stats().wakeups - wakeupsBefore < 20, "the core must not spin on EMFILE");
    QCOMPARE(core->connectionCount(), 2);

    restore.dismiss();
    setrlimit(RLIMIT_NOFILE, &saved);
    for (int fd : fillers)
        ::close(fd);
    // Back to normal: new connections are served.
    auto client = openClient();
    QVERIFY(client);
}

void tst_IoCore::shutdown()
{
    std::vector<std::unique_ptr<QWebSocket>> clients;
    for (int i = 0; i < 3; ++i) {
        clients.push_back(openClient());
        QVERIFY(clients.back());
    }
    QTRY_COMPARE(handler->opened.size(), 3);
    QTcpSocket handshaking;
    handshaking.connectToHost(QHostAddress::LocalHost, core->serverPort());
    QVERIFY(handshaking.waitForConnected(5000));
    QTRY_COMPARE(core->connectionCount(), 4);

    core->close();
    QVERIFY(!core->isListening());
    QCOMPARE(core->connectionCount(), 0);
    QCOMPARE(handler->closedWith(CloseReason::Shutdown), 3); // not the handshaking one
    for (auto &client : clients) {
        QTRY_COMPARE(client->state(), QAbstractSocket::UnconnectedState);
        QCOMPARE(client->closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
    QTRY_COMPARE(handshaking.state(), QAbstractSocket::UnconnectedState);

    // Listening again after close() works.
    QVERIFY(core->listen(QHostAddress::LocalHost, 0));
    auto again = openClient();
    QVERIFY(again);
}

QTEST_MAIN(tst_IoCore)
#include "tst_iocore.moc"
