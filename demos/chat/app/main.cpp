// smartsocket-chat: the Qt Widgets client of smartsocket-chat-server. Public API only.

#include "apptranslator.h"
#include "chatsession.h"
#include "chatwindow.h"
#include "startdialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QRegularExpression>

#include <cstdio>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("smartsocket-chat"));
    QApplication::setApplicationDisplayName(QStringLiteral("SmartSocket Chat"));
    QApplication::setDesktopFileName(QStringLiteral("smartsocket-chat"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/smartsocket-chat.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Chat client for smartsocket-chat-server."));
    parser.addHelpOption();
    const QCommandLineOption urlOption(QStringLiteral("url"),
        QStringLiteral("Server URL, e.g. ws://127.0.0.1:3000 (with --user: no start dialog)."),
        QStringLiteral("url"));
    const QCommandLineOption userOption(
        QStringLiteral("user"), QStringLiteral("User name."), QStringLiteral("name"));
    const QCommandLineOption roomOption(QStringLiteral("room"),
        QStringLiteral("Room to join first (general)."), QStringLiteral("room"));
    const QCommandLineOption langOption(QStringLiteral("lang"),
        QStringLiteral("Language: de, fr or en (default: the system's)."), QStringLiteral("code"));
    // X11's -geometry, on every platform (the xcb plugin takes it before we see it).
    const QCommandLineOption geometryOption(QStringLiteral("geometry"),
        QStringLiteral("Window size and position, WxH+X+Y."), QStringLiteral("geometry"));
    parser.addOptions({ urlOption, userOption, roomOption, langOption, geometryOption });
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.process(app);

    AppTranslator translator;
    if (!translator.setLanguage(parser.value(langOption))) {
        std::fprintf(stderr, "smartsocket-chat: unknown --lang %s (de, fr, en)\n",
            qPrintable(parser.value(langOption)));
        return 1;
    }

    QUrl url(parser.value(urlOption), QUrl::StrictMode);
    QString user = parser.value(userOption).trimmed();
    if (parser.isSet(urlOption) && !StartDialog::checkUrl(url).isEmpty()) {
        std::fprintf(
            stderr, "smartsocket-chat: invalid --url %s\n", qPrintable(parser.value(urlOption)));
        return 1;
    }
    if (!parser.isSet(urlOption) || user.isEmpty()) {
        StartDialog dialog;
        if (parser.isSet(urlOption))
            dialog.setServerUrl(url);
        dialog.setUserName(user);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
        url = dialog.serverUrl();
        user = dialog.userName();
    }

    ChatSession session;
    ChatWindow window(&session, &translator);
    session.joinRoom(
        parser.isSet(roomOption) ? parser.value(roomOption) : QStringLiteral("general"));
    session.start(url, user);
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
