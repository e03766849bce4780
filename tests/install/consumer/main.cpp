// Uses the installed SmartSocket package: a Server on a free loopback port and a Client that
// emits `echo` with an ack. Exits 0 only when the reply matches what was sent.

#include <smartsocket/smartsocket.h>

#include <QCoreApplication>
#include <QTimer>
#include <QUrl>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);

    SmartSocket::Server server; // port 0: a free one, on 127.0.0.1
    server.on(QStringLiteral("echo"),
        [](SmartSocket::Socket *, const QVariantList &args, const SmartSocket::Ack &ack) {
            ack(args);
        });
    if (!server.listen()) {
        std::fprintf(stderr, "consumer: listen failed: %s\n", qPrintable(server.errorString()));
        return 2;
    }

    const QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(server.port()));
    SmartSocket::Client client(url);
    const QVariantList sent { QStringLiteral("installed"), 42 };
    int result = 1;

    QObject::connect(&client, &SmartSocket::Client::connected, &app, [&] {
        client.emitEvent(
            QStringLiteral("echo"), sent,
            [&](const SmartSocket::AckResult &reply) {
                if (!reply.isOk()) {
                    std::fprintf(
                        stderr, "consumer: ack failed: %s\n", qPrintable(reply.errorString()));
                    result = 3;
                } else if (reply.args().size() != 2
                    || reply.args().at(0).toString() != sent.at(0).toString()
                    || reply.args().at(1).toInt() != 42) {
                    std::fprintf(
                        stderr, "consumer: unexpected reply (%d args)\n", int(reply.args().size()));
                    result = 4;
                } else {
                    std::printf("consumer: echo ack ok from port %u\n", unsigned(server.port()));
                    result = 0;
                }
                client.close();
                QTimer::singleShot(0, &app, &QCoreApplication::quit);
            },
            5000);
    });
    QObject::connect(
        &client, &SmartSocket::Client::errorOccurred, &app, [&](const SmartSocket::Error &error) {
            std::fprintf(stderr, "consumer: client error: %s\n", qPrintable(error.message()));
            result = 5;
            app.quit();
        });
    QTimer::singleShot(20000, &app, [&] {
        std::fprintf(stderr, "consumer: no reply within 20 s\n");
        result = 6;
        app.quit();
    });

    client.open();
    app.exec();
    return result;
}
