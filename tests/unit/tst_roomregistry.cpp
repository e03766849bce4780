#include "cluster/roomregistry.h"

#include <QtTest>

using SmartSocket::Internal::RoomRegistry;

namespace {
struct Member
{
    QString id;
};
} // namespace

class tst_RoomRegistry : public QObject
{
    Q_OBJECT

private:
    Member a { QStringLiteral("A") }, b { QStringLiteral("B") }, c { QStringLiteral("C") },
        d { QStringLiteral("D") };
    RoomRegistry<Member> makeRegistry()
    {
        RoomRegistry<Member> r;
        for (Member *m : { &a, &b, &c, &d })
            r.add(m, m->id);
        r.join(&a, QStringLiteral("red"));
        r.join(&b, QStringLiteral("red"));
        r.join(&b, QStringLiteral("blue"));
        r.join(&c, QStringLiteral("blue"));
        return r;
    }
    static QString selected(
        const RoomRegistry<Member> &r, const QSet<QString> &rooms, const QSet<QString> &except)
    {
        QStringList ids;
        r.forEachSelected(rooms, except, [&](Member *m) { ids.append(m->id); });
        ids.sort();
        return ids.join(QLatin1Char(','));
    }

private Q_SLOTS:
    void selection_data()
    {
        QTest::addColumn<QStringList>("rooms");
        QTest::addColumn<QStringList>("except");
        QTest::addColumn<QString>("expected");
        QTest::newRow("everyone") << QStringList() << QStringList() << "A,B,C,D";
        QTest::newRow("one room") << QStringList { "red" } << QStringList() << "A,B";
        QTest::newRow("union, no duplicates")
            << QStringList { "red", "blue" } << QStringList() << "A,B,C";
        QTest::newRow("room minus room") << QStringList { "red" } << QStringList { "blue" } << "A";
        QTest::newRow("everyone minus room") << QStringList() << QStringList { "red" } << "C,D";
        QTest::newRow("socket id is a room") << QStringList { "D" } << QStringList() << "D";
        QTest::newRow("except a socket id") << QStringList() << QStringList { "A" } << "B,C,D";
        QTest::newRow("room and id") << QStringList { "blue", "A" } << QStringList { "C" } << "A,B";
        QTest::newRow("unknown room") << QStringList { "green" } << QStringList() << "";
        QTest::newRow("except unknown")
            << QStringList { "red" } << QStringList { "green" } << "A,B";
    }
    void selection()
    {
        QFETCH(QStringList, rooms);
        QFETCH(QStringList, except);
        QFETCH(QString, expected);
        const auto r = makeRegistry();
        QCOMPARE(selected(r, QSet<QString>(rooms.begin(), rooms.end()),
                     QSet<QString>(except.begin(), except.end())),
            expected);
    }

    void joinLeave()
    {
        auto r = makeRegistry();
        QVERIFY(!r.join(&a, QStringLiteral("red"))); // already in
        QVERIFY(r.leave(&a, QStringLiteral("red")));
        QVERIFY(!r.leave(&a, QStringLiteral("red")));
        QCOMPARE(r.roomsOf(&a), QSet<QString>());
        QVERIFY(r.isIn(&a, QStringLiteral("A"), QStringLiteral("A")));
        QVERIFY(!r.isIn(&a, QStringLiteral("A"), QStringLiteral("red")));
        QCOMPARE(r.roomsOf(&b), (QSet<QString> { QStringLiteral("red"), QStringLiteral("blue") }));
    }

    void emptyRoomsDisappear()
    {
        auto r = makeRegistry();
        r.leave(&c, QStringLiteral("blue"));
        r.leave(&b, QStringLiteral("blue"));
        QStringList rooms = r.rooms();
        QCOMPARE(rooms, QStringList { QStringLiteral("red") });
    }

    void removeClearsEverything()
    {
        auto r = makeRegistry();
        r.remove(&b, b.id);
        QCOMPARE(r.size(), 3);
        QCOMPARE(r.member(QStringLiteral("B")), nullptr);
        QCOMPARE(selected(r, { QStringLiteral("red") }, {}), QStringLiteral("A"));
        QCOMPARE(selected(r, { QStringLiteral("blue") }, {}), QStringLiteral("C"));
        QCOMPARE(selected(r, { QStringLiteral("B") }, {}), QString());
    }
};

QTEST_APPLESS_MAIN(tst_RoomRegistry)
#include "tst_roomregistry.moc"
