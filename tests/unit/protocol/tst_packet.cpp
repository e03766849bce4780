#include "protocol/packet.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace SmartSocket::Protocol;

class tst_Packet : public QObject
{
    Q_OBJECT

private slots:
    void reservedNames_data();
    void reservedNames();
    void generateId();
    void defaults();
};

void tst_Packet::reservedNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("reserved");
    QTest::newRow("connect") << "connect" << true;
    QTest::newRow("connect_error") << "connect_error" << true;
    QTest::newRow("disconnect") << "disconnect" << true;
    QTest::newRow("disconnecting") << "disconnecting" << true;
    QTest::newRow("newListener") << "newListener" << true;
    QTest::newRow("removeListener") << "removeListener" << true;
    QTest::newRow("empty") << "" << false;
    QTest::newRow("message") << "message" << false;
    QTest::newRow("case differs") << "Connect" << false;
    QTest::newRow("same length as connect") << "connecx" << false;
    QTest::newRow("same length as disconnecting") << "connect_errox" << false;
    QTest::newRow("prefix") << "connec" << false;
    QTest::newRow("suffix") << "disconnected" << false;
    QTest::newRow("error") << "error" << false;
    QTest::newRow("connection") << "connection" << false;
}

void tst_Packet::reservedNames()
{
    QFETCH(QString, name);
    QFETCH(bool, reserved);
    QCOMPARE(isReservedEventName(name), reserved);
}

void tst_Packet::generateId()
{
    const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_-]{20}$"));
    QSet<QString> seen;
    for (int i = 0; i < 2000; ++i) {
        const QString id = SmartSocket::Protocol::generateId();
        QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 2000);
}

void tst_Packet::defaults()
{
    const Packet p;
    QCOMPARE(p.type, PacketType::Event);
    QCOMPARE(p.nsp, QStringLiteral("/"));
    QCOMPARE(p.id, qint64(-1));
    QVERIFY(!p.data.isValid());
}

QTEST_GUILESS_MAIN(tst_Packet)
#include "tst_packet.moc"
