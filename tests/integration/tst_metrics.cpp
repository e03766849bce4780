// GET /health and the Prometheus GET /metrics (off by default): a scrape after real traffic
// (a WebSocket client and a long-polling session, acked events, a rate-limited event) is
// parsed by prometheus_client's own text-format parser (tests/tools/parse_metrics.py) and
// its numbers checked against what happened.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"
#include "testkit.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QtTest>

using namespace SmartSocket;

namespace {

struct Answer
{
    int status = 0;
    QByteArray head;
    QByteArray body;
};

// One request on a new connection; the answer read while the server's event loop runs.
Answer httpGet(quint16 port, const QByteArray &target, const QByteArray &method = "GET",
    const QByteArray &body = {})
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    QByteArray raw = method + ' ' + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
    if (!body.isNull())
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket.write(raw + "\r\n" + body);
    QByteArray in;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 5000) {
        in += socket.readAll();
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end >= 0) {
            const qsizetype at = in.toLower().indexOf("content-length: ");
            const qsizetype length
                = at < 0 ? 0 : in.mid(at + 16, in.indexOf('\r', at) - at - 16).toLongLong();
            if (in.size() >= end + 4 + length)
                return { in.mid(9, 3).toInt(), in.first(end), in.mid(end + 4, length) };
        }
        QTest::qWait(5);
    }
    return {};
}

} // namespace

class tst_Metrics : public QObject
{
    Q_OBJECT

    QString m_python; // an interpreter that has prometheus_client (Debian's, first)

    QJsonObject parse(const QByteArray &scrape)
    {
        QTemporaryFile file;
        if (!file.open())
            return {};
        file.write(scrape);
        file.flush();
        QProcess python;
        python.start(m_python,
            { QStringLiteral(SMARTSOCKET_TESTS_DIR "/tools/parse_metrics.py"), file.fileName() });
        python.waitForFinished(30000);
        const QByteArray out = python.readAllStandardOutput();
        if (python.exitCode() != 0) {
            qWarning() << out << python.readAllStandardError();
            return {};
        }
        return QJsonDocument::fromJson(out).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // python3-prometheus-client installs into Debian's interpreter, which another python3
        // (pyenv, a venv) may shadow in PATH.
        for (const QString &candidate :
            { QStringLiteral("/usr/bin/python3"), QStringLiteral("python3") }) {
            QProcess probe;
            probe.start(
                candidate, { QStringLiteral("-c"), QStringLiteral("import prometheus_client") });
            if (probe.waitForFinished(30000) && probe.exitStatus() == QProcess::NormalExit
                && probe.exitCode() == 0) {
                m_python = candidate;
                return;
            }
        }
        SMARTSOCKET_SKIP_OR_FAIL("python3-prometheus-client is not installed (scripts/setup.sh)");
    }

    void offByDefault()
    {
        Server server;
        QVERIFY(server.listen());
        QCOMPARE(httpGet(server.port(), "/health").status, 404);
        QCOMPARE(httpGet(server.port(), "/metrics").status, 404);
    }

