// The relay cache: text of received containers reused when the same, unmodified container
// is written again; never for a modified one.
#include "protocol/json.h"
#include "protocol/socketio.h"

#include <QtTest>

using namespace SmartSocket::Protocol;

class tst_RelayCache : public QObject
{
    Q_OBJECT

    // The cache serves values inside the written one (a packet's arguments inside its
    // array), so values are written as the element of an array, brackets stripped.
    static QByteArray write(const QVariant &v)
    {
        QByteArray out;
        Json::write(QVariantList { v }, out);
        return out.mid(1, out.size() - 2);
    }

private Q_SLOTS:
    void init() { Json::forgetTexts(); }

    void unmodifiedContainerReusesItsText()
    {
        // Non-canonical text (spaces, key order) makes the reuse visible.
        const QByteArray text = "{ \"b\" : 1, \"a\" : [1.0, 2] }";
        QVariant v;
        QVERIFY(Json::parse(text, v));
        QCOMPARE(write(v), QByteArray("{\"a\":[1,2],\"b\":1}")); // not remembered yet
        Json::rememberText(v, text);
        QCOMPARE(write(v), text);
        const QVariant copy = v; // copies share the data
        QCOMPARE(write(QVariantList { copy, 3 }), "[" + text + ",3]");
    }

    void modifiedContainerIsSerialised()
    {
        const QByteArray text = "{ \"b\" : 1 }";
        QVariant v;
        QVERIFY(Json::parse(text, v));
        Json::rememberText(v, text);
        QVariantMap m = v.toMap();
        m.insert(QStringLiteral("c"), true); // detaches from the remembered copy
        QCOMPARE(write(m), QByteArray("{\"b\":1,\"c\":true}"));
        QVariantMap same = v.toMap();
        QCOMPARE(write(same), text);
    }

    void equalButDistinctContainerIsSerialised()
    {
        const QByteArray text = "[ 1 ]";
        QVariant v;
        QVERIFY(Json::parse(text, v));
        Json::rememberText(v, text);
        const QVariantList other { 1 }; // equal content, different data
        QCOMPARE(write(other), QByteArray("[1]"));
    }

    void limitsAndTypes()
    {
        QVariant big = QVariantList { QString(5000, QLatin1Char('x')) };
        const QByteArray bigText = write(big);
        Json::rememberText(big, " " + bigText); // over 4 KiB: not kept
        QCOMPARE(write(big), bigText);
        const QVariant scalar = QStringLiteral("s");
        Json::rememberText(scalar, "\"other\""); // scalars are not kept
        QCOMPARE(write(scalar), QByteArray("\"s\""));
    }

    void cacheIsBounded()
    {
        QVariantList kept;
        for (int i = 0; i < 40; ++i) {
            QVariant v = QVariantList { i };
            Json::rememberText(v, QByteArray(" [ ") + QByteArray::number(i) + " ]");
            kept.append(v);
        }
        // Only the most recent entries are remembered; older ones are serialised.
        QCOMPARE(write(kept.first()), QByteArray("[0]"));
        QCOMPARE(write(kept.last()), QByteArray(" [ 39 ]"));
    }

    void decoderRemembersEventArguments()
    {
        Decoder decoder;
        QCOMPARE(decoder.decodeText("2[\"echo\", {\"z\":1,  \"a\":2}, [ true ]]"),
            Decoder::Status::Packet);
        Packet p = decoder.takePacket();
        const QVariantList args = p.data.toList().mid(1);
        QByteArray out;
        QList<QByteArray> attachments;
        Encoder::encode(Packet { PacketType::Ack, QStringLiteral("/"), 7, args }, out, attachments);
        QCOMPARE(out, QByteArray("37[{\"z\":1,  \"a\":2},[ true ]]"));
    }

    void binaryPacketsAreNotRemembered()
    {
        Decoder decoder;
        QCOMPARE(decoder.decodeText("51-[\"up\", { \"f\" : {\"_placeholder\":true,\"num\":0} }]"),
            Decoder::Status::NeedAttachment);
        QCOMPARE(decoder.addAttachment(QByteArray("\x01", 1)), Decoder::Status::Packet);
        Packet p = decoder.takePacket();
        const QVariantList args = p.data.toList().mid(1);
        QByteArray out;
        QList<QByteArray> attachments;
        Encoder::encode(Packet { PacketType::Ack, QStringLiteral("/"), 1, args }, out, attachments);
        QCOMPARE(out, QByteArray("61-1[{\"f\":{\"_placeholder\":true,\"num\":0}}]"));
        QCOMPARE(attachments.size(), 1);
    }
};

QTEST_APPLESS_MAIN(tst_RelayCache)
#include "tst_relaycache.moc"
