#include "redisconnection.h"

#include "rediseventbridge.h"

#include <QLoggingCategory>
#include <QRandomGenerator>

#include <hiredis/async.h>
#include <hiredis/hiredis.h>

#include <csignal>
#include <vector>

namespace SmartSocket::Cluster {

Q_LOGGING_CATEGORY(lcRedis, "smartsocket.redis", QtWarningMsg)

namespace {

RedisReply copyReply(const redisReply *r)
{
    RedisReply out;
    if (!r) {
        out.error = QStringLiteral("connection to Redis lost");
        return out;
    }
    switch (r->type) {
    case REDIS_REPLY_ERROR:
        out.error = QString::fromUtf8(r->str, qsizetype(r->len));
        return out;
    case REDIS_REPLY_INTEGER:
        out.integer = r->integer;
        break;
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
        out.string = QByteArray(r->str, qsizetype(r->len));
        break;
    case REDIS_REPLY_ARRAY:
        for (size_t i = 0; i < r->elements; ++i)
            out.elements.append(copyReply(r->element[i]));
        break;
    default:
        break;
    }
    out.ok = true;
    return out;
}

struct PendingCommand
{
    std::function<void(const RedisReply &)> done;
};

} // namespace

RedisConnection::RedisConnection(const QUrl &url, QObject *parent) : QObject(parent)
{
    if (url.scheme() == QLatin1String("redis") && !url.host().isEmpty()) {
        m_host = url.host();
        m_port = url.port(6379);
        m_password = url.password().toUtf8();
    }
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &RedisConnection::retry);
    // hiredis writes with write(2): a peer that went away would raise SIGPIPE and end the
    // process. Only when nobody chose a handler: the library must not override the app's.
    struct sigaction current
    { };
    if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
        std::signal(SIGPIPE, SIG_IGN);
}

RedisConnection::~RedisConnection()
{
    m_destroying = true;
    for (Link *link : { &m_cmd, &m_sub }) {
        if (redisAsyncContext *ac = link->ctx) {
            link->ctx = nullptr;
            // Freed later if we are inside one of its callbacks: it must not call back to us.
            ac->data = nullptr;
            redisAsyncFree(ac); // runs pending callbacks with no reply; they see m_destroying
        }
    }
}

void RedisConnection::open()
{
    if (m_open)
        return;
    m_open = true;
    if (!isValidUrl()) {
        fail(QStringLiteral("invalid Redis URL (expected redis://host:port)"));
        m_retryTimer.stop();
        return;
    }
    retry();
}

