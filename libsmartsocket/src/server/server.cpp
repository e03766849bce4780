#include "servercore_p.h"

#include "cluster/redisadaptermessage.h"

#include <QFile>

#include <unistd.h>

namespace SmartSocket {

using Internal::ServerCore;

static QString normalizedNamespace(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("/");
    return name.startsWith(QLatin1Char('/')) ? name : QLatin1Char('/') + name;
}

QVariantMap ConnectionStats::toMap() const
{
    return { { QStringLiteral("total"), total }, { QStringLiteral("memoryUsage"), memoryUsage },
        { QStringLiteral("accepted"), accepted }, { QStringLiteral("refused"), refused },
        { QStringLiteral("bytesIn"), bytesIn }, { QStringLiteral("bytesOut"), bytesOut },
        { QStringLiteral("compressedMessagesOut"), compressedMessagesOut },
        { QStringLiteral("compressionBytesOutBefore"), compressionBytesOutBefore },
        { QStringLiteral("compressionBytesOutAfter"), compressionBytesOutAfter },
        { QStringLiteral("compressedMessagesIn"), compressedMessagesIn },
        { QStringLiteral("compressionBytesInBefore"), compressionBytesInBefore },
        { QStringLiteral("compressionBytesInAfter"), compressionBytesInAfter } };
}

Server::Server(const ServerOptions &options, QObject *parent)
    : QObject(parent), d(new ServerCore(this, options))
{
    if (!options.redisUrl.isEmpty()) {
        d->redisUid = options.serverId.isEmpty() ? Cluster::RedisAdapterMessage::randomId()
                                                 : options.serverId;
        d->redis = new Cluster::RedisConnection(options.redisUrl, this);
        // Once per outage (the link retries with backoff by itself), never in a loop.
        connect(d->redis, &Cluster::RedisConnection::errorOccurred, this,
            [this](const QString &message) {
                Q_EMIT errorOccurred(
                    Error(message, {}, QStringLiteral("REDIS_UNAVAILABLE")), nullptr, QString());
            });
        // Opened from the event loop: an invalid URL is reported to connected slots.
        QMetaObject::invokeMethod(d->redis, &Cluster::RedisConnection::open, Qt::QueuedConnection);
    }
    d->root = d->createNamespace(QStringLiteral("/"));
}

Server::~Server()
{
    // No signals to the application from a half-destroyed server.
    blockSignals(true);
    for (Namespace *nsp : std::as_const(d->namespaces))
        nsp->blockSignals(true);
    d->io->close();
    delete d;
}

bool Server::listen()
{
    return listen(d->options.host, d->options.port);
}

bool Server::listen(const QHostAddress &address, quint16 port)
{
    d->options.host = address;
    d->applyOptions();
    if (d->options.enableEncryption) {
        QString error;
        if (!d->prepareEncryption(&error)) {
            d->errorString = QStringLiteral("invalid encryption options: ") + error;
            return false;
        }
    }
    if (!d->io->setTlsCertificate(d->options.tlsCertificateFile, d->options.tlsKeyFile)) {
        d->errorString = d->io->errorString();
        return false;
    }
    if (!d->io->listen(address, port)) {
        d->errorString = d->io->errorString();
        return false;
    }
    d->options.port = d->io->serverPort();
    d->errorString.clear();
    return true;
}

void Server::close()
{
    d->io->close();
}

bool Server::isListening() const
{
    return d->io->isListening();
}

QHostAddress Server::serverAddress() const
{
    return d->io->serverAddress();
}

quint16 Server::port() const
{
    return d->io->isListening() ? d->io->serverPort() : d->options.port;
}

QString Server::errorString() const
{
    return d->errorString;
}

const ServerOptions &Server::options() const
{
    return d->options;
}

Namespace *Server::of(const QString &name)
{
    const QString key = normalizedNamespace(name);
    if (Namespace *nsp = d->namespaces.value(key))
        return nsp;
    return d->createNamespace(key);
}

Namespace *Server::defaultNamespace() const
{
    return d->root;
}

Namespace *Server::findNamespace(const QString &name) const
{
    return d->namespaces.value(normalizedNamespace(name));
}

QList<Namespace *> Server::namespaces() const
{
    return d->namespaces.values();
}

void Server::off(const QString &event)
{
    d->root->off(event);
}

int Server::emitEvent(const QString &event, const QVariantList &args)
{
    return d->root->emitEvent(event, args);
}

BroadcastOperator Server::to(const QString &room) const
{
    return d->root->to(room);
}

BroadcastOperator Server::except(const QString &room) const
{
    return d->root->except(room);
}

void Server::use(EventMiddleware middleware)
{
    Internal::appendShared(d->eventMiddleware, std::move(middleware));
}

void Server::use(const QString &event, EventMiddleware middleware)
{
    use(Internal::forEvent(event, std::move(middleware)));
}

void Server::useConnect(ConnectMiddleware middleware)
{
    Internal::appendShared(d->connectMiddleware, std::move(middleware));
}

void Server::setEventRateLimit(const QString &event, const RateLimit &limit)
{
    d->rateLimiter.setEventLimit(event, limit);
}

bool Server::removeEventRateLimit(const QString &event)
{
    return d->rateLimiter.removeEventLimit(event);
}

QHash<QString, RateLimit> Server::eventRateLimits() const
{
    return d->rateLimiter.eventLimits();
}

QVariantMap Server::rateLimitStats() const
{
    return d->rateLimiter.stats();
}

QVariantMap Server::poolStats() const
{
    QVariantMap stats;
    if (d->sessionPool)
        stats = d->sessionPool->statsMap();
    stats.insert(QStringLiteral("enabled"), bool(d->sessionPool));
    return stats;
}

static double residentMegabytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    if (fields.size() < 2)
        return 0;
    const double pages = fields.at(1).toDouble();
    return pages * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0);
}

ConnectionStats Server::connectionStats() const
{
    ConnectionStats stats;
    stats.total = d->sessionCount;
    stats.memoryUsage = residentMegabytes();
    const auto io = d->io->stats();
    stats.accepted = io.accepted;
    stats.refused = io.refused;
    stats.bytesIn = io.bytesIn;
    stats.bytesOut = io.bytesOut;
    const Features::CompressionCounters &c = d->compressionTotals;
    stats.compressedMessagesOut = c.messagesOut;
    stats.compressionBytesOutBefore = c.bytesOutBefore;
    stats.compressionBytesOutAfter = c.bytesOutAfter;
    stats.compressedMessagesIn = c.messagesIn;
    stats.compressionBytesInBefore = c.bytesInBefore;
    stats.compressionBytesInAfter = c.bytesInAfter;
    return stats;
}

QVariantMap Server::namespaceStats() const
{
    QVariantMap result;
    for (auto it = d->namespaces.cbegin(); it != d->namespaces.cend(); ++it)
        result.insert(
            it.key(), QVariantMap { { QStringLiteral("connections"), it.value()->socketCount() } });
    return result;
}

} // namespace SmartSocket
