#include "protocol/socketio.h"
#include "variantdump.h"

#include <QTest>

using namespace SmartSocket::Protocol;
using Status = Decoder::Status;

Q_DECLARE_METATYPE(SmartSocket::Protocol::Packet)

namespace {

const QByteArray ph0 = R"({"_placeholder":true,"num":0})";
const QByteArray ph1 = R"({"_placeholder":true,"num":1})";

// Feeds a text frame and its attachments; returns the final status.
Status feed(Decoder &decoder, const QByteArray &text, const QList<QByteArray> &attachments)
{
    Status status = decoder.decodeText(text);
    for (const QByteArray &a : attachments) {
        if (status != Status::NeedAttachment)
            return status;
        status = decoder.addAttachment(a);
    }
    return status;
}

} // namespace

class tst_SocketIoCodec : public QObject
{
    Q_OBJECT

private slots:
    void decodeExamples_data();
    void decodeExamples();
    void encode_data();
    void encode();
    void encodeAppendsToOutput();
    void roundTrip_data();
    void roundTrip();
    void malformed_data();
    void malformed();
    void errorIsStickyUntilReset();
    void maxAttachmentsIsConfigurable();
    void decoderReuse();
    void placeholderOnlyReplacedInBinaryPackets();
    void binaryAttachmentsKeepBytes();
};

