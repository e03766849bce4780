// The demo programs as a user runs them: smartsocket-echo-server and smartsocket-cli, started
// with QProcess from the directory this test runs from (build/bin). Not registered when the
// demos are not built (SMARTSOCKET_DEMOS=OFF, as in the asan and tsan builds of scripts/test.sh);
// a binary missing anyway is a skip locally and a failure under CI=true.

#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

#include "testkit.h"
#include <algorithm>
#include <memory>

namespace {

QString binary(const QString &name)
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

struct CliResult
{
    int exitCode = -1;
    QList<QJsonObject> lines; // stdout, one JSON object per line
    QString stderrText;
};

} // namespace

class tst_Demos : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void echoServerStopsCleanlyOnSigterm();
    void echoServerRejectsBadFlags();
    void cliEchoWithAck();
    void cliEmitsInOrder();
    void cliBroadcast();
    void cliChatNamespaceStats();
    void cliConnectRefused();
    void cliAckTimeout();
    void cliUsageError();
    void extensionFlags();
    void echoServerRateLimitFlags_data();
    void echoServerRateLimitFlags();
    void echoServerEventRateLimitFlag();
    void echoServerPoolFlags();

private:
    quint16 startServer(QProcess &process, const QStringList &flags);
    CliResult runCli(const QStringList &arguments, int timeoutMs = 20000);
    QString url() const { return QStringLiteral("ws://127.0.0.1:%1").arg(m_port); }

    QString m_server;
    QString m_cli;
    QProcess *m_process = nullptr;
    quint16 m_port = 0;
};

void tst_Demos::initTestCase()
{
    m_server = binary(QStringLiteral("smartsocket-echo-server"));
    m_cli = binary(QStringLiteral("smartsocket-cli"));
    if (!QFileInfo(m_server).isExecutable() || !QFileInfo(m_cli).isExecutable())
        SMARTSOCKET_SKIP_OR_FAIL("demos not built next to the test (SMARTSOCKET_DEMOS=OFF?)");
}

void tst_Demos::init()
{
    m_process = new QProcess(this);
    m_process->setProgram(m_server);
    m_process->setArguments({ QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
        QStringLiteral("--port"), QStringLiteral("0") });
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start();
    QVERIFY2(m_process->waitForStarted(10000), qPrintable(m_process->errorString()));

    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += m_process->readAllStandardOutput()).contains('\n')
            || m_process->state() == QProcess::NotRunning,
        10000);
    const QRegularExpression listening(
        QStringLiteral("^listening on (\\d+)$"), QRegularExpression::MultilineOption);
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
    QVERIFY2(match.hasMatch(),
        qPrintable(QStringLiteral("no 'listening on PORT' line; stdout: %1 stderr: %2")
                       .arg(QString::fromUtf8(output),
                           QString::fromUtf8(m_process->readAllStandardError()))));
    m_port = quint16(match.captured(1).toUInt());
    QVERIFY(m_port != 0);
}

void tst_Demos::cleanup()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    delete m_process;
    m_process = nullptr;
    m_port = 0;
}

CliResult tst_Demos::runCli(const QStringList &arguments, int timeoutMs)
{
    CliResult result;
    QProcess cli;
    cli.start(m_cli, arguments);
    if (!cli.waitForStarted(10000) || !cli.waitForFinished(timeoutMs)) {
        cli.kill();
        cli.waitForFinished(5000);
        result.stderrText = QStringLiteral("cli did not finish: ") + cli.errorString();
        return result;
    }
    result.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -2;
    result.stderrText = QString::fromUtf8(cli.readAllStandardError());
    const QList<QByteArray> lines = cli.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        result.lines.append(QJsonDocument::fromJson(line).object());
    }
    return result;
}

void tst_Demos::echoServerStopsCleanlyOnSigterm()
{
    m_process->terminate();
    QVERIFY(m_process->waitForFinished(10000));
    QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
    QCOMPARE(m_process->exitCode(), 0);
}

