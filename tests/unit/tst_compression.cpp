// Raw DEFLATE transform: round trips, threshold boundaries, bombs, corrupt input, and the
// seed's three example messages (ratios printed for the README).
#include "features/compression.h"
#include "features/envelope.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace SmartSocket::Features;

namespace {

QByteArray json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// The seed's data-sync message: 1000 realistic items.
QByteArray dataSync()
{
    QJsonArray items;
    const QStringList statuses { QStringLiteral("active"), QStringLiteral("pending"),
        QStringLiteral("archived") };
    QRandomGenerator rng(42);
    for (int i = 0; i < 1000; ++i) {
        items.append(QJsonObject { { QStringLiteral("id"), i },
            { QStringLiteral("name"), QStringLiteral("Item %1").arg(i) },
            { QStringLiteral("status"), statuses.at(i % 3) },
            { QStringLiteral("price"), double(rng.bounded(100000)) / 100.0 },
            { QStringLiteral("updatedAt"), 1673123456789.0 + i * 1000 } });
    }
    return json(QJsonObject { { QStringLiteral("type"), QStringLiteral("data-sync") },
        { QStringLiteral("items"), items } });
}

} // namespace

class tst_Compression : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("level");
        QTest::newRow("empty") << QByteArray() << 6;
        QTest::newRow("one byte") << QByteArray("x") << 6;
        QTest::newRow("text level 1") << QByteArray(5000, 'a') << 1;
        QTest::newRow("text level 9") << QByteArray("hello world ").repeated(500) << 9;
        QByteArray random(70000, Qt::Uninitialized);
        QRandomGenerator(7).fillRange(
            reinterpret_cast<quint32 *>(random.data()), random.size() / 4);
        QTest::newRow("incompressible 70 KB") << random << 6;
        QTest::newRow("level clamped low") << QByteArray(3000, 'b') << 0;
        QTest::newRow("level clamped high") << QByteArray(3000, 'c') << 42;
    }
    void roundTrip()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, level);
        Deflater deflater;
        Inflater inflater;
        QByteArray compressed("prefix");
        QVERIFY(deflater.compress(input, level, compressed));
        QVERIFY(compressed.startsWith("prefix")); // appends
        QByteArray out;
        QCOMPARE(inflater.inflate(QByteArrayView(compressed).sliced(6), input.size(), out),
            Inflater::Result::Ok);
        QCOMPARE(out, input);
        // The streams are reused: a second message works the same.
        QByteArray again;
        QVERIFY(deflater.compress(input, level, again));
        QCOMPARE(inflater.inflate(again, input.size() + 10, out), Inflater::Result::Ok);
        QCOMPARE(out, input);
    }

    void bombIsCapped()
    {
        // 100 MB of zeros deflates to ~100 KB; a 1 MB cap stops it without allocating it all.
        Deflater deflater;
        QByteArray bomb;
        QVERIFY(deflater.compress(QByteArray(100 * 1000 * 1000, '\0'), 9, bomb));
        QVERIFY(bomb.size() < 200 * 1000);
        Inflater inflater;
        QByteArray out;
        QCOMPARE(inflater.inflate(bomb, 1000000, out), Inflater::Result::TooBig);
        QVERIFY(out.isEmpty());
        QVERIFY(out.capacity() <= 2 * 1000001); // never the 100 MB
        // Exactly at the cap passes, one byte over fails.
        QByteArray exact;
        QVERIFY(deflater.compress(QByteArray(1000, 'z'), 6, exact));
        QCOMPARE(inflater.inflate(exact, 1000, out), Inflater::Result::Ok);
        QCOMPARE(inflater.inflate(exact, 999, out), Inflater::Result::TooBig);
    }

    void corruptInput()
    {
        Inflater inflater;
        QByteArray out;
        QCOMPARE(inflater.inflate(QByteArray("\xff\xff\xff\xff garbage"), 1000, out),
            Inflater::Result::Corrupt);
        Deflater deflater;
        QByteArray good;
        QVERIFY(deflater.compress(QByteArray("hello hello hello hello").repeated(20), 6, good));
        QCOMPARE(inflater.inflate(good.left(good.size() / 2), 100000, out),
            Inflater::Result::Corrupt); // truncated
        QCOMPARE(inflater.inflate(good + "trailing", 100000, out), Inflater::Result::Corrupt);
        QCOMPARE(inflater.inflate(good, 100000, out), Inflater::Result::Ok); // still usable
    }

    void thresholdBoundary_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("compressed");
        QTest::newRow("below") << 1023 << false;
        QTest::newRow("at threshold") << 1024 << false;
        QTest::newRow("above") << 1025 << true;
    }
    void thresholdBoundary()
    {
        QFETCH(int, size);
        QFETCH(bool, compressed);
        Deflater deflater;
        PreparedMessage prepared;
        PreparedMessage::prepare(QByteArray(size, 'q'), false, true, 1024, 6, deflater, prepared);
        QCOMPARE(bool(prepared.flags & HeaderFlag::Compressed), compressed);
        QCOMPARE(prepared.rawSize, qsizetype(size));
    }

    void incompressibleStaysPlain()
    {
        QByteArray random(4096, Qt::Uninitialized);
        QRandomGenerator(3).fillRange(reinterpret_cast<quint32 *>(random.data()), 1024);
        Deflater deflater;
        PreparedMessage prepared;
        PreparedMessage::prepare(random, true, true, 1024, 6, deflater, prepared);
        QCOMPARE(prepared.flags, HeaderFlag::Binary); // DEFLATE would grow it: sent as is
        QCOMPARE(prepared.body, random);
    }

    void seedMessages()
    {
        // As an Engine.IO message: 42["message",{...}]
        const auto wrap = [](const QByteArray &payload) {
            return QByteArray("42[\"message\",") + payload + ']';
        };
        const QByteArray ping = json({ { QStringLiteral("type"), QStringLiteral("ping") } });
        const QByteArray chat = json({ { QStringLiteral("type"), QStringLiteral("chat") },
            { QStringLiteral("message"), QStringLiteral("Hello everyone in the room!") },
            { QStringLiteral("timestamp"), 1673123456789.0 } });
        const QByteArray sync = dataSync();
        Deflater deflater;
        struct Row
        {
            const char *name;
            QByteArray message;
            bool expectCompressed;
        };
        const Row rows[] = { { "ping", wrap(ping), false }, { "chat", wrap(chat), false },
            { "data-sync", wrap(sync), true } };
        for (const Row &row : rows) {
            PreparedMessage prepared;
            PreparedMessage::prepare(row.message, false, true, 1024, 6, deflater, prepared);
            QCOMPARE(bool(prepared.flags & HeaderFlag::Compressed), row.expectCompressed);
            // What DEFLATE would do to it regardless of the threshold (for the README).
            QByteArray raw;
            QVERIFY(deflater.compress(row.message, 6, raw));
            const double saved = 100.0 * (1.0 - double(raw.size()) / row.message.size());
            qInfo("%s: %lld bytes, deflate level 6 -> %lld bytes (%.0f %% smaller); sent %s",
                row.name, qint64(row.message.size()), qint64(raw.size()), saved,
                row.expectCompressed ? "compressed" : "uncompressed (below threshold)");
            if (row.expectCompressed)
                QVERIFY(prepared.body.size() < row.message.size() / 3);
        }
    }
};

QTEST_GUILESS_MAIN(tst_Compression)
#include "tst_compression.moc"
