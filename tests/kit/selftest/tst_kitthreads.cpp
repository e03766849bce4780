// The test kit's thread handoffs: runInThreadOf runs the function in the context's thread;
// runInThreadOfAndWait returns once it ran there, and false when it cannot run.
#include "testkit.h"

#include <QThread>
#include <QtTest>

#include <atomic>

class tst_KitThreads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsInTheContextsThread()
    {
        QThread thread;
        QObject anchor;
        anchor.moveToThread(&thread);
        thread.start();
        std::atomic<QThread *> ranIn { nullptr };
        TestKit::runInThreadOf(&anchor, [&ranIn] { ranIn = QThread::currentThread(); });
        QTRY_VERIFY(ranIn.load() != nullptr);
        QCOMPARE(ranIn.load(), &thread);
        thread.quit();
        QVERIFY(thread.wait(10000));
    }

    void andWaitReturnsAfterItRan()
    {
        QThread thread;
        QObject anchor;
        anchor.moveToThread(&thread);
        thread.start();
        QThread *ranIn = nullptr; // plain: runInThreadOfAndWait orders it
        QVERIFY(TestKit::runInThreadOfAndWait(&anchor, [&] {
            QThread::msleep(50);
            ranIn = QThread::currentThread();
        }));
        QCOMPARE(ranIn, &thread);
        thread.quit();
        QVERIFY(thread.wait(10000));
    }

    void andWaitTimesOutWhenNothingRunsIt()
    {
        QThread thread; // never started: no event loop takes the call
        QObject anchor;
        anchor.moveToThread(&thread);
        std::atomic<bool> ran { false };
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!TestKit::runInThreadOfAndWait(
            &anchor, [&] { ran = true; }, 200));
        QVERIFY2(timer.elapsed() >= 190, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(!ran.load());
    }
};

QTEST_GUILESS_MAIN(tst_KitThreads)
#include "tst_kitthreads.moc"
