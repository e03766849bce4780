// The real inspector window, driven like a user would: client mode against our own Server
// in-process, admin mode against the Node @socket.io/admin-ui server. Checks that sockets and
// events show up in their views, and that an emit from the emit panel reaches the server's
// handler and shows its ack reply and round-trip time.

#include "adminconnection.h"
#include "availabilitystack.h"
#include "dashboardpage.h"
#include "eventfilterproxymodel.h"
#include "eventspage.h"
#include "inspectormodels.h"
#include "mainwindow.h"
#include "nodeprocess.h"

#include <smartsocket/smartsocket.h>

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace Inspector;

class tst_InspectorWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clientMode();
    void clientModeReconnects();
    void commandLine();
    void adminMode();
    void adminReadonly();

private:
    template<typename T> static T *child(QWidget *window, const char *name)
    {
        T *widget = window->findChild<T *>(QString::fromLatin1(name));
        if (!widget)
            qWarning() << "no widget" << name;
        return widget;
    }
    std::unique_ptr<TestKit::NodeProcess> startAdminServer(const QStringList &args);
};

void tst_InspectorWindow::initTestCase()
{
    // Settings of a test never touch the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("SmartSocketTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_inspectorwindow"));
}

std::unique_ptr<TestKit::NodeProcess> tst_InspectorWindow::startAdminServer(const QStringList &args)
{
    const QString dir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);
    auto node = std::make_unique<TestKit::NodeProcess>(
        QStringLiteral(SMARTSOCKET_NODE), dir + QStringLiteral("/node/admin-server.js"), args);
    node->setWorkingDirectory(dir);
    if (!node->start())
        qWarning() << "admin-server.js:" << node->errorString();
    return node;
}

