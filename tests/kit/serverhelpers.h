#pragma once

#include <smartsocket/client.h>
#include <smartsocket/options.h>
#include <smartsocket/server.h>

#include <QString>
#include <QUrl>

#include <memory>

namespace TestKit {

/// ws://127.0.0.1:PORT of a listening server, with an optional HTTP path ("/custom/").
QUrl urlOf(const SmartSocket::Server &server, const QString &path = {});

/// The raw Engine.IO WebSocket endpoint of a server (for QWebSocket peers that speak the
/// protocol by hand); `extraQuery` is appended as is ("&ssx=deflate").
QUrl engineUrl(const SmartSocket::Server &server, const QString &extraQuery = {});

/// Client options for a connection of its own (no multiplexing) that does not reconnect:
/// each test client is then independent of the others.
SmartSocket::ClientOptions ownConnection(const QString &nsp = QStringLiteral("/"));

/// A server listening on a free loopback port with an "echo" handler in "/" that acks with
/// its arguments. A failed listen() is logged; the caller checks isListening() if it cares.
std::unique_ptr<SmartSocket::Server> startEchoServer(
    const SmartSocket::ServerOptions &options = {});

} // namespace TestKit
