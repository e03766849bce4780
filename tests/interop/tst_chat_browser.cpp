// The chat's browser page (demos/chat/web: socket.io-client's browser bundle) in headless
// Chromium (driven over the DevTools protocol by node/browser-page.js) against
// smartsocket-chat-server, chatting with a SmartSocket client. Skipped when Chromium, the
// page's bundle, the npm packages or the demos are missing.

#include "clienthelpers.h"
#include "demoserver.h"
#include "nodeprocess.h"

#include <smartsocket/smartsocket.h>

#include <QStandardPaths>
#include <QtTest>

using TestKit::DemoServer;

class tst_ChatBrowser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (m_chromium.isEmpty())
            QSKIP("chromium not installed (apt package chromium)");
        if (!QFileInfo::exists(m_interop + QStringLiteral("/node_modules/ws")))
            QSKIP("the npm packages are not installed: npm ci --prefix tests/interop");
        if (!QFileInfo::exists(m_page.filePath(QStringLiteral("socket.io.min.js"))))
            QSKIP("the page's socket.io-client bundle is missing: npm ci --prefix tests/interop, "
                  "then cmake again");
        if (!DemoServer::isBuilt(QStringLiteral("smartsocket-chat-server")))
            QSKIP("smartsocket-chat-server not built");
    }

    void browserAndQtClientChat()
    {
        DemoServer server(QStringLiteral("smartsocket-chat-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        SmartSocket::ClientOptions options;
        options.namespaceName = QStringLiteral("/chat");
        SmartSocket::Client qt(server.url(), options);
        QStringList heard;
        qt.on(QStringLiteral("message"), [&](const QVariantList &args) {
            const QVariantMap m = args.value(0).toMap();
            heard.append(m.value(QStringLiteral("from")).toString() + QStringLiteral(": ")
                + m.value(QStringLiteral("text")).toString());
        });
        QVERIFY(TestKit::connectClient(qt));
        QVERIFY(TestKit::ask(qt, QStringLiteral("join-room"),
            { QVariantMap { { QStringLiteral("room"), QStringLiteral("general") },
                { QStringLiteral("username"), QStringLiteral("qt") } } })
                    .value()
                    .toMap()
                    .value(QStringLiteral("joined"))
                    .toBool());
        QVERIFY(TestKit::ask(qt, QStringLiteral("send-message"),
            { QVariantMap { { QStringLiteral("text"), QStringLiteral("hello from qt") } } })
                    .value()
                    .toMap()
                    .value(QStringLiteral("sent"))
                    .toBool());

        // The page joins from its query, shows the room's history and says hello.
        QUrl page = QUrl::fromLocalFile(m_page.filePath(QStringLiteral("index.html")));
        page.setQuery(
            QStringLiteral("server=%1&user=browser&room=general&say=hello%20from%20the%20browser")
                .arg(server.url().toString()));
        // Real time, not --dump-dom's virtual time: the page waits for WebSocket answers.
        const QString dom = TestKit::runNodeScript(QStringLiteral(SMARTSOCKET_NODE), m_interop,
            m_interop + QStringLiteral("/node/browser-page.js"),
            { m_chromium, page.toString(),
                QStringLiteral("document.querySelector('.mark.delivered')") },
            90000);
        QVERIFY2(!dom.startsWith(QStringLiteral("FAIL")), qPrintable(dom));
        QTRY_COMPARE(heard, QStringList { QStringLiteral("browser: hello from the browser") });
        QVERIFY2(dom.contains(QStringLiteral("<span class=\"from\">qt</span>")), qPrintable(dom));
        QVERIFY2(dom.contains(QStringLiteral("<div class=\"text\">hello from qt</div>")),
            qPrintable(dom));
        QVERIFY2(dom.contains(QStringLiteral("<span class=\"mark delivered\">")), qPrintable(dom));
        QVERIFY2(dom.contains(QStringLiteral("Connected to ")), qPrintable(dom));
    }

private:
    QString m_chromium;
    const QString m_interop = QStringLiteral(SMARTSOCKET_INTEROP_DIR);
    const QDir m_page { QStringLiteral(SMARTSOCKET_CHAT_WEB_DIR) };
};

QTEST_GUILESS_MAIN(tst_ChatBrowser)
#include "tst_chat_browser.moc"
