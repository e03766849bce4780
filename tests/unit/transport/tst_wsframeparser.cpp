#include "protocol/utf8.h"
#include "transport/wsframeparser.h"

#include <QTest>

using SmartSocket::Transport::WsFrameParser;
namespace Protocol = SmartSocket::Protocol;

namespace {

enum class LengthForm { Minimal, Force16, Force64 };

// A client frame: masked unless told otherwise.
QByteArray clientFrame(quint8 opcode, const QByteArray &payload, bool fin = true,
    bool masked = true, quint8 rsv = 0, LengthForm form = LengthForm::Minimal)
{
    QByteArray out;
    out.append(char((fin ? 0x80 : 0) | (rsv << 4) | opcode));
    const quint64 size = quint64(payload.size());
    const char maskBit = masked ? char(0x80) : char(0);
    if (form == LengthForm::Minimal && size < 126) {
        out.append(char(maskBit | char(size)));
    } else if (form != LengthForm::Force64 && size <= 0xFFFF) {
        out.append(char(maskBit | 126));
        out.append(char(size >> 8));
        out.append(char(size & 0xFF));
    } else {
        out.append(char(maskBit | 127));
        for (int i = 7; i >= 0; --i)
            out.append(char((size >> (8 * i)) & 0xFF));
    }
    const uchar mask[4] = { 0x37, 0xFA, 0x21, 0x3D };
    if (masked)
        out.append(reinterpret_cast<const char *>(mask), 4);
    QByteArray body = payload;
    if (masked) {
        for (qsizetype i = 0; i < body.size(); ++i)
            body[i] = char(body[i] ^ mask[i & 3]);
    }
    out.append(body);
    return out;
}

QByteArray rawHeader(const QByteArray &firstBytes)
{
    return firstBytes;
}

struct Recorder : WsFrameParser::Handler
{
    QList<QByteArray> messages;
    QList<bool> binary;
    QList<QByteArray> pings;
    QList<QByteArray> pongs;
    int closeCode = -1;
    QByteArray closeReason;
    bool stopAfterFirstMessage = false;

    bool onMessage(QByteArrayView payload, bool isBinary) override
    {
        messages.append(payload.toByteArray());
        binary.append(isBinary);
        return !stopAfterFirstMessage;
    }
    bool onPing(QByteArrayView payload) override
    {
        pings.append(payload.toByteArray());
        return true;
    }
    bool onPong(QByteArrayView payload) override
    {
        pongs.append(payload.toByteArray());
        return true;
    }
    void onClose(quint16 code, QByteArrayView reason) override
    {
        closeCode = code;
        closeReason = reason.toByteArray();
    }
};

QByteArray bytes(qsizetype size, char seed = 'a')
{
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(seed + i % 23);
    return out;
}

} // namespace

class tst_WsFrameParser : public QObject
{
    Q_OBJECT

private slots:
    void goodFrames_data();
    void goodFrames();
    void byteByByte();
    void controlInterleaved();
    void pingPongClose();
    void stopFromCallback();
    void malformed_data();
    void malformed();
    void oversizeRejectedFromHeader();
    void serverFrames_data();
    void serverFrames();
    void closePayload();
};

