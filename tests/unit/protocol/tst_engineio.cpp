#include "protocol/engineio.h"

#include <QTest>

using namespace SmartSocket::Protocol;

Q_DECLARE_METATYPE(SmartSocket::Protocol::EngineError)

class tst_EngineIo : public QObject
{
    Q_OBJECT

private slots:
    void encodeOpen_data();
    void encodeOpen();
    void decodeOpen_data();
    void decodeOpen();
    void decodeOpenInvalid_data();
    void decodeOpenInvalid();
    void openRoundTrip();
    void errors_data();
    void errors();
    void packetTypes();
};

void tst_EngineIo::encodeOpen_data()
{
    QTest::addColumn<QString>("sid");
    QTest::addColumn<QStringList>("upgrades");
    QTest::addColumn<int>("pingInterval");
    QTest::addColumn<int>("pingTimeout");
    QTest::addColumn<qint64>("maxPayload");
    QTest::addColumn<QByteArray>("expected");

    // protocol.md §1, byte for byte (Node's key order).
    QTest::newRow("websocket session")
        << "lv_VI97HAXpY6yYWAAAC" << QStringList() << 25000 << 20000 << qint64(1000000)
        << QByteArray(R"(0{"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":[],)"
                      R"("pingInterval":25000,"pingTimeout":20000,)"
                      R"("maxPayload":1000000})");
    QTest::newRow("polling session")
        << "abc" << QStringList { "websocket" } << 1000 << 500 << qint64(1e8)
        << QByteArray(R"(0{"sid":"abc","upgrades":["websocket"],)"
                      R"("pingInterval":1000,"pingTimeout":500,)"
                      R"("maxPayload":100000000})");
    QTest::newRow("escaped sid, two upgrades")
        << "a\"b" << QStringList { "websocket", "webtransport" } << 0 << 0 << qint64(0)
        << QByteArray(R"(0{"sid":"a\"b","upgrades":["websocket","webtransport"],)"
                      R"("pingInterval":0,"pingTimeout":0,"maxPayload":0})");
}

void tst_EngineIo::encodeOpen()
{
    QFETCH(QString, sid);
    QFETCH(QStringList, upgrades);
    QFETCH(int, pingInterval);
    QFETCH(int, pingTimeout);
    QFETCH(qint64, maxPayload);
    QFETCH(QByteArray, expected);
    OpenInfo info;
    info.sid = sid;
    info.upgrades = upgrades;
    info.pingInterval = pingInterval;
    info.pingTimeout = pingTimeout;
    info.maxPayload = maxPayload;
    QCOMPARE(SmartSocket::Protocol::encodeOpen(info), expected);
}

void tst_EngineIo::decodeOpen_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("sid");
    QTest::addColumn<QStringList>("upgrades");
    QTest::addColumn<int>("pingInterval");
    QTest::addColumn<int>("pingTimeout");
    QTest::addColumn<qint64>("maxPayload");

    QTest::newRow("node example") << QByteArray(
        R"({"sid":"lv_VI97HAXpY6yYWAAAC","upgrades":[],"pingInterval":25000,)"
        R"("pingTimeout":20000,"maxPayload":1000000})")
                                  << "lv_VI97HAXpY6yYWAAAC" << QStringList() << 25000 << 20000
                                  << qint64(1000000);
    QTest::newRow("other order, upgrades, whitespace")
        << QByteArray(R"( { "maxPayload" : 5e6 , "pingTimeout":1, "pingInterval":2,)"
                      R"( "upgrades":["websocket"], "sid":"x" } )")
        << "x" << QStringList { "websocket" } << 2 << 1 << qint64(5000000);
    QTest::newRow("maxPayload and upgrades optional")
        << QByteArray(R"({"sid":"s","pingInterval":3,"pingTimeout":4})") << "s" << QStringList()
        << 3 << 4 << qint64(1000000);
    QTest::newRow("extra keys ignored")
        << QByteArray(R"({"sid":"s","pingInterval":3,"pingTimeout":4,"foo":[1]})") << "s"
        << QStringList() << 3 << 4 << qint64(1000000);
    QTest::newRow("large maxPayload")
        << QByteArray(R"({"sid":"s","pingInterval":3,"pingTimeout":4,"maxPayload":10000000000})")
        << "s" << QStringList() << 3 << 4 << qint64(10000000000LL);
}

void tst_EngineIo::decodeOpen()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, sid);
    QFETCH(QStringList, upgrades);
    QFETCH(int, pingInterval);
    QFETCH(int, pingTimeout);
    QFETCH(qint64, maxPayload);
    OpenInfo info;
    info.upgrades = QStringList { "stale" };
    QString error;
    QVERIFY2(SmartSocket::Protocol::decodeOpen(json, info, &error), qPrintable(error));
    QCOMPARE(info.sid, sid);
    QCOMPARE(info.upgrades, upgrades);
    QCOMPARE(info.pingInterval, pingInterval);
    QCOMPARE(info.pingTimeout, pingTimeout);
    QCOMPARE(info.maxPayload, maxPayload);
}

