#pragma once

#include <smartsocket/smartsocket_export.h>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariantMap>

#include <functional>

namespace SmartSocket {

/// Server configuration. Names follow the seed guide (camelCase); times are milliseconds.
struct SMARTSOCKET_EXPORT ServerOptions
{
    /// TCP port; 0 picks a free one (Server::port() reports it).
    quint16 port = 0;
    /// Address to listen on.
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    /// HTTP path of the endpoint; with or without the trailing slash both match.
    QString path = QStringLiteral("/socket.io/");
    /// Serve Engine.IO HTTP long-polling (and its upgrade to WebSocket) besides WebSocket,
    /// as socket.io's default transports ["polling", "websocket"]; false: WebSocket only (a
    /// polling request is answered 400 "Transport unknown").
    bool enablePolling = true;
    /// Time an upgrade probe (the WebSocket opened to take over a polling session) has to
    /// complete with its "5" packet; then it is closed and the session stays on polling.
    int upgradeTimeout = 10000;
    /// CORS, for browser pages of other origins (long-polling is plain HTTP requests; as the
    /// `cors` option of socket.io). No origin and no filter: no CORS headers at all, as Node
    /// without `cors`. "*" allows every origin; otherwise an allowed Origin is echoed back.
    QStringList corsOrigins;
    /// Decides for origins not in corsOrigins (called with the request's Origin header).
    std::function<bool(const QString &origin)> corsOriginFilter;
    /// Access-Control-Allow-Credentials: true (cookies, withCredentials).
    bool corsCredentials = false;
    /// Methods a preflight request (OPTIONS) is told it may use.
    QStringList corsMethods = { QStringLiteral("GET"), QStringLiteral("POST") };
    /// Decides on every request that would open a session, before the handshake (engine.io's
    /// `allowRequest`): call `answer(QString(), true)` to go on, `answer(message, false)` to
    /// refuse it with HTTP 403 `{"code":4,"message":message or "Forbidden"}`. `answer` may be
    /// called later and from any thread (it runs in the server's thread). Null: all allowed.
    std::function<void(const class Handshake &request,
        const std::function<void(const QString &message, bool allowed)> &answer)>
        allowRequest;
    /// Sticky load balancing (engine.io's `cookie` option): the handshake answer sets a cookie
    /// holding the session id, `<cookieName>=<sid>; Path=<cookiePath>; HttpOnly;
    /// SameSite=<cookieSameSite>`. Empty name: no cookie (the default, as engine.io).
    QString cookieName;
    QString cookiePath = QStringLiteral("/");
    bool cookieHttpOnly = true;
    QString cookieSameSite = QStringLiteral("Lax");
    /// Operations endpoints on the same port (off by default): `GET <healthPath>` answers
    /// 200 {"status":"ok"}; `GET <metricsPath>` the Prometheus text format (connections per
    /// namespace and transport, packets and bytes, acks and ack timeouts, rate-limit
    /// rejections, compression ratio, polling requests).
    bool enableHealth = false;
    QString healthPath = QStringLiteral("/health");
    bool enableMetrics = false;
    QString metricsPath = QStringLiteral("/metrics");
    /// Engine.IO heartbeat: the server pings every pingInterval and closes a connection that
    /// has not answered within pingTimeout.
    int pingInterval = 25000;
    int pingTimeout = 20000;
    /// Largest message (WebSocket message, i.e. one Engine.IO packet) accepted, in bytes;
    /// larger ones close the connection with code 1009.
    qint64 maxPayload = 1000000;
    /// Time a client has after the Engine.IO handshake to send its first Socket.IO CONNECT.
    int connectTimeout = 45000;
    /// Connections served at once; further ones are answered HTTP 503 and closed at once.
    /// 0 means no limit (the process' open-file limit still applies).
    int maxConnections = 10000;
    /// Time a new TCP connection has to complete its HTTP/WebSocket upgrade.
    int connectionTimeout = 30000;
    /// Output queued for one client that does not read (a slow consumer), in bytes; over it
    /// the connection is dropped ("transport error") instead of growing without bound.
    /// 0 means no limit.
    qint64 maxOutputBuffer = 16 * 1024 * 1024;
    /// Answer a refused event (middleware `next(error)`) with `__error__` to the client.
    bool enableErrorHandling = true;

