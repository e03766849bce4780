// Request bodies for long-polling POSTs: HttpRequestParser::parseBody with Content-Length and
// chunked transfer coding, incomplete input, limits, and the requests it refuses.
#include "transport/httprequestparser.h"

#include <QtTest>

using SmartSocket::Transport::HttpRequest;
using SmartSocket::Transport::HttpRequestParser;
using Status = HttpRequestParser::Status;
Q_DECLARE_METATYPE(Status)

class tst_HttpBody : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void body_data()
    {
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QByteArray>("rest");
        QTest::addColumn<Status>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<qsizetype>("consumed");
        QTest::newRow("no body") << QByteArray() << QByteArray("GET /") << Status::Complete
                                 << QByteArray() << qsizetype(0);
        QTest::newRow("length") << QByteArray("Content-Length: 2\r\n") << QByteArray("40GET")
                                << Status::Complete << QByteArray("40") << qsizetype(2);
        QTest::newRow("length incomplete")
            << QByteArray("Content-Length: 5\r\n") << QByteArray("40") << Status::Incomplete
            << QByteArray() << qsizetype(0);
        QTest::newRow("length over limit") << QByteArray("Content-Length: 101\r\n") << QByteArray()
                                           << Status::TooLarge << QByteArray() << qsizetype(0);
        QTest::newRow("length not a number")
            << QByteArray("Content-Length: 2x\r\n") << QByteArray("40") << Status::Malformed
            << QByteArray() << qsizetype(0);
        QTest::newRow("two different lengths")
            << QByteArray("Content-Length: 2\r\nContent-Length: 3\r\n") << QByteArray("40x")
            << Status::Malformed << QByteArray() << qsizetype(0);
        QTest::newRow("chunked") << QByteArray("Transfer-Encoding: chunked\r\n")
                                 << QByteArray("1\r\n4\r\na;x=y\r\n2[\"e\",\"x\"]\r\n0\r\n\r\nNEXT")
                                 << Status::Complete << QByteArray("42[\"e\",\"x\"]")
                                 << qsizetype(30);
        QTest::newRow("chunked with trailer")
            << QByteArray("Transfer-Encoding: chunked\r\n")
            << QByteArray("2\r\n40\r\n0\r\nX-T: 1\r\n\r\n") << Status::Complete << QByteArray("40")
            << qsizetype(20);
        QTest::newRow("chunked incomplete")
            << QByteArray("Transfer-Encoding: chunked\r\n") << QByteArray("2\r\n40\r\n0\r\n")
            << Status::Incomplete << QByteArray() << qsizetype(0);
        QTest::newRow("chunked over limit")
            << QByteArray("Transfer-Encoding: chunked\r\n") << QByteArray("65\r\n")
            << Status::TooLarge << QByteArray() << qsizetype(0);
        QTest::newRow("chunk size not hex")
            << QByteArray("Transfer-Encoding: chunked\r\n") << QByteArray("zz\r\n")
            << Status::Malformed << QByteArray() << qsizetype(0);
        QTest::newRow("chunk without CRLF")
            << QByteArray("Transfer-Encoding: chunked\r\n") << QByteArray("2\r\n40XX0\r\n\r\n")
            << Status::Malformed << QByteArray() << qsizetype(0);
        QTest::newRow("chunked and length")
            << QByteArray("Transfer-Encoding: chunked\r\nContent-Length: 5\r\n")
            << QByteArray("0\r\n\r\n") << Status::Malformed << QByteArray() << qsizetype(0);
        QTest::newRow("gzip coding")
            << QByteArray("Transfer-Encoding: gzip, chunked\r\n") << QByteArray("0\r\n\r\n")
            << Status::Malformed << QByteArray() << qsizetype(0);
    }
    void body()
    {
        QFETCH(QByteArray, headers);
        QFETCH(QByteArray, rest);
        QFETCH(Status, status);
        QFETCH(QByteArray, body);
        QFETCH(qsizetype, consumed);
        HttpRequest request;
        const QByteArray head = "POST /socket.io/ HTTP/1.1\r\nHost: x\r\n" + headers + "\r\n";
        QCOMPARE(HttpRequestParser::parse(head, &request).status, Status::Complete);
        const auto result = HttpRequestParser::parseBody(rest, &request, 100);
        QCOMPARE(result.status, status);
        if (status == Status::Complete) {
            QCOMPARE(request.body, body);
            QCOMPARE(result.consumed, consumed);
        }
    }

    void keepAlive_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << true;
        QTest::newRow("1.1 close")
            << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\n") << false;
        QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("1.0 keep-alive")
            << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n") << true;
    }
    void keepAlive()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, keepAlive);
        HttpRequest request;
        QCOMPARE(HttpRequestParser::parse(head, &request).status, Status::Complete);
        QCOMPARE(request.keepAlive, keepAlive);
    }

    void keepAliveResponse()
    {
        const QByteArray out = HttpRequestParser::response(
            200, "text/html", "ok", true, "cache-control: no-store\r\n");
        QCOMPARE(out,
            QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 2\r\n"
                       "cache-control: no-store\r\nConnection: keep-alive\r\n\r\nok"));
    }
};

QTEST_GUILESS_MAIN(tst_HttpBody)
#include "tst_httpbody.moc"
