// The server's instrumentation seam (server/serverobserver.h): a recording observer attached to
// a real Server, driven by our Client on loopback. Each point must fire once, with the data of
// what actually went over the wire.
#include "server/servercore_p.h"

#include "clienthelpers.h"

#include <smartsocket/smartsocket.h>

#include <QtTest>

#include <memory>
#include <optional>

using namespace SmartSocket;
using Internal::ServerCore;
using Internal::ServerObserver;
using Protocol::PacketType;
using TestKit::ask;
using TestKit::connectClient;

namespace {

constexpr qint64 kNsPerMs = 1000 * 1000;

struct Recorder : ServerObserver
{
    struct Connection
    {
        QString sid;
        Handshake handshake;
        QString reason;
    };
    struct Membership
    {
        QString sid;
        QString socketId;
        QString nsp;
        QString room;
        QString reason;
    };
    struct Packet
    {
        PacketInfo info;
        QVariant data; // a copy: info.data is valid during the call only
    };
    struct RateLimitDecision
    {
        RateLimitInfo info;
        QString socketId;
    };

    std::vector<Connection> opened, closed;
    std::vector<Membership> joined, left, roomsJoined, roomsLeft;
    std::vector<Packet> packets;
    std::vector<AckInfo> replied, timedOut, cancelled;
    std::vector<RateLimitDecision> rateLimits;

    void connectionOpened(const QString &sid, const Handshake &handshake) override
    {
        opened.push_back({ sid, handshake, {} });
    }
    void connectionClosed(const QString &sid, const QString &reason) override
    {
        closed.push_back({ sid, {}, reason });
    }
    void namespaceJoined(const QString &sid, Socket *socket) override
    {
        joined.push_back({ sid, socket->id(), socket->nsp()->name(), {}, {} });
    }
    void namespaceLeft(const QString &sid, Socket *socket, const QString &reason) override
    {
        left.push_back({ sid, socket->id(), socket->nsp()->name(), {}, reason });
    }
    void roomJoined(Socket *socket, const QString &room) override
    {
        roomsJoined.push_back({ {}, socket->id(), socket->nsp()->name(), room, {} });
    }
    void roomLeft(Socket *socket, const QString &room) override
    {
        roomsLeft.push_back({ {}, socket->id(), socket->nsp()->name(), room, {} });
    }
    void packet(const PacketInfo &info) override
    {
        Packet p { info, info.data ? *info.data : QVariant() };
        p.info.data = nullptr;
        p.info.rooms = nullptr;
        p.info.exceptRooms = nullptr;
        packets.push_back(p);
    }
    void ackReplied(const AckInfo &info) override { replied.push_back(info); }
    void ackTimedOut(const AckInfo &info) override { timedOut.push_back(info); }
    void ackCancelled(const AckInfo &info) override { cancelled.push_back(info); }
    void rateLimitChecked(const RateLimitInfo &info) override
    {
        rateLimits.push_back({ info, info.socket->id() });
    }

    /// The packets of one direction and type (and event, when given).
    std::vector<Packet> find(
        Direction direction, PacketType type, const QString &event = QString()) const
    {
        std::vector<Packet> result;
        for (const Packet &p : packets) {
            if (p.info.direction == direction && p.info.type == type
                && (event.isNull() || p.info.event == event))
                result.push_back(p);
        }
        return result;
    }
    template<typename T>
    static int count(const std::vector<T> &list, const QString &socketId, const QString &room)
    {
        return int(std::count_if(list.begin(), list.end(),
            [&](const T &m) { return m.socketId == socketId && m.room == room; }));
    }
};

ClientOptions ownConnection(const QString &nsp = QStringLiteral("/"))
{
    ClientOptions o;
    o.namespaceName = nsp;
    o.multiplex = false;
    o.reconnection = false;
    return o;
}

QUrl urlOf(const Server &server)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port()));
}

/// The Socket.IO text of an EVENT/ACK as a peer writes it: type, ack id, JSON.
qsizetype textSize(char type, qint64 ackId, const char *json)
{
    QByteArray text(1, type);
    if (ackId >= 0)
        text += QByteArray::number(ackId);
    return text.size() + qsizetype(qstrlen(json));
}

} // namespace

class tst_ServerObserver : public QObject
{
    Q_OBJECT

