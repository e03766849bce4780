// The sliding-log rate limiter with a fake clock: exactness at the window edge, sliding,
// per-event overrides, memory bound, retryAfter values.
#include "features/ratelimiter.h"

#include <QtTest>

#include <random>

using namespace SmartSocket;
using namespace SmartSocket::Internal;

namespace {
constexpr qint64 ms = 1000 * 1000; // the limiter's clock is in nanoseconds
}

class tst_RateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void logAdmitsUpToMax()
    {
        SlidingWindowLog log;
        qint64 retry = -1;
        for (int i = 0; i < 5; ++i)
            QVERIFY(log.tryAcquire(i, 1000, 5, &retry));
        QVERIFY(!log.tryAcquire(10, 1000, 5, &retry));
        QCOMPARE(retry, 990); // the first admission (t=0) leaves the window at t=1000
        QCOMPARE(log.remaining(10, 1000, 5), 0);
        QCOMPARE(log.retryAfter(10, 1000, 5), 990);
    }

    void exactAtTheBoundary()
    {
        // A fixed window would admit 5 at t=999 and 5 more at t=1000: 10 within 2 ms.
        SlidingWindowLog log;
        qint64 retry = 0;
        for (int i = 0; i < 5; ++i)
            QVERIFY(log.tryAcquire(999, 1000, 5, &retry));
        QVERIFY(!log.tryAcquire(1000, 1000, 5, &retry));
        QCOMPARE(retry, 999);
        QVERIFY(!log.tryAcquire(1998, 1000, 5, &retry));
        QCOMPARE(retry, 1);
        // Exactly `window` after: the interval (999, 1999] holds none of them.
        for (int i = 0; i < 5; ++i)
            QVERIFY(log.tryAcquire(1999, 1000, 5, &retry));
        QVERIFY(!log.tryAcquire(1999, 1000, 5, &retry));
    }

    void slides()
    {
        // Admissions at 0, 100, 200: with max 3 per 1000, one slot frees at 1000, 1100, 1200.
        SlidingWindowLog log;
        qint64 retry = 0;
        QVERIFY(log.tryAcquire(0, 1000, 3, &retry));
        QVERIFY(log.tryAcquire(100, 1000, 3, &retry));
        QVERIFY(log.tryAcquire(200, 1000, 3, &retry));
        QVERIFY(!log.tryAcquire(999, 1000, 3, &retry));
        QCOMPARE(retry, 1);
        QCOMPARE(log.remaining(999, 1000, 3), 0);
        QCOMPARE(log.remaining(1000, 1000, 3), 1);
        QCOMPARE(log.remaining(1200, 1000, 3), 3);
        QVERIFY(log.tryAcquire(1000, 1000, 3, &retry));
        QVERIFY(!log.tryAcquire(1050, 1000, 3, &retry));
        QCOMPARE(retry, 50);
        QVERIFY(log.tryAcquire(1100, 1000, 3, &retry));
        QVERIFY(log.tryAcquire(1200, 1000, 3, &retry));
        QVERIFY(!log.tryAcquire(1999, 1000, 3, &retry));
        QCOMPARE(retry, 1);
    }

    /// Random arrivals: never more than max admitted in any interval of length window, and
    /// an event is refused only when max were admitted in (t - window, t] (no false refusals).
    void neverMoreThanMaxInAnyWindow_data()
    {
        QTest::addColumn<int>("maxRequests");
        QTest::addColumn<int>("window");
        QTest::addColumn<int>("meanGap");
        QTest::newRow("1 per 10") << 1 << 10 << 3;
        QTest::newRow("5 per 100") << 5 << 100 << 10;
        QTest::newRow("100 per 1000 bursty") << 100 << 1000 << 2;
        QTest::newRow("7 per 50 sparse") << 7 << 50 << 9;
    }
    void neverMoreThanMaxInAnyWindow()
    {
        QFETCH(int, maxRequests);
        QFETCH(int, window);
        QFETCH(int, meanGap);
        std::mt19937 rng(42);
        std::uniform_int_distribution<int> gap(0, 2 * meanGap);
        SlidingWindowLog log;
        std::vector<qint64> admitted;
        qint64 t = 0;
        for (int i = 0; i < 20000; ++i) {
            t += gap(rng);
            qint64 retry = 0;
            const auto inWindow = std::count_if(
                admitted.cbegin(), admitted.cend(), [&](qint64 a) { return t - a < window; });
            const bool ok = log.tryAcquire(t, window, maxRequests, &retry);
            QCOMPARE(ok, inWindow < maxRequests);
            if (ok) {
                admitted.push_back(t);
            } else {
                QVERIFY(retry >= 1 && retry <= window);
                // retryAfter is exact: one tick earlier is still refused, then admitted.
                SlidingWindowLog copy = log;
                qint64 r2 = 0;
                if (retry > 1)
                    QVERIFY(!copy.tryAcquire(t + retry - 1, window, maxRequests, &r2));
                QVERIFY(copy.tryAcquire(t + retry, window, maxRequests, &r2));
            }
            if (admitted.size() > size_t(4 * maxRequests))
                admitted.erase(admitted.begin(), admitted.begin() + maxRequests);
        }
        // Check every window starting at an admission.
        for (size_t i = 0; i + size_t(maxRequests) < admitted.size(); ++i)
            QVERIFY(admitted[i + size_t(maxRequests)] - admitted[i] >= window);
    }

    void memoryIsBoundedAndLazy()
    {
        SlidingWindowLog log;
        QCOMPARE(log.memoryBytes(), 0);
        qint64 retry = 0;
        log.tryAcquire(0, 1000, 100, &retry);
        QVERIFY(log.memoryBytes() <= qsizetype(4 * sizeof(qint64)));
        for (qint64 t = 0; t < 100000; ++t)
            log.tryAcquire(t, 1000, 100, &retry);
        QCOMPARE(log.size(), 100);
        QCOMPARE(log.memoryBytes(), qsizetype(100 * sizeof(qint64)));
        // Not a power of two: the ring never overshoots maxRequests.
        SlidingWindowLog odd;
        for (qint64 t = 0; t < 1000; ++t)
            odd.tryAcquire(t, 1000000, 37, &retry);
        QCOMPARE(odd.memoryBytes(), qsizetype(37 * sizeof(qint64)));
    }

    void limiterGlobalAndOverride()
    {
        RateLimiter limiter;
        QVERIFY(!limiter.isActive());
        std::unique_ptr<SocketRateLimitState> state;
        QVERIFY(limiter.check(state, QStringLiteral("a"), 0).allowed);
        QVERIFY(!state); // nothing limited: no state allocated

        limiter.setGlobalLimit(true, RateLimit { 1000, 3 });
        QVERIFY(limiter.isActive());
        limiter.setEventLimit(QStringLiteral("msg"), RateLimit { 100, 1 });
        for (int i = 0; i < 3; ++i)
            QVERIFY(limiter.check(state, QStringLiteral("a"), i * ms).allowed);
        QVERIFY(state);
        auto r = limiter.check(state, QStringLiteral("b"), 10 * ms);
        QVERIFY(!r.allowed);
        QCOMPARE(r.retryAfterMs, 990);
        // The override has its own budget, and does not use the global one.
        QVERIFY(limiter.check(state, QStringLiteral("msg"), 10 * ms).allowed);
        r = limiter.check(state, QStringLiteral("msg"), 50 * ms);
        QVERIFY(!r.allowed);
        QCOMPARE(r.retryAfterMs, 60);
        QVERIFY(limiter.check(state, QStringLiteral("msg"), 110 * ms).allowed);

        // retryAfter rounds up to whole ms, at least 1.
        r = limiter.check(state, QStringLiteral("msg"), 210 * ms - 1);
        QVERIFY(!r.allowed);
        QCOMPARE(r.retryAfterMs, 1);

        QVariantMap s = limiter.socketStats(state.get(), 210 * ms);
        QCOMPARE(s.value(QStringLiteral("allowed")).toULongLong(), 5ull);
        QCOMPARE(s.value(QStringLiteral("rejected")).toULongLong(), 3ull);
        const QVariantMap limits = s.value(QStringLiteral("limits")).toMap();
        const QVariantMap global = limits.value(QStringLiteral("*")).toMap();
        QCOMPARE(global.value(QStringLiteral("remaining")).toInt(), 0);
        QCOMPARE(global.value(QStringLiteral("retryAfter")).toLongLong(), 790);
        const QVariantMap msg = limits.value(QStringLiteral("msg")).toMap();
        QCOMPARE(msg.value(QStringLiteral("remaining")).toInt(), 1);
        QCOMPARE(msg.value(QStringLiteral("maxRequests")).toInt(), 1);

        const QVariantMap server = limiter.stats();
        QCOMPARE(server.value(QStringLiteral("allowed")).toULongLong(), 5ull);
        QCOMPARE(server.value(QStringLiteral("rejected")).toULongLong(), 3ull);
        const QVariantMap events = server.value(QStringLiteral("events")).toMap();
        QCOMPARE(events.value(QStringLiteral("b")).toMap().value(QStringLiteral("rejected")),
            QVariant(1ull));

        // Removing the override: "msg" falls back to the (exhausted) global limit.
        QVERIFY(limiter.removeEventLimit(QStringLiteral("msg")));
        QVERIFY(!limiter.removeEventLimit(QStringLiteral("msg")));
        QVERIFY(!limiter.check(state, QStringLiteral("msg"), 300 * ms).allowed);
        QVERIFY(limiter.eventLimits().isEmpty());
        // Set again: a fresh budget (a changed or re-added limit restarts its log).
        limiter.setEventLimit(QStringLiteral("msg"), RateLimit { 100, 2 });
        QVERIFY(limiter.check(state, QStringLiteral("msg"), 301 * ms).allowed);
        QVERIFY(limiter.check(state, QStringLiteral("msg"), 302 * ms).allowed);
        QVERIFY(!limiter.check(state, QStringLiteral("msg"), 303 * ms).allowed);
    }

    void remainingFollowsTheLimitThatApplies()
    {
        RateLimiter limiter;
        std::unique_ptr<SocketRateLimitState> state;
        QVERIFY(!limiter.limitFor(QStringLiteral("a")).isValid());
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("a"), 0), 0);

        limiter.setGlobalLimit(true, RateLimit { 1000, 3 });
        limiter.setEventLimit(QStringLiteral("msg"), RateLimit { 100, 2 });
        QCOMPARE(limiter.limitFor(QStringLiteral("a")), (RateLimit { 1000, 3 }));
        QCOMPARE(limiter.limitFor(QStringLiteral("msg")), (RateLimit { 100, 2 }));
        // No state yet: the whole budget.
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("a"), 0), 3);
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("msg"), 0), 2);

        QVERIFY(limiter.check(state, QStringLiteral("a"), 0).allowed);
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("a"), 1 * ms), 2);
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("b"), 1 * ms), 2); // same global
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("msg"), 1 * ms), 2); // own budget
        QVERIFY(limiter.check(state, QStringLiteral("msg"), 10 * ms).allowed);
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("msg"), 11 * ms), 1);
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("a"), 11 * ms), 2);
        // The window slides: the "msg" event is forgotten after 100 ms.
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("msg"), 111 * ms), 2);

        // A changed limit restarts the log: its whole budget again.
        limiter.setEventLimit(QStringLiteral("msg"), RateLimit { 100, 5 });
        QCOMPARE(limiter.remaining(state.get(), QStringLiteral("msg"), 11 * ms), 5);
    }

    void overrideOnlyWithoutGlobal()
    {
        RateLimiter limiter;
        limiter.setGlobalLimit(false, RateLimit { 1000, 1 });
        QVERIFY(!limiter.isActive());
        limiter.setEventLimit(QStringLiteral("x"), RateLimit { 1000, 1 });
        QVERIFY(limiter.isActive());
        std::unique_ptr<SocketRateLimitState> state;
        for (int i = 0; i < 10; ++i)
            QVERIFY(limiter.check(state, QStringLiteral("free"), i).allowed);
        QVERIFY(!state);
        QVERIFY(limiter.check(state, QStringLiteral("x"), 0).allowed);
        QVERIFY(!limiter.check(state, QStringLiteral("x"), 1).allowed);
        limiter.setEventLimit(QStringLiteral("x"), RateLimit { 0, 0 }); // invalid: removes
        QVERIFY(!limiter.isActive());
    }

    void eventNamesAreBounded()
    {
        RateLimiter limiter;
        limiter.setGlobalLimit(true, RateLimit { 1000, 1000000 });
        std::unique_ptr<SocketRateLimitState> state;
        for (int i = 0; i < RateLimiter::kMaxEventNames + 500; ++i)
            limiter.check(state, QString::number(i), i);
        const QVariantMap events = limiter.stats().value(QStringLiteral("events")).toMap();
        QCOMPARE(events.size(), RateLimiter::kMaxEventNames + 1);
        QCOMPARE(events.value(QStringLiteral("(other)")).toMap().value(QStringLiteral("allowed")),
            QVariant(500ull));
        // One socket, any number of names under the global limit: one bucket.
        QVERIFY(state->events.empty());
    }
};

QTEST_GUILESS_MAIN(tst_RateLimiter)
#include "tst_ratelimiter.moc"
