#include "session/enginemessage.h"

#include <QTest>

using namespace SmartSocket;
using Session::EngineMessage;
using Status = Protocol::Decoder::Status;

class tst_EngineMessage : public QObject
{
    Q_OBJECT

private slots:
    void textOnly();
    void withAttachments();
    void unexpectedBinary();
};

void tst_EngineMessage::textOnly()
{
    QByteArray text;
    QList<QByteArray> attachments;
    EngineMessage::encode(
        { Protocol::PacketType::Event, QStringLiteral("/"), -1, QVariantList { "hi", 1 } }, text,
        attachments);
    QCOMPARE(text, QByteArray(R"(42["hi",1])"));
    QVERIFY(attachments.isEmpty());
}

void tst_EngineMessage::withAttachments()
{
    // Encoded on one side, decoded on the other through the same session rules.
    QByteArray text("stale");
    text.clear();
    QList<QByteArray> attachments;
    const QByteArray blob("\x00\x01\x02", 3);
    EngineMessage::encode(
        { Protocol::PacketType::Event, QStringLiteral("/chat"), 7, QVariantList { "up", blob } },
        text, attachments);
    QCOMPARE(text, QByteArray(R"(451-/chat,7["up",{"_placeholder":true,"num":0}])"));
    QCOMPARE(attachments, QList<QByteArray> { blob });

    Protocol::Decoder decoder;
    QCOMPARE(decoder.decodeText(QByteArrayView(text).sliced(1)), Status::NeedAttachment);
    QString error;
    QCOMPARE(EngineMessage::addAttachment(decoder, attachments.first(), &error), Status::Packet);
    QVERIFY(error.isEmpty());
    const Protocol::Packet packet = decoder.takePacket();
    QCOMPARE(packet.nsp, QStringLiteral("/chat"));
    QCOMPARE(packet.id, 7);
    QCOMPARE(packet.data.toList().value(1).toByteArray(), blob);
}

void tst_EngineMessage::unexpectedBinary()
{
    Protocol::Decoder decoder;
    QString error;
    QCOMPARE(EngineMessage::addAttachment(decoder, "x", &error), Status::Error);
    QCOMPARE(error, QStringLiteral("binary data without a pending packet"));
}

QTEST_APPLESS_MAIN(tst_EngineMessage)
#include "tst_enginemessage.moc"
