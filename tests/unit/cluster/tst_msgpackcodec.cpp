// MsgPackCodec: values to bytes and back, notepack's quirks, and malformed input refused.

#include "cluster/msgpackcodec.h"

#include <QDateTime>
#include <QtTest/QtTest>

using SmartSocket::Cluster::MsgPackCodec;

class tst_MsgPackCodec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void encode_data();
    void encode();
    void roundTrip_data();
    void roundTrip();
    void notepackQuirks();
    void malformed_data();
    void malformed();
};

void tst_MsgPackCodec::encode_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("null") << QVariant::fromValue(nullptr) << QByteArray("c0");
    QTest::newRow("invalid is nil") << QVariant() << QByteArray("c0");
    QTest::newRow("true") << QVariant(true) << QByteArray("c3");
    QTest::newRow("fixint") << QVariant(5) << QByteArray("05");
    QTest::newRow("negative fixint") << QVariant(-7) << QByteArray("f9");
    QTest::newRow("uint32 2^32") << QVariant(qint64(4294967296))
                                 << QByteArray("cf0000000100000000");
    QTest::newRow("integral double is an int") << QVariant(3.0) << QByteArray("03");
    QTest::newRow("non-integral double") << QVariant(1.5) << QByteArray("cb3ff8000000000000");
    QTest::newRow("fixstr") << QVariant(QStringLiteral("ab")) << QByteArray("a26162");
    QTest::newRow("utf8") << QVariant(QStringLiteral("é")) << QByteArray("a2c3a9");
    QTest::newRow("bin") << QVariant(QByteArray("\x00\x01", 2)) << QByteArray("c4020001");
    QTest::newRow("array") << QVariant(QVariantList { 1, QStringLiteral("x") })
                           << QByteArray("9201a178");
    QTest::newRow("map sorted") << QVariant(
        QVariantMap { { QStringLiteral("b"), 1 }, { QStringLiteral("a"), 2 } })
                                << QByteArray("82a16102a16201");
}

void tst_MsgPackCodec::encode()
{
    QFETCH(QVariant, value);
    QFETCH(QByteArray, hex);
    QCOMPARE(MsgPackCodec::encode(value).toHex(), hex);
}

void tst_MsgPackCodec::roundTrip_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::newRow("nested") << QVariant(
        QVariantMap { { QStringLiteral("list"),
                          QVariantList { qint64(1), QVariant::fromValue(nullptr), true, 2.25,
                              QStringLiteral("s") } },
            { QStringLiteral("bin"), QByteArray(300, 'z') },
            { QStringLiteral("big"), qint64(-5000000000) } });
    QTest::newRow("long string") << QVariant(QString(70000, QLatin1Char('q')));
    QTest::newRow("empty containers") << QVariant(QVariantList { QVariantMap(), QVariantList() });
}

void tst_MsgPackCodec::roundTrip()
{
    QFETCH(QVariant, value);
    QString error;
    const QVariant back = MsgPackCodec::decode(MsgPackCodec::encode(value), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(back, value);
}

void tst_MsgPackCodec::notepackQuirks()
{
    // undefined: ext 0 holding one zero byte -> null
    QCOMPARE(MsgPackCodec::decode(QByteArray::fromHex("d40000")).typeId(), QMetaType::Nullptr);
    // Date: fixext 8, type 0, ms as a float64 -> QDateTime (UTC)
    const QVariant date = MsgPackCodec::decode(QByteArray::fromHex("d70042776bb3e7000000"));
    QCOMPARE(date.typeId(), QMetaType::QDateTime);
    QCOMPARE(date.toDateTime().toMSecsSinceEpoch(), qint64(1609459200000));
    QCOMPARE(MsgPackCodec::encode(date).toHex(), QByteArray("d70042776bb3e7000000"));
    // float32 reads as a double
    QCOMPARE(MsgPackCodec::decode(QByteArray::fromHex("ca3fc00000")).toDouble(), 1.5);
    // uint64 above INT64_MAX stays exact
    QCOMPARE(MsgPackCodec::decode(QByteArray::fromHex("cfffffffffffffffff")).toULongLong(),
        Q_UINT64_C(18446744073709551615));
}

void tst_MsgPackCodec::malformed_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("truncated str") << QByteArray("a5616263");
    QTest::newRow("truncated array") << QByteArray("9301");
    QTest::newRow("trailing bytes") << QByteArray("0101");
    QTest::newRow("reserved c1") << QByteArray("c1");
    QTest::newRow("map with array key") << QByteArray("819000");
    QTest::newRow("huge array header") << QByteArray("ddffffffff");
    QTest::newRow("too deep") << QByteArray("91").repeated(100) + "00";
}

void tst_MsgPackCodec::malformed()
{
    QFETCH(QByteArray, hex);
    QString error;
    const QVariant v = MsgPackCodec::decode(QByteArray::fromHex(hex), &error);
    QVERIFY(!v.isValid());
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_MsgPackCodec)
#include "tst_msgpackcodec.moc"
