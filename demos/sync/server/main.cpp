// smartsocket-sync-server: the seed's real-time data sync example (Example 2) as a server, on
// the namespace /sync: one shared, versioned state (see syncservice.h). Public API only.
//
// A program of its own rather than a mode of the chat server: the two share nothing but the
// flags and the signal handling (demos/common), and each stays one short main().

#include "demoserverflags.h"
#include "shutdownsignals.h"
#include "syncservice.h"

#include <smartsocket/smartsocket.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using SmartSocket::Server;
using SmartSocket::Socket;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("smartsocket-sync-server"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Socket.IO data sync server (namespace /sync): get-state, update-state with a version, "
        "state-updated broadcasts."));
    parser.addHelpOption();
    const DemoServerFlags common(QStringLiteral("smartsocket-sync-server"), 3001);
    common.addTo(parser);
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        common.error(QStringLiteral("unexpected argument: %1")
                         .arg(parser.positionalArguments().constFirst()));
        return 1;
    }
    SmartSocket::ServerOptions options;
    if (!common.apply(parser, options))
        return 1;

    ShutdownSignals stopSignals;
    if (!stopSignals.isValid()) {
        std::perror("smartsocket-sync-server: signal handlers");
        return 1;
    }
    Server server(options);
    SyncService sync(server.of(QStringLiteral("/sync")));
    if (common.verbose(parser)) {
        QObject::connect(&server, &Server::connected, [](Socket *socket) {
            std::fprintf(stderr, "connected %s\n", qPrintable(socket->id()));
        });
        QObject::connect(&server, &Server::disconnected, [](Socket *socket, const QString &reason) {
            std::fprintf(
                stderr, "disconnected %s: %s\n", qPrintable(socket->id()), qPrintable(reason));
        });
        QObject::connect(
            &sync, &SyncService::stateChanged, [](const QVariantMap &, qint64 version) {
                std::fprintf(stderr, "state version %lld\n", static_cast<long long>(version));
            });
    }
    QObject::connect(&stopSignals, &ShutdownSignals::received, &app, [&] {
        server.close();
        app.quit();
    });
    if (!server.listen()) {
        std::fprintf(stderr, "smartsocket-sync-server: cannot listen on %s:%u: %s\n",
            qPrintable(options.host.toString()), unsigned(options.port),
            qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening on %u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
