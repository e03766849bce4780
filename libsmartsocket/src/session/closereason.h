#pragma once

// The reasons a session or a namespace socket ends, as socket.io reports them to both sides
// (the `reason` of "disconnect"): one spelling for the server and the client.

#include <QString>

namespace SmartSocket::Session {

class CloseReason
{
public:
    // Either side.
    static QString transportClose() { return QStringLiteral("transport close"); }
    static QString transportError() { return QStringLiteral("transport error"); }
    static QString parseError() { return QStringLiteral("parse error"); }
    static QString pingTimeout() { return QStringLiteral("ping timeout"); }
    // Server side.
    static QString serverShuttingDown() { return QStringLiteral("server shutting down"); }
    static QString forcedClose() { return QStringLiteral("forced close"); }
    static QString connectTimeout() { return QStringLiteral("connect timeout"); }
    static QString clientNamespaceDisconnect()
    {
        return QStringLiteral("client namespace disconnect");
    }
    static QString serverNamespaceDisconnect()
    {
        return QStringLiteral("server namespace disconnect");
    }
    // Client side.
    static QString ioServerDisconnect() { return QStringLiteral("io server disconnect"); }
    static QString ioClientDisconnect() { return QStringLiteral("io client disconnect"); }
};

} // namespace SmartSocket::Session
