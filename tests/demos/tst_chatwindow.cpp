// The chat main window against a real smartsocket-chat-server (the program): joining, sending
// with the Enter key, delivery marks, a second window receiving, unread counts, the notices
// for validation and rate limiting, and the reconnection banner with its countdown.

#include "apptranslator.h"
#include "chatsession.h"
#include "chatwindow.h"
#include "demoserver.h"
#include "messagemodel.h"
#include "roomlistmodel.h"
#include "startdialog.h"
#include "userlistmodel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QtTest>

#include <memory>

using TestKit::DemoServer;

namespace {

/// One user: a session and its window.
struct User
{
    User(const QUrl &url, const QString &name, const QString &room = QStringLiteral("general"))
    {
        window = std::make_unique<ChatWindow>(&session, nullptr);
        session.joinRoom(room);
        session.start(url, name);
        window->show();
    }
    QLineEdit *input() const
    {
        return window->findChild<QLineEdit *>(QStringLiteral("messageInput"));
    }
    /// Types the text and presses Enter, as a user does.
    void type(const QString &text)
    {
        input()->setFocus();
        QTest::keyClicks(input(), text);
        QTest::keyClick(input(), Qt::Key_Return);
    }
    MessageModel *messages(const QString &room = QStringLiteral("general"))
    {
        return session.messages(room);
    }
    /// Row of the last message with this text, -1 when none.
    int rowOf(const QString &text, const QString &room = QStringLiteral("general"))
    {
        MessageModel *model = messages(room);
        for (int row = model->rowCount() - 1; row >= 0; --row) {
            if (model->index(row).data(MessageModel::TextRole).toString() == text)
                return row;
        }
        return -1;
    }
    int delivery(const QString &text)
    {
        const int row = rowOf(text);
        return row < 0 ? -1 : messages()->index(row).data(MessageModel::DeliveryRole).toInt();
    }

    ChatSession session;
    std::unique_ptr<ChatWindow> window;
};

} // namespace

class tst_ChatWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void conversation();
    void unreadCounts();
    void validationNotice();
    void rateLimitNotice();
    void reconnection();
    void startDialog();
    void commandLine();

private:
    AppTranslator m_translator;
};

void tst_ChatWindow::initTestCase()
{
    if (!DemoServer::isBuilt(QStringLiteral("smartsocket-chat-server")))
        QSKIP("smartsocket-chat-server not built");
    // English, whatever the machine's locale: the texts below are checked in English (and
    // its plural forms come from smartsocket_en.ts).
    QVERIFY(m_translator.setLanguage(QStringLiteral("en")));
}

