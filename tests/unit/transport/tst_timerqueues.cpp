#include "transport/timerqueues.h"

#include <QTest>

using SmartSocket::Transport::TimerQueues;

namespace {

QList<quint32> drain(
    TimerQueues &timers, qint64 now, QList<int> *queues = nullptr, QList<int> *links = nullptr)
{
    QList<quint32> fired;
    TimerQueues::Expired e;
    while (timers.takeExpired(now, &e)) {
        fired.append(e.slot);
        if (queues)
            queues->append(e.queue);
        if (links)
            links->append(e.link);
    }
    return fired;
}

} // namespace

class tst_TimerQueues : public QObject
{
    Q_OBJECT

private slots:
    void fifoOrder();
    void rearmMovesToTail();
    void disarm();
    void twoLinks();
    void queuesMergeByDeadline();
    void setDuration();
    void nextDeadline();
};

void tst_TimerQueues::fifoOrder()
{
    TimerQueues timers;
    const int q = timers.createQueue(100);
    timers.arm(3, 0, q, 0);
    timers.arm(1, 0, q, 10);
    timers.arm(7, 0, q, 20);
    QCOMPARE(timers.size(q), 3);
    QVERIFY(drain(timers, 99).isEmpty());
    QCOMPARE(drain(timers, 110), (QList<quint32> { 3, 1 }));
    QCOMPARE(drain(timers, 1000), QList<quint32> { 7 });
    QCOMPARE(timers.size(q), 0);
    QCOMPARE(timers.queueOf(7, 0), -1);
}

void tst_TimerQueues::rearmMovesToTail()
{
    TimerQueues timers;
    const int q = timers.createQueue(100);
    timers.arm(1, 0, q, 0);
    timers.arm(2, 0, q, 0);
    timers.arm(3, 0, q, 0);
    timers.arm(1, 0, q, 50); // now last, deadline 150
    QCOMPARE(timers.size(q), 3);
    QCOMPARE(timers.deadline(1, 0), 150);
    QCOMPARE(drain(timers, 100), (QList<quint32> { 2, 3 }));
    QCOMPARE(drain(timers, 150), QList<quint32> { 1 });
}

void tst_TimerQueues::disarm()
{
    TimerQueues timers;
    const int q = timers.createQueue(10);
    for (quint32 s = 0; s < 5; ++s)
        timers.arm(s, 0, q, 0);
    timers.disarm(0, 0); // head
    timers.disarm(2, 0); // middle
    timers.disarm(4, 0); // tail
    timers.disarm(4, 0); // twice: no-op
    timers.disarm(99, 1); // never armed, out of range
    QCOMPARE(timers.size(q), 2);
    QCOMPARE(drain(timers, 10), (QList<quint32> { 1, 3 }));
    timers.arm(4, 0, q, 20); // re-armable after disarm
    QCOMPARE(drain(timers, 30), QList<quint32> { 4 });
}

void tst_TimerQueues::twoLinks()
{
    TimerQueues timers(2);
    const int ping = timers.createQueue(100);
    const int timeout = timers.createQueue(30);
    timers.arm(5, 0, ping, 0);
    timers.arm(5, 1, timeout, 0);
    QCOMPARE(timers.queueOf(5, 0), ping);
    QCOMPARE(timers.queueOf(5, 1), timeout);
    QList<int> queues, links;
    QCOMPARE(drain(timers, 50, &queues, &links), QList<quint32> { 5 });
    QCOMPARE(queues, QList<int> { timeout });
    QCOMPARE(links, QList<int> { 1 });
    QCOMPARE(timers.queueOf(5, 0), ping); // the other link is untouched
    // Moving link 0 to another queue takes it out of the first one.
    timers.arm(5, 0, timeout, 60);
    QCOMPARE(timers.size(ping), 0);
    QCOMPARE(timers.size(timeout), 1);
    timers.disarmAll(5);
    QCOMPARE(timers.size(timeout), 0);
}

void tst_TimerQueues::queuesMergeByDeadline()
{
    TimerQueues timers;
    const int slow = timers.createQueue(100);
    const int fast = timers.createQueue(10);
    timers.arm(1, 0, slow, 0); // 100
    timers.arm(2, 0, fast, 50); // 60
    timers.arm(3, 0, fast, 95); // 105
    QCOMPARE(drain(timers, 200), (QList<quint32> { 2, 1, 3 }));
}

void tst_TimerQueues::setDuration()
{
    TimerQueues timers;
    const int q = timers.createQueue(100);
    timers.arm(1, 0, q, 0);
    timers.setDuration(q, 10);
    QCOMPARE(timers.deadline(1, 0), 10);
    timers.arm(2, 0, q, 5); // 15: order still holds
    QCOMPARE(drain(timers, 15), (QList<quint32> { 1, 2 }));
    QCOMPARE(timers.duration(q), 10);
}

void tst_TimerQueues::nextDeadline()
{
    TimerQueues timers;
    QCOMPARE(timers.nextDeadline(), TimerQueues::NoDeadline);
    const int a = timers.createQueue(100);
    const int b = timers.createQueue(20);
    timers.arm(1, 0, a, 0);
    QCOMPARE(timers.nextDeadline(), 100);
    timers.arm(2, 1, b, 10);
    QCOMPARE(timers.nextDeadline(), 30);
    timers.disarm(2, 1);
    QCOMPARE(timers.nextDeadline(), 100);
}

QTEST_APPLESS_MAIN(tst_TimerQueues)
#include "tst_timerqueues.moc"