// Every example of protocol.md §2, as WS frames minus the Engine.IO '4'.
void tst_SocketIoCodec::decodeExamples_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<QByteArray>>("attachments");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("nsp");
    QTest::addColumn<qint64>("id");
    QTest::addColumn<QString>("data");
    // What the encoder writes back: the input itself when it is canonical. Key order differs
    // where the input is not sorted (QVariantMap sorts keys; JSON objects are unordered).
    QTest::addColumn<QByteArray>("reencoded");

    const QList<QByteArray> none;
    const QByteArray bin1("\x01\x02\x03\x04", 4);
    const QByteArray bin2("\xff\x00", 2);

    // 1. connect to "/", with and without auth
    QTest::newRow("1 connect /") << QByteArray("0") << none << 0 << "/" << qint64(-1) << "invalid"
                                 << QByteArray("0");
    QTest::newRow("1 connect / auth")
        << QByteArray(R"(0{"token":"123"})") << none << 0 << "/" << qint64(-1) << R"({token="123"})"
        << QByteArray(R"(0{"token":"123"})");
    // 2. connect to /admin
    QTest::newRow("2 connect /admin,") << QByteArray("0/admin,") << none << 0 << "/admin"
                                       << qint64(-1) << "invalid" << QByteArray("0/admin,");
    QTest::newRow("2 connect /admin no comma") << QByteArray("0/admin") << none << 0 << "/admin"
                                               << qint64(-1) << "invalid" << QByteArray("0/admin,");
    QTest::newRow("2 connect /admin auth")
        << QByteArray(R"(0/admin,{"token":"abc"})") << none << 0 << "/admin" << qint64(-1)
        << R"({token="abc"})" << QByteArray(R"(0/admin,{"token":"abc"})");
    // 3. accepted
    QTest::newRow("3 accepted /") << QByteArray(R"(0{"sid":"wZX3oN0bSVIhsaknAAAI"})") << none << 0
                                  << "/" << qint64(-1) << R"({sid="wZX3oN0bSVIhsaknAAAI"})"
                                  << QByteArray(R"(0{"sid":"wZX3oN0bSVIhsaknAAAI"})");
    QTest::newRow("3 accepted /admin")
        << QByteArray(R"(0/admin,{"sid":"oSO0OpakMV_3jnilAAAA"})") << none << 0 << "/admin"
        << qint64(-1) << R"({sid="oSO0OpakMV_3jnilAAAA"})"
        << QByteArray(R"(0/admin,{"sid":"oSO0OpakMV_3jnilAAAA"})");
    QTest::newRow("3 accepted with recovery")
        << QByteArray(R"(0{"sid":"S1","pid":"P1"})") << none << 0 << "/" << qint64(-1)
        << R"({pid="P1",sid="S1"})" << QByteArray(R"(0{"pid":"P1","sid":"S1"})");
    // 4. refusals
    QTest::newRow("4 refused /") << QByteArray(R"(4{"message":"Not authorized"})") << none << 4
                                 << "/" << qint64(-1) << R"({message="Not authorized"})"
                                 << QByteArray(R"(4{"message":"Not authorized"})");
    QTest::newRow("4 refused /admin")
        << QByteArray(R"(4/admin,{"message":"invalid credentials"})") << none << 4 << "/admin"
        << qint64(-1) << R"({message="invalid credentials"})"
        << QByteArray(R"(4/admin,{"message":"invalid credentials"})");
    QTest::newRow("4 refused with data")
        << QByteArray(R"(4{"message":"x","data":{"code":7}})") << none << 4 << "/" << qint64(-1)
        << R"({data={code=int:7},message="x"})"
        << QByteArray(R"(4{"data":{"code":7},"message":"x"})");
    QTest::newRow("4 refused v4 string")
        << QByteArray(R"(4"Not authorized")") << none << 4 << "/" << qint64(-1)
        << R"("Not authorized")" << QByteArray(R"(4"Not authorized")");
    // 5. events
    QTest::newRow("5 foo") << QByteArray(R"(2["foo"])") << none << 2 << "/" << qint64(-1)
                           << R"(["foo"])" << QByteArray(R"(2["foo"])");
    QTest::newRow("5 hey Jude") << QByteArray(R"(2["hey","Jude"])") << none << 2 << "/"
                                << qint64(-1) << R"(["hey","Jude"])"
                                << QByteArray(R"(2["hey","Jude"])");
    QTest::newRow("5 bar /admin") << QByteArray(R"(2/admin,["bar",{"a":1}])") << none << 2
                                  << "/admin" << qint64(-1) << R"(["bar",{a=int:1}])"
                                  << QByteArray(R"(2/admin,["bar",{"a":1}])");
    // 6. ack request and replies
    QTest::newRow("6 foo ack 12") << QByteArray(R"(212["foo"])") << none << 2 << "/" << qint64(12)
                                  << R"(["foo"])" << QByteArray(R"(212["foo"])");
    QTest::newRow("6 ack 12 empty")
        << QByteArray("312[]") << none << 3 << "/" << qint64(12) << "[]" << QByteArray("312[]");
    QTest::newRow("6 ack 12 bar") << QByteArray(R"(312["bar"])") << none << 3 << "/" << qint64(12)
                                  << R"(["bar"])" << QByteArray(R"(312["bar"])");
    // 7. ack on /admin
    QTest::newRow("7 ack 13 /admin")
        << QByteArray(R"(3/admin,13["bar"])") << none << 3 << "/admin" << qint64(13) << R"(["bar"])"
        << QByteArray(R"(3/admin,13["bar"])");
    // 8. binary event, one attachment
    QTest::newRow("8 binary baz") << (QByteArray(R"(51-["baz",)") + ph0 + "]")
                                  << QList<QByteArray> { bin1 } << 5 << "/" << qint64(-1)
                                  << R"(["baz",bytes:01020304])"
                                  << (QByteArray(R"(51-["baz",)") + ph0 + "]");
    // 9. two attachments on /admin
    QTest::newRow("9 binary /admin")
        << (QByteArray(R"(52-/admin,["baz",)") + ph0 + "," + ph1 + "]")
        << QList<QByteArray> { bin1, bin2 } << 5 << "/admin" << qint64(-1)
        << R"(["baz",bytes:01020304,bytes:ff00])"
        << (QByteArray(R"(52-/admin,["baz",)") + ph0 + "," + ph1 + "]");
    // 10. binary ack
    QTest::newRow("10 binary ack 15")
        << (QByteArray(R"(61-15["bar",)") + ph0 + "]") << QList<QByteArray> { bin1 } << 6 << "/"
        << qint64(15) << R"(["bar",bytes:01020304])" << (QByteArray(R"(61-15["bar",)") + ph0 + "]");
    // 11. binary event with ack
    QTest::newRow("11 binary with ack 789")
        << (QByteArray(R"(52-789["message-with-ack",)") + ph0 + "," + ph1 + "]")
        << QList<QByteArray> { bin1, bin2 } << 5 << "/" << qint64(789)
        << R"(["message-with-ack",bytes:01020304,bytes:ff00])"
        << (QByteArray(R"(52-789["message-with-ack",)") + ph0 + "," + ph1 + "]");
    // 12. nested placeholder (re-encoded with sorted keys)
    QTest::newRow("12 nested placeholder")
        << (QByteArray(R"(51-["upload",{"name":"a.txt","file":)") + ph0 + "}]")
        << QList<QByteArray> { bin1 } << 5 << "/" << qint64(-1)
        << R"(["upload",{file=bytes:01020304,name="a.txt"}])"
        << (QByteArray(R"(51-["upload",{"file":)") + ph0 + R"(,"name":"a.txt"}])");
    // 13. disconnect
    QTest::newRow("13 disconnect /")
        << QByteArray("1") << none << 1 << "/" << qint64(-1) << "invalid" << QByteArray("1");
    QTest::newRow("13 disconnect /admin") << QByteArray("1/admin,") << none << 1 << "/admin"
                                          << qint64(-1) << "invalid" << QByteArray("1/admin,");
    // 14. event carrying a recovery offset
    QTest::newRow("14 offset") << QByteArray(R"(2["hello","NXk2fQA"])") << none << 2 << "/"
                               << qint64(-1) << R"(["hello","NXk2fQA"])"
                               << QByteArray(R"(2["hello","NXk2fQA"])");
    // Parser corner cases that socket.io-parser accepts too.
    QTest::newRow("numeric event name") << QByteArray("2[1,2]") << none << 2 << "/" << qint64(-1)
                                        << "[int:1,int:2]" << QByteArray("2[1,2]");
    QTest::newRow("ack id with leading zeros")
        << QByteArray("3007[]") << none << 3 << "/" << qint64(7) << "[]" << QByteArray("37[]");
    QTest::newRow("namespace \"/\" spelled out")
        << QByteArray(R"(2/,["a"])") << none << 2 << "/" << qint64(-1) << R"(["a"])"
        << QByteArray(R"(2["a"])");
    QTest::newRow("utf8 namespace")
        << QByteArray("0/\xc3\xa9,") << none << 0 << QString::fromUtf8("/\xc3\xa9") << qint64(-1)
        << "invalid" << QByteArray("0/\xc3\xa9,");
    QTest::newRow("max ack id") << QByteArray("39223372036854775807[]") << none << 3 << "/"
                                << qint64(9223372036854775807LL) << "[]"
                                << QByteArray("39223372036854775807[]");
}