    void scrapeAfterTraffic()
    {
        ServerOptions options;
        options.enableHealth = true;
        options.enableMetrics = true;
        Server server(options);
        server.on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        server.of(QStringLiteral("/chat"))
            ->on(QStringLiteral("echo"),
                [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        server.setEventRateLimit(QStringLiteral("spam"), RateLimit { 60000, 1 });
        QVERIFY(server.listen());

        const Answer health = httpGet(server.port(), "/health");
        QCOMPARE(health.status, 200);
        QCOMPARE(health.body, QByteArray(R"({"status":"ok"})"));

        // A WebSocket client in /chat: two acked events, one event over its rate limit.
        ClientOptions clientOptions;
        clientOptions.namespaceName = QStringLiteral("/chat");
        Client client(TestKit::urlOf(server), clientOptions);
        QVERIFY(TestKit::connectClient(client));
        QVERIFY(TestKit::ask(client, QStringLiteral("echo"), { 1 }).isOk());
        QVERIFY(TestKit::ask(client, QStringLiteral("echo"), { 2 }).isOk());
        client.emitEvent(QStringLiteral("spam"), { 1 });
        client.emitEvent(QStringLiteral("spam"), { 2 });
        QVERIFY(TestKit::ask(client, QStringLiteral("echo"), { 3 }).isOk()); // after the spam

        // A long-polling session in "/".
        const Answer open = httpGet(server.port(), "/socket.io/?EIO=4&transport=polling");
        const QByteArray sid = QJsonDocument::fromJson(open.body.mid(1))
                                   .object()
                                   .value(QStringLiteral("sid"))
                                   .toString()
                                   .toLatin1();
        const QByteArray target = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        QCOMPARE(httpGet(server.port(), target, "POST", "40").body, QByteArray("ok"));
        QVERIFY(httpGet(server.port(), target).body.startsWith("40"));

        const Answer scrape = httpGet(server.port(), "/metrics");
        QCOMPARE(scrape.status, 200);
        QVERIFY(scrape.head.contains("Content-Type: text/plain; version=0.0.4"));
        const QJsonObject m = parse(scrape.body);
        QVERIFY2(!m.isEmpty(), scrape.body.constData());
        const auto value
            = [&m](const char *key) { return m.value(QLatin1String(key)).toDouble(-1); };
        QCOMPARE(value("smartsocket_connections{namespace=/,transport=polling}"), 1.0);
        QCOMPARE(value("smartsocket_connections{namespace=/,transport=websocket}"), 0.0);
        QCOMPARE(value("smartsocket_connections{namespace=/chat,transport=websocket}"), 1.0);
        QCOMPARE(value("smartsocket_connections{namespace=/chat,transport=polling}"), 0.0);
        QCOMPARE(value("smartsocket_engine_sessions{}"), 2.0);
        QCOMPARE(value("smartsocket_acks_total{direction=in}"), 3.0);
        QCOMPARE(value("smartsocket_rate_limit_rejections_total{}"), 1.0);
        QCOMPARE(value("smartsocket_polling_requests_total{method=GET}"), 1.0);
        QCOMPARE(value("smartsocket_polling_requests_total{method=POST}"), 1.0);
        QCOMPARE(value("smartsocket_compression_ratio{}"), 1.0);
        // In: 2 CONNECTs, 3 echo + 2 spam events. Out: 2 CONNECT replies, 3 acks, and what the
        // rate limiter answers the refused event with.
        QCOMPARE(value("smartsocket_packets_total{direction=in}"), 7.0);
        QVERIFY(value("smartsocket_packets_total{direction=out}") >= 5.0);
        QVERIFY(value("smartsocket_bytes_total{direction=in}") > 0);
    }

    // The counters and the admin namespace observe at once: while an admin client is
    // connected both see every event (the server fans out to both observers); once it leaves,
    // the counters go on alone.
    void metricsWithAdminConnected()
    {
        ServerOptions options;
        options.enableMetrics = true;
        Server server(options);
        server.on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        QVERIFY(server.instrument());
        QVERIFY(server.listen());
        const auto acksIn = [&] {
            const Answer scrape = httpGet(server.port(), "/metrics");
            return parse(scrape.body)
                .value(QLatin1String("smartsocket_acks_total{direction=in}"))
                .toDouble(-1);
        };

        ClientOptions adminOptions;
        adminOptions.namespaceName = QStringLiteral("/admin");
        auto admin = std::make_unique<Client>(TestKit::urlOf(server), adminOptions);
        QStringList received;
        admin->on(QStringLiteral("event_received"), [&received](const QVariantList &args) {
            received.append(args.value(2).toList().value(0).toString());
        });
        QVERIFY(TestKit::connectClient(*admin));

        Client client(TestKit::urlOf(server));
        QVERIFY(TestKit::connectClient(client));
        QVERIFY(TestKit::ask(client, QStringLiteral("echo"), { 1 }).isOk());
        QTRY_VERIFY_WITH_TIMEOUT(received.contains(QStringLiteral("echo")), 5000);
        QCOMPARE(acksIn(), 1.0);

        admin->close();
        admin.reset();
        QVERIFY(TestKit::ask(client, QStringLiteral("echo"), { 2 }).isOk());
        QTRY_COMPARE_WITH_TIMEOUT(acksIn(), 2.0, 5000);
    }
};

QTEST_GUILESS_MAIN(tst_Metrics)
#include "tst_metrics.moc"
