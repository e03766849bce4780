#include "servercore_p.h"

#include "protocol/packet.h"
#include "session/closereason.h"

#include <algorithm>

namespace SmartSocket {

using Protocol::Packet;
using Protocol::PacketType;
using Session::CloseReason;

static Internal::ServerCore *coreOf(const Namespace *nsp)
{
    return Internal::ServerCore::get(nsp->server());
}

Socket::Socket(
    Namespace *nsp, Internal::EngineSession *session, const QString &id, const Handshake &handshake)
    : QObject(nsp), d(new Private)
{
    d->nsp = nsp;
    d->session = session;
    d->id = id;
    d->handshake = handshake;
}

Socket::~Socket()
{
    // Normally removed already (and deleted later); this covers a namespace or server
    // destroyed with sockets still connected or in their connect middleware.
    if (Internal::EngineSession *session = d->session) {
        auto drop = [this](std::vector<Socket *> &list) {
            list.erase(std::remove(list.begin(), list.end(), this), list.end());
        };
        drop(session->sockets);
        drop(session->pending);
    }
    if (d->connected)
        d->nsp->d->registry.remove(this, d->id);
    delete d;
}

QString Socket::id() const
{
    return d->id;
}

Namespace *Socket::nsp() const
{
    return d->nsp;
}

Server *Socket::server() const
{
    return d->nsp->server();
}

const Handshake &Socket::handshake() const
{
    return d->handshake;
}

QVariantMap &Socket::data()
{
    return d->data;
}

const QVariantMap &Socket::data() const
{
    return d->data;
}

bool Socket::isConnected() const
{
    return d->connected;
}

void Socket::setAdmin(bool admin)
{
    d->admin = admin;
}

bool Socket::isAdmin() const
{
    return d->admin;
}

QVariantMap Socket::rateLimitStats() const
{
    const Internal::ServerCore *core = coreOf(d->nsp);
    QVariantMap stats
        = core->rateLimiter.socketStats(d->rateLimit.get(), core->rateLimitClock.nsecsElapsed());
    stats.insert(QStringLiteral("admin"), d->admin);
    return stats;
}

void Socket::join(const QString &room)
{
    if (d->connected && d->nsp->d->registry.join(this, room)
        && Q_UNLIKELY(coreOf(d->nsp)->observer))
        coreOf(d->nsp)->observer->roomJoined(this, room);
}

void Socket::join(const QStringList &rooms)
{
    for (const QString &room : rooms)
        join(room);
}

void Socket::leave(const QString &room)
{
    if (d->nsp->d->registry.leave(this, room) && Q_UNLIKELY(coreOf(d->nsp)->observer))
        coreOf(d->nsp)->observer->roomLeft(this, room);
}

QSet<QString> Socket::rooms() const
{
    QSet<QString> result = d->nsp->d->registry.roomsOf(const_cast<Socket *>(this));
    result.insert(d->id);
    return result;
}

static bool refuseReserved(const QString &event)
{
    if (!Protocol::isReservedEventName(event))
        return false;
    qWarning("SmartSocket: \"%s\" is a reserved event name; not sent", qPrintable(event));
    return true;
}

void Socket::emitEvent(const QString &event, const QVariantList &args)
{
    if (!d->connected || refuseReserved(event))
        return;
    QVariantList data;
    data.reserve(args.size() + 1);
    data.append(event);
    data.append(args);
    coreOf(d->nsp)->sendPacket(d->session, Packet { PacketType::Event, d->nsp->d->name, -1, data });
}

void Socket::emitWithAck(
    const QString &event, const QVariantList &args, AckCallback callback, int timeoutMs)
{
    const bool reserved = refuseReserved(event);
    if (!d->connected || reserved) {
        if (callback) {
            const AckResult failure = reserved
                ? AckResult::failure(AckResult::Status::Disabled,
                    QStringLiteral("\"%1\" is a reserved event name").arg(event))
                : AckResult::failure(
                    AckResult::Status::Disconnected, QStringLiteral("disconnected"));
            QMetaObject::invokeMethod(
                this, [callback, failure] { callback(failure); }, Qt::QueuedConnection);
        }
        return;
    }
    if (!d->acks)
        d->acks = new Internal::AckTracker(this);
    if (Q_UNLIKELY(coreOf(d->nsp)->observer))
        callback = coreOf(d->nsp)->observedAck(this, event, d->acks->nextId(), std::move(callback));
    const qint64 id = d->acks->add(std::move(callback), timeoutMs);
    QVariantList data;
    data.reserve(args.size() + 1);
    data.append(event);
    data.append(args);
    coreOf(d->nsp)->sendPacket(d->session, Packet { PacketType::Event, d->nsp->d->name, id, data });
}

BroadcastOperator Socket::to(const QString &room) const
{
    return BroadcastOperator(d->nsp).to(room).except(d->id);
}

BroadcastOperator Socket::except(const QString &room) const
{
    return BroadcastOperator(d->nsp).except(room).except(d->id);
}

BroadcastOperator Socket::broadcast() const
{
    return BroadcastOperator(d->nsp).except(d->id);
}

void Socket::disconnectFromClient(bool closeConnection)
{
    if (!d->connected)
        return;
    Internal::ServerCore *core = coreOf(d->nsp);
    if (closeConnection) {
        core->disconnectSession(d->session, CloseReason::serverNamespaceDisconnect());
        return;
    }
    core->removeSocket(this, CloseReason::serverNamespaceDisconnect(), true);
}

} // namespace SmartSocket
