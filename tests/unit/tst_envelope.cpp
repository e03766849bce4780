// The extension envelope: negotiation strings, header byte, compress-then-encrypt, errors.
#include "features/envelope.h"

#include <QtTest>

using namespace SmartSocket::Features;

namespace {
const QByteArray kKey(32, 'k');

struct Link
{
    Deflater deflater;
    Inflater inflater;
    Envelope client;
    Envelope server;
    explicit Link(
        Extensions ext, const QByteArray &clientKey = kKey, const QByteArray &serverKey = kKey)
        : client(ext, Direction::ClientToServer, "sid", clientKey)
        , server(ext, Direction::ServerToClient, "sid", serverKey)
    { }
    /// Client -> server; returns the error and the message the server got.
    Envelope::Error send(const QByteArray &message, bool binary, QByteArray *got = nullptr,
        bool *gotBinary = nullptr, QByteArray *wireOut = nullptr)
    {
        QByteArray wire;
        bool binaryFrame = false;
        if (!client.wrap(message, binary, 1024, 6, deflater, wire, &binaryFrame))
            return Envelope::Error::Malformed;
        if (wireOut)
            *wireOut = wire;
        if (!binaryFrame) {
            if (got)
                *got = wire;
            return server.checkText(wire);
        }
        QByteArray out;
        bool outBinary = false;
        const auto e = server.unwrap(wire, 1000000, inflater, out, &outBinary);
        if (got)
            *got = out;
        if (gotBinary)
            *gotBinary = outBinary;
        return e;
    }
};

Extensions ext(bool deflate, bool aes)
{
    Extensions e;
    e.deflate = deflate;
    e.aes256gcm = aes;
    return e;
}
} // namespace