void tst_Demos::echoServerRejectsBadFlags()
{
    QProcess bad;
    bad.start(m_server, { QStringLiteral("--port"), QStringLiteral("not-a-port") });
    QVERIFY(bad.waitForFinished(10000));
    QVERIFY(bad.exitCode() != 0);
}

void tst_Demos::cliEchoWithAck()
{
    const CliResult r = runCli({ url(), QStringLiteral("--emit"), QStringLiteral("echo"),
        QStringLiteral("{\"text\":\"hi\",\"n\":1}"), QStringLiteral("--ack") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    QCOMPARE(r.lines.size(), 1);
    QCOMPARE(r.lines.at(0).value(QStringLiteral("type")).toString(), QStringLiteral("ack"));
    QCOMPARE(r.lines.at(0).value(QStringLiteral("event")).toString(), QStringLiteral("echo"));
    const QJsonArray args = r.lines.at(0).value(QStringLiteral("args")).toArray();
    QCOMPARE(args.size(), 1);
    QCOMPARE(args.at(0).toObject().value(QStringLiteral("text")).toString(), QStringLiteral("hi"));
    QCOMPARE(args.at(0).toObject().value(QStringLiteral("n")).toInt(), 1);
}

void tst_Demos::cliEmitsInOrder()
{
    QStringList arguments { url() };
    for (int i = 1; i <= 3; ++i) {
        arguments << QStringLiteral("--emit") << QStringLiteral("ping-ack") << QString::number(i)
                  << QStringLiteral("--ack");
    }
    const CliResult r = runCli(arguments);
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    QCOMPARE(r.lines.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(
            r.lines.at(i).value(QStringLiteral("event")).toString(), QStringLiteral("ping-ack"));
        QCOMPARE(r.lines.at(i).value(QStringLiteral("args")).toArray().at(0).toInt(), i + 1);
    }
}

void tst_Demos::cliBroadcast()
{
    const CliResult r = runCli({ url(), QStringLiteral("--listen"), QStringLiteral("bcast"),
        QStringLiteral("--emit"), QStringLiteral("broadcast"), QStringLiteral("\"to everyone\""),
        QStringLiteral("--count"), QStringLiteral("1") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    QCOMPARE(r.lines.size(), 1);
    QCOMPARE(r.lines.at(0).value(QStringLiteral("type")).toString(), QStringLiteral("event"));
    QCOMPARE(r.lines.at(0).value(QStringLiteral("event")).toString(), QStringLiteral("bcast"));
    QCOMPARE(r.lines.at(0).value(QStringLiteral("args")).toArray().at(0).toString(),
        QStringLiteral("to everyone"));
}

void tst_Demos::cliChatNamespaceStats()
{
    const CliResult r = runCli(
        { url(), QStringLiteral("--namespace"), QStringLiteral("/chat"), QStringLiteral("--emit"),
            QStringLiteral("stats"), QStringLiteral("[]"), QStringLiteral("--ack") });
    QVERIFY2(r.exitCode == 0, qPrintable(r.stderrText));
    QCOMPARE(r.lines.size(), 1);
    const QJsonObject stats
        = r.lines.at(0).value(QStringLiteral("args")).toArray().at(0).toObject();
    QVERIFY2(stats.value(QStringLiteral("rss")).toDouble() > 0,
        QJsonDocument(stats).toJson().constData());
    QVERIFY(stats.value(QStringLiteral("clients")).toInt() >= 1);
}

void tst_Demos::cliConnectRefused()
{
    // A port that was free a moment ago: nothing listens there.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();

    const CliResult r = runCli({ QStringLiteral("ws://127.0.0.1:%1").arg(port),
        QStringLiteral("--connect-timeout"), QStringLiteral("3000"), QStringLiteral("--emit"),
        QStringLiteral("echo"), QStringLiteral("1"), QStringLiteral("--ack") });
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.lines.isEmpty());
    QVERIFY2(r.stderrText.contains(QStringLiteral("connect error")), qPrintable(r.stderrText));
}

void tst_Demos::cliAckTimeout()
{
    // The echo server has no handler for this event, so no ack ever comes.
    const CliResult r = runCli(
        { url(), QStringLiteral("--emit"), QStringLiteral("no-such-event"), QStringLiteral("1"),
            QStringLiteral("--ack"), QStringLiteral("--timeout"), QStringLiteral("300") });
    QCOMPARE(r.exitCode, 3);
    QVERIFY(r.lines.isEmpty());
    QVERIFY2(r.stderrText.contains(QStringLiteral("no-such-event")), qPrintable(r.stderrText));
}

void tst_Demos::cliUsageError()
{
    QCOMPARE(runCli({}).exitCode, 1);
    QCOMPARE(runCli({ url(), QStringLiteral("--ack") }).exitCode, 1);
    QCOMPARE(runCli({ url(), QStringLiteral("--emit"), QStringLiteral("echo"),
                        QStringLiteral("{not json") })
                 .exitCode,
        1);
    QCOMPARE(runCli({ QStringLiteral("ftp://127.0.0.1:1") }).exitCode, 1);
}

// --compression-*, --encryption-key and --require-encryption on both programs.
void tst_Demos::extensionFlags()
{
    const QString key(64, QLatin1Char('a'));
    QProcess server;
    server.start(m_server,
        { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--compression-threshold"),
            QStringLiteral("64"), QStringLiteral("--encryption-key"), key,
            QStringLiteral("--require-encryption") });
    QVERIFY(server.waitForStarted(10000));
    QByteArray output;
    QTRY_VERIFY_WITH_TIMEOUT((output += server.readAllStandardOutput()).contains('\n'), 10000);
    const QString port = QString::fromUtf8(output).section(QLatin1Char(' '), 2).trimmed();
    const QString target = QStringLiteral("ws://127.0.0.1:") + port;
    const QString big = QStringLiteral("{\"text\":\"%1\"}").arg(QString(500, QLatin1Char('x')));

    const CliResult ok = runCli({ target, QStringLiteral("--encryption-key"), key,
        QStringLiteral("--compression-level"), QStringLiteral("9"), QStringLiteral("--emit"),
        QStringLiteral("echo"), big, QStringLiteral("--ack") });
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.stderrText));
    QCOMPARE(ok.lines.size(), 1);
    QCOMPARE(ok.lines.at(0)
                 .value(QStringLiteral("args"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("text"))
                 .toString()
                 .size(),
        500);

    const CliResult plain = runCli({ target, QStringLiteral("--emit"), QStringLiteral("echo"),
        QStringLiteral("1"), QStringLiteral("--ack") });
    QCOMPARE(plain.exitCode, 2);
    QVERIFY2(plain.stderrText.contains(QStringLiteral("encryption required")),
        qPrintable(plain.stderrText));

    const CliResult wrongKey = runCli({ target, QStringLiteral("--encryption-key"),
        QString(64, QLatin1Char('b')), QStringLiteral("--emit"), QStringLiteral("echo"),
        QStringLiteral("1"), QStringLiteral("--ack") });
    QVERIFY(wrongKey.exitCode != 0);
    QVERIFY(!wrongKey.stderrText.contains(key));
    server.kill();
    server.waitForFinished(5000);

    QProcess badKey;
    badKey.start(m_server,
        { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--encryption-key"),
            QStringLiteral("short") });
    QVERIFY(badKey.waitForFinished(10000));
    QVERIFY(badKey.exitCode() != 0);
    QVERIFY(
        QString::fromUtf8(badKey.readAllStandardError()).contains(QStringLiteral("encryption")));
}

// Starts the echo server with `flags` (on a free port) in `process`; 0 when it did not report
// "listening on PORT".
quint16 tst_Demos::startServer(QProcess &process, const QStringList &flags)
{
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(m_server, QStringList { QStringLiteral("--port"), QStringLiteral("0") } + flags);
    if (!process.waitForStarted(10000))
        return 0;
    QByteArray output;
    QDeadlineTimer deadline(10000);
    while (
        !output.contains('\n') && process.state() == QProcess::Running && !deadline.hasExpired()) {
        process.waitForReadyRead(100);
        output += process.readAllStandardOutput();
    }
    const QRegularExpressionMatch match = QRegularExpression(
        QStringLiteral("^listening on (\\d+)$"), QRegularExpression::MultilineOption)
                                              .match(QString::fromUtf8(output));
    if (!match.hasMatch()) {
        qWarning().noquote() << "echo server did not start:" << output
                             << process.readAllStandardError();
        return 0;
    }
    return quint16(match.captured(1).toUInt());
}

namespace {

// A QProcess that stops its program (SIGTERM, then SIGKILL) when it goes out of scope, also
// when a failed check returns early.
class StoppingProcess : public QProcess
{
public:
    ~StoppingProcess() override
    {
        if (state() == QProcess::NotRunning)
            return;
        terminate();
        if (!waitForFinished(5000)) {
            kill();
            waitForFinished(5000);
        }
    }
};

QUrl localUrl(quint16 port)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port));
}