void tst_SocketIoCodec::decodeExamples()
{
    QFETCH(QByteArray, text);
    QFETCH(QList<QByteArray>, attachments);
    QFETCH(int, type);
    QFETCH(QString, nsp);
    QFETCH(qint64, id);
    QFETCH(QString, data);
    QFETCH(QByteArray, reencoded);

    Decoder decoder;
    Status status = decoder.decodeText(text);
    for (qsizetype i = 0; i < attachments.size(); ++i) {
        QCOMPARE(status, Status::NeedAttachment);
        QVERIFY(decoder.isAwaitingAttachments());
        status = decoder.addAttachment(attachments.at(i));
    }
    QVERIFY2(status == Status::Packet, qPrintable(decoder.errorString()));
    QVERIFY(!decoder.isAwaitingAttachments());
    QVERIFY(decoder.errorString().isEmpty());
    const Packet packet = decoder.takePacket();
    QCOMPARE(int(packet.type), type);
    QCOMPARE(packet.nsp, nsp);
    QCOMPARE(packet.id, id);
    QCOMPARE(dumpVariant(packet.data), data);

    QByteArray out;
    QList<QByteArray> outAttachments;
    Encoder::encode(packet, out, outAttachments);
    QCOMPARE(out, reencoded);
    QCOMPARE(outAttachments, attachments);
}

