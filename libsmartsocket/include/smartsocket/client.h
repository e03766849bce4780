#pragma once

#include <smartsocket/ack.h>
#include <smartsocket/error.h>
#include <smartsocket/options.h>
#include <smartsocket/smartsocket_export.h>

#include <QFuture>
#include <QObject>
#include <QUrl>
#include <QVariantList>

#include <functional>
#include <type_traits>

namespace SmartSocket {

namespace Internal {
class Manager;
}

/// Handler of an event from the server: its arguments and the ack to answer when the server
/// asked for one (Socket::emitWithAck).
using ClientEventHandler = std::function<void(const QVariantList &args, const Ack &ack)>;
using ClientAnyHandler = std::function<void(const QString &event, const QVariantList &args)>;

/// A Socket.IO v5 client for one namespace (the seed's `new SmartSocketClient(url, options)`).
/// Clients of the same server in the same thread share one WebSocket connection (socket.io's
/// Manager model) unless ClientOptions::multiplex is false. Every signal and callback is
/// delivered in the thread that owns the client. A client may move to another thread
/// (moveToThread) while it is not open: before open() or after close().
///
/// Accepted URLs: ws://, wss://, http:// and https://; a URL without a path uses
/// ClientOptions::path ("/socket.io/").
class SMARTSOCKET_EXPORT Client : public QObject
{
    Q_OBJECT
public:
    explicit Client(const QUrl &url, const ClientOptions &options = {}, QObject *parent = nullptr);
    ~Client() override;

    /// Connects (the seed's `connect()`): opens the shared connection if needed, then joins
    /// the namespace. connected() or errorOccurred() follows.
    void open();
    /// Leaves the namespace (the seed's `disconnect()`); the connection closes when no other
    /// client uses it. No reconnection follows.
    void close();

    bool isConnected() const;
    /// Socket id given by the server for this namespace; empty while disconnected.
    QString id() const;
    QUrl url() const;
    QString namespaceName() const;
    const ClientOptions &options() const;
    /// Application data (the seed's `client.data`).
    QVariantMap &data();
    /// Last error, in words.
    QString errorString() const;

    /// Registers the handler of an event, replacing an earlier one. The handler may take
    /// (const QVariantList &, const Ack &) or (const QVariantList &).
    template<typename F> void on(const QString &event, F &&handler)
    {
        if constexpr (std::is_invocable_v<F, const QVariantList &, const Ack &>) {
            setHandler(event, ClientEventHandler(std::forward<F>(handler)));
        } else {
            static_assert(std::is_invocable_v<F, const QVariantList &>,
                "handler must take (const QVariantList&[, const Ack&])");
            setHandler(event,
                [h = std::forward<F>(handler)](const QVariantList &a, const Ack &) { h(a); });
        }
    }
    void setHandler(const QString &event, ClientEventHandler handler);
    void off(const QString &event);
    /// Catch-all listener (socket.io's onAny), called before the event's own handler.
    void onAny(ClientAnyHandler handler);
    void offAny();

    /// Sends an event; while disconnected it is buffered and sent on (re)connect.
    void emitEvent(const QString &event, const QVariantList &args = {});
    /// Sends an event and calls back with the server's ack reply, or with an error on timeout
    /// (timeoutMs, or options().ackTimeout when < 0) or disconnect.
    void emitEvent(
        const QString &event, const QVariantList &args, AckCallback callback, int timeoutMs = -1);
    /// Future-style ack: finishes with the reply, or with an AckError exception.
    QFuture<QVariantList> request(
        const QString &event, const QVariantList &args = {}, int timeoutMs = -1);

Q_SIGNALS:
    void connected();
    /// Reasons as in socket.io-client: "io server disconnect", "io client disconnect",
    /// "transport close", "transport error", "ping timeout", "parse error".
    void disconnected(const QString &reason);
    /// Connect errors (CONNECT_ERROR from the server: message and data), transport errors,
    /// and, with enableErrorHandling, the server's `__error__` events.
    void errorOccurred(const SmartSocket::Error &error);
    /// A reconnect attempt (1, 2, ...) starts now: the connection is being opened again.
    void reconnecting(int attempt);
    /// The client will make reconnect attempt `attempt` (1, 2, ...) in delayMs milliseconds,
    /// the delay actually waited (jitter applied): emitted when the attempt is scheduled, once
    /// per attempt, before reconnecting(attempt). With attempt counted from 1,
    ///     base = min(reconnectDelay * 2^(attempt - 1), reconnectDelayMax)
    ///     base * (1 - jitter) <= delayMs <= base * (1 + jitter)
    /// (ClientOptions; jitter clamped to [0, 1]). For countdowns ("reconnecting in 3 s").
    void reconnectScheduled(int attempt, int delayMs);
    void reconnected(int attempts);
    void reconnectFailed();
    /// Every event received (after onAny, before the event's handler).
    void eventReceived(const QString &event, const QVariantList &args);

protected:
    bool event(QEvent *event) override;

private:
    friend class Internal::Manager;
    class Private;
    Private *const d;
};

} // namespace SmartSocket
