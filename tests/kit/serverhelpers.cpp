#include "serverhelpers.h"

#include <QDebug>

namespace TestKit {

using namespace SmartSocket;

QUrl urlOf(const Server &server, const QString &path)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2").arg(server.port()).arg(path));
}

QUrl engineUrl(const Server &server, const QString &extraQuery)
{
    return QUrl(QStringLiteral("ws://127.0.0.1:%1%2?EIO=4&transport=websocket%3")
                    .arg(server.port())
                    .arg(server.options().path, extraQuery));
}

ClientOptions ownConnection(const QString &nsp)
{
    ClientOptions o;
    o.namespaceName = nsp;
    o.multiplex = false;
    o.reconnection = false;
    return o;
}

std::unique_ptr<Server> startEchoServer(const ServerOptions &options)
{
    auto server = std::make_unique<Server>(options);
    server->on(QStringLiteral("echo"),
        [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
    if (!server->listen())
        qWarning() << "listen failed" << server->errorString();
    return server;
}

} // namespace TestKit