    // --- Compression (SmartSocket extension, negotiated per connection; off by default) ---
    /// DEFLATE packets larger than compressionThreshold bytes for clients that support it.
    bool enableCompression = false;
    int compressionThreshold = 1024;
    /// zlib level 1 (fastest) to 9 (smallest).
    int compressionLevel = 6;

    // --- Encryption (SmartSocket extension, AES-256-GCM; off by default) ---
    bool enableEncryption = false;
    /// 32 bytes, or their hex (64 characters) or base64 text.
    QByteArray encryptionKey;
    /// "aes-256-gcm" (the only authenticated algorithm offered).
    QString encryptionAlgorithm = QStringLiteral("aes-256-gcm");
    /// Refuse clients that do not negotiate encryption.
    bool requireEncryption = false;

    // --- TLS (wss://; off unless a certificate and key are given) ---
    /// PEM files of the server certificate (chain) and its private key.
    QString tlsCertificateFile;
    QString tlsKeyFile;

    // --- Rate limiting (off by default) ---
    bool enableRateLimiting = false;
    /// At most rateLimitMaxRequests events per socket in any rateLimitWindow ms.
    int rateLimitWindow = 60000;
    int rateLimitMaxRequests = 100;
    /// Sockets marked admin by connect-time middleware (Socket::setAdmin) are not limited.
    bool rateLimitBypassAdmins = true;

    // --- Connection pooling (off by default) ---
    /// Reuse per-connection state and buffers from a pool that starts at poolSize entries and
    /// grows by poolGrowthRate (0.5 = +50 %) up to maxPoolSize.
    bool enableConnectionPooling = false;
    int poolSize = 1000;
    int maxPoolSize = 10000;
    double poolGrowthRate = 0.5;
};

/// Client configuration. Names follow the seed guide; times are milliseconds.
struct SMARTSOCKET_EXPORT ClientOptions
{
    /// The namespace to join (the seed's `namespace`, a C++ keyword).
    QString namespaceName = QStringLiteral("/");
    /// Auth payload sent with CONNECT (`socket.handshake.auth` on the server).
    QVariantMap auth;
    /// Extra query parameters for the handshake URL.
    QVariantMap query;
    /// Extra HTTP headers for the WebSocket handshake.
    QList<QPair<QByteArray, QByteArray>> extraHeaders;
    /// HTTP path; used when the URL itself has no path.
    QString path = QStringLiteral("/socket.io/");

    /// Acknowledgements; with false, emits with a callback fail at once (status Disabled).
    bool enableAcknowledgments = true;
    /// Default time an emitted event waits for its ack.
    int ackTimeout = 30000;
    /// Report the server's `__error__` events through Client::errorOccurred too.
    bool enableErrorHandling = true;

    /// Time to complete the handshake and namespace CONNECT.
    int connectTimeout = 20000;
    /// Reconnect after an unexpected disconnect, with exponential backoff:
    /// delay = min(reconnectDelay * 2^(attempt - 1), reconnectDelayMax) for attempt 1, 2, ...,
    /// randomised by +-jitter (Client::reconnectScheduled reports each delay).
    bool reconnection = true;
    int reconnectDelay = 1000;
    int reconnectDelayMax = 5000;
    double jitter = 0.5;
    /// -1 means no limit.
    int maxReconnectAttempts = -1;
    /// Share one connection between all clients of the same server in the same thread
    /// (socket.io's Manager model); false gives this client a connection of its own. This is
    /// the client's connection pooling: every namespace of a server over one connection.
    bool multiplex = true;

    // --- Compression (SmartSocket extension, negotiated; off by default) ---
    bool enableCompression = false;
    int compressionLevel = 6;
    int compressionThreshold = 1024;

    // --- Encryption (SmartSocket extension, AES-256-GCM; off by default) ---
    bool enableEncryption = false;
    /// 32 bytes, or their hex (64 characters) or base64 text.
    QByteArray encryptionKey;

    // --- TLS (wss:// and https:// URLs) ---
    /// PEM file of extra CA certificates to trust (a private CA); the system's are kept.
    QString caCertificateFile;
    /// Accept any certificate (no verification): an explicit, insecure opt-in.
    bool ignoreSslErrors = false;
};

} // namespace SmartSocket
