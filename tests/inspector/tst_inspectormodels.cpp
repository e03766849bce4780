// Every inspector model under QAbstractItemModelTester while fed realistic data, plus the
// promises of each: ring-buffer bound, batching, pause, filters, health timeout, histogram.

#include "acksmodel.h"
#include "eventfilterproxymodel.h"
#include "eventlogmodel.h"
#include "inspectorsettings.h"
#include "namespacesmodel.h"
#include "ratelimitmodel.h"
#include "roomsmodel.h"
#include "serversmodel.h"
#include "socketsmodel.h"
#include "statshistory.h"
#include "valueformat.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Inspector;

namespace {

EventRecord makeEvent(int i, const QString &nsp = QStringLiteral("/"))
{
    EventRecord r;
    r.time = QDateTime::currentDateTimeUtc();
    r.direction = i % 3 == 0 ? EventRecord::Direction::Sent : EventRecord::Direction::Received;
    r.nsp = nsp;
    r.socketId = QStringLiteral("sock%1").arg(i % 7);
    r.event = i % 2 ? QStringLiteral("message") : QStringLiteral("update");
    r.args = { QVariantMap { { QStringLiteral("n"), i },
        { QStringLiteral("text"), QStringLiteral("hello %1").arg(i) } } };
    return r;
}

// A SerializedSocket as @socket.io/admin-ui sends it.
QVariantMap serialized(const QString &id, const QString &nsp, const QStringList &rooms)
{
    return { { QStringLiteral("id"), id }, { QStringLiteral("clientId"), id.left(12) },
        { QStringLiteral("transport"), QStringLiteral("websocket") },
        { QStringLiteral("nsp"), nsp },
        { QStringLiteral("data"), QVariantMap { { QStringLiteral("user"), id.toUpper() } } },
        { QStringLiteral("handshake"),
            QVariantMap { { QStringLiteral("address"), QStringLiteral("127.0.0.1") },
                { QStringLiteral("issued"), QDateTime::currentMSecsSinceEpoch() },
                { QStringLiteral("headers"),
                    QVariantMap { { QStringLiteral("host"), QStringLiteral("x") } } } } },
        { QStringLiteral("rooms"), rooms } };
}

} // namespace

class tst_InspectorModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eventLog_batchesAndBounds();
    void eventLog_pauseQueuesAndResumes();
    void eventLog_filters();
    void eventLog_jsonLines();
    void sockets_roomsAndNamespaces();
    void servers_health();
    void acks_pendingAndHistogram();
    void rateLimits_payload();
    void statsHistory_aggregates();
    void valueFormat_data();
    void valueFormat();
    void settings_roundTrip();
};

void tst_InspectorModels::eventLog_batchesAndBounds()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(1000);
    model.setFlushInterval(30);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (int i = 0; i < 500; ++i)
        model.append(makeEvent(i));
    // Appending only queues: the model changes once, on the timer.
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.pendingCount(), 500);
    QTRY_COMPARE(model.rowCount(), 500);
    QCOMPARE(inserted.count(), 1);
    // Past capacity the oldest rows go, and the count stays bounded.
    for (int i = 500; i < 2500; ++i)
        model.append(makeEvent(i));
    QTRY_COMPARE(model.pendingCount(), 0);
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.droppedCount(), 1500);
    QCOMPARE(model.totalCount(), 2500);
    QCOMPARE(model.index(0, EventLogModel::ArgumentsColumn).data().toString(),
        QStringLiteral("{\"n\":1500,\"text\":\"hello 1500\"}"));
    QCOMPARE(
        model.index(999, EventLogModel::EventColumn).data().toString(), QStringLiteral("message"));
    model.setCapacity(10);
    QCOMPARE(model.rowCount(), 10);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void tst_InspectorModels::eventLog_pauseQueuesAndResumes()
{
    EventLogModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFlushInterval(10);
    model.setCapacity(100);
    model.setPaused(true);
    for (int i = 0; i < 150; ++i)
        model.append(makeEvent(i));
    QTest::qWait(50);
    QCOMPARE(model.rowCount(), 0);
    // At most capacity() wait; the oldest of the queue are dropped.
    QCOMPARE(model.pendingCount(), 100);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(model.record(0).args.value(0).toMap().value(QStringLiteral("n")).toInt(), 50);
}

