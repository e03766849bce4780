// Server::instrument() driven by the real socket.io-client 4.8 (npm), as the Socket.IO Admin UI
// drives a Node server: tests/interop/node/admin-client.js runs a scenario and prints a line
// per check; this side asserts those lines and the server's own state.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "nodeprocess.h"

#include "testkit.h"

#include <QtTest>

#include <memory>

using namespace SmartSocket;

namespace {

// bcryptjs.hashSync("s3cret!", 4)
const QByteArray passwordHash = "$2a$04$rWrH5KZJdzV/oulnpUuG.Oget8.49OwR8nBOY6UuQ6d6/7pI75uA.";

} // namespace

class tst_AdminNodeClient : public QObject
{
    Q_OBJECT

    QString m_dir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);

    std::unique_ptr<Server> makeServer(const InstrumentOptions &instrument)
    {
        auto server = std::make_unique<Server>();
        Namespace *chat = server->of(QStringLiteral("/chat"));
        chat->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        chat->on(QStringLiteral("broadcast"), [chat](Socket *, const QVariantList &args) {
            chat->emitEvent(QStringLiteral("bcast"), args);
        });
        if (!server->instrument(instrument) || !server->listen())
            qWarning() << server->errorString();
        return server;
    }

    QStringList run(const Server &server, const QString &scenario, const QString &chatId = {})
    {
        const QString output = TestKit::runNodeScript(QStringLiteral(SMARTSOCKET_NODE), m_dir,
            m_dir + QStringLiteral("/node/admin-client.js"),
            { QString::number(server.port()), scenario, chatId }, 60000);
        return output.split(QLatin1Char('\n'));
    }

    static void verifyLines(const QStringList &lines, const QStringList &expectedOk)
    {
        const QString all = lines.join(QLatin1Char('\n'));
        QVERIFY2(lines.contains(QStringLiteral("DONE")), qPrintable(all));
        for (const QString &line : lines)
            QVERIFY2(!line.startsWith(QLatin1String("FAIL")), qPrintable(all));
        for (const QString &what : expectedOk)
            QVERIFY2(lines.contains(QStringLiteral("OK ") + what),
                qPrintable(what + QStringLiteral(":\n") + all));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!TestKit::NodeProcess::hasPackage(m_dir, QStringLiteral("socket.io-client")))
            SMARTSOCKET_SKIP_OR_FAIL(
                "socket.io-client is not installed: run `npm ci --prefix tests/interop`");
    }

    void developmentWithAuth()
    {
        InstrumentOptions o;
        o.username = QStringLiteral("admin");
        o.passwordHash = passwordHash;
        o.serverId = QStringLiteral("interop-server");
        auto server = makeServer(o);
        verifyLines(run(*server, QStringLiteral("full")),
            { "auth failure", "auth success", "session id", "config", "all_sockets",
                "session re-auth", "no new session on re-auth", "socket_connected",
                "room_joined own id", "echo ack", "event_received", "join", "leave", "emit",
                "event_sent", "server_stats every 2 s", "server_stats counts", "aggregatedEvents",
                "_disconnect", "socket_disconnected" });
    }

    void readonly()
    {
        InstrumentOptions o;
        o.readonly = true;
        auto server = makeServer(o);
        ClientOptions co;
        co.namespaceName = QStringLiteral("/chat");
        co.reconnection = false;
        Client chat(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server->port())), co);
        QVERIFY(TestKit::connectClient(chat));
        QSignalSpy events(&chat, &Client::eventReceived);
        QSignalSpy gone(&chat, &Client::disconnected);
        verifyLines(
            run(*server, QStringLiteral("readonly"), chat.id()), { "connect", "readonly config" });
        // The admin has left: the server has handled everything it sent before.
        QTRY_COMPARE_WITH_TIMEOUT(
            server->findNamespace(QStringLiteral("/admin"))->socketCount(), 0, 5000);
        QVERIFY(TestKit::ask(chat, QStringLiteral("echo"), { 1 }).isOk());
        Socket *socket = server->findNamespace(QStringLiteral("/chat"))->socket(chat.id());
        QVERIFY(socket);
        QCOMPARE(socket->rooms(), QSet<QString> { chat.id() });
        QCOMPARE(events.count(), 0);
        QCOMPARE(gone.count(), 0);
    }

    void production()
    {
        InstrumentOptions o;
        o.mode = InstrumentOptions::Mode::Production;
        auto server = makeServer(o);
        verifyLines(run(*server, QStringLiteral("production")),
            { "connect", "production config", "aggregates only", "aggregated counts" });
    }
};

QTEST_MAIN(tst_AdminNodeClient)
#include "tst_admin_nodeclient.moc"
