#pragma once

#include <smartsocket/broadcastoperator.h>
#include <smartsocket/error.h>
#include <smartsocket/middleware.h>
#include <smartsocket/namespace.h>
#include <smartsocket/options.h>
#include <smartsocket/ratelimit.h>
#include <smartsocket/smartsocket_export.h>
#include <smartsocket/socket.h>

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QVariantMap>

namespace SmartSocket {

class Socket;
namespace Internal {
class ServerCore;
}

/// Connection statistics (the seed's `getConnectionStats()`).
struct SMARTSOCKET_EXPORT ConnectionStats
{
    /// Engine.IO connections open now.
    int total = 0;
    /// Resident memory of the process in MB (the seed's `memoryUsage`).
    double memoryUsage = 0;
    /// Connections accepted since listen(), refused for maxConnections, and bytes moved.
    quint64 accepted = 0;
    quint64 refused = 0;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    /// Compression extension, all connections since the server was created: messages sent
    /// (received) compressed and their size before and after compression.
    quint64 compressedMessagesOut = 0;
    quint64 compressionBytesOutBefore = 0;
    quint64 compressionBytesOutAfter = 0;
    quint64 compressedMessagesIn = 0;
    quint64 compressionBytesInBefore = 0;
    quint64 compressionBytesInAfter = 0;
    QVariantMap toMap() const;
};

/// A Socket.IO v5 / Engine.IO v4 server over WebSocket (the seed's `new SmartSocket(...)`).
/// All signals and handlers run in the thread that owns the server. Connection I/O runs on
/// one epoll instance watched by a single QSocketNotifier.
///
/// Destroying the server from inside one of its own handlers or signals is not supported:
/// call deleteLater() there (or close(), which may be called anywhere).
class SMARTSOCKET_EXPORT Server : public QObject
{
    Q_OBJECT
public:
    explicit Server(const ServerOptions &options = {}, QObject *parent = nullptr);
    ~Server() override;

    /// Starts listening on options().host / options().port.
    bool listen();
    bool listen(const QHostAddress &address, quint16 port);
    /// Stops accepting and disconnects every client ("server shutting down").
    void close();
    bool isListening() const;
    QHostAddress serverAddress() const;
    /// The port listened on (the one picked when options().port was 0).
    quint16 port() const;
    QString errorString() const;
    const ServerOptions &options() const;

    /// The namespace with this name, created on first use (the seed's `namespace()`).
    Namespace *of(const QString &name);
    /// The default namespace "/".
    Namespace *defaultNamespace() const;
    Namespace *findNamespace(const QString &name) const;
    QList<Namespace *> namespaces() const;

    /// Shortcuts to the default namespace.
    template<typename F> void on(const QString &event, F &&handler)
    {
        defaultNamespace()->on(event, std::forward<F>(handler));
    }
    void off(const QString &event);
    int emitEvent(const QString &event, const QVariantList &args = {});
    BroadcastOperator to(const QString &room) const;
    BroadcastOperator except(const QString &room) const;

    /// Per-event middleware for every namespace (the seed's `server.use`).
    /// Cluster operations on the default namespace (see Namespace).
    void fetchSockets(FetchSocketsCallback done) const
    {
        defaultNamespace()->fetchSockets(std::move(done));
    }
    QFuture<QList<RemoteSocket>> fetchSockets() const { return defaultNamespace()->fetchSockets(); }
    void serverSideEmit(const QString &event, const QVariantList &args = {})
    {
        defaultNamespace()->serverSideEmit(event, args);
    }
    void serverSideEmit(const QString &event, const QVariantList &args, ServerSideEmitCallback done)
    {
        defaultNamespace()->serverSideEmit(event, args, std::move(done));
    }
    void serverCount(std::function<void(int count, const QString &error)> done) const
    {
        defaultNamespace()->serverCount(std::move(done));
    }

    void use(EventMiddleware middleware);
    /// Per-event middleware for one event only, in every namespace.
    void use(const QString &event, EventMiddleware middleware);
    /// Connect-time middleware for every namespace.
    void useConnect(ConnectMiddleware middleware);

    /// Overrides the global rate limit (options().rateLimitWindow/rateLimitMaxRequests) for
    /// one event, in every namespace (the seed's `setEventRateLimit`). Works with
    /// enableRateLimiting off too: then only events with an override are limited. An event
    /// with an override does not count towards the global limit. Changing a limit restarts
    /// its window for every socket.
    void setEventRateLimit(const QString &event, const RateLimit &limit);
    /// Removes an override; the event falls back to the global limit. False if there was none.
    bool removeEventRateLimit(const QString &event);
    QHash<QString, RateLimit> eventRateLimits() const;
    /// Server-wide rate-limit counters: {enabled, window, maxRequests, allowed, rejected,
    /// limits: {"*" | event: {window, maxRequests, allowed, rejected}},
    /// events: {name: {allowed, rejected}}} (at most 1024 names, then "(other)").
    QVariantMap rateLimitStats() const;

    ConnectionStats connectionStats() const;
    /// Connection pool (enableConnectionPooling): {enabled, capacity, free, max, acquired,
    /// reused, overflow, grown}.
    QVariantMap poolStats() const;
    /// Extensions of one socket's connection: {"deflate": bool, "aes256gcm": bool} and its
    /// compression counters (the ConnectionStats compression* names); empty when it has none.
    QVariantMap extensionStats(const Socket *socket) const;
    /// `{"/": {"connections": N}, "/chat": {...}}` (the seed's `getNamespaceStats()`).
    QVariantMap namespaceStats() const;

Q_SIGNALS:
    /// A socket joined a namespace (any namespace; see also Namespace::connected).
    void connected(SmartSocket::Socket *socket);
    void disconnected(SmartSocket::Socket *socket, const QString &reason);
    /// A middleware refused an event (`next(error)`), or a handler reported an error.
    void errorOccurred(
        const SmartSocket::Error &error, SmartSocket::Socket *socket, const QString &event);
    /// A connection failed below the socket level: bad handshake, protocol error, oversized
    /// message, connect timeout. `peer` is "address:port".
    void connectionError(const QString &peer, const QString &message);
    /// An event was refused by a rate limit: its handler and middleware were not called, an
    /// ack was answered with {error, code: "RATE_LIMITED", retryAfter} and the client got
    /// `__rate-limited__` {event, message, retryAfter}.
    void rateLimited(SmartSocket::Socket *socket, const QString &event);

private:
    friend class Internal::ServerCore;
    friend class Namespace;
    friend class Socket;
    friend class BroadcastOperator;
    Internal::ServerCore *const d;
};

} // namespace SmartSocket
