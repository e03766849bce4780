#pragma once

// The server's I/O core: one epoll instance, watched by a single QSocketNotifier in the
// owner's thread. Per connection only a compact slot (fd, protocol state, buffers allocated
// on demand). Each wakeup reads what every ready socket has (one read each), hands every
// complete WebSocket message to the handler, and flushes every connection written to with
// one write. Timeouts for all connections run on FIFO timer queues (fixed duration each, so
// a queue stays sorted by deadline) driven by one QTimer.

#include <QByteArray>
#include <QByteArrayView>
#include <QHostAddress>
#include <QObject>
#include <QString>

#include <memory>

namespace SmartSocket::Transport {

/// Slot index in the low 32 bits, generation in the high 32 bits; never reused while the
/// handler may still hold it. 0 is never a valid id.
using ConnectionId = quint64;

/// The parsed HTTP request that opened a connection.
struct HttpRequest
{
    QByteArray method; ///< "GET"
    QByteArray target; ///< path + query, as sent
    QByteArray path; ///< target up to '?'
    QByteArray query; ///< after '?', may be empty
    /// The whole request head (request line + headers, without the final CRLFCRLF); kept by
    /// the session as the handshake record.
    QByteArray head;
    bool isWebSocketUpgrade = false; ///< Upgrade: websocket + Connection: upgrade + key + v13
    /// HTTP/1.1 without "Connection: close", or HTTP/1.0 with "Connection: keep-alive".
    bool keepAlive = false;
    /// The request body (Content-Length or chunked, decoded), complete.
    QByteArray body;
    QHostAddress peerAddress;
    quint16 peerPort = 0;
    bool secure = false;
    /// Case-insensitive header lookup in `head`; empty when absent.
    QByteArray header(QByteArrayView name) const;
};

/// What the handler decides for a request: accept the WebSocket upgrade (status 101) or
/// answer with an HTTP status and body, then close.
struct HttpResponse
{
    /// onRequest's answer meaning "later": the request is held (no further request on that
    /// connection is parsed) until IoCore::respond() or a polling session takes it.
    static constexpr int Held = 0;
    HttpResponse(
        int status = 101, QByteArray contentType = "application/json", QByteArray body = {})
        : status(status), contentType(std::move(contentType)), body(std::move(body))
    { }
    int status = 101;
    QByteArray contentType = "application/json";
    QByteArray body;
    /// Raw header lines ("Name: value\r\n" each) added to the answer.
    QByteArray headers;
    /// Keep the connection for the next request when the request allows it (never for a
    /// refused WebSocket upgrade); otherwise the core answers and closes.
    bool keepAlive = false;
};

enum class CloseReason {
    PeerClosed, ///< close frame or EOF from the peer ("transport close")
    Error, ///< read/write error, reset ("transport error")
    ProtocolError, ///< bad frame, bad UTF-8, unmasked client frame ("transport error")
    MessageTooBig, ///< message over maxPayload (close code 1009)
    LocalClose, ///< close() called by the handler
    HandshakeTimeout, ///< no complete HTTP upgrade within the connection timeout
    Shutdown, ///< IoCore::close()
};

/// Implemented by the session layer. Callbacks run in the IoCore's thread, from inside its
/// wakeup processing; they may call back into IoCore (send, close, timers).
class ConnectionHandler
{
public:
    virtual ~ConnectionHandler() = default;
    /// A complete HTTP request arrived. Return status 101 to accept the WebSocket upgrade
    /// (the core answers 101 and the connection is open), anything else to refuse (the core
    /// answers that status with the body and closes). 101 for a request that is no valid
    /// upgrade is answered 400.
    virtual HttpResponse onRequest(ConnectionId id, const HttpRequest &request) = 0;
    /// Called right after the 101 response was queued.
    virtual void onOpen(ConnectionId id) = 0;
    /// One complete WebSocket message (fragments joined); valid only during the call.
    virtual void onMessage(ConnectionId id, QByteArrayView payload, bool binary) = 0;
    /// The connection is gone (after onOpen only). `id` is invalid afterwards.
    virtual void onClosed(ConnectionId id, CloseReason reason, const QString &detail) = 0;
    /// A timer armed with IoCore::armTimer expired (it is disarmed now).
    virtual void onTimer(ConnectionId id, int queue) = 0;
};

class IoCore : public QObject
{
    Q_OBJECT
public:
    explicit IoCore(ConnectionHandler *handler, QObject *parent = nullptr);
    /// Closes everything without calling the handler (it may be half destroyed); call
    /// close() first to get onClosed(Shutdown) for each open connection. Do not destroy
    /// the IoCore from inside one of its callbacks.
    ~IoCore() override;

