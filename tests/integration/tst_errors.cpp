// Errors: refused and failing events as the client sees them, bad HTTP requests, oversized
// and malformed packets (each closes only the connection that sent it).
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"

#include <QTcpSocket>
#include <QWebSocket>
#include <QtTest>

#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::engineUrl;
using TestKit::ownConnection;
using TestKit::startEchoServer;
using TestKit::urlOf;

class tst_Errors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handlerExceptionDoesNotKillTheServer()
    {
        auto server = startEchoServer();
        server->on(QStringLiteral("boom"),
            [](Socket *, const QVariantList &) { throw std::runtime_error("exploded"); });
        QSignalSpy serverErrors(server.get(), &Server::errorOccurred);
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
        client.emitEvent(QStringLiteral("boom"));
        QTRY_COMPARE(serverErrors.size(), 1);
        QCOMPARE(serverErrors.at(0).at(0).value<Error>().message(), QStringLiteral("exploded"));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
    }

    // The `code` of a refused or failed event as the client receives it: the error's own
    // code, UNKNOWN when a middleware refused without one (or threw), HANDLER_ERROR when the
    // event's handler threw. It arrives three ways: the `__error__` event, the ack's reply
    // {error, code}, and Client::errorOccurred; the server reports it by errorOccurred.
    void errorCodesReachTheClient_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("code");
        QTest::newRow("middleware next(Error) without a code") << QStringLiteral(
            "refuse-plain") << QStringLiteral("Nope") << QStringLiteral("UNKNOWN");
        QTest::newRow("middleware next(message)")
            << QStringLiteral("refuse-text") << QStringLiteral("No text")
            << QStringLiteral("UNKNOWN");
        QTest::newRow("middleware throws")
            << QStringLiteral("middleware-throws") << QStringLiteral("middleware broke")
            << QStringLiteral("UNKNOWN");
        QTest::newRow("middleware next(Error) with a code")
            << QStringLiteral("refuse-coded") << QStringLiteral("Not authenticated")
            << QStringLiteral("AUTH");
        QTest::newRow("handler throws std::exception")
            << QStringLiteral("handler-throws") << QStringLiteral("exploded")
            << QStringLiteral("HANDLER_ERROR");
        QTest::newRow("handler throws something else")
            << QStringLiteral("handler-throws-int") << QStringLiteral("handler threw")
            << QStringLiteral("HANDLER_ERROR");
    }
    void errorCodesReachTheClient()
    {
        QFETCH(QString, event);
        QFETCH(QString, message);
        QFETCH(QString, code);
        auto server = startEchoServer();
        server->use([](Socket *, const QString &event, QVariantList &, const Next &next) {
            if (event == QLatin1String("refuse-plain"))
                return next(Error(QStringLiteral("Nope")));
            if (event == QLatin1String("refuse-text"))
                return next(QStringLiteral("No text"));
            if (event == QLatin1String("refuse-coded"))
                return next(Error(QStringLiteral("Not authenticated"), {}, QStringLiteral("AUTH")));
            if (event == QLatin1String("middleware-throws"))
                throw std::runtime_error("middleware broke");
            next();
        });
        int handled = 0;
        const auto ok = [&](Socket *, const QVariantList &, const Ack &ack) {
            ++handled;
            ack({ true });
        };
        for (const char *name :
            { "refuse-plain", "refuse-text", "refuse-coded", "middleware-throws" })
            server->on(QString::fromLatin1(name), ok);
        server->on(QStringLiteral("handler-throws"),
            [](Socket *, const QVariantList &) { throw std::runtime_error("exploded"); });
        server->on(
            QStringLiteral("handler-throws-int"), [](Socket *, const QVariantList &) { throw 42; });
        QSignalSpy serverErrors(server.get(), &Server::errorOccurred);

        Client client(urlOf(*server), ownConnection());
        QList<QVariantMap> errorEvents;
        client.on(QStringLiteral("__error__"),
            [&](const QVariantList &args) { errorEvents.append(args.value(0).toMap()); });
        QSignalSpy clientErrors(&client, &Client::errorOccurred);
        QVERIFY(connectClient(client));

        const AckResult reply = ask(client, event, { 1 });
        QVERIFY2(reply.isOk(), qPrintable(reply.errorString())); // answered, with an error object
        const QVariantMap answer = reply.value().toMap();
        QCOMPARE(answer.value(QStringLiteral("error")).toString(), message);
        QCOMPARE(answer.value(QStringLiteral("code")).toString(), code);
        QCOMPARE(handled, 0);

        QTRY_COMPARE(errorEvents.size(), 1);
        QCOMPARE(errorEvents.at(0).value(QStringLiteral("event")).toString(), event);
        QCOMPARE(errorEvents.at(0).value(QStringLiteral("message")).toString(), message);
        QCOMPARE(errorEvents.at(0).value(QStringLiteral("code")).toString(), code);
        QTRY_COMPARE(clientErrors.size(), 1);
        const Error clientError = clientErrors.at(0).at(0).value<Error>();
        QCOMPARE(clientError.message(), message);
        QCOMPARE(clientError.code(), code);

        QCOMPARE(serverErrors.size(), 1);
        QCOMPARE(serverErrors.at(0).at(0).value<Error>().message(), message);
        QCOMPARE(serverErrors.at(0).at(2).toString(), event);
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk()); // still served
    }

    // ServerOptions::enableErrorHandling decides whether a refused or failed event is also
    // reported to the client by an `__error__` event; the ack (when asked for) is answered
    // with {error, code} either way, and the server's errorOccurred fires either way.
    // ClientOptions::enableErrorHandling decides whether `__error__` becomes errorOccurred.
    void errorHandlingOptions_data()
    {
        QTest::addColumn<bool>("serverHandling");
        QTest::addColumn<bool>("clientHandling");
        QTest::newRow("server on, client on") << true << true;
        QTest::newRow("server off, client on") << false << true;
        QTest::newRow("server on, client off") << true << false;
    }
    void errorHandlingOptions()
    {
        QFETCH(bool, serverHandling);
        QFETCH(bool, clientHandling);
        ServerOptions options;
        options.enableErrorHandling = serverHandling;
        auto server = startEchoServer(options);
        server->use(QStringLiteral("secret"),
            [](Socket *, const QString &, QVariantList &, const Next &next) {
                next(Error(QStringLiteral("Not authenticated"), {}, QStringLiteral("AUTH")));
            });
        server->on(QStringLiteral("secret"), [](Socket *, const QVariantList &) {});
        server->on(QStringLiteral("boom"),
            [](Socket *, const QVariantList &) { throw std::runtime_error("exploded"); });
        QSignalSpy serverErrors(server.get(), &Server::errorOccurred);

        ClientOptions clientOptions = ownConnection();
        clientOptions.enableErrorHandling = clientHandling;
        Client client(urlOf(*server), clientOptions);
        QStringList errorEvents;
        client.on(QStringLiteral("__error__"), [&](const QVariantList &args) {
            errorEvents.append(args.value(0).toMap().value(QStringLiteral("code")).toString());
        });
        QSignalSpy clientErrors(&client, &Client::errorOccurred);
        QVERIFY(connectClient(client));

        const AckResult refused = ask(client, QStringLiteral("secret"), {});
        QVERIFY(refused.isOk());
        QCOMPARE(refused.value().toMap().value(QStringLiteral("code")).toString(),
            QStringLiteral("AUTH"));
        client.emitEvent(QStringLiteral("boom")); // no ack: only `__error__` could tell
        QTRY_COMPARE(serverErrors.size(), 2);
        // A round trip: any `__error__` the server sent arrived before this reply.
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());

        const QStringList expected = serverHandling
            ? QStringList { QStringLiteral("AUTH"), QStringLiteral("HANDLER_ERROR") }
            : QStringList();
        QCOMPARE(errorEvents, expected);
        QCOMPARE(clientErrors.size(), clientHandling ? expected.size() : 0);
        QVERIFY(client.isConnected());
    }

    void badRequestsGetHttpErrors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("polling") << QByteArray(
            "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: x\r\n\r\n")
                                 << QByteArray("400")
                                 << QByteArray("{\"code\":0,\"message\":\"Transport unknown\"}");
        QTest::newRow("no transport")
            << QByteArray("GET /socket.io/?EIO=4 HTTP/1.1\r\nHost: x\r\n\r\n") << QByteArray("400")
            << QByteArray("\"code\":0");
        QTest::newRow("EIO 3") << QByteArray(
            "GET /socket.io/?EIO=3&transport=websocket HTTP/1.1\r\nHost: x\r\nUpgrade: "
            "websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
            "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                               << QByteArray("400") << QByteArray("\"code\":5");
        QTest::newRow("unknown sid")
            << QByteArray("GET /socket.io/?EIO=4&transport=websocket&sid=abc HTTP/1.1\r\nHost: "
                          "x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                          "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
            << QByteArray("400") << QByteArray("\"code\":1");
        QTest::newRow("websocket without upgrade")
            << QByteArray("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("400") << QByteArray("\"code\":3");
        QTest::newRow("wrong path")
            << QByteArray("GET /other/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\n\r\n")
            << QByteArray("404") << QByteArray("");
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x00garbage\r\n\r\n", 16)
                                 << QByteArray("400") << QByteArray("");
        QTest::newRow("POST") << QByteArray("POST /socket.io/?EIO=4&transport=websocket "
                                            "HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
                              << QByteArray("400") << QByteArray("\"code\":2");
    }

    void badRequestsGetHttpErrors()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, body);
        auto server = startEchoServer();
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, server->port());
        QVERIFY(raw.waitForConnected(3000));
        raw.write(request);
        QByteArray response;
        QTRY_VERIFY((response += raw.readAll()).contains("\r\n\r\n") && response.contains(body));
        QVERIFY2(response.startsWith("HTTP/1.1 " + status), response.constData());
        // The server still serves others.
        Client client(urlOf(*server), ownConnection());
        QVERIFY(connectClient(client));
    }

    void oversizedMessageClosesOnlyThatConnection()
    {
        ServerOptions options;
        options.maxPayload = 1000;
        auto server = startEchoServer(options);
        QSignalSpy connErrors(server.get(), &Server::connectionError);
        Client big(urlOf(*server), ownConnection());
        Client small(urlOf(*server), ownConnection());
        QSignalSpy bigGone(&big, &Client::disconnected);
        QVERIFY(connectClient(big));
        QVERIFY(connectClient(small));
        big.emitEvent(QStringLiteral("echo"), { QString(2000, QLatin1Char('x')) });
        QTRY_COMPARE(bigGone.size(), 1);
        QVERIFY(connErrors.size() >= 1);
        QVERIFY(ask(small, QStringLiteral("echo"), { QString(500, QLatin1Char('y')) }).isOk());
    }

    void malformedPacketsCloseOnlyThatConnection_data()
    {
        QTest::addColumn<QString>("frame");
        QTest::newRow("bad json") << QStringLiteral("42[\"echo\",");
        QTest::newRow("reserved event") << QStringLiteral("42[\"disconnect\"]");
        QTest::newRow("not joined namespace") << QStringLiteral("42/nope,[\"echo\"]");
        QTest::newRow("bad engine type") << QStringLiteral("9hello");
        QTest::newRow("bad socket.io type") << QStringLiteral("49[]");
        QTest::newRow("event not array") << QStringLiteral("42{\"a\":1}");
        QTest::newRow("second connect") << QStringLiteral("40");
    }

    void malformedPacketsCloseOnlyThatConnection()
    {
        QFETCH(QString, frame);
        auto server = startEchoServer();
        QSignalSpy connErrors(server.get(), &Server::connectionError);
        Client bystander(urlOf(*server), ownConnection());
        QVERIFY(connectClient(bystander));
        QWebSocket raw;
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        bool joined = false;
        QObject::connect(&raw, &QWebSocket::textMessageReceived, [&](const QString &t) {
            if (t.startsWith(QLatin1Char('0')))
                raw.sendTextMessage(QStringLiteral("40"));
            else if (t.startsWith(QStringLiteral("40")))
                joined = true;
        });
        raw.open(engineUrl(*server));
        QTRY_VERIFY(joined);
        raw.sendTextMessage(frame);
        QTRY_COMPARE(closed.size(), 1);
        QVERIFY(connErrors.size() >= 1);
        QVERIFY(ask(bystander, QStringLiteral("echo"), { 1 }).isOk());
    }

    void eventsBeforeTheConnectReplyCloseTheConnection()
    {
        auto server = startEchoServer();
        Next held;
        server->useConnect([&](Socket *, const Next &next) { held = next; });
        QWebSocket raw;
        QSignalSpy closed(&raw, &QWebSocket::disconnected);
        QObject::connect(&raw, &QWebSocket::textMessageReceived, [&](const QString &t) {
            if (t.startsWith(QLatin1Char('0'))) {
                raw.sendTextMessage(QStringLiteral("40"));
                raw.sendTextMessage(QStringLiteral("42[\"echo\",1]")); // without waiting
            }
        });
        raw.open(engineUrl(*server));
        QTRY_COMPARE(closed.size(), 1);
        held(); // the late middleware finds its connection gone: nothing happens
        QCOMPARE(server->defaultNamespace()->socketCount(), 0);
    }
};

QTEST_MAIN(tst_Errors)
#include "tst_errors.moc"
