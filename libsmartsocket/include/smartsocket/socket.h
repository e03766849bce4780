#pragma once

#include <smartsocket/ack.h>
#include <smartsocket/broadcastoperator.h>
#include <smartsocket/handshake.h>
#include <smartsocket/smartsocket_export.h>

#include <QObject>
#include <QSet>
#include <QString>
#include <QVariantMap>

namespace SmartSocket {

class Namespace;
class Server;
namespace Internal {
class EngineSession;
class ServerCore;
} // namespace Internal

/// One client in one namespace (socket.io's server-side Socket). Owned by the server: it is
/// deleted (later) after disconnected() has been emitted; keep a QPointer if you store it.
/// Its destructor is private: end a client's session with disconnectFromClient(), not delete.
class SMARTSOCKET_EXPORT Socket : public QObject
{
    Q_OBJECT
public:
    /// Socket.IO id of this socket (not the Engine.IO session id); also the name of the room
    /// that holds only this socket.
    QString id() const;
    Namespace *nsp() const;
    Server *server() const;
    const Handshake &handshake() const;

    /// Application data attached to the socket (the seed's `socket.data`).
    QVariantMap &data();
    const QVariantMap &data() const;

    bool isConnected() const;
    /// The Engine.IO transport the connection uses now: "polling" (HTTP long-polling) or
    /// "websocket" (from the start, or after the upgrade); empty once disconnected.
    QString transportName() const;

    /// Marks the socket as an admin (typically in connect-time middleware); with
    /// ServerOptions::rateLimitBypassAdmins, an admin's events are never rate limited.
    void setAdmin(bool admin);
    bool isAdmin() const;
    /// This socket's rate-limit state: {allowed, rejected, memoryBytes, limits: {"*" | event:
    /// {window, maxRequests, allowed, rejected, remaining, retryAfter}}}.
    QVariantMap rateLimitStats() const;

    void join(const QString &room);
    void join(const QStringList &rooms);
    void leave(const QString &room);
    /// Rooms the socket is in, its own id room included.
    QSet<QString> rooms() const;

    /// Sends an event to this socket's client.
    void emitEvent(const QString &event, const QVariantList &args = {});
    /// Sends an event and waits for the client's ack; the callback gets the reply or an error
    /// (timeout, disconnect). timeoutMs <= 0 waits until disconnect.
    void emitWithAck(
        const QString &event, const QVariantList &args, AckCallback callback, int timeoutMs = 0);

    /// Broadcast to a room, excluding this socket (socket.io's `socket.to(room).emit`).
    BroadcastOperator to(const QString &room) const;
    BroadcastOperator except(const QString &room) const;
    /// Everyone in the namespace but this socket.
    BroadcastOperator broadcast() const;

    /// Ends this socket's session (socket.io's `socket.disconnect()`): the client gets a
    /// DISCONNECT for this namespace and does not reconnect. With closeConnection, every
    /// namespace of that client gets its DISCONNECT and the whole connection is closed.
    /// Named like QAbstractSocket::disconnectFromHost so QObject::disconnect stays visible.
    void disconnectFromClient(bool closeConnection = false);

Q_SIGNALS:
    /// Emitted once, with socket.io's reason strings ("client namespace disconnect",
    /// "server namespace disconnect", "transport close", "ping timeout", "parse error",
    /// "server shutting down", "transport error", "forced close").
    void disconnected(const QString &reason);

private:
    // Owned by the server: deleted after disconnected(), never by the application.
    ~Socket() override;
    friend class Internal::EngineSession;
    friend class Internal::ServerCore;
    friend class Namespace;
    explicit Socket(Namespace *nsp, Internal::EngineSession *session, const QString &id,
        const Handshake &handshake);
    class Private;
    Private *const d;
};

} // namespace SmartSocket
