// smartsocket-sync-server as a user runs it, driven by SmartSocket clients: the shared state,
// merged partial updates broadcast to everyone, stale and invalid updates refused.

#include "clienthelpers.h"
#include "demoserver.h"

#include <smartsocket/smartsocket.h>

#include <QtTest>

using SmartSocket::Client;
using TestKit::DemoServer;

namespace {

SmartSocket::ClientOptions syncOptions()
{
    SmartSocket::ClientOptions options;
    options.namespaceName = QStringLiteral("/sync");
    options.reconnection = false;
    return options;
}

QVariantMap ask(Client &client, const QString &event, const QVariantMap &payload)
{
    return TestKit::ask(client, event, { payload }).value().toMap();
}

QVariantMap update(Client &client, qint64 version, const QVariantMap &changes)
{
    return ask(client, QStringLiteral("update-state"),
        { { QStringLiteral("version"), version }, { QStringLiteral("changes"), changes } });
}

} // namespace

class tst_SyncServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (!DemoServer::isBuilt(QStringLiteral("smartsocket-sync-server")))
            QSKIP("smartsocket-sync-server not built (SMARTSOCKET_DEMOS=OFF?)");
    }

    void updatesAreMergedAndBroadcast()
    {
        DemoServer server(QStringLiteral("smartsocket-sync-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Client a(server.url(), syncOptions());
        Client b(server.url(), syncOptions());
        QList<QVariantMap> seenByB;
        b.on(QStringLiteral("state-updated"),
            [&](const QVariantList &args) { seenByB.append(args.value(0).toMap()); });
        QVERIFY(TestKit::connectClient(a));
        QVERIFY(TestKit::connectClient(b));

        const QVariantMap initial = ask(a, QStringLiteral("get-state"), {});
        const qint64 version = initial.value(QStringLiteral("version")).toLongLong();
        const QVariantMap state = initial.value(QStringLiteral("state")).toMap();
        QCOMPARE(state.keys(),
            QStringList({ QStringLiteral("done"), QStringLiteral("notes"),
                QStringLiteral("progress"), QStringLiteral("title") }));

        QVariantMap ack = update(a, version,
            { { QStringLiteral("title"), QStringLiteral("Plan") },
                { QStringLiteral("progress"), 40 } });
        QCOMPARE(ack,
            QVariantMap({ { QStringLiteral("success"), true },
                { QStringLiteral("version"), version + 1 } }));
        QTRY_COMPARE(seenByB.size(), 1);
        QCOMPARE(seenByB.at(0).value(QStringLiteral("version")).toLongLong(), version + 1);
        const QVariantMap merged = seenByB.at(0).value(QStringLiteral("state")).toMap();
        QCOMPARE(merged.value(QStringLiteral("title")).toString(), QStringLiteral("Plan"));
        QCOMPARE(merged.value(QStringLiteral("progress")).toInt(), 40);
        QCOMPARE(
            merged.value(QStringLiteral("done")), state.value(QStringLiteral("done"))); // untouched

        // b, up to date, updates in turn; a late comer gets everything.
        ack = update(b, version + 1, { { QStringLiteral("done"), true } });
        QCOMPARE(ack.value(QStringLiteral("success")).toBool(), true);
        Client c(server.url(), syncOptions());
        QVERIFY(TestKit::connectClient(c));
        const QVariantMap now = ask(c, QStringLiteral("get-state"), {});
        QCOMPARE(now.value(QStringLiteral("version")).toLongLong(), version + 2);
        QCOMPARE(now.value(QStringLiteral("state")).toMap().value(QStringLiteral("done")).toBool(),
            true);
        QCOMPARE(
            now.value(QStringLiteral("state")).toMap().value(QStringLiteral("title")).toString(),
            QStringLiteral("Plan"));
    }

    void staleUpdateRefused()
    {
        DemoServer server(QStringLiteral("smartsocket-sync-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Client a(server.url(), syncOptions());
        Client b(server.url(), syncOptions());
        QVERIFY(TestKit::connectClient(a));
        QVERIFY(TestKit::connectClient(b));
        const qint64 version
            = ask(a, QStringLiteral("get-state"), {}).value(QStringLiteral("version")).toLongLong();
        QVERIFY(update(a, version, { { QStringLiteral("notes"), QStringLiteral("a was first") } })
                    .value(QStringLiteral("success"))
                    .toBool());
        // b still believes in `version`.
        const QVariantMap ack
            = update(b, version, { { QStringLiteral("notes"), QStringLiteral("b overwrites") } });
        QCOMPARE(ack.value(QStringLiteral("success")).toBool(), false);
        QCOMPARE(ack.value(QStringLiteral("error")).toString(), QStringLiteral("stale"));
        QCOMPARE(ack.value(QStringLiteral("version")).toLongLong(), version + 1);
        QCOMPARE(
            ack.value(QStringLiteral("state")).toMap().value(QStringLiteral("notes")).toString(),
            QStringLiteral("a was first"));
        // Nothing changed on the server; a future version is stale too.
        QCOMPARE(
            ask(b, QStringLiteral("get-state"), {}).value(QStringLiteral("version")).toLongLong(),
            version + 1);
        QCOMPARE(update(b, version + 5, { { QStringLiteral("done"), true } })
                     .value(QStringLiteral("error"))
                     .toString(),
            QStringLiteral("stale"));
    }

    void invalidUpdates_data()
    {
        QTest::addColumn<QVariant>("changes");
        QTest::newRow("unknown field")
            << QVariant(QVariantMap { { QStringLiteral("owner"), QStringLiteral("me") } });
        QTest::newRow("title not text") << QVariant(QVariantMap { { QStringLiteral("title"), 5 } });
        QTest::newRow("title too long") << QVariant(
            QVariantMap { { QStringLiteral("title"), QString(201, QLatin1Char('t')) } });
        QTest::newRow("done not bool")
            << QVariant(QVariantMap { { QStringLiteral("done"), QStringLiteral("yes") } });
        QTest::newRow("progress over 100")
            << QVariant(QVariantMap { { QStringLiteral("progress"), 101 } });
        QTest::newRow("progress fraction")
            << QVariant(QVariantMap { { QStringLiteral("progress"), 2.5 } });
        QTest::newRow("empty") << QVariant(QVariantMap());
        QTest::newRow("not an object") << QVariant(QStringLiteral("title=x"));
    }
    void invalidUpdates()
    {
        QFETCH(QVariant, changes);
        DemoServer server(QStringLiteral("smartsocket-sync-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Client a(server.url(), syncOptions());
        QVERIFY(TestKit::connectClient(a));
        const QVariantMap before = ask(a, QStringLiteral("get-state"), {});
        const QVariantMap ack = ask(a, QStringLiteral("update-state"),
            { { QStringLiteral("version"), before.value(QStringLiteral("version")) },
                { QStringLiteral("changes"), changes } });
        QCOMPARE(ack.value(QStringLiteral("success")).toBool(), false);
        QCOMPARE(ack.value(QStringLiteral("error")).toString(), QStringLiteral("invalid"));
        QVERIFY(!ack.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(ask(a, QStringLiteral("get-state"), {}), before);
    }

    void versionRequired()
    {
        DemoServer server(QStringLiteral("smartsocket-sync-server"));
        QVERIFY2(server.start(), qPrintable(server.errorString()));
        Client a(server.url(), syncOptions());
        QVERIFY(TestKit::connectClient(a));
        const QVariantMap ack = ask(a, QStringLiteral("update-state"),
            { { QStringLiteral("changes"), QVariantMap { { QStringLiteral("done"), true } } } });
        QCOMPARE(ack.value(QStringLiteral("error")).toString(), QStringLiteral("invalid"));
        QCOMPARE(server.terminate(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_SyncServer)
#include "tst_syncserver.moc"
