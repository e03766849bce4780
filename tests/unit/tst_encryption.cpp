// AES-256-GCM channels, HKDF key derivation and key parsing.
#include "features/encryption.h"

#include <QSet>
#include <QtTest>

using namespace SmartSocket::Features;

namespace {
const QByteArray kKey
    = QByteArray::fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

struct Pair
{
    GcmChannel sender;
    GcmChannel receiver;
    Pair(const QByteArray &key = kKey, const QByteArray &sid = "sid-1",
        Direction d = Direction::ClientToServer)
    {
        const QByteArray k = deriveConnectionKey(key, sid, d);
        sender.init(k, d, true);
        receiver.init(k, d, false);
    }
};
} // namespace

class tst_Encryption : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parseKey_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::newRow("raw") << kKey << true;
        QTest::newRow("hex") << kKey.toHex() << true;
        QTest::newRow("HEX upper") << kKey.toHex().toUpper() << true;
        QTest::newRow("hex + newline") << kKey.toHex() + '\n' << true;
        QTest::newRow("base64") << kKey.toBase64() << true;
        QTest::newRow("base64url, no padding")
            << kKey.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
            << true;
        QTest::newRow("empty") << QByteArray() << false;
        QTest::newRow("short") << QByteArray("secret") << false;
        QTest::newRow("hex 63") << kKey.toHex().left(63) << false;
        QTest::newRow("base64 of 16 bytes") << kKey.left(16).toBase64() << false;
        QTest::newRow("not hex") << QByteArray(64, 'g') << false;
    }
    void parseKey()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QByteArray key;
        QString error;
        QCOMPARE(SmartSocket::Features::parseKey(text, &key, &error), ok);
        if (ok) {
            QCOMPARE(key, kKey);
        } else {
            QVERIFY(!error.isEmpty());
            if (!text.isEmpty())
                QVERIFY(!error.contains(QString::fromLatin1(text))); // never echo the key
        }
    }

    void hkdfKnownAnswer()
    {
        // RFC 5869 test case 1.
        const QByteArray okm
            = hkdfSha256(QByteArray(22, '\x0b'), QByteArray::fromHex("000102030405060708090a0b0c"),
                QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        QCOMPARE(okm.toHex(),
            QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
                       "34007208d5b887185865"));
    }

    void derivedKeysDiffer()
    {
        const QByteArray a = deriveConnectionKey(kKey, "sid-a", Direction::ClientToServer);
        const QByteArray b = deriveConnectionKey(kKey, "sid-b", Direction::ClientToServer);
        const QByteArray c = deriveConnectionKey(kKey, "sid-a", Direction::ServerToClient);
        QCOMPARE(a.size(), kKeySize);
        QVERIFY(a != b && a != c && b != c && a != kKey);
    }

    void roundTrip()
    {
        Pair p;
        for (const QByteArray &plain :
            { QByteArray(), QByteArray("42[\"hi\"]"), QByteArray(100000, 'x') }) {
            QByteArray sealed("H");
            QVERIFY(p.sender.seal("aad", plain, sealed));
            QCOMPARE(sealed.size(), 1 + plain.size() + kTagSize);
            QByteArray out;
            QVERIFY(p.receiver.open("aad", QByteArrayView(sealed).sliced(1), out));
            QCOMPARE(out, plain);
        }
        QCOMPARE(p.sender.counter(), quint64(3));
        QCOMPARE(p.receiver.counter(), quint64(3));
    }

    void wrongKey()
    {
        GcmChannel sender;
        GcmChannel receiver;
        QByteArray other = kKey;
        other[0] = char(other[0] ^ 1);
        QVERIFY(sender.init(deriveConnectionKey(kKey, "s", Direction::ServerToClient),
            Direction::ServerToClient, true));
        QVERIFY(receiver.init(deriveConnectionKey(other, "s", Direction::ServerToClient),
            Direction::ServerToClient, false));
        QByteArray sealed;
        QVERIFY(sender.seal({}, "secret", sealed));
        QByteArray out("stale");
        QVERIFY(!receiver.open({}, sealed, out));
        QVERIFY(out.isEmpty());
    }

    void tampering()
    {
        QByteArray sealed;
        {
            Pair p;
            QVERIFY(p.sender.seal("aad", "hello world", sealed));
        }
        for (int i = 0; i < sealed.size(); ++i) {
            Pair p;
            QByteArray bad = sealed;
            bad[i] = char(bad[i] ^ 0x20);
            QByteArray out;
            QVERIFY2(!p.receiver.open("aad", bad, out), qPrintable(QString::number(i)));
        }
        Pair p;
        QByteArray out;
        QVERIFY(!p.receiver.open("aaD", sealed, out)); // associated data changed
        QVERIFY(!p.receiver.open("aad", sealed.left(sealed.size() - 1), out)); // truncated
        QVERIFY(!p.receiver.open("aad", QByteArray(5, 'x'), out)); // shorter than a tag
        QVERIFY(p.receiver.open("aad", sealed, out)); // failures did not advance the counter
    }

    void replayAndReorder()
    {
        Pair p;
        QByteArray first;
        QByteArray second;
        QVERIFY(p.sender.seal({}, "one", first));
        QVERIFY(p.sender.seal({}, "two", second));
        QByteArray out;
        QVERIFY(!p.receiver.open({}, second, out)); // reordered
        QVERIFY(p.receiver.open({}, first, out));
        QVERIFY(!p.receiver.open({}, first, out)); // replayed
        QVERIFY(p.receiver.open({}, second, out));
        QCOMPARE(out, QByteArray("two"));
    }

    void reflection()
    {
        // A frame the server sent, reflected back to the server as if the client sent it.
        const QByteArray s2c = deriveConnectionKey(kKey, "sid", Direction::ServerToClient);
        const QByteArray c2s = deriveConnectionKey(kKey, "sid", Direction::ClientToServer);
        GcmChannel serverSeal;
        GcmChannel serverOpen;
        QVERIFY(serverSeal.init(s2c, Direction::ServerToClient, true));
        QVERIFY(serverOpen.init(c2s, Direction::ClientToServer, false));
        QByteArray sealed;
        QVERIFY(serverSeal.seal({}, "42[\"x\"]", sealed));
        QByteArray out;
        QVERIFY(!serverOpen.open({}, sealed, out));
    }

    void otherConnection()
    {
        // Same shared key, another connection's frame: a different derived key.
        Pair a(kKey, "sid-a");
        Pair b(kKey, "sid-b");
        QByteArray sealed;
        QVERIFY(a.sender.seal({}, "x", sealed));
        QByteArray out;
        QVERIFY(!b.receiver.open({}, sealed, out));
    }

    void nonceUniqueness()
    {
        GcmChannel c2s;
        GcmChannel s2c;
        QVERIFY(c2s.init(kKey, Direction::ClientToServer, true));
        QVERIFY(s2c.init(kKey, Direction::ServerToClient, true));
        QSet<QByteArray> seen;
        for (quint64 i = 0; i < 5000; ++i) {
            seen.insert(c2s.nonceFor(i));
            seen.insert(s2c.nonceFor(i));
        }
        QCOMPARE(seen.size(), 10000);
        QCOMPARE(c2s.nonceFor(1).size(), 12);
        // And sealing the same plaintext twice never gives the same ciphertext.
        QByteArray a;
        QByteArray b;
        QVERIFY(c2s.seal({}, "same", a));
        QVERIFY(c2s.seal({}, "same", b));
        QVERIFY(a != b);
    }

    void badKeySize()
    {
        GcmChannel c;
        QVERIFY(!c.init("short", Direction::ClientToServer, true));
        QByteArray out;
        QVERIFY(!c.seal({}, "x", out));
    }
};

QTEST_GUILESS_MAIN(tst_Encryption)
#include "tst_encryption.moc"