// The demo's `stats` reply, asked from a fresh connection (rate limits count per socket, so
// it is not refused by what the test's own client used up).
QVariantMap serverStats(quint16 port)
{
    SmartSocket::Client client(localUrl(port), TestKit::ownConnection());
    if (!TestKit::connectClient(client))
        return {};
    return TestKit::ask(client, QStringLiteral("stats"), {}).value().toMap();
}

// Sends `count` acked events at once and waits for every reply (each has a 10 s timeout).
QList<SmartSocket::AckResult> burst(SmartSocket::Client &client, const QString &event, int count)
{
    auto results = std::make_shared<QList<SmartSocket::AckResult>>();
    for (int i = 0; i < count; ++i) {
        client.emitEvent(
            event, { i }, [results](const SmartSocket::AckResult &r) { results->append(r); },
            10000);
    }
    QDeadlineTimer deadline(15000);
    while (results->size() < count && !deadline.hasExpired())
        QTest::qWait(5);
    return *results;
}

bool isRateLimited(const SmartSocket::AckResult &r)
{
    return r.isOk()
        && r.value().toMap().value(QStringLiteral("code")).toString()
        == QLatin1String("RATE_LIMITED");
}

} // namespace

// --rate-limit-max and --rate-limit-window: per socket, the events past the maximum within
// the window are refused (the ack says RATE_LIMITED with retryAfter within the window, the
// client gets `__rate-limited__`), and the `stats` reply shows the limit the flags set.
void tst_Demos::echoServerRateLimitFlags_data()
{
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<int>("sent");
    QTest::addColumn<int>("allowed");
    QTest::addColumn<int>("max"); // in the stats; 0 = rate limiting off
    QTest::addColumn<int>("window");
    QTest::newRow("--rate-limit-max 3 (window 60000)")
        << QStringList { QStringLiteral("--rate-limit-max"), QStringLiteral("3") } << 5 << 3 << 3
        << 60000;
    QTest::newRow("--rate-limit-window 400 (max 100)")
        << QStringList { QStringLiteral("--rate-limit-window"), QStringLiteral("400") } << 102
        << 100 << 100 << 400;
    QTest::newRow("--rate-limit-max 2 --rate-limit-window 300")
        << QStringList { QStringLiteral("--rate-limit-max"), QStringLiteral("2"),
               QStringLiteral("--rate-limit-window"), QStringLiteral("300") }
        << 4 << 2 << 2 << 300;
    QTest::newRow("no flags: no limit") << QStringList() << 150 << 150 << 0 << 0;
}

