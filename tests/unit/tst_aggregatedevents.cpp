// admin-ui's aggregatedEvents (server/aggregatedevents): counts per whole second, one entry per
// type (disconnections per reason), taken and cleared by each server_stats.
#include "server/aggregatedevents.h"

#include <QtTest>

using namespace SmartSocket::Internal;

namespace {

QHash<QString, qint64> byType(const QVariantList &entries, QSet<qint64> *seconds = nullptr)
{
    QHash<QString, qint64> totals;
    for (const QVariant &v : entries) {
        const QVariantMap e = v.toMap();
        QString key = e.value(QStringLiteral("type")).toString();
        if (e.contains(QStringLiteral("subType")))
            key += QLatin1Char('/') + e.value(QStringLiteral("subType")).toString();
        totals[key] += e.value(QStringLiteral("count")).toLongLong();
        if (seconds)
            seconds->insert(e.value(QStringLiteral("timestamp")).toLongLong());
    }
    return totals;
}

} // namespace

class tst_AggregatedEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void countsAndClears()
    {
        AggregatedEvents events;
        QVERIFY(events.takeAll().isEmpty());
        const qint64 before = AggregatedEvents::currentSecond();
        events.add(AggregatedEvents::RawConnection, 1);
        events.add(AggregatedEvents::RawConnection, 1);
        events.addPackets(AggregatedEvents::PacketsIn, AggregatedEvents::BytesIn, 3, 120);
        events.addPackets(AggregatedEvents::PacketsOut, AggregatedEvents::BytesOut, 2, 50);
        events.addDisconnection(QStringLiteral("transport close"));
        events.addDisconnection(QStringLiteral("ping timeout"));
        events.addDisconnection(QStringLiteral("transport close"));
        QSet<qint64> seconds;
        const QVariantList all = events.takeAll();
        const qint64 after = AggregatedEvents::currentSecond();
        const auto totals = byType(all, &seconds);
        QCOMPARE(totals.value(QStringLiteral("rawConnection")), 2);
        QCOMPARE(totals.value(QStringLiteral("packetsIn")), 3);
        QCOMPARE(totals.value(QStringLiteral("bytesIn")), 120);
        QCOMPARE(totals.value(QStringLiteral("packetsOut")), 2);
        QCOMPARE(totals.value(QStringLiteral("bytesOut")), 50);
        QCOMPARE(totals.value(QStringLiteral("rawDisconnection/transport close")), 2);
        QCOMPARE(totals.value(QStringLiteral("rawDisconnection/ping timeout")), 1);
        // Only the counted types, no zero entries; subType only on disconnections.
        QCOMPARE(totals.size(), 7);
        for (const QVariant &v : all) {
            const QVariantMap e = v.toMap();
            QCOMPARE(e.contains(QStringLiteral("subType")),
                e.value(QStringLiteral("type")) == QLatin1String("rawDisconnection"));
        }
        for (qint64 s : seconds) {
            QCOMPARE(s % 1000, 0);
            QVERIFY(s >= before && s <= after);
        }
        QVERIFY(events.takeAll().isEmpty()); // taken means cleared
    }

    void oneEntryPerSecond()
    {
        AggregatedEvents events;
        QElapsedTimer timer;
        timer.start();
        // Count through at least one change of second.
        const qint64 first = AggregatedEvents::currentSecond();
        int n = 0;
        while (AggregatedEvents::currentSecond() == first && timer.elapsed() < 3000) {
            events.addPackets(AggregatedEvents::PacketsIn, AggregatedEvents::BytesIn, 1, 10);
            ++n;
            QTest::qWait(20);
        }
        events.addPackets(AggregatedEvents::PacketsIn, AggregatedEvents::BytesIn, 1, 10);
        ++n;
        QSet<qint64> seconds;
        const QVariantList all = events.takeAll();
        QCOMPARE(byType(all, &seconds).value(QStringLiteral("packetsIn")), n);
        QCOMPARE(seconds.size(), 2);
        QCOMPARE(all.size(), 4); // packetsIn and bytesIn, for each of the two seconds
    }

    void clearForgets()
    {
        AggregatedEvents events;
        events.add(AggregatedEvents::RawConnection, 5);
        events.clear();
        QVERIFY(events.takeAll().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_AggregatedEvents)
#include "tst_aggregatedevents.moc"
