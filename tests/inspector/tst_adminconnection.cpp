// AdminConnection against the real reference: a Node socket.io 4.8 server instrumented with
// @socket.io/admin-ui 0.5.1 (tests/interop/node/admin-server.js), with socket.io-client bots.

#include "adminconnection.h"
#include "inspectormodels.h"
#include "nodeprocess.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Inspector;

class tst_AdminConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void authSuccessAndSession();
    void authFailure();
    void developmentMode();
    void productionMode();
    void readonly();
    void actionsTakeEffect();
    void extensions();
    void reconnectsAfterServerRestart();

private:
    std::unique_ptr<TestKit::NodeProcess> startServer(const QStringList &args);
    static ConnectionProfile profile(quint16 port, const QString &user = QStringLiteral("admin"));
    static bool waitConnected(AdminConnection &admin, int timeoutMs = 15000);
    QString m_dir;
};

void tst_AdminConnection::initTestCase()
{
    m_dir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);
    if (QStringLiteral(SMARTSOCKET_NODE).isEmpty())
        QSKIP("node not found");
    if (!TestKit::NodeProcess::hasPackage(m_dir, QStringLiteral("@socket.io/admin-ui")))
        QSKIP("tests/interop/node_modules/@socket.io/admin-ui missing (npm ci --prefix "
              "tests/interop)");
}

std::unique_ptr<TestKit::NodeProcess> tst_AdminConnection::startServer(const QStringList &args)
{
    auto node = std::make_unique<TestKit::NodeProcess>(
        QStringLiteral(SMARTSOCKET_NODE), m_dir + QStringLiteral("/node/admin-server.js"), args);
    node->setWorkingDirectory(m_dir);
    if (!node->start())
        qWarning() << "admin-server.js:" << node->errorString();
    return node;
}

ConnectionProfile tst_AdminConnection::profile(quint16 port, const QString &user)
{
    ConnectionProfile p;
    p.mode = ConnectionProfile::Mode::Admin;
    p.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
    p.username = user;
    return p;
}

bool tst_AdminConnection::waitConnected(AdminConnection &admin, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (admin.state() == ConnectionState::Connected && admin.hasConfig())
            return true;
        if (admin.state() == ConnectionState::Failed)
            return false;
        QTest::qWait(20);
    }
    return false;
}

void tst_AdminConnection::authSuccessAndSession()
{
    auto node = startServer({});
    QVERIFY(node->isRunning());
    InspectorModels models;
    AdminConnection admin(&models);
    QSignalSpy session(&admin, &AdminConnection::sessionReceived);
    admin.open(profile(node->port()), QStringLiteral("secret"));
    QVERIFY2(waitConnected(admin), qPrintable(admin.errorString()));
    QTRY_COMPARE(session.count(), 1);
    const QString sessionId = session.at(0).at(0).toString();
    QCOMPARE(sessionId.size(), 16);
    QCOMPARE(admin.sessionId(), sessionId);
    QVERIFY(!admin.adminSocketId().isEmpty());

    // The session id alone logs in (no password), as on a reconnect.
    InspectorModels models2;
    AdminConnection second(&models2);
    second.open(profile(node->port(), QString()), QString(), sessionId);
    QVERIFY2(waitConnected(second), qPrintable(second.errorString()));

    // An unknown session with no credentials to fall back on fails like bad credentials.
    AdminConnection third(&models2);
    QSignalSpy failed(&third, &AdminConnection::authenticationFailed);
    third.open(profile(node->port(), QString()), QString(), QStringLiteral("0000000000000000"));
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(third.state(), ConnectionState::Failed);

    // An unknown session with credentials: falls back to the password, gets a new session.
    AdminConnection fourth(&models2);
    QSignalSpy fourthSession(&fourth, &AdminConnection::sessionReceived);
    fourth.open(
        profile(node->port()), QStringLiteral("secret"), QStringLiteral("0000000000000000"));
    QVERIFY2(waitConnected(fourth), qPrintable(fourth.errorString()));
    QTRY_COMPARE(fourthSession.count(), 1);
    QVERIFY(fourth.sessionId() != QLatin1String("0000000000000000"));
}

