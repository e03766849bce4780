#include "session/middlewarechain.h"

#include <QtTest>

#include <atomic>
#include <thread>

using namespace SmartSocket;
using Internal::MiddlewareChain;

// A middleware here takes a trace to append to and the continuation.
using TestMiddleware = std::function<void(QStringList &trace, const Next &next)>;
using Chain = MiddlewareChain<TestMiddleware>;

class tst_MiddlewareChain : public QObject
{
    Q_OBJECT

    struct Outcome
    {
        bool done = false;
        bool failed = false;
        QString error;
    };

    static void run(const std::vector<TestMiddleware> &list, QStringList &trace, Outcome &out)
    {
        Chain::run(
            std::make_shared<const std::vector<TestMiddleware>>(list),
            [&trace](const TestMiddleware &mw, const Next &next) { mw(trace, next); },
            [&out](const Error *e) {
                out.done = true;
                out.failed = e != nullptr;
                if (e)
                    out.error = e->message();
            });
    }

    static TestMiddleware pass(const QString &name)
    {
        return [name](QStringList &t, const Next &next) {
            t.append(name);
            next();
        };
    }

private Q_SLOTS:
    void emptyChainCompletes()
    {
        QStringList trace;
        Outcome out;
        run({}, trace, out);
        QVERIFY(out.done);
        QVERIFY(!out.failed);
    }

    void runsInOrder()
    {
        QStringList trace;
        Outcome out;
        run({ pass("1"), pass("2"), pass("3") }, trace, out);
        QCOMPARE(trace, (QStringList { "1", "2", "3" }));
        QVERIFY(out.done && !out.failed);
    }

    void errorStopsTheChain()
    {
        QStringList trace;
        Outcome out;
        run({ pass("1"),
                [](QStringList &t, const Next &next) {
                    t.append("2");
                    next(Error(QStringLiteral("Not authenticated")));
                },
                pass("3") },
            trace, out);
        QCOMPARE(trace, (QStringList { "1", "2" }));
        QVERIFY(out.done);
        QVERIFY(out.failed);
        QCOMPARE(out.error, QStringLiteral("Not authenticated"));
    }

    void withoutNextTheChainStops()
    {
        QStringList trace;
        Outcome out;
        run({ pass("1"), [](QStringList &t, const Next &) { t.append("silent"); }, pass("3") },
            trace, out);
        QCOMPARE(trace, (QStringList { "1", "silent" }));
        QVERIFY(!out.done);
    }

    void onlyTheFirstNextCounts()
    {
        QStringList trace;
        Outcome out;
        int doneCount = 0;
        Chain::run(
            std::make_shared<const std::vector<TestMiddleware>>(
                std::vector<TestMiddleware> { [](QStringList &t, const Next &next) {
                    t.append("twice");
                    next();
                    next(); // ignored
                    next(Error(QStringLiteral("late"))); // ignored
                } }),
            [&trace](const TestMiddleware &mw, const Next &next) { mw(trace, next); },
            [&](const Error *e) {
                ++doneCount;
                out.failed = e != nullptr;
            });
        QCOMPARE(doneCount, 1);
        QVERIFY(!out.failed);
    }

    void asynchronousNext()
    {
        QStringList trace;
        Outcome out;
        Next saved;
        run({ pass("1"),
                [&saved](QStringList &t, const Next &next) {
                    t.append("async");
                    saved = next; // answered later
                },
                pass("3") },
            trace, out);
        QVERIFY(!out.done);
        QCOMPARE(trace, (QStringList { "1", "async" }));
        saved();
        QVERIFY(out.done && !out.failed);
        QCOMPARE(trace, (QStringList { "1", "async", "3" }));
    }

    // next() from a worker: the rest of the chain and done() run in the context's thread.
    void nextFromAWorkerContinuesInTheContextThread()
    {
        QObject context;
        std::atomic<QThread *> secondRan { nullptr };
        std::atomic<QThread *> doneRan { nullptr };
        std::thread worker;
        Chain::run(
            std::make_shared<const std::vector<TestMiddleware>>(
                std::vector<TestMiddleware> { [&worker](QStringList &, const Next &next) {
                                                 worker = std::thread([next] { next(); });
                                             },
                    [&secondRan](QStringList &, const Next &next) {
                        secondRan = QThread::currentThread();
                        next();
                    } }),
            [](const TestMiddleware &mw, const Next &next) {
                QStringList unused;
                mw(unused, next);
            },
            [&doneRan](const Error *) { doneRan = QThread::currentThread(); }, &context);
        worker.join();
        QTRY_VERIFY(doneRan.load() != nullptr);
        QCOMPARE(secondRan.load(), context.thread());
        QCOMPARE(doneRan.load(), context.thread());
    }

    // The owner is gone before a worker calls next(): nothing of the chain runs any more.
    void nextAfterTheContextIsGoneDoesNothing()
    {
        auto context = std::make_unique<QObject>();
        Next saved;
        bool done = false;
        Chain::run(
            std::make_shared<const std::vector<TestMiddleware>>(std::vector<TestMiddleware> {
                [&saved](QStringList &, const Next &next) { saved = next; } }),
            [](const TestMiddleware &mw, const Next &next) {
                QStringList unused;
                mw(unused, next);
            },
            [&done](const Error *) { done = true; }, context.get());
        context.reset();
        std::thread([saved] { saved(); }).join();
        QCoreApplication::processEvents();
        QVERIFY(!done);
    }
};

// An application object: the cross-thread tests need an event loop.
QTEST_GUILESS_MAIN(tst_MiddlewareChain)
#include "tst_middlewarechain.moc"
