// Engine.IO v4 HTTP long-polling, checked against the reference: every raw HTTP exchange is
// sent to our server and to a Node socket.io 4.8 server (tests/interop/node/polling-server.js)
// and the two answers must agree in status and body (ids masked). Then the real
// socket.io-client 4.8 with its default transports (polling, then the upgrade) and with
// polling only.
#include <smartsocket/smartsocket.h>

#include "nodeprocess.h"

#include "testkit.h"
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QWebSocket>

#include <QtTest>

#include <memory>

using namespace SmartSocket;

namespace {

// One raw HTTP/1.1 client connection; answers are read while the event loop runs (our
// server lives in this thread).
class RawHttp
{
public:
    explicit RawHttp(quint16 port)
    {
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { m_in += m_socket.readAll(); });
    }
    void send(const QByteArray &bytes) { m_socket.write(bytes); }
    struct Answer
    {
        int status = 0;
        QByteArray body;
        QByteArray head;
    };
    /// The next complete answer on this connection; status 0 after the deadline.
    Answer next(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            Answer answer;
            if (take(&answer))
                return answer;
            QTest::qWait(5);
        }
        return {};
    }
    bool hasAnswer()
    {
        QCoreApplication::processEvents();
        return m_in.contains("\r\n\r\n");
    }
    bool isClosed() { return m_socket.state() == QAbstractSocket::UnconnectedState; }

private:
    bool take(Answer *answer)
    {
        const qsizetype end = m_in.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        const QByteArray head = m_in.first(end);
        static const QRegularExpression length(QStringLiteral("(?i)\r\ncontent-length: *([0-9]+)"));
        const auto match = length.match(QString::fromLatin1(head));
        if (head.toLower().contains("transfer-encoding: chunked")) {
            // Node answers errors with a chunked body.
            QByteArray body;
            qsizetype pos = end + 4;
            while (true) {
                const qsizetype lineEnd = m_in.indexOf("\r\n", pos);
                if (lineEnd < 0)
                    return false;
                const qsizetype size = m_in.mid(pos, lineEnd - pos).toLongLong(nullptr, 16);
                if (m_in.size() < lineEnd + 2 + size + 2)
                    return false;
                body += m_in.mid(lineEnd + 2, size);
                pos = lineEnd + 2 + size + 2;
                if (size == 0)
                    break;
            }
            answer->head = head;
            answer->status = head.mid(9, 3).toInt();
            answer->body = body;
            m_in.remove(0, pos);
            return true;
        }
        const qsizetype bodySize = match.hasMatch() ? match.captured(1).toLongLong() : 0;
        if (m_in.size() < end + 4 + bodySize)
            return false;
        answer->head = head;
        answer->status = head.mid(9, 3).toInt();
        answer->body = m_in.mid(end + 4, bodySize);
        m_in.remove(0, end + 4 + bodySize);
        return true;
    }
    QTcpSocket m_socket;
    QByteArray m_in;
};

QByteArray request(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
    const QByteArray &extra = {})
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra;
    if (!body.isNull())
        out += "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

// Ids differ between servers: mask every sid value.
QByteArray masked(QByteArray body)
{
    static const QRegularExpression sid(QStringLiteral("\"sid\":\"[^\"]*\""));
    return QString::fromUtf8(body).replace(sid, QStringLiteral("\"sid\":\"*\"")).toUtf8();
}

QByteArray sidOf(const QByteArray &openBody)
{
    const QJsonObject open = QJsonDocument::fromJson(openBody.mid(1)).object();
    return open.value(QStringLiteral("sid")).toString().toLatin1();
}

} // namespace

class tst_PollingVsNode : public QObject
{
    Q_OBJECT