void tst_EngineIo::decodeOpenInvalid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("sid=1");
    QTest::newRow("with the type digit")
        << QByteArray(R"(0{"sid":"s","pingInterval":1,"pingTimeout":1})");
    QTest::newRow("array") << QByteArray("[]");
    QTest::newRow("string") << QByteArray(R"("sid")");
    QTest::newRow("missing sid") << QByteArray(R"({"pingInterval":1,"pingTimeout":1})");
    QTest::newRow("numeric sid") << QByteArray(R"({"sid":1,"pingInterval":1,"pingTimeout":1})");
    QTest::newRow("empty sid") << QByteArray(R"({"sid":"","pingInterval":1,"pingTimeout":1})");
    QTest::newRow("upgrades not array")
        << QByteArray(R"({"sid":"s","upgrades":"websocket","pingInterval":1,"pingTimeout":1})");
    QTest::newRow("upgrades with number")
        << QByteArray(R"({"sid":"s","upgrades":[1],"pingInterval":1,"pingTimeout":1})");
    QTest::newRow("missing pingInterval") << QByteArray(R"({"sid":"s","pingTimeout":1})");
    QTest::newRow("missing pingTimeout") << QByteArray(R"({"sid":"s","pingInterval":1})");
    QTest::newRow("string pingInterval")
        << QByteArray(R"({"sid":"s","pingInterval":"1","pingTimeout":1})");
    QTest::newRow("negative pingTimeout")
        << QByteArray(R"({"sid":"s","pingInterval":1,"pingTimeout":-1})");
    QTest::newRow("fractional pingInterval")
        << QByteArray(R"({"sid":"s","pingInterval":1.5,"pingTimeout":1})");
    QTest::newRow("pingInterval beyond int")
        << QByteArray(R"({"sid":"s","pingInterval":2147483648,"pingTimeout":1})");
    QTest::newRow("null maxPayload")
        << QByteArray(R"({"sid":"s","pingInterval":1,"pingTimeout":1,"maxPayload":null})");
    QTest::newRow("infinite maxPayload")
        << QByteArray(R"({"sid":"s","pingInterval":1,"pingTimeout":1,"maxPayload":1e999})");
    QTest::newRow("trailing data")
        << QByteArray(R"({"sid":"s","pingInterval":1,"pingTimeout":1}x)");
}

void tst_EngineIo::decodeOpenInvalid()
{
    QFETCH(QByteArray, json);
    OpenInfo info;
    info.sid = QStringLiteral("kept");
    QString error;
    QVERIFY(!SmartSocket::Protocol::decodeOpen(json, info, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(error.startsWith(QLatin1String("open packet")));
    QCOMPARE(info.sid, QStringLiteral("kept")); // untouched on failure
    QVERIFY(!SmartSocket::Protocol::decodeOpen(json, info)); // no error pointer: no crash
}

void tst_EngineIo::openRoundTrip()
{
    OpenInfo info;
    info.sid = QStringLiteral("é/+_-\u0001");
    info.upgrades = QStringList { "websocket" };
    info.pingInterval = 123;
    info.pingTimeout = 456;
    info.maxPayload = 9007199254740991LL;
    const QByteArray encoded = SmartSocket::Protocol::encodeOpen(info);
    QVERIFY(encoded.startsWith('0'));
    OpenInfo back;
    QString error;
    QVERIFY2(SmartSocket::Protocol::decodeOpen(QByteArrayView(encoded).sliced(1), back, &error),
        qPrintable(error));
    QCOMPARE(back.sid, info.sid);
    QCOMPARE(back.upgrades, info.upgrades);
    QCOMPARE(back.pingInterval, info.pingInterval);
    QCOMPARE(back.pingTimeout, info.pingTimeout);
    QCOMPARE(back.maxPayload, info.maxPayload);
}

void tst_EngineIo::errors_data()
{
    QTest::addColumn<EngineError>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("0") << EngineError::TransportUnknown << "Transport unknown"
                       << QByteArray(R"({"code":0,"message":"Transport unknown"})");
    QTest::newRow("1") << EngineError::UnknownSid << "Session ID unknown"
                       << QByteArray(R"({"code":1,"message":"Session ID unknown"})");
    QTest::newRow("2") << EngineError::BadHandshakeMethod << "Bad handshake method"
                       << QByteArray(R"({"code":2,"message":"Bad handshake method"})");
    QTest::newRow("3") << EngineError::BadRequest << "Bad request"
                       << QByteArray(R"({"code":3,"message":"Bad request"})");
    QTest::newRow("4") << EngineError::Forbidden << "Forbidden"
                       << QByteArray(R"({"code":4,"message":"Forbidden"})");
    QTest::newRow("5") << EngineError::UnsupportedProtocolVersion << "Unsupported protocol version"
                       << QByteArray(R"({"code":5,"message":"Unsupported protocol version"})");
}

void tst_EngineIo::errors()
{
    QFETCH(EngineError, code);
    QFETCH(QString, message);
    QFETCH(QByteArray, body);
    QCOMPARE(engineErrorMessage(code), message);
    QCOMPARE(engineErrorBody(code), body);
}

void tst_EngineIo::packetTypes()
{
    // The enum values are the wire characters.
    QCOMPARE(char(EnginePacketType::Open), '0');
    QCOMPARE(char(EnginePacketType::Message), '4');
    QCOMPARE(char(EnginePacketType::Noop), '6');
}

QTEST_GUILESS_MAIN(tst_EngineIo)
#include "tst_engineio.moc"
