// Rate limiting of incoming events (ServerCore's member, see servercore_p.h): the
// per-socket check against features/ratelimiter.h, before any event middleware.

#include "servercore_p.h"

namespace SmartSocket::Internal {

bool ServerCore::admitEvent(Socket *socket, const QString &event, const Ack &ack)
{
    Socket::Private *sd = socket->d;
    if (sd->admin && options.rateLimitBypassAdmins)
        return true;
    const RateLimiter::Result result
        = rateLimiter.check(sd->rateLimit, event, rateLimitClock.nsecsElapsed());
    if (Q_UNLIKELY(observer))
        observeRateLimit(socket, event, result);
    if (result.allowed)
        return true;
    QPointer<Socket> guard(socket);
    Q_EMIT q->rateLimited(socket, event);
    if (!guard || !guard->d->connected)
        return false;
    const QString message = QStringLiteral("Too many requests, please slow down");
    socket->emitEvent(QStringLiteral("__rate-limited__"),
        { QVariantMap { { QStringLiteral("event"), event }, { QStringLiteral("message"), message },
            { QStringLiteral("retryAfter"), result.retryAfterMs } } });
    if (ack.isRequested() && !ack.isAnswered())
        ack({ QVariantMap { { QStringLiteral("error"), message },
            { QStringLiteral("code"), QStringLiteral("RATE_LIMITED") },
            { QStringLiteral("retryAfter"), result.retryAfterMs } } });
    return false;
}

} // namespace SmartSocket::Internal