bool RedisConnection::connectLink(Link &link)
{
    redisAsyncContext *ac = redisAsyncConnect(m_host.toUtf8().constData(), m_port);
    if (!ac || ac->err) {
        const QString why = ac ? QString::fromUtf8(ac->errstr) : QStringLiteral("out of memory");
        if (ac)
            redisAsyncFree(ac);
        fail(QStringLiteral("Redis %1:%2: %3").arg(m_host).arg(m_port).arg(why));
        return false;
    }
    ac->data = this;
    new RedisEventBridge(ac); // owned by the context: deletes itself when hiredis frees it
    redisAsyncSetConnectCallback(ac, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(ac, &RedisConnection::onDisconnect);
    link.ctx = ac;
    link.up = false;
    if (!m_password.isEmpty()) {
        const char *argv[] = { "AUTH", m_password.constData() };
        const size_t lens[] = { 4, size_t(m_password.size()) };
        redisAsyncCommandArgv(ac, nullptr, nullptr, 2, argv, lens);
    }
    return true;
}

RedisConnection::Link *RedisConnection::linkOf(const redisAsyncContext *ac)
{
    if (m_cmd.ctx == ac)
        return &m_cmd;
    if (m_sub.ctx == ac)
        return &m_sub;
    return nullptr;
}

void RedisConnection::onConnect(const redisAsyncContext *ac, int status)
{
    auto *self = static_cast<RedisConnection *>(ac->data);
    if (!self || self->m_destroying)
        return;
    Link *link = self->linkOf(ac);
    if (!link)
        return;
    if (status != REDIS_OK) {
        link->ctx = nullptr; // hiredis frees a context whose connect failed
        self->linkLost(*link, QString::fromUtf8(ac->errstr));
        return;
    }
    link->up = true;
    self->linkUp(*link);
}

void RedisConnection::onDisconnect(const redisAsyncContext *ac, int status)
{
    auto *self = static_cast<RedisConnection *>(ac->data);
    if (!self || self->m_destroying)
        return;
    Link *link = self->linkOf(ac);
    if (!link)
        return;
    link->ctx = nullptr;
    link->up = false;
    self->linkLost(*link,
        status == REDIS_OK ? QStringLiteral("connection closed") : QString::fromUtf8(ac->errstr));
}

void RedisConnection::linkUp(Link &link)
{
    if (&link == &m_sub) {
        for (const QByteArray &channel : std::as_const(m_channels))
            sendSubscription("SUBSCRIBE", channel);
        for (const QByteArray &pattern : std::as_const(m_patterns))
            sendSubscription("PSUBSCRIBE", pattern);
    }
    if (m_cmd.up && m_sub.up && !m_ready) {
        m_ready = true;
        m_failures = 0;
        m_errorReported = false;
        qCDebug(lcRedis) << "connected to" << m_host << m_port;
        Q_EMIT ready();
    }
}

void RedisConnection::linkLost(Link &, const QString &why)
{
    m_ready = false;
    fail(QStringLiteral("Redis %1:%2: %3").arg(m_host).arg(m_port).arg(why));
}

void RedisConnection::fail(const QString &why)
{
    if (!m_retryTimer.isActive()) // both links fail together: one attempt, one count
        ++m_failures;
    qCDebug(lcRedis) << why << "attempt" << m_failures;
    scheduleRetry();
    if (!m_errorReported) {
        m_errorReported = true;
        Q_EMIT errorOccurred(why);
    }
}

void RedisConnection::scheduleRetry()
{
    if (!m_open || m_destroying || m_retryTimer.isActive() || !isValidUrl())
        return;
    const int shift = qMin(m_failures > 0 ? m_failures - 1 : 0, 16);
    const qint64 base = qMin<qint64>(qint64(retryDelay) << shift, maxRetryDelay);
    const double jitter = 0.8 + 0.4 * QRandomGenerator::global()->generateDouble();
    m_retryTimer.start(int(qMax<double>(1, double(base) * jitter)));
}

void RedisConnection::retry()
{
    if (!m_cmd.ctx && !connectLink(m_cmd))
        return;
    if (!m_sub.ctx)
        connectLink(m_sub);
}

void RedisConnection::sendSubscription(const char *verb, const QByteArray &channel)
{
    if (!m_sub.ctx)
        return;
    const char *argv[] = { verb, channel.constData() };
    const size_t lens[] = { strlen(verb), size_t(channel.size()) };
    redisAsyncCommandArgv(m_sub.ctx, &RedisConnection::onMessage, nullptr, 2, argv, lens);
}

void RedisConnection::subscribe(const QByteArray &channel)
{
    if (m_channels.contains(channel))
        return;
    m_channels.insert(channel);
    if (m_sub.up)
        sendSubscription("SUBSCRIBE", channel);
}

void RedisConnection::psubscribe(const QByteArray &pattern)
{
    if (m_patterns.contains(pattern))
        return;
    m_patterns.insert(pattern);
    if (m_sub.up)
        sendSubscription("PSUBSCRIBE", pattern);
}

void RedisConnection::onMessage(redisAsyncContext *ac, void *replyPtr, void *)
{
    auto *self = static_cast<RedisConnection *>(ac->data);
    const auto *r = static_cast<const redisReply *>(replyPtr);
    if (!self || self->m_destroying || !r || r->type != REDIS_REPLY_ARRAY || r->elements < 3)
        return;
    const redisReply *kind = r->element[0];
    if (kind->type != REDIS_REPLY_STRING)
        return;
    const QByteArray verb(kind->str, qsizetype(kind->len));
    const redisReply *channel = nullptr;
    const redisReply *payload = nullptr;
    if (verb == "message") {
        channel = r->element[1];
        payload = r->element[2];
    } else if (verb == "pmessage" && r->elements >= 4) {
        channel = r->element[2];
        payload = r->element[3];
    } else {
        return; // subscribe/psubscribe confirmations
    }
    if (channel->type != REDIS_REPLY_STRING || payload->type != REDIS_REPLY_STRING)
        return;
    Q_EMIT self->messageReceived(QByteArray(channel->str, qsizetype(channel->len)),
        QByteArray(payload->str, qsizetype(payload->len)));
}

bool RedisConnection::publish(const QByteArray &channel, const QByteArray &payload)
{
    if (!m_cmd.up)
        return false;
    const char *argv[] = { "PUBLISH", channel.constData(), payload.constData() };
    const size_t lens[] = { 7, size_t(channel.size()), size_t(payload.size()) };
    return redisAsyncCommandArgv(m_cmd.ctx, nullptr, nullptr, 3, argv, lens) == REDIS_OK;
}

bool RedisConnection::command(
    const QByteArrayList &args, std::function<void(const RedisReply &)> done)
{
    if (!m_cmd.up || args.isEmpty())
        return false;
    std::vector<const char *> argv;
    std::vector<size_t> lens;
    for (const QByteArray &a : args) {
        argv.push_back(a.constData());
        lens.push_back(size_t(a.size()));
    }
    auto *pending = new PendingCommand { std::move(done) };
    if (redisAsyncCommandArgv(m_cmd.ctx, &RedisConnection::onReply, pending, int(argv.size()),
            argv.data(), lens.data())
        != REDIS_OK) {
        delete pending;
        return false;
    }
    return true;
}

void RedisConnection::onReply(redisAsyncContext *ac, void *reply, void *privdata)
{
    std::unique_ptr<PendingCommand> pending(static_cast<PendingCommand *>(privdata));
    auto *self = static_cast<RedisConnection *>(ac->data);
    if (!self || self->m_destroying || !pending || !pending->done)
        return;
    pending->done(copyReply(static_cast<const redisReply *>(reply)));
}

} // namespace SmartSocket::Cluster
