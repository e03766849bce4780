// The chat client's models (smartsocket_chatmodels) under QAbstractItemModelTester, and what
// each promises: delivery states, history that keeps unsent messages, unread counts, room
// lists merged with the rooms joined.

#include "messagemodel.h"
#include "roomlistmodel.h"
#include "userlistmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

class tst_ChatModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void messageDelivery();
    void messageHistoryKeepsUnsent();
    void messageDuplicatesIgnored();
    void roomList();
    void unreadCounts();
    void userList();
};

void tst_ChatModels::messageDelivery()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int first = model.appendPending(QStringLiteral("alice"), QStringLiteral("one"));
    const int second = model.appendPending(QStringLiteral("alice"), QStringLiteral("two"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.delivery(first), MessageModel::Pending);
    QVERIFY(model.index(0).data(MessageModel::OwnRole).toBool());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const QDateTime serverTime = QDateTime::fromMSecsSinceEpoch(1700000000000);
    model.markDelivered(first, 7, serverTime);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 0);
    QCOMPARE(model.delivery(first), MessageModel::Delivered);
    QCOMPARE(model.index(0).data(MessageModel::ServerIdRole).toLongLong(), 7);
    QCOMPARE(model.index(0).data(MessageModel::TimestampRole).toDateTime(), serverTime);

    model.markFailed(second, QStringLiteral("too many messages"));
    QCOMPARE(model.delivery(second), MessageModel::Failed);
    QCOMPARE(model.index(1).data(MessageModel::ErrorRole).toString(),
        QStringLiteral("too many messages"));
    QVERIFY(model.index(1)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("too many messages")));
    // Unknown ids change nothing.
    model.markDelivered(999, 1, serverTime);
    QCOMPARE(changed.count(), 2);

    model.appendEvent(QStringLiteral("bob joined"));
    model.appendNotice(QStringLiteral("careful"));
    QCOMPARE(model.index(2).data(MessageModel::KindRole).toInt(), int(MessageModel::RoomEvent));
    QCOMPARE(model.index(3).data(MessageModel::KindRole).toInt(), int(MessageModel::Notice));
    QVERIFY(!model.index(2).data(MessageModel::OwnRole).toBool());
}

void tst_ChatModels::messageHistoryKeepsUnsent()
{
    MessageModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.appendMessage(
        { { QStringLiteral("id"), 1 }, { QStringLiteral("from"), QStringLiteral("bob") },
            { QStringLiteral("text"), QStringLiteral("old") } });
    const int pending
        = model.appendPending(QStringLiteral("alice"), QStringLiteral("typed offline"));
    const QVariantList history {
        QVariantMap { { QStringLiteral("id"), 1 },
            { QStringLiteral("from"), QStringLiteral("bob") },
            { QStringLiteral("text"), QStringLiteral("old") },
            { QStringLiteral("timestamp"), 1000 } },
        QVariantMap { { QStringLiteral("id"), 2 },
            { QStringLiteral("from"), QStringLiteral("alice") },
            { QStringLiteral("text"), QStringLiteral("mine") },
            { QStringLiteral("timestamp"), 2000 } },
    };
    model.setHistory(history, QStringLiteral("alice"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0).data(MessageModel::TextRole).toString(), QStringLiteral("old"));
    QCOMPARE(model.index(1).data(MessageModel::DeliveryRole).toInt(), int(MessageModel::Delivered));
    QCOMPARE(
        model.index(2).data(MessageModel::TextRole).toString(), QStringLiteral("typed offline"));
    QCOMPARE(model.rowOfLocalId(pending), 2);
    QCOMPARE(model.delivery(pending), MessageModel::Pending);
}

void tst_ChatModels::messageDuplicatesIgnored()
{
    MessageModel model;
    const QVariantMap message { { QStringLiteral("id"), 5 },
        { QStringLiteral("from"), QStringLiteral("bob") },
        { QStringLiteral("text"), QStringLiteral("once") } };
    model.appendMessage(message);
    model.appendMessage(message);
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(model.index(0).data().toString().contains(QStringLiteral("bob: once")));
}

void tst_ChatModels::roomList()
{
    RoomListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto room = [](const QString &name, int users) {
        return QVariantMap { { QStringLiteral("name"), name }, { QStringLiteral("users"), users } };
    };
    model.setRooms({ room(QStringLiteral("random"), 0), room(QStringLiteral("general"), 2) });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.nameAt(0), QStringLiteral("general")); // sorted
    QCOMPARE(model.index(0).data(RoomListModel::UsersRole).toInt(), 2);

    model.setJoined(QStringLiteral("mine"), true);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.nameAt(1), QStringLiteral("mine"));
    // A room joined stays when the server's list lacks it; others not listed go.
    model.setRooms({ room(QStringLiteral("general"), 3) });
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("random")), -1);
    QVERIFY(model.isJoined(QStringLiteral("mine")));
    QCOMPARE(model.joinedRooms(), QStringList { QStringLiteral("mine") });
    model.setJoined(QStringLiteral("mine"), false);
    QVERIFY(!model.isJoined(QStringLiteral("mine")));
}

void tst_ChatModels::unreadCounts()
{
    RoomListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setJoined(QStringLiteral("general"), true);
    model.addUnread(QStringLiteral("general"));
    model.addUnread(QStringLiteral("general"));
    QCOMPARE(model.unread(QStringLiteral("general")), 2);
    const QModelIndex index = model.index(0);
    QCOMPARE(index.data(RoomListModel::UnreadRole).toInt(), 2);
    QVERIFY2(
        index.data().toString().contains(QLatin1Char('2')), qPrintable(index.data().toString()));
    QVERIFY(index.data(Qt::FontRole).value<QFont>().bold());
    model.clearUnread(QStringLiteral("general"));
    QCOMPARE(index.data().toString(), QStringLiteral("general"));
    QVERIFY(!index.data(Qt::FontRole).value<QFont>().bold());
    // Unknown rooms are ignored.
    model.addUnread(QStringLiteral("nowhere"));
    QCOMPARE(model.rowCount(), 1);
}

void tst_ChatModels::userList()
{
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSelfName(QStringLiteral("alice"));
    model.setUsers({ QStringLiteral("alice"), QStringLiteral("bob") });
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.index(0).data(UserListModel::IsSelfRole).toBool());
    QVERIFY(model.index(0).data().toString() != QStringLiteral("alice")); // marked as oneself
    QCOMPARE(model.index(1).data().toString(), QStringLiteral("bob"));
    model.setUsers({});
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(tst_ChatModels)
#include "tst_chatmodels.moc"
