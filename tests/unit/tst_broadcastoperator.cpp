#include <smartsocket/broadcastoperator.h>

#include <QtTest>

using SmartSocket::BroadcastOperator;

class tst_BroadcastOperator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildersReturnCopies()
    {
        const BroadcastOperator base(nullptr);
        const BroadcastOperator red = base.to(QStringLiteral("red"));
        const BroadcastOperator redBlue = red.to(QStringLiteral("blue"));
        const BroadcastOperator notGreen = redBlue.except(QStringLiteral("green"));

        QVERIFY(base.rooms().isEmpty());
        QCOMPARE(red.rooms(), QSet<QString> { QStringLiteral("red") });
        QCOMPARE(
            redBlue.rooms(), (QSet<QString> { QStringLiteral("red"), QStringLiteral("blue") }));
        QVERIFY(redBlue.exceptRooms().isEmpty());
        QCOMPARE(notGreen.exceptRooms(), QSet<QString> { QStringLiteral("green") });
        QCOMPARE(notGreen.rooms(), redBlue.rooms());
    }

    void inIsTo()
    {
        const BroadcastOperator op = BroadcastOperator(nullptr).in(QStringLiteral("x"));
        QCOMPARE(op.rooms(), QSet<QString> { QStringLiteral("x") });
    }

    void listOverloads()
    {
        const BroadcastOperator op
            = BroadcastOperator(nullptr)
                  .to(QStringList { QStringLiteral("a"), QStringLiteral("b") })
                  .except(QStringList { QStringLiteral("c"), QStringLiteral("a") });
        QCOMPARE(op.rooms().size(), 2);
        QCOMPARE(op.exceptRooms().size(), 2);
    }

    void withoutNamespaceNothingIsSent()
    {
        const BroadcastOperator op(nullptr);
        QCOMPARE(op.emitEvent(QStringLiteral("x"), { 1 }), 0);
        QVERIFY(op.sockets().isEmpty());
        op.disconnectSockets(); // no crash
    }
};

QTEST_APPLESS_MAIN(tst_BroadcastOperator)
#include "tst_broadcastoperator.moc"
