// Every feature of issue 4 at once, through real connections: TLS, compression, encryption,
// rate limiting and connection pooling on one server; clients that use the extensions and a
// client that uses none, side by side. Application code sees the same values throughout.
#include "testcerts.h"

#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"

#include <QtTest>

#include <memory>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;

class tst_AllFeatures : public QObject
{
    Q_OBJECT

    TestKit::TestCertificates m_certs;
    std::unique_ptr<Server> m_server;
    const QByteArray m_key = QByteArray(64, 'c'); // 32 bytes as hex

    QUrl url() const { return QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_server->port())); }

    ClientOptions options(bool extensions) const
    {
        ClientOptions o;
        o.multiplex = false;
        o.reconnection = false;
        o.caCertificateFile = m_certs.caFile();
        if (extensions) {
            o.enableCompression = true;
            o.compressionThreshold = 64;
            o.enableEncryption = true;
            o.encryptionKey = m_key;
        }
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_certs.isValid(), qPrintable(m_certs.errorString()));
        ServerOptions o;
        o.tlsCertificateFile = m_certs.serverCertificate();
        o.tlsKeyFile = m_certs.serverKey();
        o.enableCompression = true;
        o.compressionThreshold = 64;
        o.enableEncryption = true;
        o.encryptionKey = m_key;
        o.enableRateLimiting = true;
        o.rateLimitMaxRequests = 1000;
        o.rateLimitWindow = 60000;
        o.enableConnectionPooling = true;
        o.poolSize = 4;
        o.maxPoolSize = 16;
        m_server = std::make_unique<Server>(o);
        m_server->setEventRateLimit(QStringLiteral("scarce"), RateLimit { 60000, 2 });
        m_server->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        m_server->on(QStringLiteral("scarce"),
            [](Socket *, const QVariantList &, const Ack &ack) { ack({ true }); });
        m_server->on(QStringLiteral("shout"), [this](Socket *, const QVariantList &args) {
            m_server->emitEvent(QStringLiteral("heard"), args);
        });
        QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
    }

    void valuesAreTheSameWithAndWithoutExtensions()
    {
        Client extended(url(), options(true));
        Client plain(url(), options(false));
        QVERIFY(connectClient(extended));
        QVERIFY(connectClient(plain));

        QByteArray blob(20000, Qt::Uninitialized);
        for (int i = 0; i < blob.size(); ++i)
            blob[i] = char(i % 251);
        const QVariantMap big { { QStringLiteral("text"), QString(5000, QLatin1Char('z')) },
            { QStringLiteral("n"), 42 }, { QStringLiteral("file"), blob } };
        for (Client *client : { &extended, &plain }) {
            const AckResult small
                = ask(*client, QStringLiteral("echo"), { 1, QStringLiteral("a") });
            QVERIFY2(small.isOk(), qPrintable(small.errorString()));
            QCOMPARE(small.args(), (QVariantList { 1, QStringLiteral("a") }));
            const AckResult r = ask(*client, QStringLiteral("echo"), { big });
            QVERIFY2(r.isOk(), qPrintable(r.errorString()));
            QCOMPARE(
                r.value().toMap().value(QStringLiteral("text")), big.value(QStringLiteral("text")));
            QCOMPARE(r.value().toMap().value(QStringLiteral("file")).toByteArray(), blob);
        }
        // The extended connection did compress; the plain one could not have.
        const ConnectionStats stats = m_server->connectionStats();
        QVERIFY(stats.compressedMessagesIn > 0);
        QVERIFY(stats.compressedMessagesOut > 0);
        QVERIFY(stats.compressionBytesOutAfter < stats.compressionBytesOutBefore);
    }

    void broadcastReachesEveryKindOfClient()
    {
        Client extended(url(), options(true));
        Client plain(url(), options(false));
        QList<QVariantList> got[2];
        extended.on(QStringLiteral("heard"), [&](const QVariantList &a) { got[0].append(a); });
        plain.on(QStringLiteral("heard"), [&](const QVariantList &a) { got[1].append(a); });
        QVERIFY(connectClient(extended));
        QVERIFY(connectClient(plain));
        const QString message(3000, QLatin1Char('m'));
        plain.emitEvent(QStringLiteral("shout"), { message, QByteArray("\x01\x02", 2) });
        QTRY_COMPARE(got[0].size(), 1);
        QTRY_COMPARE(got[1].size(), 1);
        for (const auto &g : got) {
            QCOMPARE(g.at(0).value(0).toString(), message);
            QCOMPARE(g.at(0).value(1).toByteArray(), QByteArray("\x01\x02", 2));
        }
    }

    void rateLimitAppliesOverEncryptedConnections()
    {
        Client extended(url(), options(true));
        QSignalSpy limited(m_server.get(), &Server::rateLimited);
        std::optional<QVariantMap> notice;
        extended.on(QStringLiteral("__rate-limited__"),
            [&](const QVariantList &a) { notice = a.value(0).toMap(); });
        QVERIFY(connectClient(extended));
        QVERIFY(ask(extended, QStringLiteral("scarce"), {}).value().toBool());
        QVERIFY(ask(extended, QStringLiteral("scarce"), {}).value().toBool());
        const AckResult third = ask(extended, QStringLiteral("scarce"), {});
        QCOMPARE(third.value().toMap().value(QStringLiteral("code")).toString(),
            QStringLiteral("RATE_LIMITED"));
        QTRY_VERIFY(notice.has_value());
        QCOMPARE(notice->value(QStringLiteral("event")).toString(), QStringLiteral("scarce"));
        QVERIFY(notice->value(QStringLiteral("retryAfter")).toInt() > 0);
        QCOMPARE(limited.size(), 1);
    }

    void pooledSessionsCarryNothingOver()
    {
        // Connect and leave a few times: each new connection starts clean, through the pool.
        for (int round = 0; round < 6; ++round) {
            Client client(url(), options(round % 2 == 0));
            QVERIFY(connectClient(client));
            QVERIFY(ask(client, QStringLiteral("echo"), { round }).isOk());
            client.close();
            QTRY_COMPARE(m_server->connectionStats().total, 0);
        }
        const QVariantMap pool = m_server->poolStats();
        QVERIFY2(!pool.isEmpty(), "pool statistics expected with pooling on");
    }
};

QTEST_MAIN(tst_AllFeatures)
#include "tst_allfeatures.moc"
