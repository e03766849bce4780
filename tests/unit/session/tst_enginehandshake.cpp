#include "session/enginehandshake.h"

#include <QTest>

using SmartSocket::Protocol::EngineError;
using SmartSocket::Session::EngineHandshake;

Q_DECLARE_METATYPE(EngineError)

class tst_EngineHandshake : public QObject
{
    Q_OBJECT

private slots:
    void verify_data();
    void verify();
    void pathMatches_data();
    void pathMatches();
    void queryValue_data();
    void queryValue();
    void clientQuery();
};

void tst_EngineHandshake::verify_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<bool>("upgrade");
    QTest::addColumn<int>("error"); // -1: accepted

    QTest::newRow("ok") << QByteArray("GET") << QByteArray("EIO=4&transport=websocket") << true
                        << -1;
    QTest::newRow("ok, other keys")
        << QByteArray("GET") << QByteArray("t=1&EIO=4&x=%20&transport=websocket") << true << -1;
    QTest::newRow("polling") << QByteArray("GET") << QByteArray("EIO=4&transport=polling") << true
                             << int(EngineError::TransportUnknown);
    QTest::newRow("no transport") << QByteArray("GET") << QByteArray("EIO=4") << true
                                  << int(EngineError::TransportUnknown);
    QTest::newRow("sid") << QByteArray("GET") << QByteArray("EIO=4&transport=websocket&sid=abc")
                         << true << int(EngineError::UnknownSid);
    QTest::newRow("empty sid is none")
        << QByteArray("GET") << QByteArray("EIO=4&transport=websocket&sid=") << true << -1;
    QTest::newRow("post") << QByteArray("POST") << QByteArray("EIO=4&transport=websocket") << true
                          << int(EngineError::BadHandshakeMethod);
    QTest::newRow("v3") << QByteArray("GET") << QByteArray("EIO=3&transport=websocket") << true
                        << int(EngineError::UnsupportedProtocolVersion);
    QTest::newRow("no EIO") << QByteArray("GET") << QByteArray("transport=websocket") << true
                            << int(EngineError::UnsupportedProtocolVersion);
    QTest::newRow("no upgrade") << QByteArray("GET") << QByteArray("EIO=4&transport=websocket")
                                << false << int(EngineError::BadRequest);
    // engine.io's order: the transport is checked before everything else.
    QTest::newRow("order: transport first")
        << QByteArray("POST") << QByteArray("EIO=3&transport=polling&sid=x") << false
        << int(EngineError::TransportUnknown);
    QTest::newRow("order: sid before method")
        << QByteArray("POST") << QByteArray("EIO=3&transport=websocket&sid=x") << false
        << int(EngineError::UnknownSid);
    QTest::newRow("order: method before version")
        << QByteArray("POST") << QByteArray("EIO=3&transport=websocket") << false
        << int(EngineError::BadHandshakeMethod);
}

void tst_EngineHandshake::verify()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, query);
    QFETCH(bool, upgrade);
    QFETCH(int, error);
    const auto result = EngineHandshake::verify(method, query, upgrade);
    QCOMPARE(result.has_value(), error >= 0);
    if (result)
        QCOMPARE(int(*result), error);
}

void tst_EngineHandshake::pathMatches_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("endpoint");
    QTest::addColumn<bool>("matches");
    QTest::newRow("same") << QByteArray("/socket.io/") << QByteArray("/socket.io/") << true;
    QTest::newRow("no trailing slash")
        << QByteArray("/socket.io") << QByteArray("/socket.io/") << true;
    QTest::newRow("no leading slash") << QByteArray("/custom") << QByteArray("custom") << true;
    QTest::newRow("root") << QByteArray("/") << QByteArray("/") << true;
    QTest::newRow("other") << QByteArray("/other/") << QByteArray("/socket.io/") << false;
    QTest::newRow("prefix") << QByteArray("/socket.io/x") << QByteArray("/socket.io/") << false;
}

void tst_EngineHandshake::pathMatches()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, endpoint);
    QFETCH(bool, matches);
    QCOMPARE(EngineHandshake::pathMatches(request, endpoint), matches);
}

void tst_EngineHandshake::queryValue_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<bool>("found");
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("plain") << QByteArray("a=1&b=2") << QByteArray("b") << true << QByteArray("2");
    QTest::newRow("first wins") << QByteArray("a=1&a=2") << QByteArray("a") << true
                                << QByteArray("1");
    QTest::newRow("percent") << QByteArray("a=x%20y") << QByteArray("a") << true
                             << QByteArray("x y");
    QTest::newRow("no value") << QByteArray("a&b=2") << QByteArray("a") << true << QByteArray();
    QTest::newRow("missing") << QByteArray("a=1") << QByteArray("b") << false << QByteArray();
    QTest::newRow("empty query") << QByteArray() << QByteArray("a") << false << QByteArray();
    QTest::newRow("key is a prefix")
        << QByteArray("ab=1") << QByteArray("a") << false << QByteArray();
}

void tst_EngineHandshake::queryValue()
{
    QFETCH(QByteArray, query);
    QFETCH(QByteArray, key);
    QFETCH(bool, found);
    QFETCH(QByteArray, value);
    bool wasFound = !found;
    QCOMPARE(EngineHandshake::queryValue(query, key, &wasFound), value);
    QCOMPARE(wasFound, found);
}

void tst_EngineHandshake::clientQuery()
{
    // What a client sends is what the server accepts.
    QVERIFY(!EngineHandshake::verify("GET", EngineHandshake::clientQuery(), true));
    for (const char *key : { "EIO", "transport", "sid" })
        QVERIFY2(EngineHandshake::isReservedQueryKey(key), key);
    QVERIFY(!EngineHandshake::isReservedQueryKey("token"));
    QVERIFY(!EngineHandshake::isReservedQueryKey("eio"));
}

QTEST_APPLESS_MAIN(tst_EngineHandshake)
#include "tst_enginehandshake.moc"