void tst_WsFrameParser::goodFrames_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<QList<QByteArray>>("messages");
    QTest::addColumn<bool>("binary");

    QTest::newRow("empty text") << clientFrame(WsFrameParser::Text, {}) << QList<QByteArray> { {} }
                                << false;
    QTest::newRow("short text") << clientFrame(WsFrameParser::Text, "4hello")
                                << QList<QByteArray> { "4hello" } << false;
    QTest::newRow("125 bytes") << clientFrame(WsFrameParser::Binary, bytes(125))
                               << QList<QByteArray> { bytes(125) } << true;
    QTest::newRow("126 bytes (16-bit length)") << clientFrame(WsFrameParser::Binary, bytes(126))
                                               << QList<QByteArray> { bytes(126) } << true;
    QTest::newRow("65535 bytes") << clientFrame(WsFrameParser::Binary, bytes(65535))
                                 << QList<QByteArray> { bytes(65535) } << true;
    QTest::newRow("65536 bytes (64-bit length)") << clientFrame(WsFrameParser::Binary, bytes(65536))
                                                 << QList<QByteArray> { bytes(65536) } << true;
    QTest::newRow("non-minimal 16-bit length")
        << clientFrame(WsFrameParser::Text, "abc", true, true, 0, LengthForm::Force16)
        << QList<QByteArray> { "abc" } << false;
    QTest::newRow("non-minimal 64-bit length")
        << clientFrame(WsFrameParser::Text, "abc", true, true, 0, LengthForm::Force64)
        << QList<QByteArray> { "abc" } << false;
    QTest::newRow("utf-8 text") << clientFrame(WsFrameParser::Text, "h\xC3\xA9llo \xF0\x9F\x98\x80")
                                << QList<QByteArray> { "h\xC3\xA9llo \xF0\x9F\x98\x80" } << false;
    QTest::newRow("two frames in one buffer")
        << clientFrame(WsFrameParser::Text, "one") + clientFrame(WsFrameParser::Text, "two")
        << QList<QByteArray> { "one", "two" } << false;
    QTest::newRow("fragmented text") << clientFrame(WsFrameParser::Text, "hel", false)
            + clientFrame(WsFrameParser::Continuation, "lo ", false)
            + clientFrame(WsFrameParser::Continuation, "world")
                                     << QList<QByteArray> { "hello world" } << false;
    // A multi-byte character split across fragments is fine: UTF-8 is checked on the message.
    QTest::newRow("fragment splits a character")
        << clientFrame(WsFrameParser::Text, "\xE2\x82", false)
            + clientFrame(WsFrameParser::Continuation, "\xAC")
        << QList<QByteArray> { "\xE2\x82\xAC" } << false;
    QTest::newRow("fragmented binary, empty fragments")
        << clientFrame(WsFrameParser::Binary, {}, false)
            + clientFrame(WsFrameParser::Continuation, QByteArray("\x00\x01", 2), false)
            + clientFrame(WsFrameParser::Continuation, {})
        << QList<QByteArray> { QByteArray("\x00\x01", 2) } << true;
}

void tst_WsFrameParser::goodFrames()
{
    QFETCH(QByteArray, wire);
    QFETCH(QList<QByteArray>, messages);
    QFETCH(bool, binary);

    WsFrameParser parser;
    Recorder recorder;
    const auto result = parser.parse(wire.data(), wire.size(), 0, recorder);
    QCOMPARE(result.errorCode, quint16(0));
    QCOMPARE(result.consumed, wire.size());
    QCOMPARE(result.needed, 0);
    QCOMPARE(recorder.messages, messages);
    for (bool b : recorder.binary)
        QCOMPARE(b, binary);
    QVERIFY(!parser.isFragmented());
}

void tst_WsFrameParser::byteByByte()
{
    // Feed a stream the way the I/O core does: keep what was not consumed, add more.
    const QByteArray wire = clientFrame(WsFrameParser::Text, "first", false)
        + clientFrame(WsFrameParser::Ping, "p")
        + clientFrame(WsFrameParser::Continuation, bytes(300))
        + clientFrame(WsFrameParser::Binary, bytes(70000));
    WsFrameParser parser;
    Recorder recorder;
    QByteArray pending;
    for (char c : wire) {
        pending.append(c);
        QByteArray work = pending; // parse() unmasks in place; keep `pending` masked
        const auto result = parser.parse(work.data(), work.size(), 0, recorder);
        QCOMPARE(result.errorCode, quint16(0));
        if (result.needed)
            QVERIFY(result.needed > work.size() - result.consumed);
        pending.remove(0, result.consumed);
    }
    QVERIFY(pending.isEmpty());
    QCOMPARE(recorder.messages.size(), 2);
    QCOMPARE(recorder.messages.at(0), QByteArray("first") + bytes(300));
    QCOMPARE(recorder.messages.at(1), bytes(70000));
    QCOMPARE(recorder.pings, QList<QByteArray> { "p" });
}

void tst_WsFrameParser::controlInterleaved()
{
    QByteArray wire = clientFrame(WsFrameParser::Binary, "ab", false)
        + clientFrame(WsFrameParser::Ping, "1")
        + clientFrame(WsFrameParser::Continuation, "cd", false)
        + clientFrame(WsFrameParser::Pong, "2") + clientFrame(WsFrameParser::Continuation, "ef");
    WsFrameParser parser;
    Recorder recorder;
    const auto result = parser.parse(wire.data(), wire.size(), 0, recorder);
    QCOMPARE(result.errorCode, quint16(0));
    QCOMPARE(recorder.messages, QList<QByteArray> { "abcdef" });
    QCOMPARE(recorder.binary, QList<bool> { true });
    QCOMPARE(recorder.pings, QList<QByteArray> { "1" });
    QCOMPARE(recorder.pongs, QList<QByteArray> { "2" });
}

