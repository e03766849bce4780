// smartsocket-chat-server: the seed's chat example (Example 1) as a server, on the namespace
// /chat: rooms with user lists and history, validation, rate limiting of send-message,
// optional encryption. Public API only. The protocol is described in chatservice.h.

#include "chatservice.h"
#include "demoserverflags.h"
#include "shutdownsignals.h"

#include <smartsocket/smartsocket.h>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <limits>

using SmartSocket::Server;
using SmartSocket::Socket;

namespace {

const char program[] = "smartsocket-chat-server";

struct Config
{
    SmartSocket::ServerOptions options;
    ChatService::Settings chat;
    SmartSocket::RateLimit messageRate { 10000, 10 };
    bool verbose = false;
};

// Returns false after printing the problem (parser.process() exits for --help itself).
bool parseArguments(const QCoreApplication &app, Config *config)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Socket.IO chat server (namespace /chat): join-room, send-message, leave-room and "
        "list-rooms, with per-room user lists and history."));
    parser.addHelpOption();
    const DemoServerFlags common(QString::fromLatin1(program), 3000);
    common.addTo(parser);
    const QCommandLineOption historyOption(QStringLiteral("history"),
        QStringLiteral("Messages kept per room and given to joining users (%1).")
            .arg(config->chat.historySize),
        QStringLiteral("n"));
    const QCommandLineOption maxLengthOption(QStringLiteral("max-message-length"),
        QStringLiteral("Longest message accepted, in characters (%1).")
            .arg(config->chat.maxMessageLength),
        QStringLiteral("n"));
    const QCommandLineOption rateOption(QStringLiteral("message-rate"),
        QStringLiteral("At most MAX send-message events per WINDOW_MS per client (%1:%2).")
            .arg(config->messageRate.maxRequests)
            .arg(config->messageRate.window),
        QStringLiteral("max:window_ms"));
    const QCommandLineOption roomsOption(QStringLiteral("rooms"),
        QStringLiteral("Comma-separated rooms that always exist (%1).")
            .arg(config->chat.defaultRooms.join(QLatin1Char(','))),
        QStringLiteral("names"));
    parser.addOptions({ historyOption, maxLengthOption, rateOption, roomsOption });
    parser.process(app);
    if (!parser.positionalArguments().isEmpty()) {
        common.error(QStringLiteral("unexpected argument: %1")
                         .arg(parser.positionalArguments().constFirst()));
        return false;
    }
    if (!common.apply(parser, config->options))
        return false;
    config->verbose = common.verbose(parser);

    constexpr qint64 intMax = std::numeric_limits<int>::max();
    qint64 history = config->chat.historySize;
    qint64 maxLength = config->chat.maxMessageLength;
    if (!common.number(parser, historyOption, 0, 100000, &history)
        || !common.number(parser, maxLengthOption, 1, intMax, &maxLength))
        return false;
    config->chat.historySize = int(history);
    config->chat.maxMessageLength = int(maxLength);
    if (parser.isSet(rateOption)) {
        const QStringList parts = parser.value(rateOption).split(QLatin1Char(':'));
        bool maxOk = false;
        bool windowOk = false;
        const int max = parts.value(0).toInt(&maxOk);
        const int window = parts.value(1).toInt(&windowOk);
        if (parts.size() != 2 || !maxOk || !windowOk || max < 1 || window < 1) {
            common.error(QStringLiteral("invalid --message-rate %1 (MAX:WINDOW_MS)")
                             .arg(parser.value(rateOption)));
            return false;
        }
        config->messageRate = SmartSocket::RateLimit { window, max };
    }
    if (parser.isSet(roomsOption)) {
        QStringList rooms;
        for (const QString &room : parser.value(roomsOption).split(QLatin1Char(','))) {
            if (!room.trimmed().isEmpty())
                rooms.append(room.trimmed());
        }
        config->chat.defaultRooms = rooms;
    }
    return true;
}

void logActivity(Server *server, ChatService *chat)
{
    QObject::connect(server, &Server::connected,
        [](Socket *socket) { std::fprintf(stderr, "connected %s\n", qPrintable(socket->id())); });
    QObject::connect(server, &Server::disconnected, [](Socket *socket, const QString &reason) {
        std::fprintf(stderr, "disconnected %s: %s\n", qPrintable(socket->id()), qPrintable(reason));
    });
    QObject::connect(server, &Server::errorOccurred,
        [](const SmartSocket::Error &error, Socket *socket, const QString &event) {
            std::fprintf(stderr, "refused %s from %s: %s\n", qPrintable(event),
                socket ? qPrintable(socket->id()) : "?", qPrintable(error.message()));
        });
    QObject::connect(server, &Server::rateLimited, [](Socket *socket, const QString &event) {
        std::fprintf(
            stderr, "rate limited %s from %s\n", qPrintable(event), qPrintable(socket->id()));
    });
    QObject::connect(chat, &ChatService::userJoined, [](const QString &room, const QString &user) {
        std::fprintf(stderr, "%s joined %s\n", qPrintable(user), qPrintable(room));
    });
    QObject::connect(chat, &ChatService::userLeft, [](const QString &room, const QString &user) {
        std::fprintf(stderr, "%s left %s\n", qPrintable(user), qPrintable(room));
    });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QString::fromLatin1(program));

    Config config;
    config.options.port = 3000;
    if (!parseArguments(app, &config))
        return 1;

    ShutdownSignals stopSignals;
    if (!stopSignals.isValid()) {
        std::perror("smartsocket-chat-server: signal handlers");
        return 1;
    }

    Server server(config.options);
    // Rate limiting on send-message only: joining and leaving stay free.
    server.setEventRateLimit(QStringLiteral("send-message"), config.messageRate);
    ChatService chat(server.of(QStringLiteral("/chat")), config.chat);
    if (config.verbose)
        logActivity(&server, &chat);
    // Instrumentation hooks in here: everything observable is on `server` (signals, stats,
    // namespaces) and on `chat` (rooms(), users(), history() and its signals).

    QObject::connect(&stopSignals, &ShutdownSignals::received, &app, [&] {
        chat.shutdown(); // no "user-left" to the rooms while everyone is disconnected
        server.close();
        app.quit();
    });
    if (!server.listen()) {
        std::fprintf(stderr, "%s: cannot listen on %s:%u: %s\n", program,
            qPrintable(config.options.host.toString()), unsigned(config.options.port),
            qPrintable(server.errorString()));
        return 1;
    }
    std::printf("listening on %u\n", unsigned(server.port()));
    std::fflush(stdout);
    return app.exec();
}
