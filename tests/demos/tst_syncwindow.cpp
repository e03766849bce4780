// The sync window against a real smartsocket-sync-server: it shows what another client
// changed, what is typed in it reaches the others, and a stale edit reloads the form.

#include "demoserver.h"
#include "syncsession.h"
#include "syncwindow.h"

#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSlider>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

#include <memory>

using TestKit::DemoServer;

namespace {

/// A TCP proxy for one connection to 127.0.0.1:target that can hold back what the server
/// sends (it is delivered, in order, once released).
class HoldingProxy : public QObject
{
public:
    explicit HoldingProxy(quint16 target) : m_target(target)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            m_client = m_server.nextPendingConnection();
            m_upstream = new QTcpSocket(this);
            m_upstream->connectToHost(QHostAddress::LocalHost, m_target);
            connect(m_client, &QTcpSocket::readyRead, this, [this] {
                m_toServer += m_client->readAll();
                pump();
            });
            connect(m_upstream, &QTcpSocket::connected, this, &HoldingProxy::pump);
            connect(m_upstream, &QTcpSocket::readyRead, this, [this] {
                m_toClient += m_upstream->readAll();
                pump();
            });
        });
    }
    bool listen() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    void setHolding(bool hold)
    {
        m_holding = hold;
        pump();
    }
    qsizetype heldBytes() const { return m_toClient.size(); }

private:
    void pump()
    {
        if (m_upstream && m_upstream->state() == QAbstractSocket::ConnectedState
            && !m_toServer.isEmpty())
            m_upstream->write(std::exchange(m_toServer, {}));
        if (m_client && !m_holding && !m_toClient.isEmpty())
            m_client->write(std::exchange(m_toClient, {}));
    }

    quint16 m_target;
    QTcpServer m_server;
    QTcpSocket *m_client = nullptr;
    QTcpSocket *m_upstream = nullptr;
    QByteArray m_toServer;
    QByteArray m_toClient;
    bool m_holding = false;
};

} // namespace

class tst_SyncWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!DemoServer::isBuilt(QStringLiteral("smartsocket-sync-server")))
            QSKIP("smartsocket-sync-server not built");
    }

    void windowsStayInSync()
    {
        DemoServer server(QStringLiteral("smartsocket-sync-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        SyncSession first;
        SyncWindow firstWindow(&first, nullptr);
        SyncSession second;
        SyncWindow secondWindow(&second, nullptr);
        first.start(server.url());
        second.start(server.url());
        firstWindow.show();
        secondWindow.show();
        QTRY_VERIFY(first.version() > 0 && second.version() > 0);
        auto *title = firstWindow.findChild<QLineEdit *>(QStringLiteral("title"));
        QCOMPARE(title->text(), QStringLiteral("Shared form"));
        QVERIFY(firstWindow.statusText().contains(QString::number(first.version())));

        // Typing in one window shows in the other.
        title->setFocus();
        title->selectAll();
        QTest::keyClicks(title, QStringLiteral("Trip"));
        QTRY_COMPARE(secondWindow.findChild<QLineEdit *>(QStringLiteral("title"))->text(),
            QStringLiteral("Trip"));
        auto *done = secondWindow.findChild<QCheckBox *>(QStringLiteral("done"));
        // On the box itself: a checkbox stretched by the form takes clicks on its box and text.
        QTest::mouseClick(done, Qt::LeftButton, {}, QPoint(8, done->height() / 2));
        QVERIFY(done->isChecked());
        QTRY_VERIFY(firstWindow.findChild<QCheckBox *>(QStringLiteral("done"))->isChecked());
        secondWindow.findChild<QSlider *>(QStringLiteral("progress"))->setValue(70);
        QTRY_COMPARE(firstWindow.findChild<QSlider *>(QStringLiteral("progress"))->value(), 70);
        QTRY_COMPARE(first.version(), second.version());
    }

    void reflectsAnotherClient()
    {
        DemoServer server(QStringLiteral("smartsocket-sync-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        SyncSession session;
        SyncWindow window(&session, nullptr);
        session.start(server.url());
        window.show();
        QTRY_VERIFY(session.version() > 0);

        SmartSocket::ClientOptions options;
        options.namespaceName = QStringLiteral("/sync");
        SmartSocket::Client other(server.url(), options);
        QVERIFY(TestKit::connectClient(other));
        const auto ack = TestKit::ask(other, QStringLiteral("update-state"),
            { QVariantMap { { QStringLiteral("version"), session.version() },
                { QStringLiteral("changes"),
                    QVariantMap {
                        { QStringLiteral("notes"), QStringLiteral("from another client") },
                        { QStringLiteral("progress"), 25 } } } } });
        QVERIFY(ack.value().toMap().value(QStringLiteral("success")).toBool());
        QTRY_COMPARE(window.findChild<QPlainTextEdit *>(QStringLiteral("notes"))->toPlainText(),
            QStringLiteral("from another client"));
        QCOMPARE(window.findChild<QSlider *>(QStringLiteral("progress"))->value(), 25);
        QCOMPARE(
            session.version(), ack.value().toMap().value(QStringLiteral("version")).toLongLong());
    }

    void staleEditReloads()
    {
        DemoServer server(QStringLiteral("smartsocket-sync-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        // The window talks through a proxy whose server-to-client direction the test can hold:
        // then the window cannot hear of another client's change before its own edit goes out.
        HoldingProxy proxy(server.port());
        QVERIFY(proxy.listen());
        SyncSession session;
        SyncWindow window(&session, nullptr);
        session.start(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(proxy.port())));
        window.show();
        QTRY_VERIFY(session.version() > 0);
        const qint64 seen = session.version();

        proxy.setHolding(true);
        SmartSocket::ClientOptions options;
        options.namespaceName = QStringLiteral("/sync");
        SmartSocket::Client other(server.url(), options);
        QVERIFY(TestKit::connectClient(other));
        const auto ack = TestKit::ask(other, QStringLiteral("update-state"),
            { QVariantMap { { QStringLiteral("version"), seen },
                { QStringLiteral("changes"),
                    QVariantMap { { QStringLiteral("title"), QStringLiteral("theirs") } } } } });
        QVERIFY(ack.value().toMap().value(QStringLiteral("success")).toBool());
        QCOMPARE(session.version(), seen); // held back

        window.findChild<QCheckBox *>(QStringLiteral("done"))->click(); // sent at once
        QTRY_VERIFY(proxy.heldBytes() > 0);
        proxy.setHolding(false);
        QTRY_VERIFY(!window.noticeText().isEmpty());
        QCOMPARE(session.version(), seen + 1);
        QCOMPARE(window.findChild<QLineEdit *>(QStringLiteral("title"))->text(),
            QStringLiteral("theirs"));
        QVERIFY(!window.findChild<QCheckBox *>(QStringLiteral("done"))->isChecked()); // reloaded
        QVERIFY(!session.hasPendingChanges());
    }
};

QTEST_MAIN(tst_SyncWindow)
#include "tst_syncwindow.moc"
