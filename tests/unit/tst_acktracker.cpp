#include "session/acktracker.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using SmartSocket::AckResult;
using SmartSocket::Internal::AckTracker;

class tst_AckTracker : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void idsCountFromZero();
    void singleReply();
    void unknownIdsIgnored();
    void noCallbackFromAdd();
    void timeoutsInOrder();
    void noTimeoutWhenZero();
    void replyCancelsTimeout();
    void failOne();
    void failAllInOrder();
    void failAllCallbackMayAddAgain();
};

void tst_AckTracker::idsCountFromZero()
{
    AckTracker tracker;
    QCOMPARE(tracker.add([](const AckResult &) {}, 0), 0);
    QCOMPARE(tracker.add([](const AckResult &) {}, 1000), 1);
    QCOMPARE(tracker.add([](const AckResult &) {}, 0), 2);
    QCOMPARE(tracker.pendingCount(), 3);
    // Ids are never reused, even after their ack is done.
    QVERIFY(tracker.resolve(0, {}));
    QCOMPARE(tracker.add([](const AckResult &) {}, 0), 3);
}

void tst_AckTracker::singleReply()
{
    AckTracker tracker;
    int calls = 0;
    AckResult last;
    const qint64 id = tracker.add(
        [&](const AckResult &r) {
            ++calls;
            last = r;
        },
        1000);
    QVERIFY(tracker.resolve(id, { 1, QStringLiteral("two") }));
    QCOMPARE(calls, 1);
    QVERIFY(last.isOk());
    QCOMPARE(last.status(), AckResult::Status::Ok);
    QCOMPARE(last.args(), (QVariantList { 1, QStringLiteral("two") }));
    QCOMPARE(last.value(), QVariant(1));
    QVERIFY(last.errorString().isEmpty());
    // A second reply for the same id is ignored.
    QVERIFY(!tracker.resolve(id, { 3 }));
    QVERIFY(!tracker.fail(id, AckResult::Status::Disconnected, QStringLiteral("x")));
    QCOMPARE(calls, 1);
    QCOMPARE(tracker.pendingCount(), 0);
    // Nor does the (cancelled) timeout fire later.
    QTest::qWait(50);
    QCOMPARE(calls, 1);
}

void tst_AckTracker::unknownIdsIgnored()
{
    AckTracker tracker;
    int calls = 0;
    tracker.add([&](const AckResult &) { ++calls; }, 0);
    QVERIFY(!tracker.resolve(42, {}));
    QVERIFY(!tracker.resolve(-1, {}));
    QVERIFY(!tracker.fail(7, AckResult::Status::Timeout, QString()));
    QCOMPARE(calls, 0);
    QCOMPARE(tracker.pendingCount(), 1);
}

void tst_AckTracker::noCallbackFromAdd()
{
    // Even an immediate timeout (1 ms) is reported from the event loop, never from add().
    AckTracker tracker;
    int calls = 0;
    tracker.add([&](const AckResult &) { ++calls; }, 1);
    QCOMPARE(calls, 0);
    QTRY_COMPARE(calls, 1);
}

void tst_AckTracker::timeoutsInOrder()
{
    AckTracker tracker;
    QList<qint64> order;
    QList<AckResult> results;
    QElapsedTimer clock;
    clock.start();
    QList<qint64> elapsed;
    auto record = [&](qint64 tag) {
        return [&, tag](const AckResult &r) {
            order.append(tag);
            results.append(r);
            elapsed.append(clock.elapsed());
        };
    };
    // Added out of deadline order; one single timer serves them all.
    tracker.add(record(0), 150);
    tracker.add(record(1), 50);
    tracker.add(record(2), 100);
    const qint64 resolved = tracker.add(record(3), 75);
    QVERIFY(tracker.resolve(resolved, {}));
    QCOMPARE(order, (QList<qint64> { 3 }));
    order.clear();
    results.clear();
    elapsed.clear();

    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 3, 5000);
    QCOMPARE(order, (QList<qint64> { 1, 2, 0 }));
    for (const AckResult &r : std::as_const(results)) {
        QCOMPARE(r.status(), AckResult::Status::Timeout);
        QVERIFY(r.isError());
        QVERIFY(r.errorString().startsWith(QStringLiteral("ack timeout after")));
    }
    QCOMPARE(results.at(0).errorString(), QStringLiteral("ack timeout after 50 ms"));
    QVERIFY(elapsed.at(0) >= 45);
    QVERIFY(elapsed.at(2) >= 145);
    QCOMPARE(tracker.pendingCount(), 0);
}