void tst_SocketIoCodec::encode_data()
{
    QTest::addColumn<Packet>("packet");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QList<QByteArray>>("attachments");

    auto make = [](PacketType type, const QString &nsp, qint64 id, const QVariant &data) {
        Packet p;
        p.type = type;
        p.nsp = nsp;
        p.id = id;
        p.data = data;
        return p;
    };
    const QList<QByteArray> none;
    const QString root = QStringLiteral("/");
    const QString admin = QStringLiteral("/admin");

    QTest::newRow("connect no data")
        << make(PacketType::Connect, root, -1, QVariant()) << QByteArray("0") << none;
    QTest::newRow("connect null data is not written")
        << make(PacketType::Connect, root, -1, QVariant::fromValue(nullptr)) << QByteArray("0")
        << none;
    QTest::newRow("connect reply") << make(PacketType::Connect, admin, -1,
        QVariantMap { { QStringLiteral("sid"), QStringLiteral("abc") } })
                                   << QByteArray(R"(0/admin,{"sid":"abc"})") << none;
    QTest::newRow("empty namespace means /")
        << make(PacketType::Disconnect, QString(), -1, QVariant()) << QByteArray("1") << none;
    QTest::newRow("disconnect /admin")
        << make(PacketType::Disconnect, admin, -1, QVariant()) << QByteArray("1/admin,") << none;
    QTest::newRow("event") << make(
        PacketType::Event, root, -1, QVariantList { QStringLiteral("foo"), 1, 2.5, true })
                           << QByteArray(R"(2["foo",1,2.5,true])") << none;
    QTest::newRow("event with ack")
        << make(PacketType::Event, admin, 42, QVariantList { QStringLiteral("foo") })
        << QByteArray(R"(2/admin,42["foo"])") << none;
    QTest::newRow("ack empty") << make(PacketType::Ack, root, 0, QVariantList())
                               << QByteArray("30[]") << none;
    QTest::newRow("event with binary becomes BINARY_EVENT")
        << make(PacketType::Event, root, -1,
               QVariantList { QStringLiteral("up"), QByteArray("\x01", 1) })
        << (QByteArray(R"(51-["up",)") + ph0 + "]") << QList<QByteArray> { QByteArray("\x01", 1) };
    QTest::newRow("ack with binary becomes BINARY_ACK")
        << make(PacketType::Ack, admin, 9,
               QVariantList {
                   QByteArray("a"), QVariantMap { { QStringLiteral("b"), QByteArray("b") } } })
        << (QByteArray("62-/admin,9[") + ph0 + R"(,{"b":)" + ph1 + "}]")
        << QList<QByteArray> { QByteArray("a"), QByteArray("b") };
    QTest::newRow("ten attachments")
        << make(PacketType::Event, root, -1,
               QVariantList { QStringLiteral("x"), QByteArray("0"), QByteArray("1"),
                   QByteArray("2"), QByteArray("3"), QByteArray("4"), QByteArray("5"),
                   QByteArray("6"), QByteArray("7"), QByteArray("8"), QByteArray("9") })
        << QByteArray(R"(510-["x",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1},)"
                      R"({"_placeholder":true,"num":2},{"_placeholder":true,"num":3},)"
                      R"({"_placeholder":true,"num":4},{"_placeholder":true,"num":5},)"
                      R"({"_placeholder":true,"num":6},{"_placeholder":true,"num":7},)"
                      R"({"_placeholder":true,"num":8},{"_placeholder":true,"num":9}])")
        << QList<QByteArray> { "0", "1", "2", "3", "4", "5", "6", "7", "8", "9" };
    QTest::newRow("BINARY_EVENT without binary is written as EVENT")
        << make(PacketType::BinaryEvent, root, -1, QVariantList { QStringLiteral("x") })
        << QByteArray(R"(2["x"])") << none;
    QTest::newRow("BINARY_ACK without binary is written as ACK")
        << make(PacketType::BinaryAck, root, 5, QVariantList()) << QByteArray("35[]") << none;
    QTest::newRow("connect error")
        << make(PacketType::ConnectError, QStringLiteral("/random"), -1,
               QVariantMap { { QStringLiteral("message"), QStringLiteral("Invalid namespace") } })
        << QByteArray(R"(4/random,{"message":"Invalid namespace"})") << none;
    QTest::newRow("binary in connect error is base64, no attachment")
        << make(PacketType::ConnectError, root, -1,
               QVariantMap { { QStringLiteral("data"), QByteArray("\xff", 1) },
                   { QStringLiteral("message"), QStringLiteral("m") } })
        << QByteArray(R"(4{"data":"/w==","message":"m"})") << none;
    QTest::newRow("non-ascii namespace") << make(PacketType::Event,
        QString::fromUtf8("/\xc3\xa9t\xc3\xa9"), -1, QVariantList { QStringLiteral("a") })
                                         << QByteArray("2/\xc3\xa9t\xc3\xa9,[\"a\"]") << none;
    QTest::newRow("unicode event data") << make(PacketType::Event, root, -1,
        QVariantList { QStringLiteral("m"), QString::fromUtf8("\xe2\x82\xac\n") })
                                        << QByteArray("2[\"m\",\"\xe2\x82\xac\\n\"]") << none;
}