    std::unique_ptr<Server> server;
    Recorder recorder;
    QPointer<Socket> lastSocket; // the server side of the last client that connected

    void startServer(ServerOptions options = {})
    {
        options.host = QHostAddress::LocalHost;
        options.port = 0;
        server = std::make_unique<Server>(options);
        recorder = Recorder();
        ServerCore::get(server.get())->observer = &recorder;
        QObject::connect(
            server.get(), &Server::connected, server.get(), [this](Socket *s) { lastSocket = s; });
        QVERIFY2(server->listen(), qPrintable(server->errorString()));
    }

    /// The Engine.IO id the observer was told when this socket joined.
    QString sidOf(Socket *socket) const
    {
        for (const Recorder::Membership &m : recorder.joined) {
            if (m.socketId == socket->id())
                return m.sid;
        }
        return {};
    }

private Q_SLOTS:
    void cleanup()
    {
        if (server)
            ServerCore::get(server.get())->observer = nullptr;
        server.reset();
    }

    void connectionAndNamespaceLifecycle()
    {
        startServer();
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QTRY_VERIFY(lastSocket);
        const QString sid = sidOf(lastSocket);
        const QString id = client.id();
        QCOMPARE(lastSocket->id(), id);
        QCOMPARE(sid.size(), 20); // an Engine.IO id, not the namespace socket's
        QVERIFY(sid != id);

        QCOMPARE(recorder.opened.size(), size_t(1));
        const Recorder::Connection &open = recorder.opened.front();
        QCOMPARE(open.sid, sid);
        QVERIFY(open.handshake.address().isLoopback());
        QVERIFY(open.handshake.url().startsWith(QStringLiteral("/socket.io/?")));
        QCOMPARE(
            open.handshake.query().value(QStringLiteral("EIO")).toString(), QStringLiteral("4"));
        QCOMPARE(open.handshake.query().value(QStringLiteral("transport")).toString(),
            QStringLiteral("websocket"));
        QCOMPARE(open.handshake.header("Host"),
            QByteArray("127.0.0.1:") + QByteArray::number(server->port()));
        QVERIFY(!open.handshake.isSecure());
        QVERIFY(open.handshake.issued() >= before);
        QVERIFY(open.handshake.issued() <= QDateTime::currentMSecsSinceEpoch());

        QCOMPARE(recorder.joined.size(), size_t(1));
        QCOMPARE(recorder.joined.front().sid, sid);
        QCOMPARE(recorder.joined.front().socketId, id);
        QCOMPARE(recorder.joined.front().nsp, QStringLiteral("/"));
        // The own-id room, and only it.
        QCOMPARE(recorder.roomsJoined.size(), size_t(1));
        QCOMPARE(Recorder::count(recorder.roomsJoined, id, id), 1);

        // The CONNECT in (no socket yet) and the CONNECT reply out, {"sid": id}.
        const auto connectIn = recorder.find(ServerObserver::Direction::In, PacketType::Connect);
        QCOMPARE(connectIn.size(), size_t(1));
        QCOMPARE(connectIn.front().info.sid, sid);
        QVERIFY(connectIn.front().info.socketId.isEmpty());
        QCOMPARE(connectIn.front().info.textBytes, 1); // "0"
        const auto connectOut = recorder.find(ServerObserver::Direction::Out, PacketType::Connect);
        QCOMPARE(connectOut.size(), size_t(1));
        QCOMPARE(connectOut.front().info.socketId, id);
        QCOMPARE(connectOut.front().info.textBytes,
            QByteArray("0{\"sid\":\"" + id.toLatin1() + "\"}").size());
        QCOMPARE(connectOut.front().info.targets, 1);
        QVERIFY(recorder.left.empty());
        QVERIFY(recorder.closed.empty());

        // The client leaves: its DISCONNECT, then the connection closes.
        client.close();
        QTRY_COMPARE(recorder.closed.size(), size_t(1));
        QCOMPARE(recorder.closed.front().sid, sid);
        QCOMPARE(recorder.closed.front().reason, QStringLiteral("transport close"));
        QCOMPARE(recorder.left.size(), size_t(1));
        QCOMPARE(recorder.left.front().sid, sid);
        QCOMPARE(recorder.left.front().socketId, id);
        QCOMPARE(recorder.left.front().reason, QStringLiteral("client namespace disconnect"));
        QCOMPARE(recorder.roomsLeft.size(), size_t(1));
        QCOMPARE(Recorder::count(recorder.roomsLeft, id, id), 1);
        QCOMPARE(recorder.opened.size(), size_t(1));
        QCOMPARE(recorder.joined.size(), size_t(1));
    }

