// ObjectPool: preallocation, growth rule, max, reuse with reset, no leaks (ASan).
#include "features/pool.h"

#include <QtTest>

#include <set>

using SmartSocket::Internal::ObjectPool;

namespace {
int liveObjects = 0;
struct Item
{
    Item() { ++liveObjects; }
    ~Item() { --liveObjects; }
    void resetForReuse()
    {
        value = 0;
        text.clear();
    }
    bool pooledBefore = false;
    int value = 0;
    QString text;
};
} // namespace

class tst_Pool : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QCOMPARE(liveObjects, 0); }
    void cleanup() { QCOMPARE(liveObjects, 0); }

    void preallocates()
    {
        ObjectPool<Item> pool(10, 100, 0.5);
        QCOMPARE(pool.stats().capacity, 10);
        QCOMPARE(pool.stats().free, 10);
        QCOMPARE(liveObjects, 10);
    }

    void growthRule_data()
    {
        QTest::addColumn<int>("initial");
        QTest::addColumn<int>("max");
        QTest::addColumn<double>("rate");
        QTest::addColumn<QList<int>>("capacities"); // after each growth
        QTest::newRow("+50%") << 4 << 100 << 0.5 << QList<int> { 6, 9, 14, 21, 32 };
        QTest::newRow("capped") << 10 << 12 << 0.5 << QList<int> { 12 };
        QTest::newRow("rate 0 grows by one") << 2 << 5 << 0.0 << QList<int> { 3, 4, 5 };
        QTest::newRow("empty start") << 0 << 3 << 1.0 << QList<int> { 1, 2, 3 };
    }
    void growthRule()
    {
        QFETCH(int, initial);
        QFETCH(int, max);
        QFETCH(double, rate);
        QFETCH(QList<int>, capacities);
        ObjectPool<Item> pool(initial, max, rate);
        std::vector<Item *> held;
        for (int expected : capacities) {
            while (pool.stats().free > 0)
                held.push_back(pool.acquire());
            held.push_back(pool.acquire()); // exhausted: grows
            QCOMPARE(pool.stats().capacity, expected);
        }
        QCOMPARE(pool.stats().overflow, 0ull);
        QCOMPARE(pool.stats().grown, capacities.size());
        for (Item *item : held)
            pool.release(item);
    }

    void beyondMaxIsPlainAllocationAndBounded()
    {
        ObjectPool<Item> pool(2, 3, 0.5);
        std::vector<Item *> held;
        for (int i = 0; i < 10; ++i)
            held.push_back(pool.acquire());
        QCOMPARE(pool.stats().capacity, 3);
        QCOMPARE(pool.stats().overflow, 7ull);
        QCOMPARE(liveObjects, 10);
        for (Item *item : held)
            pool.release(item);
        // The pool keeps only its capacity; the rest is freed.
        QCOMPARE(pool.stats().free, 3);
        QCOMPARE(liveObjects, 3);
    }

    void reusesResetObjects()
    {
        ObjectPool<Item> pool(2, 2, 0.5);
        Item *a = pool.acquire();
        a->value = 42;
        a->text = QStringLiteral("previous user");
        pool.release(a);
        std::set<Item *> seen;
        Item *b = pool.acquire();
        Item *c = pool.acquire();
        QVERIFY(b == a || c == a);
        for (Item *item : { b, c }) {
            QCOMPARE(item->value, 0);
            QVERIFY(item->text.isEmpty());
        }
        QCOMPARE(pool.stats().reused, 1ull);
        pool.release(b);
        pool.release(c);
        pool.release(nullptr);
        QCOMPARE(pool.stats().free, 2);
    }

    void churnKeepsMemoryFlat()
    {
        ObjectPool<Item> pool(8, 64, 0.5);
        std::vector<Item *> held;
        for (int round = 0; round < 200; ++round) {
            for (int i = 0; i < 40; ++i)
                held.push_back(pool.acquire());
            for (Item *item : held)
                pool.release(item);
            held.clear();
        }
        QVERIFY(pool.stats().capacity <= 64);
        QCOMPARE(liveObjects, pool.stats().capacity);
        QVERIFY(pool.stats().reused > 7000);
    }
};

QTEST_GUILESS_MAIN(tst_Pool)
#include "tst_pool.moc"
