// Compression and encryption extensions through real loopback connections: our client and
// our server, each feature alone and together, broadcasts to mixed clients, refusals, wrong
// keys and a decompression bomb from a raw WebSocket client.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"

#include <QWebSocket>
#include <QtTest>

#include <zlib.h>

#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;

namespace {

const QByteArray kKeyHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
const QByteArray kOtherKeyBase64 = QByteArray(32, 'w').toBase64();

QUrl urlOf(const Server &server)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(server.port()));
}

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
        raw.open(QUrl(
            QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&ssx=aes256gcm")
                .arg(server->port())));
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
        raw.open(QUrl(
            QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&ssx=aes256gcm")
                .arg(server->port())));
        QTRY_VERIFY(!opened.isEmpty());
        raw.sendTextMessage(QStringLiteral("40"));
        QTRY_VERIFY(!closed.isEmpty());
        QVERIFY(joined.isEmpty());
        QTRY_VERIFY(!serverErrors.isEmpty());
    }

    void invalidUtf8InsideExtensionFrames_data()
    {
        QTest::addColumn<bool>("compressed");
        QTest::newRow("uncompressed extension frame") << false;
        QTest::newRow("compressed extension frame") << true;
    }

    // Text inside an extension frame (a binary WebSocket frame) never met the WebSocket
    // layer's UTF-8 check. Relayed unchanged, its bytes would go out in text frames to plain
    // peers, which must close on invalid UTF-8: one extended client could disconnect a room.
    void invalidUtf8InsideExtensionFrames()
    {
        QFETCH(bool, compressed);
        auto server = makeServer(serverOptions(true, false));
        server->on(QStringLiteral("join"), [](Socket *s, const QVariantList &args, const Ack &ack) {
            s->join(args.value(0).toString());
            ack();
        });
        server->on(QStringLiteral("to-room"), [](Socket *s, const QVariantList &args) {
            s->to(args.value(0).toString()).emitEvent(QStringLiteral("room-msg"), args);
        });
        QSignalSpy serverErrors(server.get(), &Server::connectionError);

        // The room: a plain client and one with compression; both count what reaches them.
        struct Peer
        {
            std::unique_ptr<Client> client;
            QList<QVariantList> received;
            QStringList gone;
        };
        std::vector<std::unique_ptr<Peer>> peers;
        for (const bool deflate : { false, true }) {
            auto peer = std::make_unique<Peer>();
            peer->client = std::make_unique<Client>(urlOf(*server), clientOptions(deflate, false));
            Peer *p = peer.get();
            peer->client->on(QStringLiteral("room-msg"),
                [p](const QVariantList &args) { p->received.append(args); });
            QObject::connect(p->client.get(), &Client::disconnected,
                [p](const QString &reason) { p->gone.append(reason); });
            QVERIFY(connectClient(*p->client));
            QVERIFY(ask(*p->client, QStringLiteral("join"), { QStringLiteral("r") }).isOk());
            peers.push_back(std::move(peer));
        }

        // The sender negotiates compression and speaks the envelope itself.
        QWebSocket raw;
        QStringList texts;
        QObject::connect(
            &raw, &QWebSocket::textMessageReceived, [&](const QString &t) { texts.append(t); });
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        raw.open(QUrl(
            QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&ssx=deflate")
                .arg(server->port())));
        QTRY_VERIFY(!texts.isEmpty());
        QVERIFY(texts.first().contains(QLatin1String("\"deflate\"")));
        raw.sendTextMessage(QStringLiteral("40"));
        QTRY_VERIFY(texts.size() >= 2 && texts.at(1).startsWith(QLatin1String("40{")));

        // Inside an object: the server's relay cache re-sends an unchanged object as the exact
        // text that came in.
        const QByteArray packet
            = "42[\"to-room\",\"r\",{\"text\":\"bad \xff\xfe text \xed\xa0\x80\"}]";
        QByteArray frame;
        if (compressed) {
            z_stream z {};
            QVERIFY(deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
            frame.resize(int(deflateBound(&z, uLong(packet.size()))) + 1);
            frame[0] = '\x02'; // header: compressed text message
            z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(packet.data()));
            z.avail_in = uInt(packet.size());
            z.next_out = reinterpret_cast<Bytef *>(frame.data() + 1);
            z.avail_out = uInt(frame.size() - 1);
            QCOMPARE(deflate(&z, Z_FINISH), Z_STREAM_END);
            frame.resize(frame.size() - int(z.avail_out));
            deflateEnd(&z);
        } else {
            frame = '\x00' + packet; // header: text message, neither compressed nor encrypted
        }
        raw.sendBinaryMessage(frame);

        // The sender is closed as a plain sender of invalid UTF-8 would be.
        QTRY_VERIFY(!closed.isEmpty());
        QCOMPARE(raw.closeCode(), QWebSocketProtocol::CloseCodeWrongDatatype); // 1007
        QCOMPARE(raw.closeReason(), QStringLiteral("text message is not valid UTF-8"));
        QTRY_VERIFY(!serverErrors.isEmpty());
        QCOMPARE(serverErrors.first().at(1).toString(),
            QStringLiteral("text message is not valid UTF-8"));

        // The room saw nothing of it and is still there: the next message is the first.
        QVERIFY(ask(*peers.at(1)->client, QStringLiteral("join"), { QStringLiteral("r") }).isOk());
        peers.at(1)->client->emitEvent(
            QStringLiteral("to-room"), { QStringLiteral("r"), QStringLiteral("after") });
        QTRY_COMPARE(peers.at(0)->received.size(), 1);
        QCOMPARE(peers.at(0)->received.first(),
            (QVariantList { QStringLiteral("r"), QStringLiteral("after") }));
        for (const auto &peer : peers) {
            QVERIFY2(peer->gone.isEmpty(), qPrintable(peer->gone.join(QLatin1Char(','))));
            QVERIFY(peer->client->isConnected());
        }
        QCOMPARE(peers.at(1)->received.size(), 0); // to-room excludes the sender
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
        raw.open(QUrl(
            QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket&ssx=deflate")
                .arg(server->port())));
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
};

QTEST_MAIN(tst_Extensions)
#include "tst_extensions.moc"
