#pragma once

#include <smartsocket/smartsocket_export.h>

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <QVariantMap>

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

    // --- Cluster (several server processes on one Redis; off unless redisUrl is set) ---
    /// redis://[:password@]host[:port]. Wire-compatible with @socket.io/redis-adapter 8.x, so
    /// SmartSocket and Node socket.io nodes can serve one application together.
    QUrl redisUrl;
    /// Channel prefix (the Node adapter's `key`).
    QString redisKey = QStringLiteral("socket.io");
    /// How long fetchSockets(), serverSideEmit() with acks and allRooms() wait for the other
    /// nodes (the Node adapter's `requestsTimeout`).
    int redisRequestsTimeout = 5000;
    /// This node's adapter uid on the wire; random (6 characters, as the Node adapter) if empty.
    QString serverId;
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
    /// delay = min(reconnectDelay * 2^attempt, reconnectDelayMax), randomised by +-jitter.
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