class tst_Envelope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void negotiation()
    {
        QCOMPARE(ext(true, true).offer(), QByteArray("deflate,aes256gcm"));
        QCOMPARE(ext(false, true).offer(), QByteArray("aes256gcm"));
        QCOMPARE(ext(false, false).offer(), QByteArray());
        const Extensions parsed = Extensions::fromOffer("x, deflate,unknown");
        QVERIFY(parsed.deflate && !parsed.aes256gcm);
        QCOMPARE(ext(true, true).grantJson(512),
            QByteArray("{\"deflate\":{\"threshold\":512},\"aes256gcm\":true}"));
        const Extensions granted = Extensions::fromOpenPacket(
            "{\"sid\":\"a\",\"ssx\":{\"deflate\":{\"threshold\":1024},\"aes256gcm\":true}}");
        QVERIFY(granted.deflate && granted.aes256gcm);
        QVERIFY(!Extensions::fromOpenPacket("{\"sid\":\"a\"}").any());
        QVERIFY(!Extensions::fromOpenPacket("not json").any());
    }

    void roundTrips_data()
    {
        QTest::addColumn<bool>("deflate");
        QTest::addColumn<bool>("aes");
        QTest::newRow("deflate") << true << false;
        QTest::newRow("aes") << false << true;
        QTest::newRow("both") << true << true;
    }
    void roundTrips()
    {
        QFETCH(bool, deflate);
        QFETCH(bool, aes);
        Link link(ext(deflate, aes));
        const QList<QPair<QByteArray, bool>> messages {
            { "42[\"small\"]", false },
            { "42[\"big\",\"" + QByteArray(5000, 'a') + "\"]", false },
            { QByteArray("\x01\x02\x03", 3), true },
            { QByteArray(4000, '\x07'), true },
        };
        for (const auto &[message, binary] : messages) {
            QByteArray got;
            bool gotBinary = !binary;
            QByteArray wire;
            QCOMPARE(link.send(message, binary, &got, &gotBinary, &wire), Envelope::Error::None);
            QCOMPARE(got, message);
            if (!binary && message.size() <= 1024 && !aes) {
                QCOMPARE(wire, message); // small text: a plain text frame
            } else {
                QCOMPARE(gotBinary, binary);
                const quint8 header = quint8(wire.at(0));
                QCOMPARE(bool(header & HeaderFlag::Encrypted), aes);
                QCOMPARE(bool(header & HeaderFlag::Binary), binary);
                QCOMPARE(bool(header & HeaderFlag::Compressed), deflate && message.size() > 1024);
            }
        }
        if (deflate) {
            QCOMPARE(link.client.counters().messagesOut, quint64(2));
            QCOMPARE(link.server.counters().messagesIn, quint64(2));
            QVERIFY(link.client.counters().bytesOutAfter < link.client.counters().bytesOutBefore);
            QCOMPARE(link.server.counters().bytesInAfter, link.client.counters().bytesOutBefore);
        }
    }

    void invalidUtf8Text_data() { roundTrips_data(); }
    // Text unwrapped from an extension frame gets the UTF-8 check a text frame gets.
    void invalidUtf8Text()
    {
        QFETCH(bool, deflate);
        QFETCH(bool, aes);
        Link link(ext(deflate, aes));
        // Long enough to be compressed; a lone surrogate and stray bytes.
        const QByteArray bad = "42[\"x\",\"" + QByteArray(2000, 'a') + "\xed\xa0\x80\xff\"]";
        QByteArray got;
        QCOMPARE(link.send(bad, false, &got), Envelope::Error::InvalidUtf8);
        QCOMPARE(Envelope::errorString(Envelope::Error::InvalidUtf8),
            QStringLiteral("text message is not valid UTF-8"));
        // The same bytes as an attachment are binary data: delivered.
        bool gotBinary = false;
        QCOMPARE(link.send(bad, true, &got, &gotBinary), Envelope::Error::None);
        QVERIFY(gotBinary);
        QCOMPARE(got, bad);
        // Valid text still passes afterwards (nonces and counters stayed in step).
        const QByteArray good = "42[\"x\",\"" + QByteArray(2000, 'b') + "\xc3\xa9\"]";
        QCOMPARE(link.send(good, false, &got), Envelope::Error::None);
        QCOMPARE(got, good);
        if (!aes) {
            // An uncompressed extension frame (header 0): checked as well.
            Inflater inflater;
            QByteArray out;
            bool binary = true;
            QCOMPARE(link.server.unwrap(
                         QByteArray(1, '\0') + "42[\"\xff\"]", 1000000, inflater, out, &binary),
                Envelope::Error::InvalidUtf8);
        }
    }

    void compressThenEncrypt()
    {
        Link link(ext(true, true));
        QByteArray wire;
        const QByteArray message = "42[\"x\",\"" + QByteArray(20000, 'z') + "\"]";
        QCOMPARE(link.send(message, false, nullptr, nullptr, &wire), Envelope::Error::None);
        QVERIFY(wire.size() < 1000); // ciphertext of the compressed form
        QCOMPARE(quint8(wire.at(0)), quint8(HeaderFlag::Compressed | HeaderFlag::Encrypted));
    }

    void errors()
    {
        Inflater inflater;
        QByteArray out;
        bool binary = false;
        {
            Envelope env(ext(true, false), Direction::ServerToClient, "sid", {});
            QCOMPARE(env.unwrap({}, 1000, inflater, out, &binary), Envelope::Error::Malformed);
            QCOMPARE(env.unwrap("\x08zz", 1000, inflater, out, &binary),
                Envelope::Error::Malformed); // unknown header bit
            QCOMPARE(env.unwrap("\x04zz", 1000, inflater, out, &binary),
                Envelope::Error::Malformed); // encryption not negotiated
            QCOMPARE(env.unwrap("\x02zz", 1000, inflater, out, &binary), Envelope::Error::Corrupt);
            QCOMPARE(env.checkText("42[\"plain\"]"), Envelope::Error::None);
            Deflater deflater;
            QByteArray bomb("\x02");
            QVERIFY(deflater.compress(QByteArray(5000000, 'a'), 9, bomb));
            QCOMPARE(env.unwrap(bomb, 1000000, inflater, out, &binary), Envelope::Error::TooBig);
        }
        {
            Envelope env(ext(false, true), Direction::ServerToClient, "sid", kKey);
            QCOMPARE(env.checkText("42[\"plain\"]"), Envelope::Error::Plaintext);
            QCOMPARE(env.checkText("3"), Envelope::Error::None); // pong stays plain
            QCOMPARE(
                env.unwrap("\x01raw", 1000, inflater, out, &binary), Envelope::Error::Plaintext);
        }
    }

    void wrongKeyAndTampering()
    {
        QByteArray other = kKey;
        other[3] = 'X';
        Link wrong(ext(false, true), kKey, other);
        QCOMPARE(wrong.send("42[\"x\"]", false), Envelope::Error::DecryptionFailed);

        Link link(ext(true, true));
        QByteArray wire;
        bool binaryFrame = false;
        QVERIFY(link.client.wrap("42[\"a\"]", false, 1024, 6, link.deflater, wire, &binaryFrame));
        QByteArray flipped = wire;
        flipped[0] = char(flipped[0] | HeaderFlag::Binary); // header is authenticated
        QByteArray out;
        bool binary = false;
        QCOMPARE(link.server.unwrap(flipped, 1000, link.inflater, out, &binary),
            Envelope::Error::DecryptionFailed);
        QCOMPARE(
            link.server.unwrap(wire, 1000, link.inflater, out, &binary), Envelope::Error::None);
        QCOMPARE(link.server.unwrap(wire, 1000, link.inflater, out, &binary),
            Envelope::Error::DecryptionFailed); // replay
    }

    void reflectionAndSessionBinding()
    {
        Link link(ext(false, true));
        QByteArray wire;
        bool binaryFrame = false;
        QVERIFY(link.server.wrap(
            "42[\"to client\"]", false, 1024, 6, link.deflater, wire, &binaryFrame));
        QByteArray out;
        bool binary = false;
        // Reflected to the server that sent it.
        QCOMPARE(link.server.unwrap(wire, 1000, link.inflater, out, &binary),
            Envelope::Error::DecryptionFailed);
        // Delivered to a client of another session with the same shared key.
        Envelope otherClient(ext(false, true), Direction::ClientToServer, "other", kKey);
        QCOMPARE(otherClient.unwrap(wire, 1000, link.inflater, out, &binary),
            Envelope::Error::DecryptionFailed);
        QCOMPARE(
            link.client.unwrap(wire, 1000, link.inflater, out, &binary), Envelope::Error::None);
        QCOMPARE(out, QByteArray("42[\"to client\"]"));
    }

    void invalidKey()
    {
        Envelope env(ext(false, true), Direction::ServerToClient, "sid", "short");
        QVERIFY(!env.isValid());
    }
};

QTEST_GUILESS_MAIN(tst_Envelope)
#include "tst_envelope.moc"
