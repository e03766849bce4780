// Events and acknowledgements both ways, binary attachments, catch-all handlers and
// acks answered from other threads: our client against our server on loopback.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"

#include <QThread>
#include <QtTest>

#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::ownConnection;
using TestKit::startEchoServer;
using TestKit::urlOf;

class tst_Events : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void futureStyleRequest()
    {
        auto server = startEchoServer();
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QFuture<QVariantList> f = client.request(QStringLiteral("echo"), { 42 });
        QTRY_VERIFY(f.isFinished());
        QCOMPARE(f.result(), QVariantList { 42 });

        QFuture<QVariantList> never = client.request(QStringLiteral("no-such-handler"), {}, 150);
        QTRY_VERIFY(never.isFinished());
        bool threw = false;
        try {
            never.result();
        } catch (const AckError &e) {
            threw = true;
            QCOMPARE(e.result().status(), AckResult::Status::Timeout);
        }
        QVERIFY(threw);
    }

    void ackTimeout()
    {
        auto server = startEchoServer();
        server->on(QStringLiteral("slow"), [](Socket *, const QVariantList &) { /* no ack */ });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QElapsedTimer t;
        t.start();
        const AckResult r = ask(client, QStringLiteral("slow"), {}, 200);
        QCOMPARE(r.status(), AckResult::Status::Timeout);
        QVERIFY(t.elapsed() >= 190);
    }

    void ackAnsweredOnceAndLater()
    {
        auto server = startEchoServer();
        Ack stored;
        server->on(QStringLiteral("later"), [&](Socket *, const QVariantList &, const Ack &ack) {
            QVERIFY(ack.isRequested());
            stored = ack;
        });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        std::optional<AckResult> result;
        int calls = 0;
        client.emitEvent(QStringLiteral("later"), {}, [&](const AckResult &r) {
            result = r;
            ++calls;
        });
        QTRY_VERIFY(stored.isRequested());
        QVERIFY(!result);
        stored({ QStringLiteral("first") });
        stored({ QStringLiteral("second") }); // ignored
        QVERIFY(stored.isAnswered());
        QTRY_VERIFY(result.has_value());
        // A round trip on the same connection: whatever the server sent before its reply
        // (a second ack answer, if it wrongly sent one) has arrived by now.
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
        QCOMPARE(calls, 1);
        QCOMPARE(result->value().toString(), QStringLiteral("first"));
    }

    void serverEmitWithAck()
    {
        auto server = startEchoServer();
        QSignalSpy connected(server.get(), &Server::connected);
        Client client(urlOf(*server), ownConnection());
        client.on(QStringLiteral("question"),
            [](const QVariantList &args, const Ack &ack) { ack({ args.value(0).toInt() * 2 }); });
        client.on(QStringLiteral("ignored"), [](const QVariantList &) {});
        QVERIFY(connectClient(client));
        QTRY_COMPARE(connected.size(), 1);
        auto *socket = connected.at(0).at(0).value<Socket *>();

        std::optional<AckResult> answer;
        socket->emitWithAck(
            QStringLiteral("question"), { 21 }, [&](const AckResult &r) { answer = r; }, 3000);
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->isOk());
        QCOMPARE(answer->value().toInt(), 42);

        std::optional<AckResult> silence;
        socket->emitWithAck(
            QStringLiteral("ignored"), {}, [&](const AckResult &r) { silence = r; }, 150);
        QTRY_VERIFY(silence.has_value());
        QCOMPARE(silence->status(), AckResult::Status::Timeout);
    }

    void offAndOnAny()
    {
        auto server = startEchoServer();
        QStringList seen;
        server->defaultNamespace()->onAny(
            [&](Socket *, const QString &event, const QVariantList &) { seen.append(event); });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
        server->off(QStringLiteral("echo"));
        QVERIFY(!server->defaultNamespace()->hasHandler(QStringLiteral("echo")));
        QCOMPARE(
            ask(client, QStringLiteral("echo"), { 1 }, 200).status(), AckResult::Status::Timeout);
        QCOMPARE(seen, (QStringList { QStringLiteral("echo"), QStringLiteral("echo") }));
    }

    void binaryRoundTrip()
    {
        auto server = startEchoServer();
        QSignalSpy connected(server.get(), &Server::connected);
        QByteArray received;
        server->on(
            QStringLiteral("upload"), [&](Socket *, const QVariantList &args, const Ack &ack) {
                received = args.value(0).toMap().value(QStringLiteral("file")).toByteArray();
                ack(args);
            });
        Client client(urlOf(*server), ownConnection());
        std::optional<QVariantList> pushed;
        client.on(QStringLiteral("push"), [&](const QVariantList &args) { pushed = args; });
        QVERIFY(connectClient(client));
        QByteArray blob(70000, Qt::Uninitialized);
        for (int i = 0; i < blob.size(); ++i)
            blob[i] = char(i * 7);
        const QVariantMap upload { { QStringLiteral("name"), QStringLiteral("a.bin") },
            { QStringLiteral("file"), blob } };
        const AckResult r
            = ask(client, QStringLiteral("upload"), { upload, QByteArray("\x01\x02", 2) });
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        QCOMPARE(received, blob);
        QCOMPARE(r.value().toMap().value(QStringLiteral("file")).toByteArray(), blob);
        QCOMPARE(r.args().value(1).toByteArray(), QByteArray("\x01\x02", 2));

        // server -> client binary, through a broadcast too
        QTRY_COMPARE(connected.size(), 1);
        server->emitEvent(
            QStringLiteral("push"), { QByteArray("\xff\x00\xfe", 3), QStringLiteral("text") });
        QTRY_VERIFY(pushed.has_value());
        QCOMPARE(pushed->value(0).toByteArray(), QByteArray("\xff\x00\xfe", 3));
        QCOMPARE(pushed->value(1).toString(), QStringLiteral("text"));
    }

    void reservedNamesAreNotSent()
    {
        auto server = startEchoServer();
        QSignalSpy connected(server.get(), &Server::connected);
        Client client(urlOf(*server), ownConnection());
        QSignalSpy gone(&client, &Client::disconnected);
        QVERIFY(connectClient(client));
        QTRY_COMPARE(connected.size(), 1);
        auto *socket = connected.at(0).at(0).value<Socket *>();
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
        socket->emitEvent(QStringLiteral("connect"));
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
        QCOMPARE(server->emitEvent(QStringLiteral("disconnect")), 0);
        std::optional<AckResult> refused;
        QTest::ignoreMessage(
            QtWarningMsg, QRegularExpression(QStringLiteral("reserved event name")));
        socket->emitWithAck(
            QStringLiteral("newListener"), {}, [&](const AckResult &r) { refused = r; });
        QTRY_VERIFY(refused.has_value());
        QVERIFY(refused->isError());
        // A round trip: had the server sent any of the reserved events, they would have
        // reached the client before this reply (and made it drop the connection).
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
        if (!gone.isEmpty())
            qWarning() << "disconnected:" << gone.at(0).at(0).toString();
        QCOMPARE(gone.size(), 0); // the client was not sent anything it would choke on
    }

    void ackAndNextFromWorkerThreads()
    {
        auto server = startEchoServer();
        server->use([](Socket *, const QString &event, QVariantList &, const Next &next) {
            if (event != QStringLiteral("work"))
                return next();
            QThread *worker = QThread::create([next] { next(); });
            QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
            worker->start();
        });
        server->on(QStringLiteral("work"), [](Socket *, const QVariantList &args, const Ack &ack) {
            QThread *worker = QThread::create([ack, args] { ack({ args.value(0).toInt() + 1 }); });
            QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
            worker->start();
        });
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        const AckResult r = ask(client, QStringLiteral("work"), { 41 });
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        QCOMPARE(r.value().toInt(), 42);
    }

    void deepJsonIsServed()
    {
        auto server = startEchoServer();
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        QVariant deep = 1;
        for (int i = 0; i < 200; ++i)
            deep = QVariantList { deep };
        const AckResult r = ask(client, QStringLiteral("echo"), { deep });
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        QCOMPARE(r.value(), deep);
    }

    void deletingTheClientInsideAnAckTimeout()
    {
        auto server = startEchoServer();
        server->on(QStringLiteral("slow"), [](Socket *, const QVariantList &) {});
        auto *client = new Client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(*client));
        bool called = false;
        client->emitEvent(
            QStringLiteral("slow"), {},
            [&](const AckResult &) {
                called = true;
                delete client; // from inside its own ack callback
            },
            50);
        client->emitEvent(
            QStringLiteral("slow"), {}, [](const AckResult &) {}, 50);
        QTRY_VERIFY(called);
        // A fixed wait on purpose: nothing observable is left to wait for; the second ack's
        // timer (50 ms) must fire and find the client gone without touching it (ASan would
        // tell). 100 ms is twice its timeout.
        QTest::qWait(100);
    }
};

QTEST_MAIN(tst_Events)
#include "tst_events.moc"