void tst_AckTracker::noTimeoutWhenZero()
{
    AckTracker tracker;
    int calls = 0;
    tracker.add([&](const AckResult &) { ++calls; }, 0);
    tracker.add([&](const AckResult &) { ++calls; }, -5);
    QTest::qWait(100);
    QCOMPARE(calls, 0);
    QCOMPARE(tracker.pendingCount(), 2);
}

void tst_AckTracker::replyCancelsTimeout()
{
    AckTracker tracker;
    QList<AckResult::Status> statuses;
    const qint64 a = tracker.add([&](const AckResult &r) { statuses.append(r.status()); }, 30);
    tracker.add([&](const AckResult &r) { statuses.append(r.status()); }, 60);
    QVERIFY(tracker.resolve(a, {}));
    QTRY_COMPARE(statuses.size(), 2);
    QCOMPARE(
        statuses, (QList<AckResult::Status> { AckResult::Status::Ok, AckResult::Status::Timeout }));
}

void tst_AckTracker::failOne()
{
    AckTracker tracker;
    AckResult result;
    const qint64 id = tracker.add([&](const AckResult &r) { result = r; }, 1000);
    QVERIFY(tracker.fail(id, AckResult::Status::Disconnected, QStringLiteral("disconnected")));
    QCOMPARE(result.status(), AckResult::Status::Disconnected);
    QCOMPARE(result.errorString(), QStringLiteral("disconnected"));
    QVERIFY(result.args().isEmpty());
    QVERIFY(!result.value().isValid());
    QCOMPARE(tracker.pendingCount(), 0);
}

void tst_AckTracker::failAllInOrder()
{
    AckTracker tracker;
    QList<qint64> order;
    QList<AckResult> results;
    for (int i = 0; i < 20; ++i) {
        tracker.add(
            [&, i](const AckResult &r) {
                order.append(i);
                results.append(r);
            },
            i % 2 ? 1000 : 0);
    }
    tracker.failAll(AckResult::Status::Disconnected, QStringLiteral("disconnected"));
    QCOMPARE(order.size(), 20);
    for (int i = 0; i < 20; ++i)
        QCOMPARE(order.at(i), qint64(i)); // emission order
    for (const AckResult &r : std::as_const(results)) {
        QCOMPARE(r.status(), AckResult::Status::Disconnected);
        QCOMPARE(r.errorString(), QStringLiteral("disconnected"));
    }
    QCOMPARE(tracker.pendingCount(), 0);
    // No timeout fires afterwards.
    QTest::qWait(50);
    QCOMPARE(order.size(), 20);
}

void tst_AckTracker::failAllCallbackMayAddAgain()
{
    AckTracker tracker;
    int failed = 0;
    qint64 readded = -1;
    tracker.add(
        [&](const AckResult &) {
            ++failed;
            readded = tracker.add([&](const AckResult &) { ++failed; }, 0);
        },
        0);
    tracker.failAll(AckResult::Status::Disconnected, QStringLiteral("disconnected"));
    QCOMPARE(failed, 1);
    QCOMPARE(readded, 1);
    QCOMPARE(tracker.pendingCount(), 1); // the new one survives
    QVERIFY(tracker.resolve(readded, {}));
    QCOMPARE(failed, 2);
}

QTEST_GUILESS_MAIN(tst_AckTracker)
#include "tst_acktracker.moc"
