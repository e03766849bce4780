// smartsocket-echo-server's admin flags, as a user runs them: the program started with QProcess
// (from build/bin, next to this test), an admin client that is smartsocket-cli on the admin
// namespace. Skipped when the demos are not built.

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

namespace {

QString binary(const QString &name)
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

// bcryptjs.hashSync("s3cret!", 4)
const QString hash = QStringLiteral("$2a$04$rWrH5KZJdzV/oulnpUuG.Oget8.49OwR8nBOY6UuQ6d6/7pI75uA.");

} // namespace

class tst_EchoAdmin : public QObject
{
    Q_OBJECT

    QString m_server;
    QString m_cli;

    /// Starts the echo server with `flags`; returns its port (0 when it did not start).
    quint16 start(QProcess &server, const QStringList &flags)
    {
        server.start(m_server,
            QStringList { QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--port"), QStringLiteral("0") }
                + flags);
        if (!server.waitForStarted(10000))
            return 0;
        QByteArray output;
        QDeadlineTimer deadline(10000);
        while (!output.contains('\n') && !deadline.hasExpired()
            && server.state() == QProcess::Running) {
            server.waitForReadyRead(100);
            output += server.readAllStandardOutput();
        }
        return quint16(QString::fromUtf8(output).section(QLatin1Char(' '), 2).trimmed().toUInt());
    }

    /// Runs the cli; returns its exit code and its JSON lines.
    int cli(const QStringList &arguments, QList<QJsonObject> *lines)
    {
        QProcess p;
        p.start(m_cli, arguments);
        if (!p.waitForStarted(10000) || !p.waitForFinished(20000)) {
            p.kill();
            p.waitForFinished(5000);
            return -1;
        }
        for (const QByteArray &line : p.readAllStandardOutput().split('\n')) {
            if (!line.trimmed().isEmpty())
                lines->append(QJsonDocument::fromJson(line).object());
        }
        return p.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_server = binary(QStringLiteral("smartsocket-echo-server"));
        m_cli = binary(QStringLiteral("smartsocket-cli"));
        if (!QFileInfo(m_server).isExecutable() || !QFileInfo(m_cli).isExecutable())
            QSKIP("demos not built next to the test (SMARTSOCKET_DEMOS=OFF?)");
    }

    void everyAdminFlag()
    {
        QProcess server;
        const quint16 port = start(server,
            { QStringLiteral("--admin"), QStringLiteral("--admin-namespace"),
                QStringLiteral("/ops"), QStringLiteral("--admin-user"), QStringLiteral("root"),
                QStringLiteral("--admin-password-hash"), hash, QStringLiteral("--admin-readonly"),
                QStringLiteral("--admin-mode"), QStringLiteral("production"),
                QStringLiteral("--server-id"), QStringLiteral("demo-1") });
        QVERIFY(port);
        const QString url = QStringLiteral("ws://127.0.0.1:%1").arg(port);

        // session, config, then the first server_stats (production: no all_sockets)
        QList<QJsonObject> lines;
        QCOMPARE(cli({ url, QStringLiteral("--namespace"), QStringLiteral("/ops"),
                         QStringLiteral("--auth"),
                         QStringLiteral("{\"username\":\"root\",\"password\":\"s3cret!\"}"),
                         QStringLiteral("--count"), QStringLiteral("3") },
                     &lines),
            0);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).value(QStringLiteral("event")).toString(), QStringLiteral("session"));
        QCOMPARE(lines.at(1).value(QStringLiteral("event")).toString(), QStringLiteral("config"));
        const QJsonArray features = lines.at(1)
                                        .value(QStringLiteral("args"))
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(QStringLiteral("supportedFeatures"))
                                        .toArray();
        QVERIFY(features.contains(QStringLiteral("AGGREGATED_EVENTS")));
        QVERIFY(!features.contains(QStringLiteral("JOIN"))); // --admin-readonly
        QVERIFY(!features.contains(QStringLiteral("ALL_EVENTS"))); // --admin-mode production
        QCOMPARE(
            lines.at(2).value(QStringLiteral("event")).toString(), QStringLiteral("server_stats"));
        const QJsonObject stats
            = lines.at(2).value(QStringLiteral("args")).toArray().at(0).toObject();
        QCOMPARE(stats.value(QStringLiteral("serverId")).toString(), QStringLiteral("demo-1"));
        QCOMPARE(stats.value(QStringLiteral("pid")).toInteger(), server.processId());

        // a wrong password: a connect error (exit status 2)
        lines.clear();
        QCOMPARE(cli({ url, QStringLiteral("--namespace"), QStringLiteral("/ops"),
                         QStringLiteral("--auth"),
                         QStringLiteral("{\"username\":\"root\",\"password\":\"guess\"}") },
                     &lines),
            2);
        // the default namespace is untouched: echo still answers
        lines.clear();
        QCOMPARE(cli({ url, QStringLiteral("--emit"), QStringLiteral("echo"), QStringLiteral("1"),
                         QStringLiteral("--ack") },
                     &lines),
            0);
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }

    void adminOnDevelopmentDefaults()
    {
        QProcess server;
        const quint16 port = start(server, { QStringLiteral("--admin") });
        QVERIFY(port);
        QList<QJsonObject> lines;
        // development mode, no auth, on /admin: the admin's own socket_connected and
        // room_joined, then config and all_sockets
        QCOMPARE(cli({ QStringLiteral("ws://127.0.0.1:%1").arg(port), QStringLiteral("--namespace"),
                         QStringLiteral("/admin"), QStringLiteral("--count"), QStringLiteral("4") },
                     &lines),
            0);
        QStringList events;
        for (const QJsonObject &line : std::as_const(lines))
            events.append(line.value(QStringLiteral("event")).toString());
        events.sort();
        QCOMPARE(
            events, (QStringList { "all_sockets", "config", "room_joined", "socket_connected" }));
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
    }

    void badAdminFlags_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<QString>("message");
        QTest::newRow("mode") << QStringList { "--admin", "--admin-mode", "staging" }
                              << "development or production";
        QTest::newRow("user without hash") << QStringList { "--admin-user", "root" } << "together";
        QTest::newRow("hash without user")
            << QStringList { "--admin-password-hash", hash } << "together";
        QTest::newRow("not bcrypt")
            << QStringList { "--admin-user", "root", "--admin-password-hash", "s3cret!" }
            << "bcrypt";
        QTest::newRow("namespace") << QStringList { "--admin-namespace", "/" } << "namespace";
    }
    void badAdminFlags()
    {
        QFETCH(QStringList, flags);
        QFETCH(QString, message);
        QProcess server;
        server.start(
            m_server, QStringList { QStringLiteral("--port"), QStringLiteral("0") } + flags);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 1);
        const QString err = QString::fromUtf8(server.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
        QVERIFY(!server.readAllStandardOutput().contains("listening"));
    }
};

QTEST_GUILESS_MAIN(tst_EchoAdmin)
#include "tst_echoadmin.moc"
