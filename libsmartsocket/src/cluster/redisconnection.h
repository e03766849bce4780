#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>

struct redisAsyncContext;
struct redisReply;

namespace SmartSocket::Cluster {

/// A reply to RedisConnection::command(): the parts of a hiredis redisReply the adapter
/// needs, copied so they outlive the callback. `ok` is false when the connection was lost
/// before the reply came (or Redis answered with an error, then `error` says which).
struct RedisReply
{
    bool ok = false;
    QString error;
    qint64 integer = 0;
    QByteArray string;
    QList<RedisReply> elements;
};

/// Pub/sub on one Redis server through hiredis' async API, on the thread's Qt event loop
/// (two connections: Redis forbids ordinary commands on a subscribed one). Never blocks:
/// connecting, reading and writing wait on socket notifiers.
///
/// When Redis is unreachable or goes away, the connection retries by itself with an
/// exponential backoff (retryDelay * 2^n, capped at maxRetryDelay, ±20% jitter), resubscribes
/// to everything it was subscribed to, and emits ready() again. errorOccurred() is emitted
/// once per outage, not once per failed attempt. Publishing while down is refused (returns
/// false); nothing is queued, as Redis pub/sub keeps nothing for absent subscribers either.
class RedisConnection : public QObject
{
    Q_OBJECT
public:
    /// redis://[:password@]host[:port]; port 6379 when absent.
    explicit RedisConnection(const QUrl &url, QObject *parent = nullptr);
    ~RedisConnection() override;

    bool isValidUrl() const { return m_port > 0 && !m_host.isEmpty(); }
    /// Starts connecting (and reconnecting, from then on).
    void open();
    /// Both connections up and subscriptions sent.
    bool isReady() const { return m_ready; }

    /// Kept across reconnections.
    void subscribe(const QByteArray &channel);
    void psubscribe(const QByteArray &pattern);
    bool publish(const QByteArray &channel, const QByteArray &payload);
    /// Any command on the command connection; `done` runs on the event loop, exactly once.
    bool command(const QByteArrayList &args, std::function<void(const RedisReply &)> done);

    int retryDelay = 100;
    int maxRetryDelay = 5000;
    /// Failed attempts since the last successful connection.
    int failedAttempts() const { return m_failures; }

Q_SIGNALS:
    void ready();
    /// Emitted once per outage with what went wrong.
    void errorOccurred(const QString &message);
    void messageReceived(const QByteArray &channel, const QByteArray &payload);

private:
    struct Link
    {
        redisAsyncContext *ctx = nullptr;
        bool up = false;
    };
    static void onConnect(const redisAsyncContext *ac, int status);
    static void onDisconnect(const redisAsyncContext *ac, int status);
    static void onMessage(redisAsyncContext *ac, void *reply, void *privdata);
    static void onReply(redisAsyncContext *ac, void *reply, void *privdata);

    bool connectLink(Link &link);
    Link *linkOf(const redisAsyncContext *ac);
    void linkUp(Link &link);
    void linkLost(Link &link, const QString &why);
    void fail(const QString &why);
    void scheduleRetry();
    void retry();
    void sendSubscription(const char *verb, const QByteArray &channel);

    QString m_host;
    int m_port = 0;
    QByteArray m_password;
    Link m_cmd;
    Link m_sub;
    QSet<QByteArray> m_channels;
    QSet<QByteArray> m_patterns;
    QTimer m_retryTimer;
    int m_failures = 0;
    bool m_open = false;
    bool m_ready = false;
    bool m_errorReported = false;
    bool m_destroying = false;
};

} // namespace SmartSocket::Cluster