void tst_InspectorWindow::clientMode()
{
    using namespace SmartSocket;
    Server server;
    QVERIFY2(server.listen(), qPrintable(server.errorString()));
    QVariantList handled;
    server.on("echo", [&handled](Socket *, const QVariantList &args, const Ack &ack) {
        handled = args;
        ack({ QVariantMap { { QStringLiteral("echoed"), args.value(0) },
            { QStringLiteral("binaryBytes"), args.value(1).toByteArray().size() } } });
    });
    QObject::connect(&server, &Server::connected, &server, [](Socket *socket) {
        socket->emitEvent(
            QStringLiteral("welcome"), { QVariantMap { { QStringLiteral("id"), socket->id() } } });
    });
    server.of(QStringLiteral("/chat"));

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionProfile profile;
    profile.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port()));
    profile.namespaces = { QStringLiteral("/"), QStringLiteral("/chat") };
    profile.authJson = QStringLiteral("{\"token\": \"abc\"}");
    QString error;
    QVERIFY2(window.connectTo(profile, {}, &error), qPrintable(error));
    QTRY_COMPARE(window.state(), ConnectionState::Connected);
    QVERIFY2(
        window.statusText().contains(QStringLiteral("connected")), qPrintable(window.statusText()));

    // Our two sockets in the sockets view.
    auto *sockets = child<QTableView>(&window, "socketsView");
    QVERIFY(sockets);
    QTRY_COMPARE(sockets->model()->rowCount(), 2);
    // The welcome event (onAny) in the events view.
    auto *events = child<QTableView>(&window, "eventsView");
    QVERIFY(events);
    QTRY_VERIFY([&] {
        for (int row = 0; row < events->model()->rowCount(); ++row) {
            if (events->model()->index(row, EventLogModel::EventColumn).data().toString()
                == QLatin1String("welcome"))
                return true;
        }
        return false;
    }());

    // The emit panel: JSON arguments + a binary file, with the ack.
    QVERIFY(window.showPage(QStringLiteral("emitPage")));
    QTemporaryFile binary;
    QVERIFY(binary.open());
    binary.write(QByteArray("\x00\x01\x02\xff", 4));
    binary.flush();
    child<QComboBox>(&window, "emitNamespace")->setCurrentText(QStringLiteral("/"));
    child<QLineEdit>(&window, "emitEvent")->setText(QStringLiteral("echo"));
    child<QPlainTextEdit>(&window, "emitArgs")
        ->setPlainText(QStringLiteral("{\"hello\": \"world\"}"));
    child<QLineEdit>(&window, "emitBinaryFile")->setText(binary.fileName());
    child<QCheckBox>(&window, "emitAck")->setChecked(true);
    QTest::mouseClick(child<QPushButton>(&window, "emitSend"), Qt::LeftButton);
    // It reached the handler ...
    QTRY_COMPARE(handled.size(), 2);
    QCOMPARE(handled.value(0).toMap().value(QStringLiteral("hello")).toString(),
        QStringLiteral("world"));
    QCOMPARE(handled.value(1).toByteArray(), QByteArray("\x00\x01\x02\xff", 4));
    // ... and the reply and its round trip are shown.
    auto *reply = child<QPlainTextEdit>(&window, "emitReply");
    QTRY_VERIFY(reply->toPlainText().contains(QStringLiteral("\"echoed\"")));
    QVERIFY(reply->toPlainText().contains(QStringLiteral("\"binaryBytes\": 4")));
    const QString rtt = child<QLabel>(&window, "emitRtt")->text();
    QVERIFY2(rtt.contains(QStringLiteral(" ms")), qPrintable(rtt));
    // The ack is in the acks view, with status ok.
    auto *acks = child<QTableView>(&window, "acksView");
    QTRY_COMPARE(acks->model()->rowCount(), 1);
    QCOMPARE(
        acks->model()->index(0, AcksModel::StatusColumn).data().toString(), QStringLiteral("ok"));
    // Bad JSON is refused with a message, nothing is sent.
    child<QPlainTextEdit>(&window, "emitArgs")->setPlainText(QStringLiteral("{oops"));
    handled.clear();
    QTest::mouseClick(child<QPushButton>(&window, "emitSend"), Qt::LeftButton);
    QVERIFY(child<QLabel>(&window, "emitResult")->text().contains(QStringLiteral("Invalid JSON")));
    QTest::qWait(100);
    QVERIFY(handled.isEmpty());

    // Admin-only pages say why they are empty.
    const auto notes = window.findChildren<AvailabilityStack *>();
    int unavailable = 0;
    for (AvailabilityStack *stack : notes)
        unavailable += stack->isAvailable() ? 0 : 1;
    QCOMPARE(unavailable, 3); // servers, rooms, rate limits

    // Export: the events the filter shows, one JSON object a line.
    auto *eventsPage = window.findChild<EventsPage *>();
    eventsPage->proxy()->setEventFilter(QStringLiteral("echo"));
    QTRY_VERIFY(eventsPage->proxy()->rowCount() >= 2); // the request and its ack reply
    QTemporaryDir dir;
    const QString exported = dir.filePath(QStringLiteral("events.jsonl"));
    QString exportError;
    QVERIFY2(eventsPage->exportTo(exported, &exportError), qPrintable(exportError));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size() - 1, eventsPage->proxy()->rowCount());
    const QJsonObject first = QJsonDocument::fromJson(lines.first()).object();
    QCOMPARE(first.value(QStringLiteral("event")).toString(), QStringLiteral("echo"));
    QCOMPARE(first.value(QStringLiteral("direction")).toString(), QStringLiteral("out"));
    QCOMPARE(first.value(QStringLiteral("args"))
                 .toArray()
                 .at(1)
                 .toObject()
                 .value(QStringLiteral("_binary"))
                 .toString(),
        QStringLiteral("000102ff"));
    QVERIFY(
        !eventsPage->exportTo(dir.filePath(QStringLiteral("missing/dir/x.jsonl")), &exportError));
    QVERIFY(!exportError.isEmpty());

    window.disconnectFromServer();
    QCOMPARE(window.state(), ConnectionState::Disconnected);
}

