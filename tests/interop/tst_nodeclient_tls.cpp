// The real socket.io-client (npm) over wss:// against our TLS server, trusting a throwaway
// CA through its `ca` option (rejectUnauthorized at its default, true).
#include <smartsocket/smartsocket.h>

#include "nodeprocess.h"
#include "testkit.h"

#include <testcerts.h>

#include <QtTest>

#include <memory>

using namespace SmartSocket;

class tst_NodeClientTls : public QObject
{
    Q_OBJECT

    TestKit::TestCertificates m_certs;
    std::unique_ptr<Server> m_server;
    QString m_dir = QStringLiteral(SMARTSOCKET_INTEROP_DIR);

    QString run(const QString &ca, const QString &mode)
    {
        return TestKit::runNodeScript(QStringLiteral(SMARTSOCKET_NODE), m_dir,
            m_dir + QStringLiteral("/node/tls-client.js"),
            { QStringLiteral("wss://127.0.0.1:%1").arg(m_server->port()), ca, mode });
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(m_dir + QStringLiteral("/node_modules/socket.io-client")))
            SMARTSOCKET_SKIP_OR_FAIL(
                "socket.io-client is not installed: run `npm ci --prefix tests/interop`");
        QVERIFY2(m_certs.isValid(), qPrintable(m_certs.errorString()));
        ServerOptions options;
        options.tlsCertificateFile = m_certs.serverCertificate();
        options.tlsKeyFile = m_certs.serverKey();
        m_server = std::make_unique<Server>(options);
        m_server->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        QVERIFY2(m_server->listen(QHostAddress::LocalHost, 0), qPrintable(m_server->errorString()));
    }

    void connectEmitAckBinaryWithCa()
    {
        // Read the handshake while the socket exists: it is deleted after its disconnect.
        QList<bool> secure;
        const auto connection = connect(m_server.get(), &Server::connected, this,
            [&secure](Socket *socket) { secure.append(socket->handshake().isSecure()); });
        const QString out = run(m_certs.caFile(), QStringLiteral("connect"));
        disconnect(connection);
        QVERIFY2(out.endsWith(QStringLiteral("OK")), qPrintable(out));
        QCOMPARE(secure, QList<bool> { true });
    }

    void refusedWithoutCa()
    {
        QSignalSpy connected(m_server.get(), &Server::connected);
        const QString out = run(QStringLiteral("-"), QStringLiteral("refused"));
        QVERIFY2(out.startsWith(QStringLiteral("OK refused")), qPrintable(out));
        QCOMPARE(connected.size(), 0);
        // And the server still serves a trusting client afterwards.
        QVERIFY2(run(m_certs.caFile(), QStringLiteral("connect")).endsWith(QStringLiteral("OK")),
            "server stopped serving");
    }
};

QTEST_GUILESS_MAIN(tst_NodeClientTls)
#include "tst_nodeclient_tls.moc"