void tst_WsFrameParser::pingPongClose()
{
    QByteArray close = clientFrame(WsFrameParser::Close,
        QByteArray("\x03\xE8"
                   "bye",
            5));
    QByteArray wire = clientFrame(WsFrameParser::Ping, "x") + close
        + clientFrame(WsFrameParser::Text, "after close");
    WsFrameParser parser;
    Recorder recorder;
    const auto result = parser.parse(wire.data(), wire.size(), 0, recorder);
    QVERIFY(result.stopped);
    QCOMPARE(result.errorCode, quint16(0));
    QCOMPARE(recorder.closeCode, 1000);
    QCOMPARE(recorder.closeReason, QByteArray("bye"));
    QVERIFY(recorder.messages.isEmpty());

    QByteArray empty = clientFrame(WsFrameParser::Close, {});
    Recorder r2;
    WsFrameParser p2;
    QVERIFY(p2.parse(empty.data(), empty.size(), 0, r2).stopped);
    QCOMPARE(r2.closeCode, int(WsFrameParser::CloseNoStatus));
}

void tst_WsFrameParser::stopFromCallback()
{
    QByteArray wire = clientFrame(WsFrameParser::Text, "a") + clientFrame(WsFrameParser::Text, "b");
    WsFrameParser parser;
    Recorder recorder;
    recorder.stopAfterFirstMessage = true;
    const auto result = parser.parse(wire.data(), wire.size(), 0, recorder);
    QVERIFY(result.stopped);
    QCOMPARE(recorder.messages, QList<QByteArray> { "a" });
}

void tst_WsFrameParser::malformed_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<qint64>("maxSize");
    QTest::addColumn<int>("closeCode");

    const qint64 noLimit = 0;
    QTest::newRow("unmasked") << clientFrame(WsFrameParser::Text, "hi", true, false) << noLimit
                              << 1002;
    QTest::newRow("rsv1") << clientFrame(WsFrameParser::Text, "hi", true, true, 4) << noLimit
                          << 1002;
    QTest::newRow("rsv2") << clientFrame(WsFrameParser::Text, "hi", true, true, 2) << noLimit
                          << 1002;
    QTest::newRow("rsv3") << clientFrame(WsFrameParser::Text, "hi", true, true, 1) << noLimit
                          << 1002;
    for (quint8 op : { 3, 4, 5, 6, 7, 11, 12, 13, 14, 15 }) {
        QTest::addRow("opcode %d", op) << clientFrame(op, "x") << noLimit << 1002;
    }
    QTest::newRow("fragmented ping")
        << clientFrame(WsFrameParser::Ping, "x", false) << noLimit << 1002;
    QTest::newRow("fragmented close")
        << clientFrame(WsFrameParser::Close, {}, false) << noLimit << 1002;
    QTest::newRow("ping over 125")
        << clientFrame(WsFrameParser::Ping, bytes(126)) << noLimit << 1002;
    QTest::newRow("continuation first")
        << clientFrame(WsFrameParser::Continuation, "x") << noLimit << 1002;
    QTest::newRow("text inside fragmented")
        << clientFrame(WsFrameParser::Text, "a", false) + clientFrame(WsFrameParser::Text, "b")
        << noLimit << 1002;
    QTest::newRow("64-bit length top bit")
        << rawHeader(QByteArray("\x82\xFF\x80\x00\x00\x00\x00\x00\x00\x01", 10)) << noLimit << 1002;
    QTest::newRow("close one-byte body")
        << clientFrame(WsFrameParser::Close, "\x03") << noLimit << 1002;
    QTest::newRow("close code 999")
        << clientFrame(WsFrameParser::Close, QByteArray("\x03\xE7", 2)) << noLimit << 1002;
    QTest::newRow("close code 1005")
        << clientFrame(WsFrameParser::Close, QByteArray("\x03\xED", 2)) << noLimit << 1002;
    QTest::newRow("close code 1006")
        << clientFrame(WsFrameParser::Close, QByteArray("\x03\xEE", 2)) << noLimit << 1002;
    QTest::newRow("close code 5000")
        << clientFrame(WsFrameParser::Close, QByteArray("\x13\x88", 2)) << noLimit << 1002;
    QTest::newRow("close reason bad utf-8")
        << clientFrame(WsFrameParser::Close, QByteArray("\x03\xE8\xFF", 3)) << noLimit << 1007;
    QTest::newRow("text bad utf-8")
        << clientFrame(WsFrameParser::Text, "\xC3\x28") << noLimit << 1007;
    QTest::newRow("fragmented text bad utf-8") << clientFrame(WsFrameParser::Text, "ok", false)
            + clientFrame(WsFrameParser::Continuation, "\xED\xA0\x80")
                                               << noLimit << 1007;
    QTest::newRow("over max") << clientFrame(WsFrameParser::Binary, bytes(101)) << qint64(100)
                              << 1009;
    QTest::newRow("fragments over max") << clientFrame(WsFrameParser::Binary, bytes(60), false)
            + clientFrame(WsFrameParser::Continuation, bytes(60))
                                        << qint64(100) << 1009;
    QTest::newRow("huge 64-bit length, no limit")
        << rawHeader(QByteArray("\x82\xFF\x00\x00\x01\x00\x00\x00\x00\x00", 10)) << noLimit << 1009;
}