void tst_Demos::echoServerRateLimitFlags()
{
    QFETCH(QStringList, flags);
    QFETCH(int, sent);
    QFETCH(int, allowed);
    QFETCH(int, max);
    QFETCH(int, window);
    StoppingProcess server;
    const quint16 port = startServer(server, flags);
    QVERIFY(port != 0);

    SmartSocket::Client client(localUrl(port), TestKit::ownConnection());
    QList<QVariantMap> notices;
    client.on(QStringLiteral("__rate-limited__"),
        [&](const QVariantList &args) { notices.append(args.value(0).toMap()); });
    QVERIFY(TestKit::connectClient(client));

    const QList<SmartSocket::AckResult> results = burst(client, QStringLiteral("echo"), sent);
    QCOMPARE(results.size(), sent);
    int answered = 0;
    qint64 longestRetry = 0;
    for (const SmartSocket::AckResult &r : results) {
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        if (!isRateLimited(r)) {
            ++answered;
            continue;
        }
        const qint64 retry = r.value().toMap().value(QStringLiteral("retryAfter")).toLongLong();
        QVERIFY2(retry > 0 && retry <= window, qPrintable(QString::number(retry)));
        if (window >= 10000) // the default window, not something short
            QVERIFY2(retry > window / 2, qPrintable(QString::number(retry)));
        longestRetry = std::max(longestRetry, retry);
    }
    QCOMPARE(answered, allowed);
    QTRY_COMPARE(notices.size(), sent - allowed);
    for (const QVariantMap &notice : std::as_const(notices))
        QCOMPARE(notice.value(QStringLiteral("event")).toString(), QStringLiteral("echo"));

    const QVariantMap rateLimit = serverStats(port).value(QStringLiteral("rateLimit")).toMap();
    QCOMPARE(rateLimit.value(QStringLiteral("enabled")).toBool(), max > 0);
    QCOMPARE(rateLimit.value(QStringLiteral("maxRequests")).toInt(), max);
    if (max > 0)
        QCOMPARE(rateLimit.value(QStringLiteral("window")).toInt(), window);

    if (max > 0 && window < 10000) {
        // A fixed wait on purpose: the claim is that the limit lifts once retryAfter passed.
        QTest::qWait(int(longestRetry) + 50);
        const QList<SmartSocket::AckResult> again = burst(client, QStringLiteral("echo"), 1);
        QCOMPARE(again.size(), 1);
        QVERIFY(!isRateLimited(again.first()));
        QCOMPARE(again.first().value().toInt(), 0);
    }
}

