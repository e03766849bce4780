// Node's socket.io-client (npm, transports: websocket) against the demo server programs
// (smartsocket-chat-server, smartsocket-sync-server), one scenario of
// node/demo-scenarios.js per test; one of them chats with a SmartSocket client.

#include "clienthelpers.h"
#include "demoserver.h"
#include "nodeprocess.h"

#include <smartsocket/smartsocket.h>

#include <QtTest>

using TestKit::DemoServer;

class tst_DemosVsNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(m_dir + QStringLiteral("/node_modules/socket.io-client")))
            QSKIP("socket.io-client is not installed: run `npm ci --prefix tests/interop`");
        if (!DemoServer::isBuilt(QStringLiteral("smartsocket-chat-server")))
            QSKIP("the demo servers are not built (SMARTSOCKET_DEMOS=OFF?)");
    }

    void chat_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("rooms") << QStringLiteral("chat-rooms") << QStringList();
        QTest::newRow("validation") << QStringLiteral("chat-validation") << QStringList();
        QTest::newRow("rate limit")
            << QStringLiteral("chat-rate-limit")
            << QStringList { QStringLiteral("--message-rate"), QStringLiteral("2:60000") };
    }
    void chat()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, arguments);
        DemoServer server(QStringLiteral("smartsocket-chat-server"), arguments);
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString output = run(server, scenario);
        QVERIFY2(output.endsWith(QStringLiteral("PASS ") + scenario), qPrintable(output));
    }

    void chatWithQtClient()
    {
        DemoServer server(QStringLiteral("smartsocket-chat-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        SmartSocket::ClientOptions options;
        options.namespaceName = QStringLiteral("/chat");
        SmartSocket::Client qt(server.url(), options);
        QString heard;
        qt.on(QStringLiteral("message"), [&](const QVariantList &args) {
            const QVariantMap message = args.value(0).toMap();
            heard = message.value(QStringLiteral("from")).toString() + QStringLiteral(": ")
                + message.value(QStringLiteral("text")).toString();
            qt.emitEvent(QStringLiteral("send-message"),
                { QVariantMap { { QStringLiteral("text"), QStringLiteral("hello from qt") } } });
        });
        QVERIFY(TestKit::connectClient(qt));
        const auto joined = TestKit::ask(qt, QStringLiteral("join-room"),
            { QVariantMap { { QStringLiteral("room"), QStringLiteral("general") },
                { QStringLiteral("username"), QStringLiteral("qt") } } });
        QVERIFY(joined.value().toMap().value(QStringLiteral("joined")).toBool());

        const QString output = run(server, QStringLiteral("chat-with-qt"));
        QVERIFY2(output.endsWith(QStringLiteral("PASS chat-with-qt")), qPrintable(output));
        QCOMPARE(heard, QStringLiteral("node: hello from node"));
    }

    void sync()
    {
        if (!DemoServer::isBuilt(QStringLiteral("smartsocket-sync-server")))
            QSKIP("smartsocket-sync-server not built");
        DemoServer server(QStringLiteral("smartsocket-sync-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        const QString output = run(server, QStringLiteral("sync-state"));
        QVERIFY2(output.endsWith(QStringLiteral("PASS sync-state")), qPrintable(output));
    }

private:
    QString run(DemoServer &server, const QString &scenario)
    {
        return TestKit::runNodeScript(QStringLiteral(SMARTSOCKET_NODE), m_dir,
            m_dir + QStringLiteral("/node/demo-scenarios.js"),
            { server.url().toString(), scenario });
    }

    const QString m_dir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);
};

QTEST_GUILESS_MAIN(tst_DemosVsNode)
#include "tst_demos_vs_node.moc"