void tst_WsFrameParser::malformed()
{
    QFETCH(QByteArray, wire);
    QFETCH(qint64, maxSize);
    QFETCH(int, closeCode);

    WsFrameParser parser;
    Recorder recorder;
    const auto result = parser.parse(wire.data(), wire.size(), maxSize, recorder);
    QCOMPARE(int(result.errorCode), closeCode);
    QVERIFY(result.errorString);
    QCOMPARE(recorder.closeCode, -1);
}

void tst_WsFrameParser::oversizeRejectedFromHeader()
{
    // Only the header of a 10 MB frame: rejected before any payload is buffered.
    QByteArray header("\x82\xFF\x00\x00\x00\x00\x00\x98\x96\x80\x01\x02\x03\x04", 14);
    WsFrameParser parser;
    Recorder recorder;
    const auto result = parser.parse(header.data(), header.size(), 1000000, recorder);
    QCOMPARE(result.errorCode, quint16(WsFrameParser::CloseTooBig));

    // Under the limit, the header alone tells how much to expect.
    QByteArray ok("\x82\xFE\x01\x00\x01\x02\x03\x04", 8);
    const auto r2 = parser.parse(ok.data(), ok.size(), 1000000, recorder);
    QCOMPARE(r2.errorCode, quint16(0));
    QCOMPARE(r2.consumed, 0);
    QCOMPARE(r2.needed, 8 + 256);
}

void tst_WsFrameParser::serverFrames_data()
{
    QTest::addColumn<qsizetype>("size");
    QTest::addColumn<int>("headerSize");
    QTest::newRow("0") << qsizetype(0) << 2;
    QTest::newRow("125") << qsizetype(125) << 2;
    QTest::newRow("126") << qsizetype(126) << 4;
    QTest::newRow("65535") << qsizetype(65535) << 4;
    QTest::newRow("65536") << qsizetype(65536) << 10;
}

void tst_WsFrameParser::serverFrames()
{
    QFETCH(qsizetype, size);
    QFETCH(int, headerSize);
    const QByteArray payload = bytes(size);
    QByteArray frame;
    WsFrameParser::appendFrame(frame, WsFrameParser::Binary, payload);
    QCOMPARE(frame.size(), headerSize + size);
    QCOMPARE(uchar(frame[0]), uchar(0x82));
    QCOMPARE(uchar(frame[1]) & 0x80, 0); // servers never mask
    QCOMPARE(WsFrameParser::headerSize(size), qsizetype(headerSize));
    QCOMPARE(frame.sliced(headerSize), payload);
}

void tst_WsFrameParser::closePayload()
{
    QCOMPARE(WsFrameParser::closePayload(1000, "ok"), QByteArray("\x03\xE8ok"));
    QVERIFY(WsFrameParser::closePayload(WsFrameParser::CloseNoStatus, "x").isEmpty());
    // Cut to fit 125 bytes without splitting a character.
    QByteArray longReason;
    for (int i = 0; i < 100; ++i)
        longReason.append("\xC3\xA9");
    const QByteArray body = WsFrameParser::closePayload(1001, longReason);
    QVERIFY(body.size() <= 125);
    QVERIFY(Protocol::isValidUtf8(QByteArrayView(body).sliced(2)));
}

QTEST_APPLESS_MAIN(tst_WsFrameParser)
#include "tst_wsframeparser.moc"
