// RedisConnection on a real redis-server: pub/sub both ways, commands, and what happens when
// Redis is unreachable or restarts (backoff, one error per outage, resubscription).

#include "cluster/redisconnection.h"

#include "redisprocess.h"
#include "redistestenv.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest/QtTest>

using SmartSocket::Cluster::RedisConnection;
using SmartSocket::Cluster::RedisReply;

class tst_RedisConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pubSub();
    void numsub();
    void invalidUrl();
    void unreachableReportsOnceAndBacksOff();
    void redisRestart();
};

void tst_RedisConnection::pubSub()
{
    REQUIRE_REDIS();
    RedisConnection a(RedisTestEnv::redisUrl());
    RedisConnection b(RedisTestEnv::redisUrl());
    QSignalSpy readyA(&a, &RedisConnection::ready);
    QSignalSpy readyB(&b, &RedisConnection::ready);
    QSignalSpy messages(&a, &RedisConnection::messageReceived);
    a.psubscribe("tst-conn#*");
    a.subscribe("tst-conn-plain");
    a.open();
    b.open();
    QTRY_COMPARE(readyA.size(), 1);
    QTRY_COMPARE(readyB.size(), 1);
    // The subscription is sent before ready(); PUBLISH from b is ordered after it by Redis
    // only once Redis has processed it: ask Redis until one subscriber is counted.
    const QByteArray payload("\x93\x00\xff binary", 10);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            b.publish("tst-conn#room#", payload);
            return messages.size() > 0;
        }(),
        5000);
    QCOMPARE(messages.first().at(0).toByteArray(), QByteArray("tst-conn#room#"));
    QCOMPARE(messages.first().at(1).toByteArray(), payload);
    // Redis keeps one publisher's order: once "sync" is in, every earlier retry is too.
    QVERIFY(b.publish("tst-conn-plain", "sync"));
    QTRY_COMPARE(messages.last().at(1).toByteArray(), QByteArray("sync"));
    QCOMPARE(messages.last().at(0).toByteArray(), QByteArray("tst-conn-plain"));
    messages.clear();
    QVERIFY(b.publish("tst-other", "y")); // not subscribed: must not arrive
    QVERIFY(b.publish("tst-conn-plain", "z"));
    QTRY_COMPARE(messages.size(), 1);
    QCOMPARE(messages.last().at(1).toByteArray(), QByteArray("z"));
}

void tst_RedisConnection::numsub()
{
    REQUIRE_REDIS();
    RedisConnection a(RedisTestEnv::redisUrl());
    QSignalSpy ready(&a, &RedisConnection::ready);
    a.subscribe("tst-numsub-channel");
    a.open();
    QTRY_COMPARE(ready.size(), 1);
    qint64 count = -1;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            a.command({ "PUBSUB", "NUMSUB", "tst-numsub-channel" }, [&](const RedisReply &r) {
                if (r.ok && r.elements.size() == 2)
                    count = r.elements.at(1).integer;
            });
            QTest::qWait(20);
            return count == 1;
        }(),
        5000);
    bool gotError = false;
    QVERIFY(a.command(
        { "NOSUCHCOMMAND" }, [&](const RedisReply &r) { gotError = !r.ok && !r.error.isEmpty(); }));
    QTRY_VERIFY(gotError);
}

void tst_RedisConnection::invalidUrl()
{
    RedisConnection c(QUrl(QStringLiteral("http://x:1")));
    QSignalSpy errors(&c, &RedisConnection::errorOccurred);
    QVERIFY(!c.isValidUrl());
    c.open();
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("URL")));
    QVERIFY(!c.publish("a", "b"));
}

void tst_RedisConnection::unreachableReportsOnceAndBacksOff()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port nobody listens on (refused at once)
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    RedisConnection c(QUrl(QStringLiteral("redis://127.0.0.1:%1").arg(port)));
    c.retryDelay = 20;
    c.maxRetryDelay = 80;
    QSignalSpy errors(&c, &RedisConnection::errorOccurred);
    // The event loop keeps turning while it retries: a 10 ms timer must tick on time.
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&] { ++ticks; });
    ticker.start(10);
    QElapsedTimer clock;
    clock.start();
    c.open();
    QTRY_VERIFY_WITH_TIMEOUT(c.failedAttempts() >= 6, 5000);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(errors.size(), 1); // one outage, one report
    QVERIFY(!c.isReady());
    // Backoff: 6 attempts at 20, 40, 80, 80, 80 ms (±20%) take at least ~0.2 s, not 6 spins.
    QVERIFY2(elapsed >= 200, qPrintable(QString::number(elapsed)));
    QVERIFY2(ticks >= elapsed / 10 / 3,
        qPrintable(QStringLiteral("%1 ticks in %2 ms").arg(ticks).arg(elapsed)));
}

void tst_RedisConnection::redisRestart()
{
    if (RedisProcess::executable().isEmpty())
        SMARTSOCKET_SKIP_OR_FAIL("redis-server not installed (scripts/setup.sh installs it)");
    RedisProcess redis;
    QVERIFY(redis.start());
    RedisConnection sub(redis.url());
    RedisConnection pub(redis.url());
    sub.retryDelay = pub.retryDelay = 20;
    sub.maxRetryDelay = pub.maxRetryDelay = 200;
    QSignalSpy ready(&sub, &RedisConnection::ready);
    QSignalSpy errors(&sub, &RedisConnection::errorOccurred);
    QSignalSpy messages(&sub, &RedisConnection::messageReceived);
    sub.psubscribe("restart#*");
    sub.open();
    pub.open();
    QTRY_COMPARE(ready.size(), 1);
    QTRY_VERIFY(pub.isReady());
    QTRY_VERIFY_WITH_TIMEOUT((pub.publish("restart#a#", "1"), messages.size() > 0), 5000);

    redis.stop();
    QTRY_COMPARE(errors.size(), 1);
    QVERIFY(!pub.publish("restart#a#", "lost")); // refused while down, not queued
    QTRY_VERIFY_WITH_TIMEOUT(sub.failedAttempts() >= 3, 5000); // it keeps trying...
    QCOMPARE(errors.size(), 1); // ...and reported the outage once

    QVERIFY(redis.start());
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 2, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(pub.isReady(), 5000);
    QCOMPARE(sub.failedAttempts(), 0);
    messages.clear();
    // Resubscribed by itself: a new publish arrives.
    QTRY_VERIFY_WITH_TIMEOUT((pub.publish("restart#b#", "2"), messages.size() > 0), 5000);
    QCOMPARE(messages.first().at(0).toByteArray(), QByteArray("restart#b#"));
    QCOMPARE(errors.size(), 1);
}

QTEST_GUILESS_MAIN(tst_RedisConnection)
#include "tst_redisconnection.moc"
