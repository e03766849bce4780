#pragma once

#include <smartsocket/ack.h>
#include <smartsocket/broadcastoperator.h>
#include <smartsocket/middleware.h>
#include <smartsocket/smartsocket_export.h>
#include <smartsocket/socket.h>

#include <QObject>
#include <QString>
#include <QVariantList>

#include <functional>
#include <type_traits>

namespace SmartSocket {

class Server;
class Socket;
namespace Internal {
class ServerCore;
class EngineSession;
class Adapter;
class RedisAdapter;
} // namespace Internal

/// Handler of an incoming event: the socket, the event's arguments, and the ack to answer
/// (Ack::isRequested() tells whether the client wants one).
using EventHandler = std::function<void(Socket *socket, const QVariantList &args, const Ack &ack)>;
/// Catch-all handler: called for every event of the namespace, before the event's own handler.
/// Answers a server-side emit that asked for acknowledgements (a no-op when none was asked).
using ServerSideAck = std::function<void(const QVariant &response)>;
/// Receives events other nodes sent with serverSideEmit().
using ServerSideHandler = std::function<void(const QVariantList &args, const ServerSideAck &ack)>;
/// Completion of serverSideEmit() with acks: one response per other node, and an error when
/// some did not answer within the requests timeout.
using ServerSideEmitCallback
    = std::function<void(const QVariantList &responses, const QString &error)>;

using AnyEventHandler
    = std::function<void(Socket *socket, const QString &event, const QVariantList &args)>;

/// A namespace (socket.io's Namespace; the seed's `server.namespace(name)`): its own handlers,
/// middleware, sockets and rooms. Created and owned by the Server (Server::of()).
class SMARTSOCKET_EXPORT Namespace : public QObject
{
    Q_OBJECT
public:
    QString name() const;
    Server *server() const;

    /// Registers the handler of an event, replacing an earlier one. The handler may take
    /// (Socket *, const QVariantList &, const Ack &) or (Socket *, const QVariantList &).
    template<typename F> void on(const QString &event, F &&handler)
    {
        if constexpr (std::is_invocable_v<F, Socket *, const QVariantList &, const Ack &>) {
            setHandler(event, EventHandler(std::forward<F>(handler)));
        } else {
            static_assert(std::is_invocable_v<F, Socket *, const QVariantList &>,
                "handler must take (Socket*, const QVariantList&[, const Ack&])");
            setHandler(event,
                [h = std::forward<F>(handler)](
                    Socket *s, const QVariantList &a, const Ack &) { h(s, a); });
        }
    }
    void setHandler(const QString &event, EventHandler handler);
    /// Removes the handler of an event (the seed's `off`).
    void off(const QString &event);
    bool hasHandler(const QString &event) const;
    void onAny(AnyEventHandler handler);
    void offAny();

    /// Per-event middleware for this namespace (runs after the server-level ones).
    void use(EventMiddleware middleware);
    /// Middleware for one event only (the seed's event-specific middleware).
    void use(const QString &event, EventMiddleware middleware);
    /// Connect-time middleware for this namespace (runs after the server-level ones).
    void useConnect(ConnectMiddleware middleware);

    /// Emits to every socket of the namespace.
    int emitEvent(const QString &event, const QVariantList &args = {});
    BroadcastOperator to(const QString &room) const;
    BroadcastOperator to(const QStringList &rooms) const;
    BroadcastOperator in(const QString &room) const { return to(room); }
    BroadcastOperator except(const QString &room) const;

    QList<Socket *> sockets() const;
    Socket *socket(const QString &id) const;
    int socketCount() const;
    /// Rooms that have at least one member (own-id rooms excluded).
    QStringList rooms() const;
    void disconnectSockets(bool close = false);

    // --- Cluster (meaningful with ServerOptions::redisUrl; one node otherwise) ---
    /// Every socket of the namespace, on every node.
    void fetchSockets(FetchSocketsCallback done) const;
    QFuture<QList<RemoteSocket>> fetchSockets() const;
    /// Sends an event to the other nodes' handlers (onServerSideEmit), not to clients.
    void serverSideEmit(const QString &event, const QVariantList &args = {});
    /// The same, waiting for one acknowledgement per other node.
    void serverSideEmit(
        const QString &event, const QVariantList &args, ServerSideEmitCallback done);
    void onServerSideEmit(const QString &event, ServerSideHandler handler);
    /// How many nodes serve this namespace (PUBSUB NUMSUB); 1 without a cluster.
    void serverCount(std::function<void(int count, const QString &error)> done) const;
    /// Rooms of every node (socket id rooms included, as socket.io reports them).
    void allRooms(std::function<void(const QStringList &rooms, const QString &error)> done) const;

Q_SIGNALS:
    void connected(SmartSocket::Socket *socket);
    void disconnected(SmartSocket::Socket *socket, const QString &reason);

private:
    // Owned by the server, which deletes its namespaces with itself.
    ~Namespace() override;
    friend class Internal::ServerCore;
    friend class Internal::EngineSession;
    friend class Internal::Adapter;
    friend class Internal::RedisAdapter;
    friend class BroadcastOperator;
    friend class Socket;
    friend class Server;
    Namespace(const QString &name, Server *server);
    class Private;
    Private *const d;
};

} // namespace SmartSocket
