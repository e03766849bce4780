// The instrumentation costs nothing while no admin client is connected: its observer is
// attached to the server only from the first admin's connection to the last one's departure.
#include "server/instrumentation.h"
#include "server/servercore_p.h"

#include <smartsocket/smartsocket.h>

#include <QtTest>

#include <memory>

using namespace SmartSocket;

namespace {

std::unique_ptr<Client> open(const Server &server, const QString &nsp)
{
    ClientOptions o;
    o.namespaceName = nsp;
    o.multiplex = false;
    o.reconnection = false;
    auto client
        = std::make_unique<Client>(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port())), o);
    QSignalSpy spy(client.get(), &Client::connected);
    client->open();
    if (!spy.wait(5000))
        return nullptr;
    return client;
}

} // namespace

class tst_InstrumentationObserver : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void attachedOnlyWhileAnAdminIsConnected_data()
    {
        QTest::addColumn<bool>("production");
        QTest::newRow("development") << false;
        QTest::newRow("production") << true;
    }
    void attachedOnlyWhileAnAdminIsConnected()
    {
        QFETCH(bool, production);
        Server server;
        InstrumentOptions o;
        o.mode = production ? InstrumentOptions::Mode::Production
                            : InstrumentOptions::Mode::Development;
        QVERIFY(server.instrument(o));
        QVERIFY(server.listen());
        Internal::ServerCore *core = Internal::ServerCore::get(&server);
        QVERIFY(core->instrumentation);
        QCOMPARE(core->observer, nullptr);

        auto user = open(server, QStringLiteral("/"));
        QVERIFY(user);
        QCOMPARE(core->observer, nullptr); // ordinary clients change nothing

        auto admin = open(server, QStringLiteral("/admin"));
        QVERIFY(admin);
        QCOMPARE(core->observer, core->instrumentation->observer());
        QVERIFY(core->instrumentation->isActive());
        auto second = open(server, QStringLiteral("/admin"));
        QVERIFY(second);

        admin->close();
        QTRY_COMPARE_WITH_TIMEOUT(
            server.findNamespace(QStringLiteral("/admin"))->socketCount(), 1, 5000);
        QCOMPARE(core->observer, core->instrumentation->observer()); // one admin is left
        second.reset(); // the last admin goes away (its connection drops)
        QTRY_COMPARE_WITH_TIMEOUT(core->observer, nullptr, 5000);
        QVERIFY(!core->instrumentation->isActive());
        QCOMPARE(server.findNamespace(QStringLiteral("/admin"))->socketCount(), 0);
    }

    void refusedAdminDoesNotAttach()
    {
        Server server;
        InstrumentOptions o;
        o.username = QStringLiteral("admin");
        o.passwordHash = "$2a$04$rWrH5KZJdzV/oulnpUuG.Oget8.49OwR8nBOY6UuQ6d6/7pI75uA.";
        QVERIFY(server.instrument(o));
        QVERIFY(server.listen());
        ClientOptions co;
        co.namespaceName = QStringLiteral("/admin");
        co.reconnection = false;
        co.auth = { { QStringLiteral("username"), QStringLiteral("admin") },
            { QStringLiteral("password"), QStringLiteral("guess") } };
        Client intruder(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port())), co);
        QSignalSpy errors(&intruder, &Client::errorOccurred);
        intruder.open();
        QVERIFY(errors.wait(5000));
        QCOMPARE(Internal::ServerCore::get(&server)->observer, nullptr);
    }

    void isoTimestampAsJavaScript_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("before the epoch") << qint64(-1);
        QTest::newRow("1969-12-31 noon") << qint64(-43200000);
        QTest::newRow("leap day 2000")
            << QDateTime(QDate(2000, 2, 29), QTime(23, 59, 59, 999), QTimeZone::utc())
                   .toMSecsSinceEpoch();
        QTest::newRow("2100-03-01 (no leap day)")
            << QDateTime(QDate(2100, 3, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        QTest::newRow("now") << QDateTime::currentMSecsSinceEpoch();
        QTest::newRow("9999-12-31")
            << QDateTime(QDate(9999, 12, 31), QTime(23, 59, 59, 999), QTimeZone::utc())
                   .toMSecsSinceEpoch();
        // a day in every month of a few years, at odd times
        for (int year : { 1900, 1996, 2024, 2026, 2400 }) {
            for (int month = 1; month <= 12; ++month) {
                const QDateTime t(QDate(year, month, month * 2),
                    QTime(month, month * 4, month * 3, month * 77), QTimeZone::utc());
                QTest::addRow("%d-%02d", year, month) << t.toMSecsSinceEpoch();
            }
        }
    }
    void isoTimestampAsJavaScript()
    {
        QFETCH(qint64, ms);
        QCOMPARE(Internal::Instrumentation::isoTimestamp(ms),
            QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs));
    }

    void destroyedWithAdminConnected()
    {
        // The server (and its instrumentation) may go away while an admin is connected.
        auto server = std::make_unique<Server>();
        QVERIFY(server->instrument());
        QVERIFY(server->listen());
        auto admin = open(*server, QStringLiteral("/admin"));
        QVERIFY(admin);
        auto user = open(*server, QStringLiteral("/"));
        QVERIFY(user);
        QSignalSpy gone(admin.get(), &Client::disconnected);
        server.reset();
        QVERIFY(gone.wait(5000));
    }
};

QTEST_MAIN(tst_InstrumentationObserver)
#include "tst_instrumentationobserver.moc"