void tst_SocketIoCodec::encode()
{
    QFETCH(Packet, packet);
    QFETCH(QByteArray, expected);
    QFETCH(QList<QByteArray>, attachments);
    QByteArray out;
    QList<QByteArray> outAttachments;
    Encoder::encode(packet, out, outAttachments);
    QCOMPARE(out, expected);
    QCOMPARE(outAttachments, attachments);
}

void tst_SocketIoCodec::encodeAppendsToOutput()
{
    Packet p;
    p.type = PacketType::Event;
    p.data = QVariantList { QStringLiteral("e"), QByteArray("z") };
    QByteArray out("4");
    QList<QByteArray> attachments { QByteArray("earlier") };
    Encoder::encode(p, out, attachments);
    // Prefix kept, the type digit and count go after it, placeholders number from 0.
    QCOMPARE(out, QByteArray(R"(451-["e",)") + ph0 + "]");
    QCOMPARE(attachments, (QList<QByteArray> { QByteArray("earlier"), QByteArray("z") }));
}

void tst_SocketIoCodec::roundTrip_data()
{
    QTest::addColumn<Packet>("packet");
    auto make = [](PacketType type, const QString &nsp, qint64 id, const QVariant &data) {
        Packet p;
        p.type = type;
        p.nsp = nsp;
        p.id = id;
        p.data = data;
        return p;
    };
    QTest::newRow("event nested") << make(PacketType::Event, QStringLiteral("/chat"), 7,
        QVariantList { QStringLiteral("msg"),
            QVariantMap { { QStringLiteral("text"), QStringLiteral("hi \"you\"") },
                { QStringLiteral("n"), qint64(1) << 40 }, { QStringLiteral("f"), 0.125 },
                { QStringLiteral("z"), QVariant::fromValue(nullptr) } } });
    QTest::newRow("binary deep") << make(PacketType::BinaryEvent, QStringLiteral("/"), -1,
        QVariantList { QStringLiteral("b"), QVariantList { QVariantList { QByteArray("deep") } },
            QVariantMap { { QStringLiteral("k"), QByteArray() } } });
    QTest::newRow("binary ack") << make(
        PacketType::BinaryAck, QStringLiteral("/x"), 3, QVariantList { QByteArray(1000, '\0') });
    QTest::newRow("connect auth") << make(PacketType::Connect, QStringLiteral("/"), -1,
        QVariantMap { { QStringLiteral("token"), 5 } });
    QTest::newRow("connect error") << make(PacketType::ConnectError, QStringLiteral("/a"), -1,
        QVariantMap { { QStringLiteral("message"), QStringLiteral("no") },
            { QStringLiteral("data"), QVariantList { 1, 2 } } });
    QTest::newRow("disconnect") << make(
        PacketType::Disconnect, QStringLiteral("/a"), -1, QVariant());
    QTest::newRow("surrogates in data") << make(PacketType::Event, QStringLiteral("/"), -1,
        QVariantList {
            QStringLiteral("s"), QString(QChar(0xd800)) + QString::fromUcs4(U"\U0001F600") });
}