// --event-rate-limit EVENT:MAX:WINDOW_MS (repeatable) limits those events only; malformed
// specifications are refused at start.
void tst_Demos::echoServerEventRateLimitFlag()
{
    StoppingProcess server;
    const quint16 port = startServer(server,
        { QStringLiteral("--event-rate-limit"), QStringLiteral("echo:2:60000"),
            QStringLiteral("--event-rate-limit"), QStringLiteral("ping-ack:1:60000") });
    QVERIFY(port != 0);
    SmartSocket::Client client(localUrl(port), TestKit::ownConnection());
    QStringList noticed;
    client.on(QStringLiteral("__rate-limited__"), [&](const QVariantList &args) {
        noticed.append(args.value(0).toMap().value(QStringLiteral("event")).toString());
    });
    QVERIFY(TestKit::connectClient(client));

    const auto countLimited = [](const QList<SmartSocket::AckResult> &results) {
        return int(std::count_if(results.cbegin(), results.cend(), isRateLimited));
    };
    const QList<SmartSocket::AckResult> echoes = burst(client, QStringLiteral("echo"), 4);
    QCOMPARE(echoes.size(), 4);
    QCOMPARE(countLimited(echoes), 2);
    const QList<SmartSocket::AckResult> pings = burst(client, QStringLiteral("ping-ack"), 3);
    QCOMPARE(pings.size(), 3);
    QCOMPARE(countLimited(pings), 2);
    const QList<SmartSocket::AckResult> stats = burst(client, QStringLiteral("stats"), 5);
    QCOMPARE(stats.size(), 5);
    QCOMPARE(countLimited(stats), 0); // no global limit
    QTRY_COMPARE(noticed.size(), 4);
    QCOMPARE(noticed.count(QStringLiteral("echo")), 2);
    QCOMPARE(noticed.count(QStringLiteral("ping-ack")), 2);

    const QVariantMap limits = stats.last()
                                   .value()
                                   .toMap()
                                   .value(QStringLiteral("rateLimit"))
                                   .toMap()
                                   .value(QStringLiteral("limits"))
                                   .toMap();
    QCOMPARE(limits.keys(), (QStringList { QStringLiteral("echo"), QStringLiteral("ping-ack") }));
    QCOMPARE(limits.value(QStringLiteral("echo")).toMap().value(QStringLiteral("maxRequests")),
        QVariant(2));
    QCOMPARE(limits.value(QStringLiteral("echo")).toMap().value(QStringLiteral("window")),
        QVariant(60000));

    for (const QString &bad : { QStringLiteral("echo:0:100"), QStringLiteral("echo:2"),
             QStringLiteral("echo:x:100"), QStringLiteral(":2:100") }) {
        QProcess refused;
        refused.start(m_server,
            { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--event-rate-limit"),
                bad });
        QVERIFY(refused.waitForFinished(10000));
        QVERIFY2(refused.exitCode() == 1, qPrintable(bad));
        QVERIFY(QString::fromUtf8(refused.readAllStandardError())
                    .contains(QStringLiteral("--event-rate-limit")));
    }
}

