#include "session/heartbeat.h"

#include <QTest>

#include <limits>

using SmartSocket::Session::Heartbeat;

class tst_Heartbeat : public QObject
{
    Q_OBJECT

private slots:
    void frames();
    void clientTimeout_data();
    void clientTimeout();
};

void tst_Heartbeat::frames()
{
    QCOMPARE(Heartbeat::pingFrame(), QByteArrayView("2"));
    QCOMPARE(Heartbeat::pongFrame({}), QByteArray("3"));
    QCOMPARE(Heartbeat::pongFrame("probe"), QByteArray("3probe"));
}

void tst_Heartbeat::clientTimeout_data()
{
    constexpr int max = std::numeric_limits<int>::max();
    QTest::addColumn<int>("interval");
    QTest::addColumn<int>("timeout");
    QTest::addColumn<int>("expected");
    QTest::newRow("defaults") << 25000 << 20000 << 45000;
    QTest::newRow("zero") << 0 << 0 << 0;
    // An open packet may carry values up to INT_MAX: the sum must not wrap to a negative
    // (which QTimer would take as "fire at once").
    QTest::newRow("saturates") << max << max << max;
    QTest::newRow("just below") << max - 1 << 1 << max;
    QTest::newRow("negative ignored") << -5 << 100 << 100;
}

void tst_Heartbeat::clientTimeout()
{
    QFETCH(int, interval);
    QFETCH(int, timeout);
    QFETCH(int, expected);
    QCOMPARE(Heartbeat::clientTimeout(interval, timeout), expected);
}

QTEST_APPLESS_MAIN(tst_Heartbeat)
#include "tst_heartbeat.moc"