void tst_SocketIoCodec::roundTrip()
{
    QFETCH(Packet, packet);
    QByteArray text;
    QList<QByteArray> attachments;
    Encoder::encode(packet, text, attachments);

    Decoder decoder;
    QVERIFY2(feed(decoder, text, attachments) == Status::Packet, qPrintable(decoder.errorString()));
    const Packet back = decoder.takePacket();
    QCOMPARE(back.type, packet.type);
    QCOMPARE(back.nsp, packet.nsp);
    QCOMPARE(back.id, packet.id);
    QCOMPARE(dumpVariant(back.data), dumpVariant(packet.data));
}

void tst_SocketIoCodec::malformed_data()
{
    // Frames: 't' + text or 'b' + binary attachment. Every frame but the last must be accepted;
    // the last one must fail.
    QTest::addColumn<QList<QByteArray>>("frames");
    auto t = [](const QByteArray &s) { return QByteArray("t") + s; };
    auto b = [](const QByteArray &s) { return QByteArray("b") + s; };
    using F = QList<QByteArray>;

    QTest::newRow("empty input") << F { t("") };
    QTest::newRow("type digit 7") << F { t("7[]") };
    QTest::newRow("type not a digit") << F { t("x") };
    QTest::newRow("starts with namespace") << F { t("/admin,") };
    QTest::newRow("bad json") << F { t(R"(2["a")") };
    QTest::newRow("bad json garbage after") << F { t(R"(2["a"]x)") };
    QTest::newRow("bad json leading zero") << F { t(R"(2["a",01])") };
    QTest::newRow("bad json NaN") << F { t(R"(2["a",NaN])") };
    QTest::newRow("event without payload") << F { t("2") };
    QTest::newRow("event object payload") << F { t(R"(2{"a":1})") };
    QTest::newRow("event string payload") << F { t(R"(2"a")") };
    QTest::newRow("event empty array") << F { t("2[]") };
    QTest::newRow("event name object") << F { t("2[{}]") };
    QTest::newRow("event name null") << F { t("2[null]") };
    QTest::newRow("event name bool") << F { t("2[true]") };
    QTest::newRow("event name infinite number") << F { t("2[1e400]") };
    QTest::newRow("event name array") << F { t(R"(2[["a"]])") };
    QTest::newRow("reserved connect") << F { t(R"(2["connect"])") };
    QTest::newRow("reserved connect_error") << F { t(R"(2["connect_error",1])") };
    QTest::newRow("reserved disconnect") << F { t(R"(2["disconnect"])") };
    QTest::newRow("reserved disconnecting") << F { t(R"(212["disconnecting"])") };
    QTest::newRow("reserved newListener /admin") << F { t(R"(2/admin,["newListener"])") };
    QTest::newRow("reserved removeListener binary") << F { t(R"(51-["removeListener"])") };
    QTest::newRow("ack without id") << F { t("3[]") };
    QTest::newRow("ack without payload") << F { t("312") };
    QTest::newRow("ack object payload") << F { t("312{}") };
    QTest::newRow("binary ack without id") << F { t("61-[" + ph0 + "]") };
    QTest::newRow("connect array") << F { t("0[]") };
    QTest::newRow("connect string") << F { t(R"(0"tok")") };
    QTest::newRow("connect null") << F { t("0null") };
    QTest::newRow("connect number") << F { t("0/admin,-5") };
    QTest::newRow("disconnect with payload") << F { t("1{}") };
    QTest::newRow("disconnect with array") << F { t("1/admin,[]") };
    QTest::newRow("connect error without payload") << F { t("4") };
    QTest::newRow("connect error array") << F { t("4[1]") };
    QTest::newRow("connect error number") << F { t("4/admin,-7") };
    QTest::newRow("huge ack id") << F { t(R"(299999999999999999999["a"])") };
    QTest::newRow("ack id 2^63") << F { t("39223372036854775808[]") };
    QTest::newRow("very long digit run") << F { t("3" + QByteArray(100000, '9') + "[]") };
    QTest::newRow("binary count missing") << F { t(R"(5-["a"])") };
    QTest::newRow("binary no count no dash") << F { t(R"(5["a"])") };
    QTest::newRow("binary count without dash") << F { t(R"(51["a"])") };
    QTest::newRow("zero attachments") << F { t(R"(50-["a"])") };
    QTest::newRow("binary count at end") << F { t("51") };
    QTest::newRow("binary type alone") << F { t("5") };
    QTest::newRow("too many attachments") << F { t(R"(511-["a"])") };
    QTest::newRow("huge attachment count") << F { t(R"(599999999999999999999999-["a"])") };
    QTest::newRow("placeholder num out of range")
        << F { t(R"(51-["a",{"_placeholder":true,"num":1}])"), b("x") };
    QTest::newRow("placeholder num negative")
        << F { t(R"(51-["a",{"_placeholder":true,"num":-1}])"), b("x") };
    QTest::newRow("placeholder num string")
        << F { t(R"(51-["a",{"_placeholder":true,"num":"0"}])"), b("x") };
    QTest::newRow("placeholder num fraction")
        << F { t(R"(51-["a",{"_placeholder":true,"num":0.5}])"), b("x") };
    QTest::newRow("placeholder num missing")
        << F { t(R"(51-["a",{"_placeholder":true}])"), b("x") };
    QTest::newRow("placeholder with zero attachments")
        << F { t(R"(50-["a",{"_placeholder":true,"num":0}])") };
    QTest::newRow("nested placeholder out of range")
        << F { t(R"(52-["a",{"x":[{"_placeholder":true,"num":2}]}])"), b("1"), b("2") };
    QTest::newRow("text while attachments pending")
        << F { t(R"(52-["a",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])"), b("1"),
               t(R"(2["x"])") };
    QTest::newRow("attachment without packet") << F { b("\x01\x02") };
    QTest::newRow("attachment after complete packet")
        << F { t(R"(51-["a",{"_placeholder":true,"num":0}])"), b("1"), b("2") };
    QTest::newRow("deep nesting") << F { t(
        R"(2["a",)" + QByteArray(600, '[') + QByteArray(600, ']') + "]") };
    QTest::newRow("invalid byte in json") << F { t("2\xff") };
    QTest::newRow("namespace then garbage") << F { t("2/admin,x") };
}

