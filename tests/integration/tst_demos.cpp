// The demo programs as a user runs them: smartsocket-echo-server and smartsocket-cli, started
// with QProcess from the directory this test runs from (build/bin). Not registered when the
// demos are not built (SMARTSOCKET_DEMOS=OFF, as in the asan and tsan builds of scripts/test.sh);
// a binary missing anyway is a skip locally and a failure under CI=true.

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

private:
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

QTEST_GUILESS_MAIN(tst_Demos)
#include "tst_demos.moc"

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
