// scripts/run-demo.sh, the main job: its headless conversation (no display) and, with the chat
// windows on Qt's offscreen platform, that Ctrl-C or closing the windows stops every process
// it started.

#include "clienthelpers.h"
#include "demoserver.h"

#include <smartsocket/smartsocket.h>

#include <QtTest>

#include <csignal>
#include <sys/types.h>

namespace {

// A zombie counts as gone: it has ended, only nobody collected its status yet (an orphan's
// parent is then PID 1, which in a container may never do it).
bool isAlive(qint64 pid)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')'); // after the command name, which may hold spaces
    return close < 0 || text.mid(close + 2, 1) != "Z";
}

// "==> started NAME (pid N)" lines.
QMap<QString, qint64> startedPids(const QString &output)
{
    QMap<QString, qint64> pids;
    const QRegularExpression started(QStringLiteral("^==> started (\\S+) \\(pid (\\d+)\\)$"),
        QRegularExpression::MultilineOption);
    auto it = started.globalMatch(output);
    while (it.hasNext()) {
        const auto match = it.next();
        pids.insert(match.captured(1), match.captured(2).toLongLong());
    }
    return pids;
}

} // namespace

class tst_RunDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void headless();
    void windowsStopOnInterrupt();
    void closingTheWindowsEndsTheDemo();

private:
    QProcessEnvironment environment(bool display) const;
    bool startGuiDemo(QProcess &script, QString *output);
    bool windowsJoined(const QString &output);

    const QString m_script = QStringLiteral(SMARTSOCKET_SOURCE_DIR "/scripts/run-demo.sh");
};

void tst_RunDemo::initTestCase()
{
    if (!TestKit::DemoServer::isBuilt(QStringLiteral("smartsocket-chat-server"))
        || !TestKit::DemoServer::isBuilt(QStringLiteral("smartsocket-cli")))
        QSKIP("the demos are not built (SMARTSOCKET_DEMOS=OFF?)");
}

QProcessEnvironment tst_RunDemo::environment(bool display) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("SMARTSOCKET_BIN"), QCoreApplication::applicationDirPath());
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    if (display) {
        // The windows draw offscreen; the script only needs to believe there is a display.
        env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":99"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    } else {
        env.remove(QStringLiteral("DISPLAY"));
    }
    return env;
}

void tst_RunDemo::headless()
{
    QProcess script;
    script.setProcessEnvironment(environment(false));
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(QStringLiteral("bash"), { m_script });
    QVERIFY(script.waitForFinished(60000));
    const QString output = QString::fromUtf8(script.readAll());
    QVERIFY2(
        script.exitStatus() == QProcess::NormalExit && script.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("no display")), qPrintable(output));
    // Bob heard Alice, in order, and the empty message was refused visibly.
    const qsizetype bob = output.indexOf(QStringLiteral("==> bob received:"));
    QVERIFY2(bob > 0, qPrintable(output));
    const QString bobPart = output.mid(bob);
    const qsizetype hello = bobPart.indexOf(QStringLiteral("\"from\":\"alice\""));
    QVERIFY2(hello > 0 && bobPart.indexOf(QStringLiteral("Hello Bob!")) > 0, qPrintable(output));
    QVERIFY(bobPart.indexOf(QStringLiteral("this one is not"))
        > bobPart.indexOf(QStringLiteral("Hello Bob!")));
    QVERIFY2(output.contains(QStringLiteral("\"code\":\"VALIDATION\"")), qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("server stopped cleanly")), qPrintable(output));
    const auto pids = startedPids(output);
    QCOMPARE(pids.size(), 2);
    for (auto it = pids.cbegin(); it != pids.cend(); ++it)
        QVERIFY2(!isAlive(it.value()), qPrintable(it.key()));
}

// Asks the demo's server until both windows are in the room "general".
bool tst_RunDemo::windowsJoined(const QString &output)
{
    const QRegularExpressionMatch match
        = QRegularExpression(QStringLiteral("listening on (ws://\\S+)")).match(output);
    if (!match.hasMatch())
        return false;
    SmartSocket::ClientOptions options;
    options.namespaceName = QStringLiteral("/chat");
    SmartSocket::Client probe(QUrl(match.captured(1)), options);
    if (!TestKit::connectClient(probe))
        return false;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        const QVariantList rooms
            = TestKit::ask(probe, QStringLiteral("list-rooms"), { QVariantMap() })
                  .value()
                  .toMap()
                  .value(QStringLiteral("rooms"))
                  .toList();
        for (const QVariant &room : rooms) {
            const QVariantMap map = room.toMap();
            if (map.value(QStringLiteral("name")) == QStringLiteral("general")
                && map.value(QStringLiteral("users")).toInt() == 2)
                return true;
        }
        QTest::qWait(50);
    }
    return false;
}

bool tst_RunDemo::startGuiDemo(QProcess &script, QString *output)
{
    script.setProcessEnvironment(environment(true));
    script.setProcessChannelMode(QProcess::MergedChannels);
    script.start(QStringLiteral("bash"), { m_script });
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired() && script.state() != QProcess::NotRunning) {
        *output += QString::fromUtf8(script.readAll());
        if (output->contains(QStringLiteral("two chat windows are open")))
            return windowsJoined(*output);
        QTest::qWait(20);
    }
    *output += QString::fromUtf8(script.readAll());
    return false;
}

void tst_RunDemo::windowsStopOnInterrupt()
{
    if (!TestKit::DemoServer::isBuilt(QStringLiteral("smartsocket-chat")))
        QSKIP("smartsocket-chat not built");
    QProcess script;
    QString output;
    QVERIFY2(startGuiDemo(script, &output), qPrintable(output));
    const auto pids = startedPids(output);
    QCOMPARE(pids.keys(),
        QStringList({ QStringLiteral("alice"), QStringLiteral("bob"), QStringLiteral("server") }));
    for (const qint64 pid : pids)
        QVERIFY(isAlive(pid));

    ::kill(pid_t(script.processId()), SIGINT); // what Ctrl-C sends
    QVERIFY(script.waitForFinished(20000));
    output += QString::fromUtf8(script.readAll());
    QVERIFY2(output.contains(QStringLiteral("interrupted")), qPrintable(output));
    for (auto it = pids.cbegin(); it != pids.cend(); ++it)
        QTRY_VERIFY2(!isAlive(it.value()), qPrintable(it.key()));
}

void tst_RunDemo::closingTheWindowsEndsTheDemo()
{
    if (!TestKit::DemoServer::isBuilt(QStringLiteral("smartsocket-chat")))
        QSKIP("smartsocket-chat not built");
    QProcess script;
    QString output;
    QVERIFY2(startGuiDemo(script, &output), qPrintable(output));
    const auto pids = startedPids(output);
    QCOMPARE(pids.size(), 3);
    // A window closed by its user quits its program; SIGTERM ends it the same way from here.
    ::kill(pid_t(pids.value(QStringLiteral("alice"))), SIGTERM);
    QTest::qWait(300);
    QVERIFY2(script.state() == QProcess::Running,
        qPrintable(output + QString::fromUtf8(script.readAll()))); // one window is still open
    ::kill(pid_t(pids.value(QStringLiteral("bob"))), SIGTERM);
    QVERIFY(script.waitForFinished(20000));
    output += QString::fromUtf8(script.readAll());
    QVERIFY2(script.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains(QStringLiteral("the chat windows were closed")), qPrintable(output));
    QTRY_VERIFY(!isAlive(pids.value(QStringLiteral("server"))));
}

QTEST_GUILESS_MAIN(tst_RunDemo)
#include "tst_rundemo.moc"