void tst_SocketIoCodec::malformed()
{
    QFETCH(QList<QByteArray>, frames);
    Decoder decoder;
    for (qsizetype i = 0; i < frames.size(); ++i) {
        const QByteArray &frame = frames.at(i);
        const QByteArray body = frame.mid(1);
        const Status status
            = frame.startsWith('t') ? decoder.decodeText(body) : decoder.addAttachment(body);
        if (i + 1 < frames.size()) {
            QVERIFY2(status != Status::Error, qPrintable(decoder.errorString()));
            if (status == Status::Packet)
                decoder.takePacket();
        } else {
            QCOMPARE(status, Status::Error);
            QVERIFY(!decoder.errorString().isEmpty());
            QVERIFY(!decoder.isAwaitingAttachments());
        }
    }
}

void tst_SocketIoCodec::errorIsStickyUntilReset()
{
    Decoder decoder;
    QCOMPARE(decoder.decodeText("9"), Status::Error);
    const QString error = decoder.errorString();
    QVERIFY(!error.isEmpty());
    QCOMPARE(decoder.decodeText(R"(2["ok"])"), Status::Error);
    QCOMPARE(decoder.addAttachment("x"), Status::Error);
    QCOMPARE(decoder.errorString(), error);
    decoder.reset();
    QVERIFY(decoder.errorString().isEmpty());
    QCOMPARE(decoder.decodeText(R"(2["ok"])"), Status::Packet);
    QCOMPARE(dumpVariant(decoder.takePacket().data), QStringLiteral(R"(["ok"])"));

    // reset() also drops a half-received binary packet.
    QCOMPARE(decoder.decodeText("51-[\"a\"," + ph0 + "]"), Status::NeedAttachment);
    decoder.reset();
    QVERIFY(!decoder.isAwaitingAttachments());
    QCOMPARE(decoder.decodeText(R"(2["b"])"), Status::Packet);
}

