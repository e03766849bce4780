// RedisAdapterMessage against bytes @socket.io/redis-adapter 8.3.0 published
// (data/redis-adapter-8.json, recorded by data/record-redis-adapter.js).

#include "cluster/redisadaptermessage.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QtTest>

using SmartSocket::Cluster::RedisAdapterMessage;
using Message = RedisAdapterMessage::BroadcastMessage;
Q_DECLARE_METATYPE(Message)

class tst_RedisAdapterMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void broadcastFromNode_data();
    void broadcastFromNode();
    void requestsFromNode_data();
    void requestsFromNode();
    void channels();
    void malformedBroadcast_data();
    void malformedBroadcast();

private:
    QHash<QString, QJsonObject> m_cases;
};

void tst_RedisAdapterMessage::initTestCase()
{
    QFile f(QStringLiteral(SMARTSOCKET_CLUSTER_DATA "/redis-adapter-8.json"));
    QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(f.fileName()));
    const QJsonObject doc = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(doc.value(QStringLiteral("version")).toString().left(2), QStringLiteral("8."));
    const QJsonArray cases = doc.value(QStringLiteral("cases")).toArray();
    for (const QJsonValue &c : cases)
        m_cases.insert(c.toObject().value(QStringLiteral("name")).toString(), c.toObject());
    QCOMPARE(m_cases.size(), 8);
}

void tst_RedisAdapterMessage::broadcastFromNode_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Message>("expected");
    const QString uid = QStringLiteral("abc123");
    const QString nsp = QStringLiteral("/chat");
    Message all { uid, 2,
        { QStringLiteral("hello"), qint64(1), QStringLiteral("two"),
            QVariantMap {
                { QStringLiteral("a"), QVariantList { true, QVariant::fromValue(nullptr) } },
                { QStringLiteral("b"), 1.5 } } },
        nsp, {}, {}, {} };
    QTest::newRow("all") << QStringLiteral("broadcast-all") << all;
    Message room { uid, 2, { QStringLiteral("news"), QStringLiteral("x") }, nsp,
        { QStringLiteral("room1") }, { QStringLiteral("sid-xyz") },
        { { QStringLiteral("volatile"), true } } };
    QTest::newRow("one room") << QStringLiteral("broadcast-one-room") << room;
    Message bin { uid, 2,
        { QStringLiteral("bin"), QByteArray("\x00\x01\x02\xff", 4), qint64(-7),
            qint64(4294967296) },
        nsp, { QStringLiteral("r1"), QStringLiteral("r2") }, {},
        { { QStringLiteral("compress"), true }, { QStringLiteral("timeout"), qint64(5000) } } };
    QTest::newRow("binary, two rooms") << QStringLiteral("broadcast-rooms-binary") << bin;
    Message undef { uid, 2, { QStringLiteral("u"), QVariantMap() }, nsp, {}, {}, {} };
    QTest::newRow("undefined key dropped") << QStringLiteral("broadcast-undefined") << undef;
}

void tst_RedisAdapterMessage::broadcastFromNode()
{
    QFETCH(QString, name);
    QFETCH(Message, expected);
    const QJsonObject c = m_cases.value(name);
    const QByteArray bytes
        = QByteArray::fromHex(c.value(QStringLiteral("hex")).toString().toLatin1());
    QString error;
    const auto m = RedisAdapterMessage::decodeBroadcast(bytes, &error);
    QVERIFY2(m, qPrintable(error));
    QCOMPARE(m->uid, expected.uid);
    QCOMPARE(m->packetType, expected.packetType);
    QCOMPARE(m->data, expected.data);
    QCOMPARE(m->nsp, expected.nsp);
    QCOMPARE(m->rooms, expected.rooms);
    QCOMPARE(m->except, expected.except);
    QCOMPARE(m->flags, expected.flags);
    // And we write the same bytes the Node adapter wrote, on the same channel.
    QCOMPARE(RedisAdapterMessage::encodeBroadcast(expected).toHex(), bytes.toHex());
    QCOMPARE(QString::fromUtf8(RedisAdapterMessage::broadcastChannel(
                 QStringLiteral("socket.io"), expected.nsp, expected.rooms)),
        c.value(QStringLiteral("channel")).toString());
}