    QString m_dir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);

    struct Peers
    {
        std::unique_ptr<Server> ours;
        std::unique_ptr<TestKit::NodeProcess> node;
        quint16 port(int which) const { return which == 0 ? ours->port() : node->port(); }
    };

    bool startPeers(Peers *peers, int pingInterval = 25000, int pingTimeout = 20000,
        const QStringList &extra = {})
    {
        ServerOptions options;
        if (extra.contains(QStringLiteral("--cors"))) {
            options.corsOrigins
                = QStringList { extra.value(extra.indexOf(QStringLiteral("--cors")) + 1) };
            options.corsCredentials = true;
        }
        if (extra.contains(QStringLiteral("--cookie")))
            options.cookieName = QStringLiteral("io");
        options.maxPayload = 1000;
        options.pingInterval = pingInterval;
        options.pingTimeout = pingTimeout;
        options.allowRequest = [](const Handshake &request, const auto &answer) {
            const QString refuse = QString::fromUtf8(request.header("x-refuse"));
            if (!refuse.isEmpty())
                return answer(refuse, false);
            if (!request.header("x-refuse-silently").isEmpty())
                return answer(QString(), false);
            answer(QString(), true);
        };
        peers->ours = std::make_unique<Server>(options);
        Server *server = peers->ours.get();
        server->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args.mid(0, 1)); });
        server->on(QStringLiteral("broadcast"), [server](Socket *, const QVariantList &args) {
            server->defaultNamespace()->emitEvent(QStringLiteral("bcast"), args.mid(0, 1));
        });
        if (!server->listen())
            return false;
        peers->node = std::make_unique<TestKit::NodeProcess>(QStringLiteral(SMARTSOCKET_NODE),
            m_dir + QStringLiteral("/node/polling-server.js"),
            QStringList { QStringLiteral("--max-payload"), QStringLiteral("1000"),
                QStringLiteral("--ping-interval"), QString::number(pingInterval),
                QStringLiteral("--ping-timeout"), QString::number(pingTimeout) }
                + extra);
        peers->node->setWorkingDirectory(m_dir);
        return peers->node->start();
    }

    // A polling session opened and joined to "/" on server `which`; returns its sid.
    QByteArray openSession(RawHttp &http, bool connect = true)
    {
        http.send(request("GET", "/socket.io/?EIO=4&transport=polling"));
        const auto open = http.next();
        const QByteArray sid = sidOf(open.body);
        if (connect) {
            http.send(request("POST", "/socket.io/?EIO=4&transport=polling&sid=" + sid, "40"));
            http.next();
            http.send(request("GET", "/socket.io/?EIO=4&transport=polling&sid=" + sid));
            http.next();
        }
        return sid;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestKit::NodeProcess::hasPackage(m_dir, QStringLiteral("socket.io")))
            SMARTSOCKET_SKIP_OR_FAIL(
                "socket.io is not installed: run `npm ci --prefix tests/interop`");
    }

    // Requests that open no session: the same status and JSON body as engine.io.
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::addColumn<int>("expectedStatus");
        QTest::newRow("unknown transport")
            << request("GET", "/socket.io/?EIO=4&transport=foo") << 400;
        QTest::newRow("no transport") << request("GET", "/socket.io/?EIO=4") << 400;
        QTest::newRow("unknown sid")
            << request("GET", "/socket.io/?EIO=4&transport=polling&sid=nope") << 400;
        QTest::newRow("POST handshake")
            << request("POST", "/socket.io/?EIO=4&transport=polling", "40") << 400;
        QTest::newRow("PUT handshake")
            << request("PUT", "/socket.io/?EIO=4&transport=polling", "40") << 400;
        QTest::newRow("EIO=3") << request("GET", "/socket.io/?EIO=3&transport=polling") << 400;
        QTest::newRow("no EIO") << request("GET", "/socket.io/?transport=polling") << 400;
        QTest::newRow("websocket without upgrade")
            << request("GET", "/socket.io/?EIO=4&transport=websocket") << 400;
        QTest::newRow("allowRequest refuses")
            << request("GET", "/socket.io/?EIO=4&transport=polling", {}, "X-Refuse: not you\r\n")
            << 403;
        QTest::newRow("allowRequest refuses without message")
            << request("GET", "/socket.io/?EIO=4&transport=polling", {}, "X-Refuse-Silently: 1\r\n")
            << 403;
        QTest::newRow("allowRequest before the version check")
            << request("GET", "/socket.io/?EIO=3&transport=polling", {}, "X-Refuse: no\r\n") << 403;
    }
    void refusals()
    {
        QFETCH(QByteArray, raw);
        QFETCH(int, expectedStatus);
        Peers peers;
        QVERIFY(startPeers(&peers));
        RawHttp::Answer answers[2];
        for (int which = 0; which < 2; ++which) {
            RawHttp http(peers.port(which));
            http.send(raw);
            answers[which] = http.next();
        }
        QCOMPARE(answers[0].status, answers[1].status);
        QCOMPARE(answers[0].body, answers[1].body);
        QCOMPARE(answers[0].status, expectedStatus);
        QVERIFY(answers[0].body.startsWith("{\"code\":"));
    }

    // A whole session over polling, step by step, on both servers; every answer compared.
    void sessionExchange()
    {
        Peers peers;
        QVERIFY(startPeers(&peers));
        QList<QByteArray> transcript[2];
        for (int which = 0; which < 2; ++which) {
            RawHttp http(peers.port(which));
            QList<QByteArray> &log = transcript[which];
            const auto record = [&](const RawHttp::Answer &a) {
                log << QByteArray::number(a.status) + ' ' + masked(a.body);
                if (a.status == 200 && a.body != "ok")
                    log << (a.head.contains("Content-Type: text/plain; charset=UTF-8")
                                || a.head.contains("Content-Type: text/plain; charset=utf-8")
                            ? "text/plain"
                            : "other content type");
            };
            http.send(request("GET", "/socket.io/?EIO=4&transport=polling"));
            const auto open = http.next();
            record(open);
            const QByteArray sid = sidOf(open.body);
            QVERIFY(!sid.isEmpty());
            const QByteArray target = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
            http.send(request("POST", target, "40"));
            record(http.next());
            http.send(request("GET", target));
            record(http.next());
            // Two packets in one payload: an event with an ack, and a binary one.
            http.send(request("POST", target,
                "421[\"echo\",\"h\xc3\xa9llo\"]\x1e"
                "451-2[\"echo\",{\"_placeholder\":true,\"num\":0}]\x1e"
                "bAQID"));
            record(http.next());
            // Both answers may come in one poll or two.
            QByteArray polled;
            while (polled.count('\x1e') < 2) {
                http.send(request("GET", target));
                const auto a = http.next();
                if (a.status != 200)
                    break;
                polled += (polled.isEmpty() ? "" : "\x1e") + a.body;
            }
            log << polled;
            // Chunked body.
            http.send("POST " + target
                + " HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                  "3\r\n423\r\n"
                  "D\r\n[\"echo\",\"ch\"]\r\n0\r\n\r\n");
            record(http.next());
            http.send(request("GET", target));
            record(http.next());
            // Over maxPayload (1000): 413.
            http.send(request("POST", target, "4" + QByteArray(1000, 'x')));
            log << QByteArray::number(http.next().status);
            // A polling request for the session after it is closed by the client.
            RawHttp second(peers.port(which));
            second.send(request("POST", target, "1"));
            record(second.next());
            QTest::qWait(100);
            second.send(request("GET", target));
            record(second.next());
        }
        if (transcript[0] != transcript[1]) {
            qWarning() << "ours" << transcript[0];
            qWarning() << "node" << transcript[1];
        }
        QCOMPARE(transcript[0], transcript[1]);
        QVERIFY2(transcript[0].value(6).contains("431[\"h\xc3\xa9llo\"]"),
            transcript[0].value(5).constData());
    }

    // Pipelined requests on one kept-alive connection are answered in order. (Node 4.8 is no
    // reference here: two POSTs in one write leave it silent and end the session, so only
    // our server is checked.)
    void pipelining()
    {
        Peers peers;
        QVERIFY(startPeers(&peers));
        RawHttp http(peers.port(0));
        const QByteArray sid = openSession(http);
        const QByteArray target = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        http.send(request("POST", target, "424[\"echo\",1]")
            + request("POST", target, "425[\"echo\",2]") + request("GET", target));
        QCOMPARE(http.next().body, QByteArray("ok"));
        QCOMPARE(http.next().body, QByteArray("ok"));
        QCOMPARE(http.next().body,
            QByteArray("434[1]\x1e"
                       "435[2]"));
        // A held poll with a request pipelined behind it: that one is read once the poll is
        // answered (here: by an event posted on another connection).
        http.send(request("GET", target) + request("POST", target, "426[\"echo\",3]"));
        QTest::qWait(100);
        QVERIFY(!http.hasAnswer());
        RawHttp other(peers.port(0));
        other.send(request("POST", target, "427[\"echo\",4]"));
        QCOMPARE(other.next().body, QByteArray("ok"));
        QCOMPARE(http.next().body, QByteArray("437[4]"));
        QCOMPARE(http.next().body, QByteArray("ok"));
        http.send(request("GET", target));
        QCOMPARE(http.next().body, QByteArray("436[3]"));
    }

    // CORS: a preflight is answered 204 with the allowed origin and methods; polling answers
    // carry the origin when it is allowed, and nothing for another origin.
    void cors()
    {
        ServerOptions options;
        options.corsOrigins = QStringList { QStringLiteral("http://app.example") };
        options.corsOriginFilter
            = [](const QString &origin) { return origin.endsWith(QStringLiteral(".trusted")); };
        options.corsCredentials = true;
        Server server(options);
        QVERIFY(server.listen());
        RawHttp http(server.port());
        http.send(request("OPTIONS", "/socket.io/?EIO=4&transport=polling", {},
            "Origin: http://app.example\r\nAccess-Control-Request-Method: POST\r\n"
            "Access-Control-Request-Headers: content-type\r\n"));
        const auto preflight = http.next();
        QCOMPARE(preflight.status, 204);
        QVERIFY2(preflight.head.contains("\r\nAccess-Control-Allow-Origin: http://app.example\r\n"),
            preflight.head.constData());
        QVERIFY(preflight.head.contains("\r\nAccess-Control-Allow-Credentials: true\r\n"));
        QVERIFY(preflight.head.contains("\r\nAccess-Control-Allow-Methods: GET,POST\r\n"));
        QVERIFY(preflight.head.contains("\r\nAccess-Control-Allow-Headers: content-type\r\n"));

        http.send(request(
            "GET", "/socket.io/?EIO=4&transport=polling", {}, "Origin: http://x.trusted\r\n"));
        const auto open = http.next();
        QCOMPARE(open.status, 200);
        QVERIFY2(open.head.contains("\r\nAccess-Control-Allow-Origin: http://x.trusted\r\n"),
            open.head.constData());
        QVERIFY(open.head.contains("\r\nVary: Origin\r\n"));

        http.send(request(
            "GET", "/socket.io/?EIO=4&transport=polling", {}, "Origin: http://evil.example\r\n"));
        const auto other = http.next();
        QCOMPARE(other.status, 200); // the browser, not the server, enforces CORS
        QVERIFY(!other.head.contains("Access-Control-Allow-Origin"));
    }

    // allowRequest answering later (from a timer): the request waits, then opens or is
    // refused; over polling and over WebSocket.
    void allowRequestLater()
    {
        ServerOptions options;
        int asked = 0;
        options.allowRequest = [&asked](const Handshake &request, const auto &answer) {
            ++asked;
            const bool refuse = !request.header("x-refuse").isEmpty();
            QTimer::singleShot(100, [answer, refuse] {
                answer(refuse ? QStringLiteral("later no") : QString(), !refuse);
            });
        };
        Server server(options);
        QVERIFY(server.listen());
        RawHttp http(server.port());
        http.send(request("GET", "/socket.io/?EIO=4&transport=polling"));
        QTest::qWait(50);
        QVERIFY(!http.hasAnswer()); // still deciding
        const auto open = http.next();
        QCOMPARE(open.status, 200);
        QVERIFY(open.body.startsWith("0{\"sid\":"));
        http.send(request("GET", "/socket.io/?EIO=4&transport=polling", {}, "X-Refuse: 1\r\n"));
        const auto refused = http.next();
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.body, QByteArray(R"({"code":4,"message":"later no"})"));

        QWebSocket ws;
        QStringList frames;
        connect(
            &ws, &QWebSocket::textMessageReceived, [&frames](const QString &m) { frames << m; });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket")
                         .arg(server.port())));
        QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 5000);
        QVERIFY(frames.first().startsWith(QStringLiteral("0{\"sid\":")));
        ws.sendTextMessage(QStringLiteral("40"));
        QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 2, 5000);
        QVERIFY(frames.at(1).startsWith(QStringLiteral("40{\"sid\":")));
        QCOMPARE(asked, 3);
    }

    // The cookie option: the handshake answer (polling, and the 101 of a WebSocket) sets
    // io=<sid>; Path=/; HttpOnly; SameSite=Lax, as engine.io with cookie: true.
    void cookie()
    {
        ServerOptions options;
        options.cookieName = QStringLiteral("io");
        Server server(options);
        QVERIFY(server.listen());
        RawHttp http(server.port());
        http.send(request("GET", "/socket.io/?EIO=4&transport=polling"));
        const auto open = http.next();
        const QByteArray sid = sidOf(open.body);
        QVERIFY2(
            open.head.contains("\r\nSet-Cookie: io=" + sid + "; Path=/; HttpOnly; SameSite=Lax"),
            open.head.constData());
        // Later polls of the session set no cookie.
        http.send(request("POST", "/socket.io/?EIO=4&transport=polling&sid=" + sid, "40"));
        QVERIFY(!http.next().head.contains("Set-Cookie"));

        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, server.port());
        raw.write(
            "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += raw.readAll()).contains("0{\"sid\""), 5000);
        QVERIFY2(answer.startsWith("HTTP/1.1 101"), answer.constData());
        QVERIFY2(answer.contains("\r\nSet-Cookie: io="), answer.constData());
    }

    // A probe that never sends "5" is closed after upgradeTimeout; the session goes on
    // over polling.
    void upgradeTimeout()
    {
        ServerOptions options;
        options.upgradeTimeout = 300;
        Server server(options);
        server.on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args.mid(0, 1)); });
        QVERIFY(server.listen());
        RawHttp http(server.port());
        const QByteArray sid = openSession(http);
        const QByteArray target = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
        QWebSocket ws;
        QStringList frames;
        connect(
            &ws, &QWebSocket::textMessageReceived, [&frames](const QString &m) { frames << m; });
        bool closed = false;
        connect(&ws, &QWebSocket::disconnected, [&closed] { closed = true; });
        ws.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&sid=%2")
                         .arg(server.port())
                         .arg(QString::fromLatin1(sid))));
        QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState, 5000);
        ws.sendTextMessage(QStringLiteral("2probe"));
        QTRY_COMPARE_WITH_TIMEOUT(frames, QStringList { QStringLiteral("3probe") }, 5000);
        QElapsedTimer timer;
        timer.start();
        QTRY_VERIFY_WITH_TIMEOUT(closed, 5000);
        QVERIFY2(timer.elapsed() >= 200, QByteArray::number(timer.elapsed()).constData());
        // Still a polling session: the noop from the probe, then an echo.
        http.send(request("GET", target));
        QCOMPARE(http.next().body, QByteArray("6"));
        http.send(request("POST", target, "421[\"echo\",\"p\"]"));
        QCOMPARE(http.next().body, QByteArray("ok"));
        http.send(request("GET", target));
        QCOMPARE(http.next().body, QByteArray("431[\"p\"]"));
    }

    // CORS and the cookie, against Node with cors {origin: [O], credentials, methods} and
    // cookie: true: the same CORS and Set-Cookie headers on the preflight, on a polling
    // answer, and for an origin that is not allowed.
    void corsAndCookieAsNode()
    {
        Peers peers;
        QVERIFY(startPeers(&peers, 25000, 20000,
            { QStringLiteral("--cors"), QStringLiteral("http://app.example"),
                QStringLiteral("--cookie") }));
        const auto pick = [](const QByteArray &head, const QByteArray &sid) {
            QList<QByteArray> lines;
            for (QByteArray line : head.split('\n')) {
                line = line.trimmed();
                const QByteArray lower = line.toLower();
                if (lower.startsWith("access-control-") || lower.startsWith("vary:")
                    || lower.startsWith("set-cookie:"))
                    lines << (sid.isEmpty() ? line : QByteArray(line).replace(sid, "SID"));
            }
            std::sort(lines.begin(), lines.end());
            return lines;
        };
        QList<QByteArray> transcript[2];
        for (int which = 0; which < 2; ++which) {
            RawHttp http(peers.port(which));
            http.send(request("OPTIONS", "/socket.io/?EIO=4&transport=polling", {},
                "Origin: http://app.example\r\nAccess-Control-Request-Method: POST\r\n"
                "Access-Control-Request-Headers: content-type\r\n"));
            const auto preflight = http.next();
            transcript[which] << QByteArray::number(preflight.status) << pick(preflight.head, {});
            http.send(request("GET", "/socket.io/?EIO=4&transport=polling", {},
                "Origin: http://app.example\r\n"));
            const auto open = http.next();
            transcript[which] << QByteArray::number(open.status)
                              << pick(open.head, sidOf(open.body));
            http.send(request("GET", "/socket.io/?EIO=4&transport=polling", {},
                "Origin: http://other.example\r\n"));
            const auto other = http.next();
            transcript[which] << QByteArray::number(other.status)
                              << pick(other.head, sidOf(other.body));
        }
        if (transcript[0] != transcript[1]) {
            qWarning() << "ours" << transcript[0];
            qWarning() << "node" << transcript[1];
        }
        QCOMPARE(transcript[0], transcript[1]);
        const QByteArray all = transcript[0].join('\n');
        QCOMPARE(transcript[0].value(0), QByteArray("204"));
        QVERIFY2(
            all.contains("Set-Cookie: io=SID; Path=/; HttpOnly; SameSite=Lax"), all.constData());
        QVERIFY2(all.contains("Access-Control-Allow-Origin: http://app.example"), all.constData());
        QVERIFY2(all.contains("Access-Control-Allow-Methods: GET,POST"), all.constData());
    }

    // maxConnections limits sockets: a polling session between its requests holds none, so
    // more sessions than the limit can live as long as their requests take turns.
    void maxConnectionsCountsSockets()
    {
        ServerOptions options;
        options.maxConnections = 2;
        Server server(options);
        QVERIFY(server.listen());
        QList<QByteArray> sids;
        for (int i = 0; i < 4; ++i) {
            RawHttp http(server.port());
            http.send(
                request("GET", "/socket.io/?EIO=4&transport=polling", {}, "Connection: close\r\n"));
            const auto open = http.next();
            QCOMPARE(open.status, 200);
            sids << sidOf(open.body);
            QTRY_VERIFY(http.isClosed());
        }
        // All four sessions are alive: each takes a CONNECT.
        for (const QByteArray &sid : std::as_const(sids)) {
            RawHttp http(server.port());
            http.send(request("POST", "/socket.io/?EIO=4&transport=polling&sid=" + sid, "40"));
            QCOMPARE(http.next().body, QByteArray("ok"));
        }
        QTRY_COMPARE(server.connectionStats().total, 4);
    }

    // enablePolling = false: WebSocket only, as Node with transports: ["websocket"].
    void pollingDisabled()
    {
        ServerOptions options;
        options.enablePolling = false;
        Server server(options);
        QVERIFY(server.listen());
        RawHttp http(server.port());
        http.send(request("GET", "/socket.io/?EIO=4&transport=polling"));
        const auto answer = http.next();
        QCOMPARE(answer.status, 400);
        QCOMPARE(answer.body, QByteArray(R"({"code":0,"message":"Transport unknown"})"));
    }

    // A second GET while one is held ends the session: 400 for it, the close packet for the
    // held one (as engine.io).
    void overlappingPolls()
    {
        Peers peers;
        QVERIFY(startPeers(&peers));
        QList<QByteArray> transcript[2];
        for (int which = 0; which < 2; ++which) {
            RawHttp http(peers.port(which));
            const QByteArray sid = openSession(http);
            const QByteArray target = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
            RawHttp first(peers.port(which));
            first.send(request("GET", target));
            QTest::qWait(100);
            QVERIFY(!first.hasAnswer()); // held: nothing to say yet
            RawHttp second(peers.port(which));
            second.send(request("GET", target));
            const auto a2 = second.next();
            const auto a1 = first.next();
            transcript[which] << QByteArray::number(a2.status) + ' ' + a2.body
                              << QByteArray::number(a1.status) + ' ' + a1.body;
            http.send(request("GET", target));
            const auto after = http.next();
            transcript[which] << QByteArray::number(after.status) + ' ' + after.body;
        }
        QCOMPARE(transcript[0], transcript[1]);
        QCOMPARE(transcript[0].value(0), QByteArray("400 "));
    }

    // The server pings over polling; a pong posted back keeps the session.
    void heartbeat()
    {
        Peers peers;
        QVERIFY(startPeers(&peers, 300, 300));
        QList<QByteArray> transcript[2];
        for (int which = 0; which < 2; ++which) {
            RawHttp http(peers.port(which));
            const QByteArray sid = openSession(http);
            const QByteArray target = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
            http.send(request("GET", target));
            transcript[which] << http.next(2000).body; // "2"
            http.send(request("POST", target, "3"));
            transcript[which] << http.next().body; // ok
            http.send(request("GET", target));
            transcript[which] << http.next(2000).body; // "2" again: still alive
            // No pong now: after pingTimeout the session is gone.
            QTest::qWait(900);
            http.send(request("GET", target));
            const auto gone = http.next();
            transcript[which] << QByteArray::number(gone.status) + ' ' + gone.body;
        }
        QCOMPARE(transcript[0], transcript[1]);
        QCOMPARE(transcript[0].value(0), QByteArray("2"));
    }

    // The upgrade: 2probe/3probe on the new WebSocket, a noop for the held poll, 5, then the
    // session is the WebSocket's; polling for it is refused, a second WebSocket is closed.
    void upgrade()
    {
        Peers peers;
        QVERIFY(startPeers(&peers));
        QList<QByteArray> transcript[2];
        for (int which = 0; which < 2; ++which) {
            QList<QByteArray> &log = transcript[which];
            RawHttp http(peers.port(which));
            const QByteArray sid = openSession(http);
            const QByteArray target = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
            RawHttp held(peers.port(which));
            held.send(request("GET", target));
            QWebSocket ws;
            QStringList frames;
            connect(&ws, &QWebSocket::textMessageReceived,
                [&frames](const QString &m) { frames << m; });
            ws.open(
                QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&sid=%2")
                         .arg(peers.port(which))
                         .arg(QString::fromLatin1(sid))));
            QTRY_VERIFY_WITH_TIMEOUT(ws.state() == QAbstractSocket::ConnectedState, 5000);
            ws.sendTextMessage(QStringLiteral("2probe"));
            QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 5000);
            log << frames.takeFirst().toUtf8();
            const auto noop = held.next();
            log << QByteArray::number(noop.status) + ' ' + noop.body;
            ws.sendTextMessage(QStringLiteral("5"));
            ws.sendTextMessage(QStringLiteral("421[\"echo\",\"ws\"]"));
            QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 5000);
            log << frames.takeFirst().toUtf8();
            http.send(request("GET", target));
            const auto refused = http.next();
            log << QByteArray::number(refused.status) + ' ' + refused.body;
            QWebSocket second;
            bool secondClosed = false;
            connect(&second, &QWebSocket::disconnected, [&secondClosed] { secondClosed = true; });
            second.open(
                QUrl(QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&sid=%2")
                         .arg(peers.port(which))
                         .arg(QString::fromLatin1(sid))));
            QTRY_VERIFY_WITH_TIMEOUT(secondClosed, 5000);
            // The first WebSocket still works.
            ws.sendTextMessage(QStringLiteral("422[\"echo\",\"still\"]"));
            QTRY_VERIFY_WITH_TIMEOUT(!frames.isEmpty(), 5000);
            log << frames.takeFirst().toUtf8();
            ws.close();
        }
        QCOMPARE(transcript[0], transcript[1]);
        QCOMPARE(transcript[0].value(0), QByteArray("3probe"));
        QCOMPARE(transcript[0].value(1), QByteArray("200 6"));
        QCOMPARE(transcript[0].value(2), QByteArray("431[\"ws\"]"));
    }

    // The real socket.io-client 4.8 with its defaults, and with polling only.
    void nodeClient_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("expectUpgrade");
        QTest::newRow("default transports") << QStringLiteral("default") << true;
        QTest::newRow("polling only") << QStringLiteral("polling") << false;
    }
    void nodeClient()
    {
        QFETCH(QString, mode);
        QFETCH(bool, expectUpgrade);
        Peers peers;
        QVERIFY(startPeers(&peers));
        const QString out = TestKit::runNodeScript(QStringLiteral(SMARTSOCKET_NODE), m_dir,
            m_dir + QStringLiteral("/node/polling-client.js"),
            { QStringLiteral("http://127.0.0.1:%1").arg(peers.ours->port()), mode,
                expectUpgrade ? QStringLiteral("1") : QStringLiteral("0") });
        const QJsonObject result
            = QJsonDocument::fromJson(out.split(QLatin1Char('\n')).last().toUtf8()).object();
        QVERIFY2(result.value(QStringLiteral("ok")).toBool(), qPrintable(out));
        QCOMPARE(result.value(QStringLiteral("opened")).toString(), QStringLiteral("polling"));
        QCOMPARE(result.value(QStringLiteral("upgradedTo")).toString(),
            expectUpgrade ? QStringLiteral("websocket") : QString());
    }
};

QTEST_GUILESS_MAIN(tst_PollingVsNode)
#include "tst_polling_vs_node.moc"
