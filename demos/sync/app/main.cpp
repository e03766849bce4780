// smartsocket-sync: a shared form kept in sync through smartsocket-sync-server. Public API only.

#include "apptranslator.h"
#include "syncsession.h"
#include "syncwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QRegularExpression>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("smartsocket-sync"));
    QApplication::setApplicationDisplayName(QStringLiteral("SmartSocket Sync"));
    QApplication::setDesktopFileName(QStringLiteral("smartsocket-sync"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/smartsocket-sync.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Shared form for smartsocket-sync-server."));
    parser.addHelpOption();
    const QCommandLineOption urlOption(QStringLiteral("url"),
        QStringLiteral("Server URL (ws://127.0.0.1:3001)."), QStringLiteral("url"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("Language: de, fr or en (default: the system's)."), QStringLiteral("code"));
    const QCommandLineOption geometryOption(QStringLiteral("geometry"),
        QStringLiteral("Window size and position, WxH+X+Y."), QStringLiteral("geometry"));
    parser.addOptions({ urlOption, langOption, geometryOption });
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.process(app);

    AppTranslator translator;
    if (!translator.setLanguage(parser.value(langOption))) {
        std::fprintf(stderr, "smartsocket-sync: unknown --lang %s (de, fr, en)\n",
            qPrintable(parser.value(langOption)));
        return 1;
    }
    const QUrl url(
        parser.isSet(urlOption) ? parser.value(urlOption) : QStringLiteral("ws://127.0.0.1:3001"),
        QUrl::StrictMode);
    static const QStringList schemes { QStringLiteral("ws"), QStringLiteral("wss"),
        QStringLiteral("http"), QStringLiteral("https") };
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme())) {
        std::fprintf(
            stderr, "smartsocket-sync: invalid --url %s\n", qPrintable(parser.value(urlOption)));
        return 1;
    }

    SyncSession session;
    SyncWindow window(&session, &translator);
    session.start(url);
    const QRegularExpressionMatch geometry
        = QRegularExpression(QStringLiteral("^(\\d+)x(\\d+)([+-]\\d+)([+-]\\d+)$"))
              .match(parser.value(geometryOption));
    if (geometry.hasMatch()) {
        window.resize(geometry.captured(1).toInt(), geometry.captured(2).toInt());
        window.move(geometry.captured(3).toInt(), geometry.captured(4).toInt());
    }
    window.show();
    return app.exec();
}