void tst_RedisAdapterMessage::requestsFromNode_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("type");
    QTest::addColumn<QVariantMap>("fields");
    QTest::newRow("join") << QStringLiteral("sockets-join") << int(RedisAdapterMessage::RemoteJoin)
                          << QVariantMap { { QStringLiteral("rooms"),
                                 QVariantList { QStringLiteral("vip"), QStringLiteral("gold") } } };
    QTest::newRow("leave") << QStringLiteral("sockets-leave")
                           << int(RedisAdapterMessage::RemoteLeave)
                           << QVariantMap { { QStringLiteral("rooms"),
                                  QVariantList { QStringLiteral("vip") } } };
    QTest::newRow("disconnect") << QStringLiteral("disconnect-sockets")
                                << int(RedisAdapterMessage::RemoteDisconnect)
                                << QVariantMap { { QStringLiteral("close"), true } };
    QTest::newRow("server-side emit")
        << QStringLiteral("server-side-emit") << int(RedisAdapterMessage::ServerSideEmit)
        << QVariantMap { { QStringLiteral("data"),
               QVariantList {
                   QStringLiteral("ping"), QVariantMap { { QStringLiteral("n"), 1.0 } } } } };
}

void tst_RedisAdapterMessage::requestsFromNode()
{
    QFETCH(QString, name);
    QFETCH(int, type);
    QFETCH(QVariantMap, fields);
    const QJsonObject c = m_cases.value(name);
    QCOMPARE(c.value(QStringLiteral("channel")).toString(),
        QString::fromUtf8(RedisAdapterMessage::requestChannel(
            QStringLiteral("socket.io"), QStringLiteral("/chat"))));
    QString error;
    const QVariantMap r = RedisAdapterMessage::decodeRequest(
        QByteArray::fromHex(c.value(QStringLiteral("hex")).toString().toLatin1()), &error);
    QVERIFY2(!r.isEmpty(), qPrintable(error));
    QCOMPARE(r.value(QStringLiteral("type")).toInt(), type);
    QCOMPARE(r.value(QStringLiteral("uid")).toString(), QStringLiteral("abc123"));
    for (auto it = fields.cbegin(); it != fields.cend(); ++it)
        QCOMPARE(r.value(it.key()), it.value());
}

void tst_RedisAdapterMessage::channels()
{
    const QString key = QStringLiteral("socket.io");
    QCOMPARE(RedisAdapterMessage::broadcastChannel(key, QStringLiteral("/")),
        QByteArray("socket.io#/#"));
    QCOMPARE(RedisAdapterMessage::broadcastChannel(
                 key, QStringLiteral("/"), { QStringLiteral("a"), QStringLiteral("b") }),
        QByteArray("socket.io#/#"));
    QCOMPARE(RedisAdapterMessage::responseChannel(key, QStringLiteral("/")),
        QByteArray("socket.io-response#/#"));
    const QString id = RedisAdapterMessage::randomId();
    QCOMPARE(id.size(), 6);
    QVERIFY(id != RedisAdapterMessage::randomId());
}

void tst_RedisAdapterMessage::malformedBroadcast_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::newRow("not msgpack") << QByteArray("c1");
    QTest::newRow("not an array") << QByteArray("a3616263");
    QTest::newRow("two elements") << QByteArray("92a3616263"
                                                "80");
    QTest::newRow("packet not a map") << QByteArray("93a361626301"
                                                    "80");
    QTest::newRow("data not an array") << QByteArray("93a3616263"
                                                     "82a47479706502a464617461a178"
                                                     "80");
    QTest::newRow("rooms not a list") << QByteArray("93a3616263"
                                                    "82a47479706502a46461746190"
                                                    "81a5726f6f6d73a178");
}

void tst_RedisAdapterMessage::malformedBroadcast()
{
    QFETCH(QByteArray, hex);
    QString error;
    QVERIFY(!RedisAdapterMessage::decodeBroadcast(QByteArray::fromHex(hex), &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(tst_RedisAdapterMessage)
#include "tst_redisadaptermessage.moc"
