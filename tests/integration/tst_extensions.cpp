// Compression and encryption extensions through real loopback connections: our client and
// our server, each feature alone and together, broadcasts to mixed clients, refusals, wrong
// keys and a decompression bomb from a raw WebSocket client.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"

#include <QWebSocket>
#include <QtTest>

#include <zlib.h>

#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::engineUrl;
using TestKit::urlOf;

namespace {

const QByteArray kKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const QByteArray kOtherKeyBase64 = QByteArray(32, 'w').toBase64();

ClientOptions clientOptions(bool deflate, bool aes, const QByteArray &key = kKeyHex)
{
    ClientOptions o;
    o.multiplex = false;
    o.reconnection = false;
    o.enableCompression = deflate;
    o.compressionThreshold = 100;
    o.enableEncryption = aes;
    o.encryptionKey = key;
    return o;
}

ServerOptions serverOptions(bool deflate, bool aes)
{
    ServerOptions o;
    o.enableCompression = deflate;
    o.compressionThreshold = 100;
    o.enableEncryption = aes;
    o.encryptionKey = kKeyHex;
    return o;
}

QString bigText()
{
    QString s;
    for (int i = 0; i < 400; ++i)
        s += QStringLiteral("item %1 status active; ").arg(i);
    return s;
}

// ~25 KB of words drawn from 26 by a fixed pseudo-random sequence: compressible, and a
// payload on which zlib level 9 beats level 1 clearly (about 4.6 KB against 5.5 KB), unlike
// very regular text where both levels find the same matches.
QString wordSoup()
{
    static const char *const words[]
        = { "alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india",
              "juliet", "kilo", "lima", "mike", "november", "oscar", "papa", "quebec", "romeo",
              "sierra", "tango", "uniform", "victor", "whiskey", "xray", "yankee", "zulu" };
    quint32 x = 12345;
    QStringList out;
    for (int i = 0; i < 4000; ++i) {
        x = (x * 1103515245u + 12345u) & 0x7fffffffu;
        out.append(QLatin1String(words[(x >> 16) % 26]));
    }
    return out.join(QLatin1Char(' '));
}

/// Collects the log messages emitted while it lives (and passes them on to the handler
/// installed before it).
class MessageCatcher
{
public:
    MessageCatcher()
    {
        messages.clear();
        previous = qInstallMessageHandler(&MessageCatcher::handle);
    }
    ~MessageCatcher() { qInstallMessageHandler(previous); }
    QStringList matching(QtMsgType type, const QString &text) const
    {
        QStringList found;
        for (const auto &m : std::as_const(messages)) {
            if (m.first == type && m.second.contains(text))
                found.append(m.second);
        }
        return found;
    }
    QStringList all() const
    {
        QStringList texts;
        for (const auto &m : std::as_const(messages))
            texts.append(m.second);
        return texts;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &text)
    {
        messages.append({ type, text });
        if (previous)
            previous(type, context, text);
    }
    static inline QtMessageHandler previous = nullptr;
    static inline QList<QPair<QtMsgType, QString>> messages;
};

} // namespace

class tst_Extensions : public QObject
{
    Q_OBJECT

