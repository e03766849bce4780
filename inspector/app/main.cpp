// smartsocket-inspector: a desktop inspector for Socket.IO v4 servers (admin mode against an
// instrumented server, client mode against any server). Public SmartSocket API only.

#include "connectionprofile.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QInputDialog>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>

using Inspector::ConnectionProfile;
using Inspector::MainWindow;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SmartSocket"));
    QApplication::setApplicationName(QStringLiteral("smartsocket-inspector"));
    QApplication::setApplicationDisplayName(
        QApplication::translate("main", "SmartSocket Inspector"));
    QApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/inspector/icons/app.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main",
        "Inspects Socket.IO v4 servers: --admin connects to the admin namespace of an "
        "instrumented server (@socket.io/admin-ui protocol), --client joins namespaces of any "
        "server as an ordinary client. Without --url, the connect dialog opens."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption url(QStringLiteral("url"),
        QApplication::translate("main", "Server URL (ws://, wss://, http://, https://)."),
        QStringLiteral("url"));
    const QCommandLineOption admin(QStringLiteral("admin"),
        QApplication::translate("main", "Admin mode (the default with --user)."));
    const QCommandLineOption client(
        QStringLiteral("client"), QApplication::translate("main", "Client mode (the default)."));
    const QCommandLineOption nsp(QStringLiteral("namespace"),
        QApplication::translate("main",
            "Admin mode: the admin namespace (default /admin). Client mode: a namespace to join "
            "(repeatable, or comma-separated; default /)."),
        QStringLiteral("nsp"));
    const QCommandLineOption user(QStringLiteral("user"),
        QApplication::translate(
            "main", "Admin user; the password comes from SMARTSOCKET_ADMIN_PASSWORD or a prompt."),
        QStringLiteral("name"));
    const QCommandLineOption auth(QStringLiteral("auth"),
        QApplication::translate("main", "Client mode: auth payload (a JSON object)."),
        QStringLiteral("json"));
    const QCommandLineOption query(QStringLiteral("query"),
        QApplication::translate("main", "Query parameter key=value (repeatable)."),
        QStringLiteral("pair"));
    const QCommandLineOption header(QStringLiteral("header"),
        QApplication::translate("main", "HTTP header \"Name: value\" (repeatable)."),
        QStringLiteral("header"));
    const QCommandLineOption ca(QStringLiteral("ca"),
        QApplication::translate("main", "Also trust the CA certificates in this PEM file."),
        QStringLiteral("file"));
    const QCommandLineOption insecure(QStringLiteral("insecure"),
        QApplication::translate("main", "Accept any server certificate (no verification)."));
    const QCommandLineOption page(QStringLiteral("page"),
        QApplication::translate("main",
            "Page to show first: dashboard, servers, namespaces, sockets, rooms, events, emit, "
            "acks, ratelimits."),
        QStringLiteral("page"));
    const QCommandLineOption emitEvent(QStringLiteral("emit"),
        QApplication::translate("main",
            "Once connected, send this event from the emit panel (client mode: with an ack, on "
            "the first namespace; admin mode: the server emits it to the namespace)."),
        QStringLiteral("event"));
    const QCommandLineOption emitArgs(QStringLiteral("args"),
        QApplication::translate("main", "JSON arguments of --emit (an array holds several)."),
        QStringLiteral("json"));
    parser.addOptions({ url, admin, client, nsp, user, auth, query, header, ca, insecure, page,
        emitEvent, emitArgs });
    parser.process(app);

    if (parser.isSet(admin) && parser.isSet(client)) {
        std::fprintf(stderr, "%s\n",
            qPrintable(QApplication::translate("main", "--admin and --client exclude each other")));
        return 1;
    }

    MainWindow window;
    window.show();

    if (parser.isSet(page)) {
        QString name = parser.value(page).toLower();
        if (name == QLatin1String("ratelimits"))
            name = QStringLiteral("rateLimits");
        if (!window.showPage(name + QStringLiteral("Page"))) {
            std::fprintf(stderr, "%s\n",
                qPrintable(
                    QApplication::translate("main", "unknown page: %1").arg(parser.value(page))));
            return 1;
        }
    }

    if (!parser.isSet(url)) {
        QTimer::singleShot(0, &window, &MainWindow::openConnectDialog);
        return app.exec();
    }

    ConnectionProfile profile;
    QString urlText = parser.value(url);
    if (!urlText.contains(QStringLiteral("://")))
        urlText.prepend(QStringLiteral("ws://"));
    profile.url = QUrl(urlText);
    const bool adminMode = parser.isSet(admin) || (parser.isSet(user) && !parser.isSet(client));
    profile.mode = adminMode ? ConnectionProfile::Mode::Admin : ConnectionProfile::Mode::Client;
    QStringList namespaces;
    const QStringList values = parser.values(nsp);
    for (const QString &v : values) {
        const QStringList parts = v.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &p : parts)
            namespaces << p.trimmed();
    }
    if (adminMode && !namespaces.isEmpty())
        profile.adminNamespace = namespaces.first();
    if (!adminMode && !namespaces.isEmpty())
        profile.namespaces = namespaces;
    profile.username = parser.value(user);
    profile.authJson = parser.value(auth);
    profile.query = parser.values(query).join(QLatin1Char('\n'));
    profile.headers = parser.values(header).join(QLatin1Char('\n'));
    profile.caCertificateFile = parser.value(ca);
    profile.ignoreSslErrors = parser.isSet(insecure);

    QString password;
    if (adminMode && !profile.username.isEmpty()) {
        if (qEnvironmentVariableIsSet("SMARTSOCKET_ADMIN_PASSWORD")) {
            password = qEnvironmentVariable("SMARTSOCKET_ADMIN_PASSWORD");
        } else {
            bool ok = false;
            password = QInputDialog::getText(&window, QApplication::translate("main", "Password"),
                QApplication::translate("main", "Password of %1 on %2:")
                    .arg(profile.username, profile.url.toString()),
                QLineEdit::Password, {}, &ok);
            if (!ok)
                return 1;
        }
    }
    if (parser.isSet(emitEvent)) {
        window.emitWhenConnected(adminMode ? QStringLiteral("/") : profile.namespaces.value(0),
            parser.value(emitEvent), parser.value(emitArgs));
    }
    QString error;
    if (!window.connectTo(profile, password, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        QMessageBox::critical(&window, QApplication::translate("main", "Connect"), error);
        return 1;
    }
    return app.exec();
}