void tst_AdminConnection::authFailure()
{
    auto node = startServer({});
    QVERIFY(node->isRunning());
    InspectorModels models;
    AdminConnection admin(&models);
    QSignalSpy failed(&admin, &AdminConnection::authenticationFailed);
    admin.open(profile(node->port()), QStringLiteral("wrong"));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 15000);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("invalid credentials"));
    QCOMPARE(admin.state(), ConnectionState::Failed);
    // Failed is final: no reconnection loop hammering the server with a wrong password.
    QTest::qWait(1500);
    QCOMPARE(admin.state(), ConnectionState::Failed);
    QCOMPARE(failed.count(), 1);
}

void tst_AdminConnection::developmentMode()
{
    auto node = startServer({ QStringLiteral("--bots"), QStringLiteral("3"),
        QStringLiteral("--traffic"), QStringLiteral("200") });
    QVERIFY(node->isRunning());
    InspectorModels models;
    QAbstractItemModelTester t1(
        models.sockets(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(
        models.events(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(
        models.namespaces(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t4(
        models.rooms(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t5(
        models.servers(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    AdminConnection admin(&models);
    admin.open(profile(node->port()), QStringLiteral("secret"));
    QVERIFY2(waitConnected(admin), qPrintable(admin.errorString()));
    QVERIFY(admin.isDevelopmentMode());
    QVERIFY(!admin.isReadonly());
    for (const QString &f : { AdminConnection::FeatureJoin, AdminConnection::FeatureLeave,
             AdminConnection::FeatureDisconnect, AdminConnection::FeatureEmit,
             AdminConnection::FeatureAggregatedEvents, AdminConnection::FeatureAllEvents })
        QVERIFY2(admin.hasFeature(f), qPrintable(f));
    QVERIFY(!admin.hasFeature(AdminConnection::FeatureAcks));

    // all_sockets: the three bots (two in /, one in /chat) and our own admin socket.
    const QStringList bots = node->outputLines().filter(QStringLiteral("BOT "));
    QCOMPARE(bots.size(), 3);
    for (const QString &line : bots) {
        const QStringList parts = line.split(QLatin1Char(' '));
        QVERIFY2(models.sockets()->indexOf(parts[1], parts[2]) >= 0, qPrintable(line));
    }
    QTRY_VERIFY(models.sockets()->indexOf(QStringLiteral("/admin"), admin.adminSocketId()) >= 0);
    const int row = models.sockets()->indexOf(
        bots[0].split(QLatin1Char(' '))[1], bots[0].split(QLatin1Char(' '))[2]);
    const SocketInfo &bot = models.sockets()->socket(row);
    QCOMPARE(bot.address, QStringLiteral("127.0.0.1"));
    QCOMPARE(bot.transport, QStringLiteral("websocket"));
    QVERIFY(bot.rooms.contains(QStringLiteral("lobby")));
    QVERIFY(bot.data.value(QStringLiteral("name")).toString().startsWith(QStringLiteral("bot-")));

    // event_received / event_sent of the bots' traffic reach the log.
    QTRY_VERIFY_WITH_TIMEOUT(models.events()->rowCount() > 5, 10000);
    bool received = false, sent = false;
    for (int i = 0; i < models.events()->rowCount(); ++i) {
        const EventRecord &r = models.events()->record(i);
        if (r.event == QLatin1String("message")
            && r.direction == EventRecord::Direction::Received) {
            received = true;
            QVERIFY(r.args.value(0).toString().startsWith(QStringLiteral("hello")));
        }
        if (r.event == QLatin1String("message") && r.direction == EventRecord::Direction::Sent)
            sent = true;
    }
    QVERIFY(received);
    QVERIFY(sent);

    // server_stats: one healthy server, clients and packets series, namespace counts.
    QTRY_COMPARE(models.servers()->rowCount(), 1);
    QCOMPARE(models.servers()->servers().first().clientsCount, 4); // 3 bots + us
    QTRY_VERIFY_WITH_TIMEOUT(!models.stats()->series(StatsHistory::PacketsIn).isEmpty(), 6000);
    QTRY_VERIFY(models.namespaces()->rowCount() >= 3); // /, /chat, /admin
    QTRY_VERIFY(models.rooms()->rowCount() >= 2);

    // A bot leaving shows up as a socket_disconnected.
    const int before = models.sockets()->rowCount();
    admin.disconnectSockets(
        bots[1].split(QLatin1Char(' '))[1], bots[1].split(QLatin1Char(' '))[2], false);
    QTRY_COMPARE(models.sockets()->rowCount(), before - 1);
}

void tst_AdminConnection::productionMode()
{
    auto node = startServer({ QStringLiteral("--production"), QStringLiteral("--bots"),
        QStringLiteral("2"), QStringLiteral("--traffic"), QStringLiteral("200") });
    QVERIFY(node->isRunning());
    InspectorModels models;
    AdminConnection admin(&models);
    admin.open(profile(node->port()), QStringLiteral("secret"));
    QVERIFY2(waitConnected(admin), qPrintable(admin.errorString()));
    QVERIFY(!admin.isDevelopmentMode());
    QVERIFY(admin.hasFeature(AdminConnection::FeatureAggregatedEvents));
    // Aggregates arrive (stats every 2 s) ...
    QTRY_VERIFY_WITH_TIMEOUT(!models.stats()->series(StatsHistory::PacketsIn).isEmpty(), 6000);
    QCOMPARE(models.servers()->servers().first().clientsCount, 3);
    QTRY_VERIFY(models.namespaces()->rowCount() >= 2);
    // ... but never a socket or an event.
    QTest::qWait(1000);
    QCOMPARE(models.sockets()->rowCount(), 0);
    QCOMPARE(models.events()->rowCount() + models.events()->pendingCount(), 0);
}

void tst_AdminConnection::readonly()
{
    auto node = startServer(
        { QStringLiteral("--readonly"), QStringLiteral("--bots"), QStringLiteral("1") });
    QVERIFY(node->isRunning());
    InspectorModels models;
    AdminConnection admin(&models);
    admin.open(profile(node->port()), QStringLiteral("secret"));
    QVERIFY2(waitConnected(admin), qPrintable(admin.errorString()));
    QVERIFY(admin.isReadonly());
    QVERIFY(admin.isDevelopmentMode());
    const QString bot = node->outputLines()
                            .filter(QStringLiteral("BOT "))
                            .value(0)
                            .split(QLatin1Char(' '))
                            .value(2);
    QVERIFY(!bot.isEmpty());
    QVERIFY(!admin.joinRoom(QStringLiteral("/"), QStringLiteral("vip"), bot));
    QVERIFY(admin.errorString().contains(QStringLiteral("JOIN")));
    QVERIFY(!admin.leaveRoom(QStringLiteral("/"), QStringLiteral("lobby"), bot));
    QVERIFY(!admin.disconnectSockets(QStringLiteral("/"), bot, false));
    QVERIFY(!admin.emitTo(QStringLiteral("/"), bot, QStringLiteral("x"), {}));
    // Nothing reached the server.
    QTest::qWait(500);
    const QStringList lines = node->outputLines();
    QVERIFY(lines.filter(QStringLiteral("JOINED / vip")).isEmpty());
    QVERIFY(lines.filter(QStringLiteral("DISCONNECTED")).isEmpty());
}

void tst_AdminConnection::actionsTakeEffect()
{
    auto node = startServer({ QStringLiteral("--bots"), QStringLiteral("2") });
    QVERIFY(node->isRunning());
    InspectorModels models;
    AdminConnection admin(&models);
    admin.open(profile(node->port()), QStringLiteral("secret"));
    QVERIFY2(waitConnected(admin), qPrintable(admin.errorString()));
    const QStringList bots = node->outputLines().filter(QStringLiteral("BOT / "));
    QCOMPARE(bots.size(), 1);
    const QString bot = bots[0].split(QLatin1Char(' '))[2];

    QVERIFY(admin.joinRoom(QStringLiteral("/"), QStringLiteral("vip"), bot));
    QVERIFY(node->waitForOutput(QStringLiteral("JOINED / vip %1").arg(bot)));
    // room_joined comes back and updates the model.
    QTRY_VERIFY(models.sockets()
                    ->socket(models.sockets()->indexOf(QStringLiteral("/"), bot))
                    .rooms.contains(QStringLiteral("vip")));

    QVERIFY(admin.leaveRoom(QStringLiteral("/"), QStringLiteral("lobby"), bot));
    QVERIFY(node->waitForOutput(QStringLiteral("LEFT / lobby %1").arg(bot)));
    QTRY_VERIFY(!models.sockets()
                     ->socket(models.sockets()->indexOf(QStringLiteral("/"), bot))
                     .rooms.contains(QStringLiteral("lobby")));

    QVERIFY(
        admin.emitTo(QStringLiteral("/"), bot, QStringLiteral("notice"), { QStringLiteral("hi") }));
    // event_sent for the emit comes back through the admin namespace.
    QTRY_VERIFY([&] {
        for (int i = 0; i < models.events()->rowCount(); ++i) {
            const EventRecord &r = models.events()->record(i);
            if (r.event == QLatin1String("notice") && r.socketId == bot)
                return true;
        }
        return false;
    }());

    // Without a filter (null on the wire) the server emits to the whole namespace.
    QVERIFY(admin.emitTo(QStringLiteral("/chat"), {}, QStringLiteral("announce"), { 1 }));
    QTRY_VERIFY([&] {
        for (int i = 0; i < models.events()->rowCount(); ++i) {
            const EventRecord &r = models.events()->record(i);
            if (r.event == QLatin1String("announce") && r.nsp == QLatin1String("/chat"))
                return true;
        }
        return false;
    }());

    QVERIFY(admin.disconnectSockets(QStringLiteral("/"), bot, false));
    QVERIFY(node->waitForOutput(
        QStringLiteral("DISCONNECTED / %1 server namespace disconnect").arg(bot)));
    QTRY_COMPARE(models.sockets()->indexOf(QStringLiteral("/"), bot), -1);
}

void tst_AdminConnection::extensions()
{
    auto node = startServer({ QStringLiteral("--extensions"), QStringLiteral("--bots"),
        QStringLiteral("2"), QStringLiteral("--traffic"), QStringLiteral("100") });
    QVERIFY(node->isRunning());
    InspectorModels models;
    QAbstractItemModelTester t1(
        models.acks(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(
        models.rateLimits(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    AdminConnection admin(&models);
    admin.open(profile(node->port()), QStringLiteral("secret"));
    QVERIFY2(waitConnected(admin), qPrintable(admin.errorString()));
    QVERIFY(admin.hasFeature(AdminConnection::FeatureAcks));
    QVERIFY(admin.hasFeature(AdminConnection::FeatureRateLimits));
    QVERIFY(admin.hasFeature(AdminConnection::FeatureStats));
    QTRY_VERIFY_WITH_TIMEOUT(models.acks()->countWithStatus(AcksModel::Status::Ok) > 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(models.acks()->countWithStatus(AcksModel::Status::Timeout) > 0, 10000);
    // 10 messages/s against 5 per 2 s: rejections.
    QTRY_VERIFY_WITH_TIMEOUT(models.rateLimits()->rowCount() > 0, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(models.rateLimits()->entry(0).rejected > 0, 10000);
    QTRY_VERIFY(!models.stats()->series(StatsHistory::RateLimited).isEmpty());
    QTRY_VERIFY(!admin.extensionStats().isEmpty());
}

void tst_AdminConnection::reconnectsAfterServerRestart()
{
    auto node = startServer({});
    QVERIFY(node->isRunning());
    InspectorModels models;
    AdminConnection admin(&models);
    QSignalSpy states(&admin, &AdminConnection::stateChanged);
    admin.open(profile(node->port()), QStringLiteral("secret"));
    QVERIFY2(waitConnected(admin), qPrintable(admin.errorString()));
    QVERIFY(!admin.sessionId().isEmpty());
    const QString oldSession = admin.sessionId();
    // The restarted server forgot the session (memory store): the connection falls back to
    // the password by itself and gets a new one.
    QVERIFY(node->restartOnSamePort());
    QTRY_COMPARE_WITH_TIMEOUT(admin.state(), ConnectionState::Reconnecting, 10000);
    QVERIFY(waitConnected(admin, 20000));
    QTRY_VERIFY(!admin.sessionId().isEmpty() && admin.sessionId() != oldSession);
}

QTEST_GUILESS_MAIN(tst_AdminConnection)
#include "tst_adminconnection.moc"
