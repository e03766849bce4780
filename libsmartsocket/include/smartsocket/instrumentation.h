#pragma once

#include <smartsocket/smartsocket_export.h>

#include <QByteArray>
#include <QString>

namespace SmartSocket {

/// Options of Server::instrument(): an admin namespace that speaks the protocol of
/// @socket.io/admin-ui 0.5 (the Socket.IO Admin UI connects to it as to a Node server
/// instrumented with `instrument(io, {...})`), plus SmartSocket's own statistics for the
/// desktop inspector (docs/inspector-protocol.md).
struct SMARTSOCKET_EXPORT InstrumentOptions
{
    enum class Mode {
        /// Everything: every socket, room and event is streamed to the admin clients.
        Development,
        /// Aggregates only (server_stats): cheaper, and no application data leaves the server.
        Production,
    };

    /// Name of the admin namespace.
    QString namespaceName = QStringLiteral("/admin");
    /// Basic auth (admin-ui's `auth: {type: "basic", username, password}`): when passwordHash
    /// is set, an admin client must send `{username, password}` matching username and this
    /// bcrypt hash ($2a$/$2b$/$2y$, e.g. from bcryptjs or `htpasswd -nbBC 10`), or the session
    /// id the server gave it after an earlier login. Empty: no authentication (admin-ui's
    /// `auth: false`); anyone who can reach the server can administer it.
    QString username;
    QByteArray passwordHash;
    /// Admin clients may watch but not act: join, leave, _disconnect and emit are ignored.
    bool readonly = false;
    Mode mode = Mode::Development;
    /// Identifies this server in the UI's server list; empty means the host name.
    QString serverId;
    /// Period of the `server_stats` event in ms (admin-ui: 2000).
    int statsInterval = 2000;
};

} // namespace SmartSocket