void tst_InspectorWindow::clientModeReconnects()
{
    using namespace SmartSocket;
    auto server = std::make_unique<Server>();
    QVERIFY(server->listen());
    const quint16 port = server->port();
    MainWindow window;
    window.show();
    ConnectionProfile profile;
    profile.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
    QVERIFY(window.connectTo(profile, {}));
    QTRY_COMPARE(window.state(), ConnectionState::Connected);
    auto *sockets = child<QTableView>(&window, "socketsView");
    QTRY_COMPARE(sockets->model()->rowCount(), 1);
    const QString firstId = sockets->model()->index(0, 0).data().toString();

    // The server goes away: the status bar says so, and the socket leaves the view.
    server.reset();
    QTRY_COMPARE(window.state(), ConnectionState::Reconnecting);
    QVERIFY2(window.statusText().contains(QStringLiteral("reconnecting")),
        qPrintable(window.statusText()));
    QTRY_COMPARE(sockets->model()->rowCount(), 0);

    // It comes back on the same port: the inspector reconnects by itself.
    ServerOptions options;
    options.port = port;
    server = std::make_unique<Server>(options);
    QVERIFY2(server->listen(), qPrintable(server->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ConnectionState::Connected, 15000);
    QTRY_COMPARE(sockets->model()->rowCount(), 1);
    QVERIFY(sockets->model()->index(0, 0).data().toString() != firstId);
}

void tst_InspectorWindow::commandLine()
{
    using namespace SmartSocket;
    Server server;
    QVERIFY(server.listen());
    QVariantList received;
    QVariantMap auth;
    QObject::connect(&server, &Server::connected, &server,
        [&auth](Socket *socket) { auth = socket->handshake().auth(); });
    server.of(QStringLiteral("/chat"))
        ->on(QStringLiteral("echo"),
            [&received](Socket *, const QVariantList &args, const Ack &ack) {
                received = args;
                ack(args);
            });
    const QString home = QDir::tempPath() + QStringLiteral("/tst_inspectorwindow-cli");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home); // not the user's settings
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(SMARTSOCKET_INSPECTOR_BIN),
        { QStringLiteral("--url"), QStringLiteral("127.0.0.1:%1").arg(server.port()),
            QStringLiteral("--client"), QStringLiteral("--namespace"), QStringLiteral("/chat"),
            QStringLiteral("--auth"), QStringLiteral("{\"token\": \"t1\"}"),
            QStringLiteral("--emit"), QStringLiteral("echo"), QStringLiteral("--args"),
            QStringLiteral("[\"from the command line\", 7]") });
    QVERIFY(app.waitForStarted());
    // The program connects, joins /chat with the auth, and sends the event with its arguments.
    QTRY_COMPARE_WITH_TIMEOUT(received.size(), 2, 15000);
    QCOMPARE(received.value(0).toString(), QStringLiteral("from the command line"));
    QCOMPARE(received.value(1).toInt(), 7);
    QCOMPARE(auth.value(QStringLiteral("token")).toString(), QStringLiteral("t1"));
    app.kill();
    app.waitForFinished();

    // Contradicting modes and unknown pages are refused with a message and status 1.
    for (const QStringList &args :
        { QStringList { QStringLiteral("--admin"), QStringLiteral("--client") },
            QStringList { QStringLiteral("--page"), QStringLiteral("nosuchpage") } }) {
        QProcess bad;
        bad.setProcessEnvironment(env);
        bad.start(QStringLiteral(SMARTSOCKET_INSPECTOR_BIN), args);
        QVERIFY(bad.waitForFinished(15000));
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY(!bad.readAllStandardError().isEmpty());
    }
    QDir(home).removeRecursively();
}