    bool listen(const QHostAddress &address, quint16 port);
    /// Closes the listening socket and every connection (close code 1001, onClosed with
    /// CloseReason::Shutdown).
    void close();
    bool isListening() const;
    quint16 serverPort() const;
    QHostAddress serverAddress() const;
    QString errorString() const;

    /// Limits. maxConnections 0 = none; over it a connection is answered HTTP 503 and closed
    /// before any per-connection state is allocated.
    void setMaxConnections(int max);
    /// Default 1000000 (Node's maxHttpBufferSize); 0 = no limit (still capped below 2 GiB).
    void setMaxMessageSize(qint64 bytes);
    /// Output waiting for a peer that does not read: over this many bytes (0 = no limit) the
    /// connection is dropped at the next flush (onClosed with CloseReason::Error, detail
    /// "slow consumer: ...").
    void setMaxOutputBuffer(qint64 bytes);
    /// Time allowed for the HTTP upgrade of a new connection (TLS handshake included).
    void setHandshakeTimeout(int ms);
    /// Serve TLS (wss://) with this PEM certificate (chain) and key, for connections accepted
    /// from now on; both empty: plain. False (see errorString()) when they cannot be loaded
    /// or do not match; the previous setting stays.
    bool setTlsCertificate(const QString &certificateFile, const QString &keyFile);
    bool isSecure() const;

    /// Sends one WebSocket text/binary message (single frame, unmasked).
    void sendText(ConnectionId id, QByteArrayView payload);
    void sendBinary(ConnectionId id, QByteArrayView payload);
    /// Sends bytes already framed by buildFrame() (a broadcast encodes once, sends to many).
    void sendFrame(ConnectionId id, const QByteArray &frame);
    static QByteArray buildFrame(QByteArrayView payload, bool binary);

    /// Sends a close frame, flushes, then shuts the connection; onClosed(LocalClose) follows
    /// (synchronously, before close() returns, unless closing from inside a callback of the
    /// same connection: then after the callback returns).
    void closeConnection(ConnectionId id, quint16 code = 1000, QByteArrayView reason = {});

    /// Answers a request held by onRequest (HttpResponse::Held); then reads the next
    /// request of a kept-alive connection.
    void respond(ConnectionId httpId, const HttpResponse &response);

    // Engine.IO long-polling sessions. A polling session is a connection without a socket of
    // its own: its id works with sendText/sendBinary/sendFrame (packets are queued as a
    // payload joined with 0x1e, binary as 'b' + base64), timers, userData and
    // closeConnection like any other, and onMessage/onClosed arrive for it. Its output is
    // the answer to its held GET request.
    /// A new polling session for a peer (onOpen is not called: the handler opens it).
    ConnectionId openPollingSession(const QHostAddress &peer, quint16 port);
    /// Holds the GET request on `httpId` (from inside onRequest, which then returns Held) as
    /// the session's poll: answered as soon as output is queued. False when the session
    /// already holds one.
    /// `headers`: raw header lines for the poll's answer (CORS).
    bool holdPoll(ConnectionId session, ConnectionId httpId, const QByteArray &headers = {});
    bool isPollingSession(ConnectionId id) const;
    /// Moves the WebSocket connection `webSocket` (from inside its onMessage) into the polling
    /// session `session`: from now on `session` is that WebSocket connection, and what was
    /// queued for the next poll is sent as WebSocket frames. A held poll is answered with a
    /// noop. `webSocket` becomes invalid without onClosed.
    bool upgradeSession(ConnectionId session, ConnectionId webSocket);

    bool isValid(ConnectionId id) const;
    int connectionCount() const;
    QHostAddress peerAddress(ConnectionId id) const;
    quint16 peerPort(ConnectionId id) const;
    /// Opaque per-connection pointer for the handler (its session object).
    void setUserData(ConnectionId id, void *data);
    void *userData(ConnectionId id) const;

    /// FIFO timer queues: every timer in a queue has the same duration. A connection has two
    /// timer links (0 and 1) and sits in at most one queue per link.
    /// Until onOpen, link 1 holds the core's handshake timeout (arming or disarming it is
    /// ignored); from onOpen on both links are the handler's. Closing a connection disarms
    /// both. Queue ids are never 0 or 1 (internal queues); a queue's new duration moves its
    /// armed timers by the difference.
    int createTimerQueue(int durationMs);
    void setTimerQueueDuration(int queue, int durationMs);
    /// (Re)arms: the connection moves to the tail of `queue` with deadline now + duration.
    void armTimer(ConnectionId id, int link, int queue);
    void disarmTimer(ConnectionId id, int link);

    struct Stats
    {
        quint64 accepted = 0;
        quint64 refused = 0;
        quint64 bytesIn = 0;
        quint64 bytesOut = 0;
        quint64 wakeups = 0;
    };
    Stats stats() const;

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace SmartSocket::Transport