void tst_ChatWindow::conversation()
{
    DemoServer server(QStringLiteral("smartsocket-chat-server"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    User alice(server.url(), QStringLiteral("alice"));
    QTRY_COMPARE(alice.session.state(), ChatSession::State::Connected);
    QTRY_COMPARE(alice.session.currentRoom(), QStringLiteral("general"));
    QVERIFY(alice.window->findChild<QLabel *>(QStringLiteral("roomHeader"))
                ->text()
                .contains(QStringLiteral("general")));
    QCOMPARE(alice.window->connectionText(), QString());

    User bob(server.url(), QStringLiteral("bob"));
    QTRY_COMPARE(bob.session.currentRoom(), QStringLiteral("general"));
    // Both windows list both users.
    QTRY_COMPARE(alice.session.users()->users(),
        QStringList({ QStringLiteral("alice"), QStringLiteral("bob") }));
    QCOMPARE(bob.session.users()->users(),
        QStringList({ QStringLiteral("alice"), QStringLiteral("bob") }));
    QListView *userView = alice.window->findChild<QListView *>(QStringLiteral("userView"));
    QCOMPARE(userView->model()->rowCount(), 2);

    alice.type(QStringLiteral("Hello Bob"));
    QCOMPARE(alice.input()->text(), QString()); // Enter sent it
    QVERIFY(alice.rowOf(QStringLiteral("Hello Bob")) >= 0);
    QTRY_COMPARE(alice.delivery(QStringLiteral("Hello Bob")), int(MessageModel::Delivered));
    QTRY_VERIFY(bob.rowOf(QStringLiteral("Hello Bob")) >= 0);
    const QModelIndex received = bob.messages()->index(bob.rowOf(QStringLiteral("Hello Bob")));
    QCOMPARE(received.data(MessageModel::FromRole).toString(), QStringLiteral("alice"));
    QCOMPARE(received.data(MessageModel::OwnRole).toBool(), false);
    // Bob's window shows it.
    QListView *bobView = bob.window->findChild<QListView *>(QStringLiteral("messageView"));
    QCOMPARE(bobView->model(), bob.messages());

    bob.window->findChild<QLineEdit *>(QStringLiteral("messageInput"))
        ->setText(QStringLiteral("Hi Alice"));
    QTest::mouseClick(
        bob.window->findChild<QPushButton *>(QStringLiteral("sendButton")), Qt::LeftButton);
    QTRY_VERIFY(alice.rowOf(QStringLiteral("Hi Alice")) >= 0);
    QCOMPARE(alice.rowOf(QStringLiteral("Hello Bob")), alice.rowOf(QStringLiteral("Hi Alice")) - 1);

    // Bob leaves: Alice's list follows.
    bob.session.leaveRoom(QStringLiteral("general"));
    QTRY_COMPARE(alice.session.users()->users(), QStringList { QStringLiteral("alice") });
    QCOMPARE(bob.session.currentRoom(), QString());
    QVERIFY(!bob.window->findChild<QLineEdit *>(QStringLiteral("messageInput"))->isEnabled());
}

void tst_ChatWindow::unreadCounts()
{
    DemoServer server(QStringLiteral("smartsocket-chat-server"));
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    User alice(server.url(), QStringLiteral("alice"));
    QTRY_COMPARE(alice.session.currentRoom(), QStringLiteral("general"));
    alice.session.joinRoom(QStringLiteral("random"));
    QTRY_COMPARE(alice.session.currentRoom(), QStringLiteral("random")); // the room just joined
    alice.session.setCurrentRoom(QStringLiteral("general"));

    User bob(server.url(), QStringLiteral("bob"), QStringLiteral("random"));
    QTRY_COMPARE(bob.session.currentRoom(), QStringLiteral("random"));
    bob.type(QStringLiteral("one"));
    bob.type(QStringLiteral("two"));
    RoomListModel *rooms = alice.session.rooms();
    QTRY_COMPARE(rooms->unread(QStringLiteral("random")), 2);
    QCOMPARE(rooms->unread(QStringLiteral("general")), 0);
    QVERIFY(rooms->index(rooms->rowOf(QStringLiteral("random")))
                .data()
                .toString()
                .contains(QLatin1Char('2')));
    // Opening the room reads it.
    QListView *roomView = alice.window->findChild<QListView *>(QStringLiteral("roomView"));
    roomView->setCurrentIndex(rooms->index(rooms->rowOf(QStringLiteral("random"))));
    QCOMPARE(alice.session.currentRoom(), QStringLiteral("random"));
    QCOMPARE(rooms->unread(QStringLiteral("random")), 0);
    QCOMPARE(alice.window->findChild<QListView *>(QStringLiteral("messageView"))->model(),
        alice.session.messages(QStringLiteral("random")));
}

void tst_ChatWindow::validationNotice()
{
    DemoServer server(QStringLiteral("smartsocket-chat-server"),
        { QStringLiteral("--max-message-length"), QStringLiteral("20") });
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    User alice(server.url(), QStringLiteral("alice"));
    QTRY_COMPARE(alice.session.currentRoom(), QStringLiteral("general"));
    QCOMPARE(alice.window->noticeText(), QString());
    const QString tooLong(30, QLatin1Char('x'));
    alice.type(tooLong);
    QTRY_COMPARE(alice.delivery(tooLong), int(MessageModel::Failed));
    QVERIFY2(alice.window->noticeText().contains(QStringLiteral("too long")),
        qPrintable(alice.window->noticeText()));
    alice.type(QStringLiteral("   "));
    QTRY_VERIFY(alice.window->noticeText().contains(QStringLiteral("Empty message")));
}

void tst_ChatWindow::rateLimitNotice()
{
    DemoServer server(QStringLiteral("smartsocket-chat-server"),
        { QStringLiteral("--message-rate"), QStringLiteral("2:60000") });
    QVERIFY2(server.start(), qPrintable(server.errorString()));
    User alice(server.url(), QStringLiteral("alice"));
    QTRY_COMPARE(alice.session.currentRoom(), QStringLiteral("general"));
    alice.type(QStringLiteral("1"));
    alice.type(QStringLiteral("2"));
    alice.type(QStringLiteral("3"));
    QTRY_COMPARE(alice.delivery(QStringLiteral("3")), int(MessageModel::Failed));
    QCOMPARE(alice.delivery(QStringLiteral("1")), int(MessageModel::Delivered));
    QVERIFY2(alice.window->noticeText().contains(QStringLiteral("too fast")),
        qPrintable(alice.window->noticeText()));
    // A minute's wait, in whole seconds.
    QVERIFY2(alice.window->noticeText().contains(QStringLiteral("60 seconds")),
        qPrintable(alice.window->noticeText()));
}

void tst_ChatWindow::reconnection()
{
    auto server = std::make_unique<DemoServer>(QStringLiteral("smartsocket-chat-server"));
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    const QString port = QString::number(server->port());
    User alice(server->url(), QStringLiteral("alice"));
    QTRY_COMPARE(alice.session.currentRoom(), QStringLiteral("general"));

    QCOMPARE(server->terminate(), 0);
    server.reset();
    QTRY_COMPARE(alice.session.state(), ChatSession::State::Reconnecting);
    QVERIFY2(alice.window->connectionText().contains(QStringLiteral("Reconnecting in")),
        qPrintable(alice.window->connectionText()));
    // The countdown follows the client's backoff (1 s, 2 s, 4 s, ...); it shows at most 8 s.
    QVERIFY(alice.session.reconnectSecondsLeft() >= 0 && alice.session.reconnectSecondsLeft() <= 8);
    // A message typed offline waits, then goes out once the connection is back.
    alice.type(QStringLiteral("while offline"));
    QCOMPARE(alice.delivery(QStringLiteral("while offline")), int(MessageModel::Pending));
    // At least one attempt fails (nothing listens), and the banner says which.
    QTRY_VERIFY_WITH_TIMEOUT(alice.session.reconnectAttempt() >= 1, 5000);

    server = std::make_unique<DemoServer>(
        QStringLiteral("smartsocket-chat-server"), QStringList { QStringLiteral("--port"), port });
    QVERIFY2(server->start(), qPrintable(server->errorString()));
    QTRY_COMPARE_WITH_TIMEOUT(alice.session.state(), ChatSession::State::Connected, 20000);
    QCOMPARE(alice.window->connectionText(), QString());
    // The room was joined again and the waiting message delivered.
    QTRY_COMPARE(alice.session.users()->users(), QStringList { QStringLiteral("alice") });
    QTRY_COMPARE(alice.delivery(QStringLiteral("while offline")), int(MessageModel::Delivered));
}

void tst_ChatWindow::startDialog()
{
    StartDialog dialog;
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("userName"));
    auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("serverUrl"));
    QVERIFY(!ok->isEnabled()); // no name yet
    QTest::keyClicks(name, QStringLiteral("  alice "));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.userName(), QStringLiteral("alice"));
    for (const QString &bad :
        { QStringLiteral("ftp://host:1"), QStringLiteral("ws://"), QStringLiteral("not a url") }) {
        url->setText(bad);
        QVERIFY2(!ok->isEnabled(), qPrintable(bad));
    }
    url->setText(QStringLiteral("wss://chat.example:443"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.serverUrl(), QUrl(QStringLiteral("wss://chat.example:443")));
}

void tst_ChatWindow::commandLine()
{
    const QString chat = DemoServer::binary(QStringLiteral("smartsocket-chat"));
    if (!QFileInfo(chat).isExecutable())
        QSKIP("smartsocket-chat not built");
    for (const QStringList &arguments :
        { QStringList { QStringLiteral("--lang"), QStringLiteral("xx") },
            QStringList { QStringLiteral("--url"), QStringLiteral("ftp://host:1"),
                QStringLiteral("--user"), QStringLiteral("alice") } }) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(chat, arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
        QVERIFY(!process.readAllStandardError().isEmpty());
    }
}

QTEST_MAIN(tst_ChatWindow)
#include "tst_chatwindow.moc"
