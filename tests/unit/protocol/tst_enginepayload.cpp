// Engine.IO v4 long-polling payloads: 0x1e-joined packets, binary as 'b' + base64.
#include "protocol/enginepayload.h"

#include <QtTest>

using SmartSocket::Protocol::EnginePayload;

class tst_EnginePayload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void encode()
    {
        QByteArray payload;
        EnginePayload::appendText(payload, "0{\"sid\":\"x\"}");
        QCOMPARE(payload, QByteArray("0{\"sid\":\"x\"}")); // a single packet: no separator
        EnginePayload::appendText(payload, "42[\"a\"]");
        EnginePayload::appendBinary(payload, QByteArray("\x01\x02\x03", 3));
        QCOMPARE(payload,
            QByteArray("0{\"sid\":\"x\"}\x1e"
                       "42[\"a\"]\x1e"
                       "bAQID"));
    }

    void decode_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QList<QByteArray>>("texts"); // binary packets as "bin:" + hex
        QTest::newRow("one") << QByteArray("40") << true << QList<QByteArray> { "40" };
        QTest::newRow("three") << QByteArray("2\x1e"
                                             "3\x1e"
                                             "6")
                               << true << QList<QByteArray> { "2", "3", "6" };
        QTest::newRow("binary") << QByteArray("451-[\"x\",{\"_placeholder\":true,\"num\":0}]\x1e"
                                              "bAQID")
                                << true
                                << QList<QByteArray> {
                                       "451-[\"x\",{\"_placeholder\":true,\"num\":0}]", "bin:010203"
                                   };
        QTest::newRow("empty binary") << QByteArray("b") << true << QList<QByteArray> { "bin:" };
        QTest::newRow("utf-8") << QByteArray("42[\"h\xc3\xa9\"]") << true
                               << QList<QByteArray> { "42[\"h\xc3\xa9\"]" };
        QTest::newRow("empty payload") << QByteArray() << false << QList<QByteArray> {};
        QTest::newRow("empty packet") << QByteArray("2\x1e\x1e"
                                                    "3")
                                      << false << QList<QByteArray> {};
        QTest::newRow("trailing separator") << QByteArray("2\x1e") << false << QList<QByteArray> {};
        QTest::newRow("bad base64") << QByteArray("b!!!") << false << QList<QByteArray> {};
    }
    void decode()
    {
        QFETCH(QByteArray, payload);
        QFETCH(bool, ok);
        QFETCH(QList<QByteArray>, texts);
        QList<EnginePayload::Packet> packets;
        QByteArray error;
        QCOMPARE(EnginePayload::decode(payload, &packets, &error), ok);
        if (!ok) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QList<QByteArray> got;
        for (const auto &packet : std::as_const(packets))
            got << (packet.binary ? "bin:" + packet.data.toHex() : packet.data);
        QCOMPARE(got, texts);
    }
};

QTEST_GUILESS_MAIN(tst_EnginePayload)
#include "tst_enginepayload.moc"