void tst_SocketIoCodec::maxAttachmentsIsConfigurable()
{
    const QByteArray three = "53-[\"a\"," + ph0 + "," + ph1 + R"(,{"_placeholder":true,"num":2}])";
    Decoder decoder;
    decoder.setMaxAttachments(2);
    QCOMPARE(decoder.decodeText(three), Status::Error);
    QVERIFY(decoder.errorString().contains(QLatin1String("attachments")));

    Decoder defaults;
    QCOMPARE(feed(defaults, three, { "1", "2", "3" }), Status::Packet);
    QCOMPARE(dumpVariant(defaults.takePacket().data),
        QStringLiteral(R"(["a",bytes:31,bytes:32,bytes:33])"));
    QCOMPARE(defaults.decodeText(R"(510-["a"])"), Status::NeedAttachment);
    defaults.reset();
    QCOMPARE(defaults.decodeText(R"(511-["a"])"), Status::Error);
}

void tst_SocketIoCodec::decoderReuse()
{
    // One decoder per connection: a long mixed sequence must decode independently.
    Decoder decoder;
    for (int i = 0; i < 100; ++i) {
        QCOMPARE(decoder.decodeText(QByteArray("2/chat,") + QByteArray::number(i) + R"(["m",1])"),
            Status::Packet);
        Packet p = decoder.takePacket();
        QCOMPARE(p.nsp, QStringLiteral("/chat"));
        QCOMPARE(p.id, qint64(i));
        QCOMPARE(
            feed(decoder, "51-[\"b\"," + ph0 + "]", { QByteArray::number(i) }), Status::Packet);
        p = decoder.takePacket();
        QCOMPARE(p.nsp, QStringLiteral("/"));
        QCOMPARE(p.id, qint64(-1));
        QCOMPARE(p.data.toList().at(1).toByteArray(), QByteArray::number(i));
        QCOMPARE(decoder.decodeText(R"(2/other,["x"])"), Status::Packet);
        QCOMPARE(decoder.takePacket().nsp, QStringLiteral("/other"));
    }
    // takePacket leaves a default packet behind.
    const Packet empty = decoder.takePacket();
    QCOMPARE(empty.nsp, QStringLiteral("/"));
    QVERIFY(!empty.data.isValid());
}

void tst_SocketIoCodec::placeholderOnlyReplacedInBinaryPackets()
{
    // socket.io-parser reconstructs placeholders only for BINARY_EVENT / BINARY_ACK.
    Decoder decoder;
    QCOMPARE(decoder.decodeText("2[\"a\"," + ph0 + "]"), Status::Packet);
    QCOMPARE(dumpVariant(decoder.takePacket().data),
        QStringLiteral(R"(["a",{_placeholder=true,num=int:0}])"));
    // A map with _placeholder false is plain data even in a binary packet.
    QCOMPARE(feed(decoder, R"(51-["a",{"_placeholder":false,"num":9}])", { "x" }), Status::Packet);
    QCOMPARE(dumpVariant(decoder.takePacket().data),
        QStringLiteral(R"(["a",{_placeholder=false,num=int:9}])"));
}

void tst_SocketIoCodec::binaryAttachmentsKeepBytes()
{
    QByteArray big(256, '\0');
    for (int i = 0; i < 256; ++i)
        big[i] = char(i);
    Decoder decoder;
    // The same attachment may be referenced twice; each reference gets the bytes.
    QCOMPARE(feed(decoder, "51-[\"a\"," + ph0 + "," + ph0 + "]", { big }), Status::Packet);
    const QVariantList data = decoder.takePacket().data.toList();
    QCOMPARE(data.size(), 3);
    QCOMPARE(data.at(1).toByteArray(), big);
    QCOMPARE(data.at(2).toByteArray(), big);
    QCOMPARE(data.at(1).metaType().id(), int(QMetaType::QByteArray));
}

QTEST_GUILESS_MAIN(tst_SocketIoCodec)
#include "tst_socketiocodec.moc"