    void serverClosesConnection()
    {
        startServer();
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QTRY_VERIFY(lastSocket);
        const QString id = lastSocket->id();
        lastSocket->join(QStringLiteral("lobby"));
        lastSocket->disconnectFromClient(true);
        QTRY_COMPARE(recorder.closed.size(), size_t(1));
        QCOMPARE(recorder.closed.front().reason, QStringLiteral("server namespace disconnect"));
        QCOMPARE(recorder.left.size(), size_t(1));
        QCOMPARE(recorder.left.front().reason, QStringLiteral("server namespace disconnect"));
        // Every room it was in, the explicit one and its own.
        QCOMPARE(recorder.roomsLeft.size(), size_t(2));
        QCOMPARE(Recorder::count(recorder.roomsLeft, id, QStringLiteral("lobby")), 1);
        QCOMPARE(Recorder::count(recorder.roomsLeft, id, id), 1);
        QCOMPARE(recorder.roomsLeft.back().room, id); // the own-id room last
        // The DISCONNECT packet the server sent first.
        const auto disconnect
            = recorder.find(ServerObserver::Direction::Out, PacketType::Disconnect);
        QCOMPARE(disconnect.size(), size_t(1));
        QCOMPARE(disconnect.front().info.socketId, id);
        QCOMPARE(disconnect.front().info.textBytes, 1); // "1"
    }

    void roomJoinAndLeave()
    {
        startServer();
        server->on(
            QStringLiteral("rooms"), [](Socket *socket, const QVariantList &, const Ack &ack) {
                socket->join(QStringLiteral("lobby"));
                socket->join(QStringLiteral("lobby")); // already in: not a join
                socket->join(QStringList { QStringLiteral("a"), QStringLiteral("b") });
                socket->leave(QStringLiteral("a"));
                socket->leave(QStringLiteral("a")); // not in: not a leave
                socket->leave(QStringLiteral("never"));
                ack();
            });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVERIFY(ask(client, QStringLiteral("rooms"), {}).isOk());
        const QString id = client.id();
        QCOMPARE(recorder.roomsJoined.size(), size_t(4)); // own id, lobby, a, b
        QCOMPARE(Recorder::count(recorder.roomsJoined, id, QStringLiteral("lobby")), 1);
        QCOMPARE(Recorder::count(recorder.roomsJoined, id, QStringLiteral("a")), 1);
        QCOMPARE(Recorder::count(recorder.roomsJoined, id, QStringLiteral("b")), 1);
        QCOMPARE(recorder.roomsLeft.size(), size_t(1));
        QCOMPARE(Recorder::count(recorder.roomsLeft, id, QStringLiteral("a")), 1);
        QCOMPARE(recorder.roomsLeft.front().nsp, QStringLiteral("/"));
    }

    void eventWithAck()
    {
        startServer();
        server->on(QStringLiteral("echo"), [](Socket *, const QVariantList &args, const Ack &ack) {
            QTest::qSleep(2); // a measurable latency
            ack(args);
        });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QElapsedTimer roundTrip;
        roundTrip.start();
        const AckResult result = ask(client, QStringLiteral("echo"), { QStringLiteral("hello") });
        const qint64 roundTripNs = roundTrip.nsecsElapsed();
        QVERIFY(result.isOk());
        const QString id = client.id();

        const auto in = recorder.find(ServerObserver::Direction::In, PacketType::Event);
        QCOMPARE(in.size(), size_t(1));
        const ServerObserver::PacketInfo &event = in.front().info;
        QCOMPARE(event.event, QStringLiteral("echo"));
        QCOMPARE(event.nsp, QStringLiteral("/"));
        QCOMPARE(event.socketId, id);
        QVERIFY(event.ackId >= 0);
        QCOMPARE(event.textBytes, textSize('2', event.ackId, R"(["echo","hello"])"));
        QCOMPARE(event.binaryBytes, 0);
        QCOMPARE(event.attachments, 0);
        QCOMPARE(in.front().data,
            QVariant(QVariantList { QStringLiteral("echo"), QStringLiteral("hello") }));

        const auto out = recorder.find(ServerObserver::Direction::Out, PacketType::Ack);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out.front().info.ackId, event.ackId);
        QCOMPARE(out.front().info.socketId, id);
        QVERIFY(out.front().info.event.isEmpty());
        QCOMPARE(out.front().info.textBytes, textSize('3', event.ackId, R"(["hello"])"));