// --pool-size N and --max-pool-size M turn on connection pooling with those bounds: 7
// connections on a pool of 2 that may grow (by half, the default) to 5 leave it at capacity 5,
// grown twice (2 -> 3 -> 5), and 2 connections allocated outside it. Seen in `stats`.
void tst_Demos::echoServerPoolFlags()
{
    StoppingProcess server;
    const quint16 port = startServer(server,
        { QStringLiteral("--pool-size"), QStringLiteral("2"), QStringLiteral("--max-pool-size"),
            QStringLiteral("5") });
    QVERIFY(port != 0);
    std::vector<std::unique_ptr<SmartSocket::Client>> clients;
    for (int i = 0; i < 7; ++i) {
        clients.push_back(
            std::make_unique<SmartSocket::Client>(localUrl(port), TestKit::ownConnection()));
        QVERIFY(TestKit::connectClient(*clients.back()));
    }
    const SmartSocket::AckResult reply = TestKit::ask(*clients.back(), QStringLiteral("stats"), {});
    QVERIFY2(reply.isOk(), qPrintable(reply.errorString()));
    const QVariantMap stats = reply.value().toMap();
    QCOMPARE(stats.value(QStringLiteral("clients")).toInt(), 7);
    const QVariantMap pool = stats.value(QStringLiteral("pool")).toMap();
    const QString text = QString::fromUtf8(QJsonDocument::fromVariant(pool).toJson());
    QVERIFY2(pool.value(QStringLiteral("enabled")).toBool(), qPrintable(text));
    QVERIFY2(pool.value(QStringLiteral("max")).toInt() == 5, qPrintable(text));
    QVERIFY2(pool.value(QStringLiteral("capacity")).toInt() == 5, qPrintable(text));
    QVERIFY2(pool.value(QStringLiteral("acquired")).toInt() == 7, qPrintable(text));
    QVERIFY2(pool.value(QStringLiteral("grown")).toInt() == 2, qPrintable(text));
    QVERIFY2(pool.value(QStringLiteral("overflow")).toInt() == 2, qPrintable(text));

    // Without the flags (the server of init()) there is no pool; echo still works.
    const QVariantMap plain = serverStats(m_port).value(QStringLiteral("pool")).toMap();
    QCOMPARE(plain.value(QStringLiteral("enabled")), QVariant(false));
    QVERIFY(!plain.contains(QStringLiteral("capacity")));
}

QTEST_GUILESS_MAIN(tst_Demos)
#include "tst_demos.moc"