void tst_InspectorWindow::adminMode()
{
    if (!TestKit::NodeProcess::hasPackage(
            QStringLiteral(SMARTSOCKET_INTEROP_DIR), QStringLiteral("@socket.io/admin-ui")))
        QSKIP("@socket.io/admin-ui not installed in tests/interop");
    auto node = startAdminServer({ QStringLiteral("--bots"), QStringLiteral("3"),
        QStringLiteral("--traffic"), QStringLiteral("150") });
    QVERIFY(node->isRunning());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionProfile profile;
    profile.mode = ConnectionProfile::Mode::Admin;
    profile.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(node->port()));
    profile.username = QStringLiteral("admin");
    QVERIFY(window.connectTo(profile, QStringLiteral("secret")));
    QTRY_COMPARE_WITH_TIMEOUT(window.state(), ConnectionState::Connected, 15000);
    QTRY_VERIFY(window.adminConnection()->hasConfig());
    QVERIFY2(window.statusText().contains(QStringLiteral("development mode")),
        qPrintable(window.statusText()));

    auto *sockets = child<QTableView>(&window, "socketsView");
    QTRY_COMPARE(sockets->model()->rowCount(), 4); // 3 bots + the admin socket
    auto *events = child<QTableView>(&window, "eventsView");
    QTRY_VERIFY_WITH_TIMEOUT(events->model()->rowCount() > 3, 10000);
    QTRY_VERIFY([&] {
        for (int row = 0; row < events->model()->rowCount(); ++row) {
            if (events->model()->index(row, EventLogModel::EventColumn).data().toString()
                == QLatin1String("message"))
                return true;
        }
        return false;
    }());

    // Select a bot: join/leave/disconnect are enabled (not read-only), and joining works.
    window.showPage(QStringLiteral("socketsPage"));
    const QString bot = node->outputLines()
                            .filter(QStringLiteral("BOT / "))
                            .value(0)
                            .split(QLatin1Char(' '))
                            .value(2);
    QVERIFY(!bot.isEmpty());
    int botRow = -1;
    for (int row = 0; row < sockets->model()->rowCount(); ++row) {
        if (sockets->model()->index(row, 0).data().toString() == bot)
            botRow = row;
    }
    QVERIFY(botRow >= 0);
    sockets->setCurrentIndex(sockets->model()->index(botRow, 0));
    QVERIFY(child<QPushButton>(&window, "socketsJoinButton")->isEnabled());
    QVERIFY(child<QPushButton>(&window, "socketsDisconnectButton")->isEnabled());

    // Acks and rate limits are SmartSocket extensions this server does not announce.
    auto stacks = window.findChildren<AvailabilityStack *>();
    int unavailable = 0;
    for (AvailabilityStack *stack : stacks) {
        if (!stack->isAvailable()) {
            ++unavailable;
            QVERIFY(stack->reason().contains(QStringLiteral("SMARTSOCKET_")));
        }
    }
    QCOMPARE(unavailable, 2);

    // The dashboard draws the server's packets.
    auto *dashboard = window.findChild<DashboardPage *>();
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->pointCount(StatsHistory::PacketsIn) > 0, 8000);
    QTRY_VERIFY_WITH_TIMEOUT(dashboard->pointCount(StatsHistory::Clients) > 0, 8000);
}

void tst_InspectorWindow::adminReadonly()
{
    if (!TestKit::NodeProcess::hasPackage(
            QStringLiteral(SMARTSOCKET_INTEROP_DIR), QStringLiteral("@socket.io/admin-ui")))
        QSKIP("@socket.io/admin-ui not installed in tests/interop");
    auto node = startAdminServer(
        { QStringLiteral("--readonly"), QStringLiteral("--bots"), QStringLiteral("1") });
    QVERIFY(node->isRunning());
    MainWindow window;
    window.show();
    ConnectionProfile profile;
    profile.mode = ConnectionProfile::Mode::Admin;
    profile.url = QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(node->port()));
    profile.username = QStringLiteral("admin");
    QVERIFY(window.connectTo(profile, QStringLiteral("secret")));
    QTRY_VERIFY_WITH_TIMEOUT(window.adminConnection()->hasConfig(), 15000);
    QVERIFY(window.statusText().contains(QStringLiteral("read-only")));
    auto *sockets = child<QTableView>(&window, "socketsView");
    QTRY_VERIFY(sockets->model()->rowCount() >= 1);
    sockets->setCurrentIndex(sockets->model()->index(0, 0));
    QVERIFY(!child<QPushButton>(&window, "socketsJoinButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&window, "socketsLeaveButton")->isEnabled());
    QVERIFY(!child<QPushButton>(&window, "socketsDisconnectButton")->isEnabled());
    // The emit page is replaced by a note.
    auto *emitPage = window.findChild<QWidget *>(QStringLiteral("emitPage"));
    auto *stack = qobject_cast<AvailabilityStack *>(emitPage->parentWidget());
    QVERIFY(stack);
    QVERIFY(!stack->isAvailable());
}

QTEST_MAIN(tst_InspectorWindow)
#include "tst_inspectorwindow.moc"