        QCOMPARE(recorder.replied.size(), size_t(1));
        const ServerObserver::AckInfo &ack = recorder.replied.front();
        QCOMPARE(ack.direction, ServerObserver::Direction::In);
        QCOMPARE(ack.ackId, event.ackId);
        QCOMPARE(ack.event, QStringLiteral("echo"));
        QCOMPARE(ack.socketId, id);
        QCOMPARE(ack.nsp, QStringLiteral("/"));
        QCOMPARE(ack.sid, event.sid);
        // From receipt to reply: at least the handler's sleep, within the client's round trip.
        QVERIFY2(ack.latencyNs >= 2 * kNsPerMs, qPrintable(QString::number(ack.latencyNs)));
        QVERIFY2(ack.latencyNs < roundTripNs, qPrintable(QString::number(ack.latencyNs)));
        QVERIFY(recorder.timedOut.empty());
        QVERIFY(recorder.cancelled.empty());
    }

    void binaryEventAndAck()
    {
        startServer();
        server->on(QStringLiteral("upload"), [](Socket *, const QVariantList &, const Ack &ack) {
            ack({ QByteArray(300, 'r'), QByteArray(20, 's') });
        });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        const AckResult result = ask(client, QStringLiteral("upload"),
            { QVariantMap { { QStringLiteral("file"), QByteArray(1000, 'x') } } });
        QVERIFY(result.isOk());
        QCOMPARE(result.value().toByteArray().size(), 300);

        const auto in = recorder.find(ServerObserver::Direction::In, PacketType::BinaryEvent);
        QCOMPARE(in.size(), size_t(1));
        const ServerObserver::PacketInfo &event = in.front().info;
        QCOMPARE(event.event, QStringLiteral("upload"));
        QCOMPARE(event.attachments, 1);
        QCOMPARE(event.binaryBytes, 1000);
        QCOMPARE(event.textBytes,
            qsizetype(qstrlen("51-")) + QByteArray::number(event.ackId).size()
                + qsizetype(qstrlen(R"(["upload",{"file":{"_placeholder":true,"num":0}}])")));

        const auto out = recorder.find(ServerObserver::Direction::Out, PacketType::BinaryAck);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out.front().info.ackId, event.ackId);
        QCOMPARE(out.front().info.attachments, 2);
        QCOMPARE(out.front().info.binaryBytes, 320);
        QCOMPARE(out.front().info.textBytes,
            qsizetype(qstrlen("62-")) + QByteArray::number(event.ackId).size()
                + qsizetype(
                    qstrlen(R"([{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])")));
        QVERIFY(recorder.find(ServerObserver::Direction::Out, PacketType::Ack).empty());
        QCOMPARE(recorder.replied.size(), size_t(1));
    }

    void compressedPacketsCountTheirUncompressedSize()
    {
        ServerOptions options;
        options.enableCompression = true;
        options.compressionThreshold = 16;
        startServer(options);
        server->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        ClientOptions clientOptions = ownConnection();
        clientOptions.enableCompression = true;
        clientOptions.compressionThreshold = 16;
        Client client(urlOf(*server), clientOptions);
        QVERIFY(connectClient(client));
        const QString text(2000, QLatin1Char('z')); // compresses to a few bytes
        QVERIFY(ask(client, QStringLiteral("echo"), { text }).isOk());

        const auto in = recorder.find(ServerObserver::Direction::In, PacketType::Event);
        QCOMPARE(in.size(), size_t(1));
        QCOMPARE(in.front().info.extensions, quint8(ServerObserver::Deflate));
        const qsizetype json = 2000 + qsizetype(qstrlen(R"(["echo",""])"));
        QCOMPARE(
            in.front().info.textBytes, 1 + QByteArray::number(in.front().info.ackId).size() + json);
        const auto out = recorder.find(ServerObserver::Direction::Out, PacketType::Ack);
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out.front().info.extensions, quint8(ServerObserver::Deflate));
        QCOMPARE(out.front().info.textBytes,
            1 + QByteArray::number(out.front().info.ackId).size() + 2000 + 4); // 3N["z..."]
        // It did travel compressed: the pull counters saw it.
        QVERIFY(ServerCore::get(server.get())->compressionTotals.messagesOut >= 1);
    }

    void broadcastIsOnePacket()
    {
        startServer();
        Client first(urlOf(*server), ownConnection());
        Client second(urlOf(*server), ownConnection());
        QVERIFY(connectClient(first));
        QVERIFY(connectClient(second));
        QSignalSpy got(&second, &Client::eventReceived);
        const int sent = server->of(QStringLiteral("/"))
                             ->emitEvent(QStringLiteral("news"), { QStringLiteral("x") });
        QCOMPARE(sent, 2);
        QVERIFY(got.wait(5000));

        const auto out = recorder.find(ServerObserver::Direction::Out, PacketType::Event);
        QCOMPARE(out.size(), size_t(1));
        const ServerObserver::PacketInfo &news = out.front().info;
        QCOMPARE(news.event, QStringLiteral("news"));
        QCOMPARE(news.targets, 2);
        QVERIFY(news.socketId.isEmpty());
        QVERIFY(news.sid.isEmpty());
        QCOMPARE(news.textBytes, textSize('2', -1, R"(["news","x"])"));
        QCOMPARE(news.ackId, -1);

        // A broadcast that reaches nobody sends nothing and reports nothing.
        QCOMPARE(server->of(QStringLiteral("/"))
                     ->to(QStringLiteral("empty-room"))
                     .emitEvent(QStringLiteral("news"), {}),
            0);
        QCOMPARE(
            recorder.find(ServerObserver::Direction::Out, PacketType::Event).size(), size_t(1));
    }

    void serverAckReplied()
    {
        startServer();
        Client client(urlOf(*server), ownConnection());
        client.on(QStringLiteral("question"),
            [](const QVariantList &args, const Ack &ack) { ack({ args.value(0).toInt() + 1 }); });
        QVERIFY(connectClient(client));
        QTRY_VERIFY(lastSocket);
        std::optional<AckResult> answer;
        QElapsedTimer roundTrip;
        roundTrip.start();
        lastSocket->emitWithAck(
            QStringLiteral("question"), { 41 }, [&](const AckResult &r) { answer = r; }, 5000);
        QTRY_VERIFY(answer.has_value());
        const qint64 roundTripNs = roundTrip.nsecsElapsed();
        QCOMPARE(answer->value().toInt(), 42); // the user's callback still runs

        const auto out = recorder.find(
            ServerObserver::Direction::Out, PacketType::Event, QStringLiteral("question"));
        QCOMPARE(out.size(), size_t(1));
        QCOMPARE(out.front().info.ackId, 0);
        QCOMPARE(out.front().info.textBytes, textSize('2', 0, R"(["question",41])"));
        const auto in = recorder.find(ServerObserver::Direction::In, PacketType::Ack);
        QCOMPARE(in.size(), size_t(1));
        QCOMPARE(in.front().info.ackId, 0);
        QCOMPARE(in.front().info.textBytes, textSize('3', 0, "[42]"));

        QCOMPARE(recorder.replied.size(), size_t(1));
        const ServerObserver::AckInfo &ack = recorder.replied.front();
        QCOMPARE(ack.direction, ServerObserver::Direction::Out);
        QCOMPARE(ack.ackId, 0);
        QCOMPARE(ack.event, QStringLiteral("question"));
        QCOMPARE(ack.socketId, client.id());
        QCOMPARE(ack.sid, sidOf(lastSocket));
        QVERIFY(ack.latencyNs > 0);
        QVERIFY2(ack.latencyNs <= roundTripNs, qPrintable(QString::number(ack.latencyNs)));
        QVERIFY(recorder.timedOut.empty());
        QVERIFY(recorder.cancelled.empty());
    }

    void serverAckTimesOutOrIsCancelled()
    {
        startServer();
        Client client(urlOf(*server), ownConnection());
        client.on(QStringLiteral("silent"), [](const QVariantList &, const Ack &) {});
        QVERIFY(connectClient(client));
        QTRY_VERIFY(lastSocket);
        std::optional<AckResult> timedOut;
        lastSocket->emitWithAck(
            QStringLiteral("silent"), {}, [&](const AckResult &r) { timedOut = r; }, 100);
        QTRY_VERIFY(timedOut.has_value());
        QCOMPARE(timedOut->status(), AckResult::Status::Timeout);
        QCOMPARE(recorder.timedOut.size(), size_t(1));
        const ServerObserver::AckInfo &timeout = recorder.timedOut.front();
        QCOMPARE(timeout.ackId, 0);
        QCOMPARE(timeout.event, QStringLiteral("silent"));
        // The tracker's deadlines have whole-ms resolution: up to 1 ms early.
        QVERIFY2(
            timeout.latencyNs >= 99 * kNsPerMs, qPrintable(QString::number(timeout.latencyNs)));
        QVERIFY2(
            timeout.latencyNs < 5000 * kNsPerMs, qPrintable(QString::number(timeout.latencyNs)));

        std::optional<AckResult> cancelled;
        lastSocket->emitWithAck(
            QStringLiteral("silent"), {}, [&](const AckResult &r) { cancelled = r; }, 0);
        client.close();
        QTRY_VERIFY(cancelled.has_value());
        QCOMPARE(cancelled->status(), AckResult::Status::Disconnected);
        QCOMPARE(recorder.cancelled.size(), size_t(1));
        QCOMPARE(recorder.cancelled.front().ackId, 1);
        QCOMPARE(recorder.timedOut.size(), size_t(1));
        QVERIFY(recorder.replied.empty());
    }

    void rateLimitDecisions()
    {
        ServerOptions options;
        options.enableRateLimiting = true;
        options.rateLimitWindow = 60000;
        options.rateLimitMaxRequests = 2;
        options.enableErrorHandling = false;
        startServer(options);
        server->on(
            QStringLiteral("ping"), [](Socket *, const QVariantList &, const Ack &ack) { ack(); });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        for (int i = 0; i < 3; ++i)
            QVERIFY(ask(client, QStringLiteral("ping"), { i }).isOk());
        QCOMPARE(recorder.rateLimits.size(), size_t(3));
        for (int i = 0; i < 3; ++i) {
            const Recorder::RateLimitDecision &d = recorder.rateLimits.at(size_t(i));
            QCOMPARE(d.socketId, client.id());
            QCOMPARE(d.info.event, QStringLiteral("ping"));
            QCOMPARE(d.info.allowed, i < 2);
            QCOMPARE(d.info.remaining, qMax(0, 1 - i));
            QCOMPARE(d.info.window, 60000);
            QCOMPARE(d.info.maxRequests, 2);
            if (i < 2) {
                QCOMPARE(d.info.retryAfterMs, 0);
            } else {
                QVERIFY(d.info.retryAfterMs > 0);
                QVERIFY(d.info.retryAfterMs <= 60000);
            }
        }
        // The refused event's ack was answered by the limiter: still one reply per event.
        QCOMPARE(recorder.replied.size(), size_t(3));
    }

    void detachedObserverSeesNothing()
    {
        startServer();
        ServerCore::get(server.get())->observer = nullptr;
        server->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QTRY_VERIFY(lastSocket);
        // Attached between the event's receipt and its reply: the reply carries no latency
        // to report, and nothing breaks.
        server->on(QStringLiteral("late"), [this](Socket *, const QVariantList &, const Ack &ack) {
            ServerCore::get(server.get())->observer = &recorder;
            ack();
        });
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
        QVERIFY(recorder.packets.empty());
        QVERIFY(ask(client, QStringLiteral("late"), {}).isOk());
        QVERIFY(recorder.replied.empty());
        QCOMPARE(recorder.find(ServerObserver::Direction::Out, PacketType::Ack).size(), size_t(1));
        QVERIFY(recorder.opened.empty());
        QVERIFY(recorder.joined.empty());
    }
};

QTEST_MAIN(tst_ServerObserver)
#include "tst_serverobserver.moc"