void tst_InspectorModels::eventLog_filters()
{
    EventLogModel model;
    model.setFlushInterval(0);
    EventFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 60; ++i)
        model.append(makeEvent(i, i % 2 ? QStringLiteral("/chat") : QStringLiteral("/")));
    model.flush();
    QCOMPARE(proxy.rowCount(), 60);
    proxy.setNamespaceFilter(QStringLiteral("chat"));
    QCOMPARE(proxy.rowCount(), 30);
    proxy.setSocketFilter(QStringLiteral("sock1"));
    for (int row = 0; row < proxy.rowCount(); ++row) {
        QCOMPARE(proxy.index(row, EventLogModel::SocketColumn).data().toString(),
            QStringLiteral("sock1"));
        QCOMPARE(proxy.index(row, EventLogModel::NamespaceColumn).data().toString(),
            QStringLiteral("/chat"));
    }
    QVERIFY(proxy.rowCount() > 0);
    proxy.setNamespaceFilter({});
    proxy.setSocketFilter({});
    proxy.setTextFilter(QStringLiteral("HELLO 42"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setTextFilter({});
    proxy.setEventFilter(QStringLiteral("update"));
    QCOMPARE(proxy.rowCount(), 30);
    proxy.setDirectionFilter(int(EventRecord::Direction::Sent));
    QCOMPARE(proxy.rowCount(), 10); // even i divisible by 3
    // New rows are filtered as they arrive.
    model.append(makeEvent(60));
    model.flush();
    QCOMPARE(proxy.rowCount(), 11);
}

void tst_InspectorModels::eventLog_jsonLines()
{
    EventRecord r = makeEvent(1);
    r.args.append(QByteArray("\xde\xad\xbe\xef", 4));
    const QByteArray line = EventLogModel::toJsonLine(r);
    QVERIFY(line.endsWith('\n'));
    const QJsonDocument doc = QJsonDocument::fromJson(line);
    QVERIFY(doc.isObject());
    QCOMPARE(doc[QStringLiteral("event")].toString(), QStringLiteral("message"));
    QCOMPARE(doc[QStringLiteral("direction")].toString(), QStringLiteral("in"));
    QCOMPARE(doc[QStringLiteral("args")][1][QStringLiteral("_binary")].toString(),
        QStringLiteral("deadbeef"));
}

void tst_InspectorModels::sockets_roomsAndNamespaces()
{
    SocketsModel sockets;
    RoomsModel rooms(&sockets);
    NamespacesModel namespaces(&sockets);
    QAbstractItemModelTester t1(&sockets, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t2(&rooms, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester t3(
        &namespaces, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QList<SocketInfo> all;
    for (int i = 0; i < 20; ++i) {
        const QString id = QStringLiteral("s%1").arg(i);
        all << SocketInfo::fromVariant(
            serialized(id, i < 12 ? QStringLiteral("/") : QStringLiteral("/chat"),
                { id, QStringLiteral("lobby") }));
    }
    all << SocketInfo::fromVariant(
        QVariantMap { { QStringLiteral("id"), QStringLiteral("noNsp") } });
    sockets.resetSockets(all);
    QCOMPARE(sockets.rowCount(), 20); // the malformed entry is ignored
    QCOMPARE(sockets.index(0, SocketsModel::AddressColumn).data().toString(),
        QStringLiteral("127.0.0.1"));
    QCOMPARE(sockets.index(0, SocketsModel::DataColumn).data().toString(),
        QStringLiteral("{\"user\":\"S0\"}"));

    sockets.addSocket(
        SocketInfo::fromVariant(serialized(QStringLiteral("s20"), QStringLiteral("/chat"), {})));
    sockets.addRoom(QStringLiteral("/chat"), QStringLiteral("s20"), QStringLiteral("vip"));
    sockets.addRoom(QStringLiteral("/chat"), QStringLiteral("s12"), QStringLiteral("vip"));
    sockets.removeRoom(QStringLiteral("/"), QStringLiteral("s3"), QStringLiteral("lobby"));
    sockets.updateSocket(QStringLiteral("/"), QStringLiteral("s1"),
        { { QStringLiteral("transport"), QStringLiteral("polling") } });
    sockets.removeSocket(QStringLiteral("/"), QStringLiteral("s0"));
    sockets.removeSocket(QStringLiteral("/"), QStringLiteral("unknown")); // no-op
    QCOMPARE(sockets.rowCount(), 20);
    QCOMPARE(sockets
                 .index(sockets.indexOf(QStringLiteral("/"), QStringLiteral("s1")),
                     SocketsModel::TransportColumn)
                 .data()
                 .toString(),
        QStringLiteral("polling"));

    // Rooms and namespaces are rebuilt on a timer (coalesced).
    QTRY_COMPARE(rooms.rowCount(), 3); // / lobby, /chat lobby, /chat vip
    QMap<QString, int> members;
    for (int row = 0; row < rooms.rowCount(); ++row) {
        members.insert(rooms.index(row, RoomsModel::NamespaceColumn).data().toString()
                + QLatin1Char(' ') + rooms.index(row, RoomsModel::RoomColumn).data().toString(),
            rooms.index(row, RoomsModel::MembersCountColumn).data().toInt());
    }
    QCOMPARE(members.value(QStringLiteral("/ lobby")), 10); // s1..s11 minus s3
    QCOMPARE(members.value(QStringLiteral("/chat lobby")), 8);
    QCOMPARE(members.value(QStringLiteral("/chat vip")), 2);
    rooms.setShowPrivateRooms(true);
    QCOMPARE(rooms.rowCount(), 3 + 19); // s1..s19 (s20 was made without its own room)

    QTRY_COMPARE(namespaces.rowCount(), 2);
    const QModelIndex root = namespaces.index(0, 0);
    QCOMPARE(root.data().toString(), QStringLiteral("/"));
    QCOMPARE(namespaces.index(0, NamespacesModel::CountColumn).data().toInt(), 11);
    QCOMPARE(namespaces.rowCount(root), 11);
    QCOMPARE(namespaces.parent(namespaces.index(0, 0, root)), root);
    // Server counts win where a server reports the namespace (production mode has no sockets).
    namespaces.setServerCounts(QStringLiteral("node-a"),
        { { QStringLiteral("/"), 500 }, { QStringLiteral("/admin"), 1 } });
    namespaces.setServerCounts(QStringLiteral("node-b"), { { QStringLiteral("/"), 250 } });
    QTRY_COMPARE(namespaces.rowCount(), 3);
    QCOMPARE(namespaces.index(0, NamespacesModel::CountColumn).data().toInt(), 750);
    sockets.clear();
    namespaces.removeServer(QStringLiteral("node-b"));
    QTRY_COMPARE(namespaces.index(0, NamespacesModel::CountColumn).data().toInt(), 500);
}

void tst_InspectorModels::servers_health()
{
    ServersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    auto stats = [](const QString &id, int clients) {
        return QVariantMap { { QStringLiteral("serverId"), id },
            { QStringLiteral("hostname"), QStringLiteral("host") }, { QStringLiteral("pid"), 42 },
            { QStringLiteral("uptime"), 12.5 }, { QStringLiteral("clientsCount"), clients } };
    };
    model.updateFromStats(stats(QStringLiteral("a"), 3), t0);
    model.updateFromStats(stats(QStringLiteral("b"), 4), t0);
    model.updateFromStats(QVariantMap {}, t0); // no serverId: ignored
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.totalClients(), 7);
    QSignalSpy health(&model, &ServersModel::healthChanged);
    model.updateFromStats(stats(QStringLiteral("a"), 5), t0.addMSecs(9000));
    model.checkHealth(t0.addMSecs(10000));
    QCOMPARE(health.count(), 0); // exactly 10 s: still healthy
    model.checkHealth(t0.addMSecs(10001));
    QCOMPARE(health.count(), 1);
    QCOMPARE(health.at(0).at(0).toString(), QStringLiteral("b"));
    QCOMPARE(
        model.index(1, ServersModel::HealthColumn).data(ServersModel::HealthyRole).toBool(), false);
    QCOMPARE(model.totalClients(), 5);
    model.updateFromStats(stats(QStringLiteral("b"), 1), t0.addMSecs(11000));
    QCOMPARE(health.count(), 2);
    QCOMPARE(
        model.index(1, ServersModel::HealthColumn).data(ServersModel::HealthyRole).toBool(), true);
}

void tst_InspectorModels::acks_pendingAndHistogram()
{
    AcksModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapacity(50);
    AcksModel::Ack pending;
    pending.event = QStringLiteral("save");
    pending.time = QDateTime::currentDateTimeUtc();
    const quint64 h = model.add(pending);
    QCOMPARE(model.index(0, AcksModel::StatusColumn).data().toString(), QStringLiteral("pending"));
    QVERIFY(model.complete(h, AcksModel::Status::Ok, 3.2, { QStringLiteral("done") }));
    QCOMPARE(model.index(0, AcksModel::LatencyColumn).data().toString(), QStringLiteral("3.20 ms"));
    QCOMPARE(model.index(0, AcksModel::ReplyColumn).data().toString(), QStringLiteral("\"done\""));
    const double latencies[] = { 0.5, 1.5, 7, 7, 120, 9000 };
    for (double l : latencies) {
        QVERIFY(model.addFromVariant(QVariantMap { { QStringLiteral("nsp"), QStringLiteral("/") },
            { QStringLiteral("socketId"), QStringLiteral("x") },
            { QStringLiteral("event"), QStringLiteral("echo") }, { QStringLiteral("ackId"), 1 },
            { QStringLiteral("direction"), QStringLiteral("in") },
            { QStringLiteral("latencyMs"), l },
            { QStringLiteral("status"), QStringLiteral("ok") } }));
    }
    QVERIFY(model.addFromVariant(QVariantMap { { QStringLiteral("event"), QStringLiteral("q") },
        { QStringLiteral("status"), QStringLiteral("timeout") },
        { QStringLiteral("latencyMs"), 1000 } }));
    QVERIFY(
        !model.addFromVariant(QVariantMap { { QStringLiteral("status"), QStringLiteral("ok") } }));
    const QList<int> histogram = model.latencyHistogram();
    QCOMPARE(histogram.size(), AcksModel::bucketLabels().size());
    QCOMPARE(histogram.value(0), 1); // 0.5
    QCOMPARE(histogram.value(1), 1); // 1.5
    QCOMPARE(histogram.value(2), 1); // 3.2
    QCOMPARE(histogram.value(3), 2); // 7, 7
    QCOMPARE(histogram.value(7), 1); // 120
    QCOMPARE(histogram.last(), 1); // 9000
    QCOMPARE(model.countWithStatus(AcksModel::Status::Timeout), 1);
    // Bounded: the oldest go, and their handles stop working.
    for (int i = 0; i < 60; ++i)
        model.add(pending);
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(!model.complete(h, AcksModel::Status::Ok, 1));
}

void tst_InspectorModels::rateLimits_payload()
{
    RateLimitModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto entry = [](const QString &id, const QString &event, int allowed, int rejected) {
        return QVariantMap { { QStringLiteral("nsp"), QStringLiteral("/") },
            { QStringLiteral("socketId"), id }, { QStringLiteral("event"), event },
            { QStringLiteral("allowed"), allowed }, { QStringLiteral("rejected"), rejected },
            { QStringLiteral("remaining"), 0 }, { QStringLiteral("limit"), 5 },
            { QStringLiteral("windowMs"), 2000 },
            { QStringLiteral("retryAfterMs"), rejected ? 800 : 0 } };
    };
    QCOMPARE(model.applyPayload(QVariantMap {}), -1);
    QCOMPARE(model.applyPayload(QVariantMap { { QStringLiteral("entries"),
                 QVariantList { entry(QStringLiteral("a"), QStringLiteral("message"), 5, 2),
                     entry(QStringLiteral("b"), QString(), 3, 0), QVariantMap {} } } }),
        2);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.applyPayload(QVariantMap { { QStringLiteral("entries"),
                 QVariantList { entry(QStringLiteral("a"), QStringLiteral("message"), 5, 6) } } }),
        4);
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.index(0, 0).data(Qt::BackgroundRole).isValid()); // rejected: highlighted
    QVERIFY(!model.index(1, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(model.index(1, RateLimitModel::EventColumn).data().toString(),
        QStringLiteral("(all events)"));
    QCOMPARE(model.index(0, RateLimitModel::RetryAfterColumn).data().toString(),
        QStringLiteral("800 ms"));
    model.removeSocket(QStringLiteral("/"), QStringLiteral("a"));
    QCOMPARE(model.rowCount(), 1);
}

void tst_InspectorModels::statsHistory_aggregates()
{
    StatsHistory history;
    history.setMaxSeconds(60);
    const qint64 second = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    QSignalSpy changed(&history, &StatsHistory::changed);
    history.addAggregatedEvents({
        QVariantMap { { QStringLiteral("timestamp"), second },
            { QStringLiteral("type"), QStringLiteral("packetsIn") },
            { QStringLiteral("count"), 10 } },
        QVariantMap { { QStringLiteral("timestamp"), second },
            { QStringLiteral("type"), QStringLiteral("bytesOut") },
            { QStringLiteral("count"), 2048 } },
        QVariantMap { { QStringLiteral("timestamp"), second },
            { QStringLiteral("type"), QStringLiteral("rawDisconnection") },
            { QStringLiteral("subType"), QStringLiteral("transport close") },
            { QStringLiteral("count"), 1 } },
        QVariantMap { { QStringLiteral("timestamp"), second },
            { QStringLiteral("type"), QStringLiteral("unknownType") },
            { QStringLiteral("count"), 1 } },
    });
    // A second server's events for the same second add up.
    history.addAggregatedEvents({ QVariantMap { { QStringLiteral("timestamp"), second },
        { QStringLiteral("type"), QStringLiteral("packetsIn") },
        { QStringLiteral("count"), 5 } } });
    QCOMPARE(changed.count(), 2);
    QCOMPARE(history.series(StatsHistory::PacketsIn).value(second), 15.0);
    QCOMPARE(history.series(StatsHistory::BytesOut).value(second), 2048.0);
    QCOMPARE(history.series(StatsHistory::Disconnections).value(second), 1.0);
    // Older than maxSeconds is trimmed.
    history.addAggregatedEvents({ QVariantMap { { QStringLiteral("timestamp"), second + 120000 },
        { QStringLiteral("type"), QStringLiteral("packetsIn") },
        { QStringLiteral("count"), 1 } } });
    QVERIFY(!history.series(StatsHistory::PacketsIn).contains(second));
}

void tst_InspectorModels::valueFormat_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");
    QTest::newRow("empty") << QString() << true << 0;
    QTest::newRow("array") << QStringLiteral("[1, \"a\", {\"b\": null}]") << true << 3;
    QTest::newRow("object") << QStringLiteral("{\"a\": 1}") << true << 1;
    QTest::newRow("string") << QStringLiteral("\"hello\"") << true << 1;
    QTest::newRow("number") << QStringLiteral("42") << true << 1;
    QTest::newRow("two values") << QStringLiteral("1, 2") << false << 0;
    QTest::newRow("broken") << QStringLiteral("{\"a\": }") << false << 0;
    QTest::newRow("bare word") << QStringLiteral("hello") << false << 0;
}

void tst_InspectorModels::valueFormat()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(int, count);
    QVariantList args;
    QString error;
    QCOMPARE(ValueFormat::parseArguments(text, &args, &error), ok);
    QCOMPARE(args.size(), count);
    QCOMPARE(error.isEmpty(), ok);
    const QString pretty = ValueFormat::pretty(QVariantList { QByteArray("\x01\x02", 2) });
    QVERIFY2(pretty.contains(QStringLiteral("01 02")), qPrintable(pretty));
}

void tst_InspectorModels::settings_roundTrip()
{
    QTemporaryDir dir;
    QSettings raw(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    InspectorSettings settings(&raw);
    ConnectionProfile admin;
    admin.mode = ConnectionProfile::Mode::Admin;
    admin.url = QUrl(QStringLiteral("ws://localhost:3000"));
    admin.username = QStringLiteral("admin");
    ConnectionProfile client;
    client.url = QUrl(QStringLiteral("wss://example.test"));
    client.namespaces = { QStringLiteral("/"), QStringLiteral("/chat") };
    client.authJson = QStringLiteral("{\"token\":\"t\"}");
    client.headers = QStringLiteral("X-A: 1");
    client.ignoreSslErrors = true;
    settings.addRecentProfile(admin);
    settings.addRecentProfile(client);
    settings.addRecentProfile(admin); // moves to the front, no duplicate
    for (int i = 0; i < 20; ++i) {
        ConnectionProfile p;
        p.url = QUrl(QStringLiteral("ws://h%1:1").arg(i));
        settings.addRecentProfile(p);
    }
    QCOMPARE(settings.recentProfiles().size(), InspectorSettings::MaxRecent);
    settings.clearRecentProfiles();
    settings.addRecentProfile(client);
    settings.addRecentProfile(admin);
    const QList<ConnectionProfile> recent = settings.recentProfiles();
    QCOMPARE(recent.size(), 2);
    QCOMPARE(recent[0].mode, ConnectionProfile::Mode::Admin);
    QCOMPARE(recent[1].namespaces, client.namespaces);
    QCOMPARE(recent[1].authJson, client.authJson);
    QVERIFY(recent[1].ignoreSslErrors);
    settings.setSessionId(admin, QStringLiteral("abcdef0123456789"));
    QCOMPARE(settings.sessionId(admin), QStringLiteral("abcdef0123456789"));
    QVERIFY(settings.sessionId(client).isEmpty());
    SavedRequest r;
    r.name = QStringLiteral("ping");
    r.event = QStringLiteral("ping");
    r.argsJson = QStringLiteral("[1]");
    settings.saveRequest(r);
    r.argsJson = QStringLiteral("[2]");
    settings.saveRequest(r);
    QCOMPARE(settings.savedRequests().size(), 1);
    QCOMPARE(settings.savedRequests().first().argsJson, QStringLiteral("[2]"));
    settings.removeRequest(QStringLiteral("ping"));
    QVERIFY(settings.savedRequests().isEmpty());

    SmartSocket::ClientOptions options;
    QString error;
    QVERIFY(client.applyTo(&options, &error));
    QCOMPARE(options.extraHeaders.size(), 1);
    client.query = QStringLiteral("a=1&b");
    QVERIFY(!client.applyTo(&options, &error));
    QVERIFY(error.contains(QStringLiteral("\"b\"")));
}

// A QGuiApplication (offscreen): the models return fonts and colours.
QTEST_MAIN(tst_InspectorModels)
#include "tst_inspectormodels.moc"
