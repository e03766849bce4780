#include "transport/httprequestparser.h"

#include <QTest>

using SmartSocket::Transport::HttpRequest;
using SmartSocket::Transport::HttpRequestParser;
using Status = HttpRequestParser::Status;

namespace {

const QByteArray kUpgrade = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
                            "Host: localhost:3000\r\n"
                            "upgrade: WebSocket\r\n"
                            "Connection: keep-alive, Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\n"
                            "X-Multi: a\r\n"
                            "x-multi:   b  \r\n"
                            "\r\n";

} // namespace

class tst_HttpRequestParser : public QObject
{
    Q_OBJECT

private slots:
    void upgradeRequest();
    void partial();
    void trailingBytesNotConsumed();
    void notUpgrade_data();
    void notUpgrade();
    void oversize();
    void malformed_data();
    void malformed();
    void responses();
    void acceptKey();
};

void tst_HttpRequestParser::upgradeRequest()
{
    HttpRequest request;
    const auto result = HttpRequestParser::parse(kUpgrade, &request);
    QCOMPARE(result.status, Status::Complete);
    QCOMPARE(result.consumed, kUpgrade.size());
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.target, QByteArray("/socket.io/?EIO=4&transport=websocket"));
    QCOMPARE(request.path, QByteArray("/socket.io/"));
    QCOMPARE(request.query, QByteArray("EIO=4&transport=websocket"));
    QVERIFY(request.isWebSocketUpgrade);
    QVERIFY(request.head.startsWith("GET /socket.io/"));
    QVERIFY(!request.head.endsWith("\r\n"));
    // Case-insensitive lookup, trimmed values, repeated headers joined.
    QCOMPARE(request.header("host"), QByteArray("localhost:3000"));
    QCOMPARE(request.header("HOST"), QByteArray("localhost:3000"));
    QCOMPARE(request.header("Upgrade"), QByteArray("WebSocket"));
    QCOMPARE(request.header("x-MULTI"), QByteArray("a, b"));
    QCOMPARE(request.header("absent"), QByteArray());
    QCOMPARE(request.header("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1"), QByteArray());
}

void tst_HttpRequestParser::partial()
{
    for (qsizetype cut = 0; cut < kUpgrade.size(); ++cut) {
        HttpRequest request;
        const auto result = HttpRequestParser::parse(QByteArrayView(kUpgrade).first(cut), &request);
        QCOMPARE(result.status, Status::Incomplete);
    }
}

void tst_HttpRequestParser::trailingBytesNotConsumed()
{
    const QByteArray withFrame = kUpgrade + QByteArray("\x81\x80\x01\x02\x03\x04", 6);
    HttpRequest request;
    const auto result = HttpRequestParser::parse(withFrame, &request);
    QCOMPARE(result.status, Status::Complete);
    QCOMPARE(result.consumed, kUpgrade.size());
}

void tst_HttpRequestParser::notUpgrade_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::newRow("polling GET") << QByteArray(
        "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\n"
        "Host: x\r\n\r\n");
    QTest::newRow("wrong version") << QByteArray(
        "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n");
    QTest::newRow("no key") << QByteArray("GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: "
                                          "Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QTest::newRow("short key") << QByteArray(
        "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: abcd\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QTest::newRow("no connection upgrade") << QByteArray(
        "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: keep-alive\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QTest::newRow("POST") << QByteArray(
        "POST / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n");
}

void tst_HttpRequestParser::notUpgrade()
{
    QFETCH(QByteArray, head);
    HttpRequest request;
    const auto result = HttpRequestParser::parse(head, &request);
    QCOMPARE(result.status, Status::Complete);
    QVERIFY(!request.isWebSocketUpgrade);
}

void tst_HttpRequestParser::oversize()
{
    QByteArray big = "GET / HTTP/1.1\r\nX-Big: " + QByteArray(9000, 'a');
    HttpRequest request;
    QCOMPARE(HttpRequestParser::parse(big, &request).status, Status::TooLarge);
    QCOMPARE(HttpRequestParser::parse(big + "\r\n\r\n", &request).status, Status::TooLarge);
    // Right at the limit is fine.
    QByteArray edge = "GET / HTTP/1.1\r\nX: ";
    edge += QByteArray(8192 - edge.size(), 'b');
    QCOMPARE(edge.size(), 8192);
    QCOMPARE(HttpRequestParser::parse(edge + "\r\n\r\n", &request).status, Status::Complete);
    QCOMPARE(HttpRequestParser::parse(edge + "b\r\n\r\n", &request).status, Status::TooLarge);
}

void tst_HttpRequestParser::malformed_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("tls hello line") << QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\r\n", 11);
    QTest::newRow("no version") << QByteArray("GET /\r\n\r\n");
    QTest::newRow("bad version") << QByteArray("GET / HTTP/2.0\r\n\r\n");
    QTest::newRow("double space") << QByteArray("GET  / HTTP/1.1\r\n\r\n");
    QTest::newRow("empty method") << QByteArray(" / HTTP/1.1\r\n\r\n");
    QTest::newRow("bad method char") << QByteArray("G(T / HTTP/1.1\r\n\r\n");
    QTest::newRow("control in target") << QByteArray("GET /\x01 HTTP/1.1\r\n\r\n");
    QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost\r\n\r\n");
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : x\r\n\r\n");
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nA: b\r\n c\r\n\r\n");
    QTest::newRow("empty name") << QByteArray("GET / HTTP/1.1\r\n: x\r\n\r\n");
    QTest::newRow("control in value") << QByteArray("GET / HTTP/1.1\r\nA: b\x7f\r\n\r\n");
    QTest::newRow("bad first line, head incomplete") << QByteArray("HELLO\r\nA: b");
}

void tst_HttpRequestParser::malformed()
{
    QFETCH(QByteArray, data);
    HttpRequest request;
    QCOMPARE(HttpRequestParser::parse(data, &request).status, Status::Malformed);
}

void tst_HttpRequestParser::responses()
{
    QCOMPARE(HttpRequestParser::response(400, "application/json", R"({"code":0})"),
        QByteArray("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"
                   "Content-Length: 10\r\nConnection: close\r\n\r\n{\"code\":0}"));
    QCOMPARE(HttpRequestParser::response(403, {}, {}),
        QByteArray("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
    QCOMPARE(
        HttpRequestParser::reasonPhrase(431), QByteArrayView("Request Header Fields Too Large"));
}

void tst_HttpRequestParser::acceptKey()
{
    // RFC 6455 section 1.3
    QCOMPARE(HttpRequestParser::webSocketAccept("dGhlIHNhbXBsZSBub25jZQ=="),
        QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    const QByteArray response = HttpRequestParser::upgradeResponse("dGhlIHNhbXBsZSBub25jZQ==");
    QVERIFY(response.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
    QVERIFY(response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
    QVERIFY(response.endsWith("\r\n\r\n"));
}

QTEST_APPLESS_MAIN(tst_HttpRequestParser)
#include "tst_httprequestparser.moc"
