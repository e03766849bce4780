// The real Socket.IO Admin UI (the web UI shipped in @socket.io/admin-ui 0.5.1) in headless
// Chromium, logged in to our instrumented server through its connection form
// (tests/interop/node/admin-ui.js drives it over the DevTools protocol): our namespaces,
// sockets, rooms and server id must appear on its pages.
// SMARTSOCKET_ADMIN_UI_SCREENSHOT=file.png also saves a screenshot of its dashboard
// (docs/screenshots/admin-ui-smartsocket.png is made that way).
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "nodeprocess.h"

#include "testkit.h"

#include <QtTest>

#include <memory>

using namespace SmartSocket;

class tst_AdminUi : public QObject
{
    Q_OBJECT

    QString m_dir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);
    QString m_chromium;

    static std::unique_ptr<Client> connected(const Server &server, const QString &nsp)
    {
        ClientOptions o;
        o.namespaceName = nsp;
        o.multiplex = false;
        o.reconnection = false;
        auto client = std::make_unique<Client>(
            QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port())), o);
        if (!TestKit::connectClient(*client))
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestKit::NodeProcess::hasPackage(m_dir, QStringLiteral("@socket.io/admin-ui")))
            SMARTSOCKET_SKIP_OR_FAIL(
                "@socket.io/admin-ui is not installed: run `npm ci --prefix tests/interop`");
        for (const char *name : { "chromium", "chromium-browser" }) {
            m_chromium = QStandardPaths::findExecutable(QString::fromLatin1(name));
            if (!m_chromium.isEmpty())
                break;
        }
        if (m_chromium.isEmpty())
            SMARTSOCKET_SKIP_OR_FAIL("chromium is not installed (scripts/setup.sh installs it)");
    }

    void adminUiShowsOurServer()
    {
        InstrumentOptions instrument;
        instrument.username = QStringLiteral("admin");
        // bcryptjs.hashSync("s3cret!", 4)
        instrument.passwordHash = "$2a$04$rWrH5KZJdzV/oulnpUuG.Oget8.49OwR8nBOY6UuQ6d6/7pI75uA.";
        instrument.serverId = QStringLiteral("smartsocket-ui-test");
        Server server;
        server.of(QStringLiteral("/chat"));
        QVERIFY(server.instrument(instrument));
        QVERIFY2(server.listen(), qPrintable(server.errorString()));

        auto first = connected(server, QStringLiteral("/"));
        auto second = connected(server, QStringLiteral("/"));
        auto chat = connected(server, QStringLiteral("/chat"));
        QVERIFY(first && second && chat);
        server.defaultNamespace()->socket(first->id())->join(QStringLiteral("lobby"));
        QStringList adminTransports; // the UI logs in on the admin namespace over WebSocket
        connect(&server, &Server::connected, this, [&adminTransports](Socket *socket) {
            if (socket->nsp()->name() == QLatin1String("/admin"))
                adminTransports.append(
                    socket->handshake().query().value(QStringLiteral("transport")).toString());
        });

        const QJsonObject expected {
            { QStringLiteral("username"), QStringLiteral("admin") },
            { QStringLiteral("password"), QStringLiteral("s3cret!") },
            { QStringLiteral("serverId"), instrument.serverId },
            { QStringLiteral("rootSockets"), QJsonArray { first->id(), second->id() } },
            { QStringLiteral("chatSockets"), QJsonArray { chat->id() } },
            { QStringLiteral("room"), QStringLiteral("lobby") },
        };
        QStringList arguments { m_chromium,
            QStringLiteral("http://127.0.0.1:%1").arg(server.port()),
            QString::fromUtf8(QJsonDocument(expected).toJson(QJsonDocument::Compact)) };
        const QString screenshot = qEnvironmentVariable("SMARTSOCKET_ADMIN_UI_SCREENSHOT");
        if (!screenshot.isEmpty())
            arguments.append(QFileInfo(screenshot).absoluteFilePath());
        const QString output = TestKit::runNodeScript(QStringLiteral(SMARTSOCKET_NODE), m_dir,
            m_dir + QStringLiteral("/node/admin-ui.js"), arguments, 120000);
        const QStringList lines = output.split(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("DONE")), qPrintable(output));
        for (const QString &line : lines)
            QVERIFY2(!line.startsWith(QLatin1String("FAIL")), qPrintable(output));
        for (const char *what :
            { "login form", "advanced options", "websocket only", "connected", "server listed",
                "sockets of /", "namespace selector", "sockets of /chat", "rooms" })
            QVERIFY2(lines.contains(QStringLiteral("OK ") + QLatin1String(what)),
                qPrintable(QLatin1String(what) + QStringLiteral(":\n") + output));
        QVERIFY(!adminTransports.isEmpty());
        QCOMPARE(adminTransports.constFirst(), QStringLiteral("websocket"));
    }
};

QTEST_MAIN(tst_AdminUi)
#include "tst_admin_ui.moc"