    std::unique_ptr<Server> makeServer(const ServerOptions &options)
    {
        auto server = std::make_unique<Server>(options);
        server->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        if (!server->listen())
            qWarning() << "listen failed" << server->errorString();
        return server;
    }

private Q_SLOTS:
    void invalidEncryptionOptionsRefuseToListen_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("short key")
            << QByteArray("secret-key-1234") << QStringLiteral("aes-256-gcm");
        QTest::newRow("no key") << QByteArray() << QStringLiteral("aes-256-gcm");
        QTest::newRow("unknown algorithm")
            << QByteArray(64, 'a') << QStringLiteral("chacha20-poly1305");
    }
    void invalidEncryptionOptionsRefuseToListen()
    {
        QFETCH(QByteArray, key);
        QFETCH(QString, algorithm);
        ServerOptions options;
        options.enableEncryption = true;
        options.encryptionKey = key;
        options.encryptionAlgorithm = algorithm;
        Server server(options);
        QVERIFY(!server.listen());
        QVERIFY2(server.errorString().contains(QStringLiteral("encryption")),
            qPrintable(server.errorString()));
        if (!key.isEmpty()) // the key never appears in errors
            QVERIFY(!server.errorString().contains(QString::fromLatin1(key)));
    }

    void echoThroughExtensions_data()
    {
        QTest::addColumn<bool>("deflate");
        QTest::addColumn<bool>("aes");
        QTest::addColumn<bool>("binary");
        QTest::newRow("compression") << true << false << false;
        QTest::newRow("encryption") << false << true << false;
        QTest::newRow("both") << true << true << false;
        QTest::newRow("both + binary attachments") << true << true << true;
        QTest::newRow("compression + binary attachments") << true << false << true;
    }
    void echoThroughExtensions()
    {
        QFETCH(bool, deflate);
        QFETCH(bool, aes);
        QFETCH(bool, binary);
        auto server = makeServer(serverOptions(true, true));
        QPointer<Socket> serverSocket;
        connect(server.get(), &Server::connected, this, [&](Socket *s) { serverSocket = s; });
        Client client(urlOf(*server), clientOptions(deflate, aes));
        QVERIFY(connectClient(client));
        QVERIFY(serverSocket);
        const QVariantMap ext = server->extensionStats(serverSocket);
        QCOMPARE(ext.value(QStringLiteral("deflate")).toBool(), deflate);
        QCOMPARE(ext.value(QStringLiteral("aes256gcm")).toBool(), aes);

        QVariantList args { QStringLiteral("small"), bigText() };
        if (binary)
            args << QByteArray(3000, '\x05') << QByteArray("\x00\x01\x02", 3);
        const AckResult result = ask(client, QStringLiteral("echo"), args);
        QVERIFY2(result.isOk(), qPrintable(result.errorString()));
        QCOMPARE(result.args(), args);

        const ConnectionStats stats = server->connectionStats();
        if (deflate) {
            QVERIFY(stats.compressedMessagesIn >= 1);
            QVERIFY(stats.compressedMessagesOut >= 1);
            QVERIFY(stats.compressionBytesOutAfter < stats.compressionBytesOutBefore);
            QVERIFY(stats.compressionBytesInBefore < stats.compressionBytesInAfter);
            const QVariantMap after = server->extensionStats(serverSocket);
            QVERIFY(after.value(QStringLiteral("compressedMessagesOut")).toULongLong() >= 1);
            QVERIFY(stats.toMap().contains(QStringLiteral("compressionBytesOutBefore")));
        } else {
            QCOMPARE(stats.compressedMessagesOut, quint64(0));
        }
        const QString statsText
            = QString::fromUtf8(QJsonDocument::fromVariant(stats.toMap()).toJson()
                + QJsonDocument::fromVariant(ext).toJson());
        QVERIFY(!statsText.contains(QString::fromLatin1(kKeyHex))); // the key never shows
    }

    void broadcastToMixedClients()
    {
        auto server = makeServer(serverOptions(true, true));
        const QList<QPair<bool, bool>> kinds { { false, false }, { true, false }, { false, true },
            { true, true } };
        std::vector<std::unique_ptr<Client>> clients;
        std::vector<QVariantList> received(kinds.size());
        for (qsizetype i = 0; i < kinds.size(); ++i) {
            auto client = std::make_unique<Client>(
                urlOf(*server), clientOptions(kinds.at(i).first, kinds.at(i).second));
            client->on(QStringLiteral("news"),
                [&received, i](const QVariantList &args) { received[size_t(i)] = args; });
            QVERIFY(connectClient(*client));
            clients.push_back(std::move(client));
        }
        const QVariantList args { bigText(), QByteArray(2000, 'b'), QStringLiteral("tail") };
        for (int round = 0; round < 3; ++round) { // several rounds: nonces must keep matching
            for (auto &r : received)
                r.clear();
            QCOMPARE(server->emitEvent(QStringLiteral("news"), args), int(kinds.size()));
            for (qsizetype i = 0; i < kinds.size(); ++i)
                QTRY_COMPARE(received[size_t(i)], args);
        }
        for (auto &client : clients)
            QVERIFY(client->isConnected());
    }

    void requireEncryptionRefusesPlainClient()
    {
        ServerOptions options = serverOptions(true, true);
        options.requireEncryption = true;
        auto server = makeServer(options);
        QSignalSpy serverErrors(server.get(), &Server::connectionError);
        Client plain(urlOf(*server), clientOptions(true, false));
        QSignalSpy errors(&plain, &Client::errorOccurred);
        plain.open();
        QTRY_VERIFY(!errors.isEmpty());
        QCOMPARE(
            errors.first().first().value<Error>().message(), QStringLiteral("encryption required"));
        QVERIFY(!plain.isConnected());
        QTRY_VERIFY(!serverErrors.isEmpty());
        QVERIFY(serverErrors.first().at(1).toString().contains(QLatin1String("encryption")));

        Client encrypted(urlOf(*server), clientOptions(false, true));
        QVERIFY(connectClient(encrypted));
    }

    void encryptionNotGranted()
    {
        auto server = makeServer(serverOptions(true, false));
        Client client(urlOf(*server), clientOptions(true, true));
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy connected(&client, &Client::connected);
        client.open();
        QTRY_VERIFY(!errors.isEmpty());
        QCOMPARE(errors.first().first().value<Error>().message(),
            QStringLiteral("encryption not granted by the server"));
        // A fixed wait on purpose: the claim is that connected() never follows the error.
        QTest::qWait(100);
        QVERIFY(connected.isEmpty());
    }

    void wrongKey()
    {
        auto server = makeServer(serverOptions(false, true));
        QSignalSpy serverErrors(server.get(), &Server::connectionError);
        Client client(urlOf(*server), clientOptions(false, true, kOtherKeyBase64));
        QSignalSpy errors(&client, &Client::errorOccurred);
        QSignalSpy connected(&client, &Client::connected);
        QSignalSpy eventsSeen(server.get(), &Server::connected);
        client.open();
        QTRY_VERIFY(!errors.isEmpty());
        QCOMPARE(
            errors.first().first().value<Error>().message(), QStringLiteral("decryption failed"));
        QTRY_VERIFY(!serverErrors.isEmpty());
        QCOMPARE(serverErrors.first().at(1).toString(), QStringLiteral("decryption failed"));
        QVERIFY(connected.isEmpty());
        QVERIFY(eventsSeen.isEmpty()); // the CONNECT was never delivered
    }

    void tamperedFrameFromServerSide()
    {
        // A client whose key matches for its own frames cannot exist with a wrong server key,
        // so check the other direction: the server's frames to a connected client fail when
        // they do not decrypt. Simulated with a raw client that speaks the envelope wrongly.
        auto server = makeServer(serverOptions(false, true));
        QSignalSpy serverErrors(server.get(), &Server::connectionError);
        QWebSocket raw;
        QSignalSpy opened(&raw, &QWebSocket::textMessageReceived);
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        raw.open(engineUrl(*server, QStringLiteral("&ssx=aes256gcm")));
        QTRY_VERIFY(!opened.isEmpty());
        QVERIFY(opened.first().first().toString().contains(QLatin1String("\"aes256gcm\":true")));
        raw.sendBinaryMessage(QByteArray("\x04") + QByteArray(40, 'x')); // garbage ciphertext
        QTRY_VERIFY(!closed.isEmpty());
        QTRY_VERIFY(!serverErrors.isEmpty());
        QCOMPARE(serverErrors.first().at(1).toString(), QStringLiteral("decryption failed"));
        QCOMPARE(raw.closeReason(), QStringLiteral("decryption failed"));
    }

    void plaintextOnEncryptedConnectionIsRefused()
    {
        auto server = makeServer(serverOptions(false, true));
        QSignalSpy serverErrors(server.get(), &Server::connectionError);
        QSignalSpy joined(server.get(), &Server::connected);
        QWebSocket raw;
        QSignalSpy opened(&raw, &QWebSocket::textMessageReceived);
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        raw.open(engineUrl(*server, QStringLiteral("&ssx=aes256gcm")));
        QTRY_VERIFY(!opened.isEmpty());
        raw.sendTextMessage(QStringLiteral("40"));
        QTRY_VERIFY(!closed.isEmpty());
        QVERIFY(joined.isEmpty());
        QTRY_VERIFY(!serverErrors.isEmpty());
    }

    void decompressionBombClosesOnlyThatConnection()
    {
        auto server = makeServer(serverOptions(true, false));
        QSignalSpy serverErrors(server.get(), &Server::connectionError);
        Client bystander(urlOf(*server), clientOptions(true, false));
        QVERIFY(connectClient(bystander));

        QWebSocket raw;
        QSignalSpy opened(&raw, &QWebSocket::textMessageReceived);
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        raw.open(engineUrl(*server, QStringLiteral("&ssx=deflate")));
        QTRY_VERIFY(!opened.isEmpty());
        QVERIFY(opened.first().first().toString().contains(QLatin1String("\"deflate\"")));

        // 50 MB of '4' + zeros as raw DEFLATE: ~50 KB on the wire, 50x maxPayload inflated.
        const QByteArray plain = "42[\"echo\",\"" + QByteArray(50 * 1000 * 1000, '0') + "\"]";
        z_stream z {};
        QVERIFY(deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
        QByteArray bomb(int(deflateBound(&z, uLong(plain.size()))) + 1, Qt::Uninitialized);
        bomb[0] = '\x02'; // header: compressed text message
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(plain.data()));
        z.avail_in = uInt(plain.size());
        z.next_out = reinterpret_cast<Bytef *>(bomb.data() + 1);
        z.avail_out = uInt(bomb.size() - 1);
        QCOMPARE(deflate(&z, Z_FINISH), Z_STREAM_END);
        bomb.resize(bomb.size() - int(z.avail_out));
        deflateEnd(&z);
        QVERIFY(bomb.size() < 1000000); // passes the wire limit; only inflating trips it
        raw.sendBinaryMessage(bomb);

        QTRY_VERIFY(!closed.isEmpty());
        QTRY_VERIFY(!serverErrors.isEmpty());
        QVERIFY(serverErrors.first().at(1).toString().contains(QLatin1String("maxPayload")));
        QCOMPARE(raw.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
        // Everyone else is still served.
        QVERIFY(bystander.isConnected());
        const AckResult result = ask(bystander, QStringLiteral("echo"), { bigText() });
        QVERIFY(result.isOk());
    }

    // The seed's `aes-256-cbc` is accepted and served as AES-256-GCM, with one warning (at
    // listen(), not per connection); `aes-256-gcm` gives no warning.
    void cbcIsServedAsGcmWithOneWarning_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<int>("warnings");
        QTest::newRow("aes-256-cbc") << QStringLiteral("aes-256-cbc") << 1;
        QTest::newRow("AES-256-CBC") << QStringLiteral("AES-256-CBC") << 1;
        QTest::newRow("aes-256-gcm") << QStringLiteral("aes-256-gcm") << 0;
    }
    void cbcIsServedAsGcmWithOneWarning()
    {
        QFETCH(QString, algorithm);
        QFETCH(int, warnings);
        MessageCatcher catcher;
        ServerOptions options = serverOptions(false, true);
        options.encryptionAlgorithm = algorithm;
        auto server = makeServer(options);
        QVERIFY2(server->isListening(), qPrintable(server->errorString()));

        QPointer<Socket> serverSocket;
        connect(server.get(), &Server::connected, this, [&](Socket *s) { serverSocket = s; });
        Client first(urlOf(*server), clientOptions(false, true));
        Client second(urlOf(*server), clientOptions(false, true));
        QVERIFY(connectClient(first));
        QVERIFY(connectClient(second));
        QVERIFY(serverSocket);
        // GCM is what was negotiated, and what our GCM-only client speaks.
        QCOMPARE(
            server->extensionStats(serverSocket).value(QStringLiteral("aes256gcm")).toBool(), true);
        const AckResult result = ask(first, QStringLiteral("echo"), { bigText() });
        QVERIFY2(result.isOk(), qPrintable(result.errorString()));
        QCOMPARE(result.value().toString(), bigText());

        const QStringList cbcWarnings = catcher.matching(QtWarningMsg,
            QStringLiteral("encryptionAlgorithm aes-256-cbc is served as aes-256-gcm "
                           "(CBC has no authentication)"));
        QVERIFY2(cbcWarnings.size() == warnings, qPrintable(catcher.all().join(QLatin1Char('\n'))));
    }

    // compressionLevel is honoured by each side on its own: the server deflates what it
    // sends at its level, the client at its own. Two runs with the levels swapped send the
    // same compressible packets; the level-9 side must put fewer bytes on the wire than the
    // level-1 side did, and the payload arrives intact either way.
    void compressionLevelIsHonoured()
    {
        const QString payload = wordSoup();
        struct Run
        {
            quint64 outBefore = 0, outAfter = 0; // server -> client (the server's level)
            quint64 inWire = 0, inInflated = 0; // client -> server (the client's level)
        };
        const auto run = [&](int serverLevel, int clientLevel, Run *r) {
            ServerOptions so = serverOptions(true, false);
            so.compressionLevel = serverLevel;
            auto server = makeServer(so);
            QVERIFY(server->isListening());
            ClientOptions co = clientOptions(true, false);
            co.compressionLevel = clientLevel;
            Client client(urlOf(*server), co);
            QVERIFY(connectClient(client));
            const AckResult result = ask(client, QStringLiteral("echo"), { payload });
            QVERIFY2(result.isOk(), qPrintable(result.errorString()));
            QCOMPARE(result.value().toString(), payload);
            const ConnectionStats stats = server->connectionStats();
            QCOMPARE(stats.compressedMessagesIn, quint64(1));
            QCOMPARE(stats.compressedMessagesOut, quint64(1));
            r->outBefore = stats.compressionBytesOutBefore;
            r->outAfter = stats.compressionBytesOutAfter;
            r->inWire = stats.compressionBytesInBefore;
            r->inInflated = stats.compressionBytesInAfter;
        };
        Run serverFast; // server level 1, client level 9
        Run serverBest; // server level 9, client level 1
        run(1, 9, &serverFast);
        if (QTest::currentTestFailed())
            return;
        run(9, 1, &serverBest);
        if (QTest::currentTestFailed())
            return;
        const QString figures
            = QStringLiteral("server out: %1 -> %2 (level 1), %3 -> %4 (level 9); "
                             "client out: %5 -> %6 (level 9), %7 -> %8 (level 1)")
                  .arg(serverFast.outBefore)
                  .arg(serverFast.outAfter)
                  .arg(serverBest.outBefore)
                  .arg(serverBest.outAfter)
                  .arg(serverFast.inInflated)
                  .arg(serverFast.inWire)
                  .arg(serverBest.inInflated)
                  .arg(serverBest.inWire);
        // The same packets both times, so the sizes compare.
        QVERIFY2(serverFast.outBefore == serverBest.outBefore, qPrintable(figures));
        QVERIFY2(serverFast.inInflated == serverBest.inInflated, qPrintable(figures));
        QVERIFY2(serverBest.outAfter < serverFast.outAfter, qPrintable(figures));
        QVERIFY2(serverFast.inWire < serverBest.inWire, qPrintable(figures));
        // Both levels compress this payload well (it is ~25 KB of words from 26).
        QVERIFY2(serverFast.outAfter * 3 < serverFast.outBefore, qPrintable(figures));
        QVERIFY2(serverBest.inWire * 3 < serverBest.inInflated, qPrintable(figures));
        qInfo().noquote() << figures;
    }
};

QTEST_MAIN(tst_Extensions)
#include "tst_extensions.moc"
