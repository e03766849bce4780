#include "servercore_p.h"

namespace SmartSocket {

using Protocol::Packet;
using Protocol::PacketType;

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
    // Normally removed already; this covers a server destroyed with sockets connected.
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

void Socket::join(const QString &room)
{
    if (d->connected)
        d->nsp->d->registry.join(this, room);
}

void Socket::join(const QStringList &rooms)
{
    for (const QString &room : rooms)
        join(room);
}

void Socket::leave(const QString &room)
{
    d->nsp->d->registry.leave(this, room);
}

QSet<QString> Socket::rooms() const
{
    QSet<QString> result = d->nsp->d->registry.roomsOf(const_cast<Socket *>(this));
    result.insert(d->id);
    return result;
}

void Socket::emitEvent(const QString &event, const QVariantList &args)
{
    if (!d->connected)
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
    if (!d->connected) {
        if (callback) {
            QMetaObject::invokeMethod(
                this,
                [callback] {
                    callback(AckResult::failure(
                        AckResult::Status::Disconnected, QStringLiteral("disconnected")));
                },
                Qt::QueuedConnection);
        }
        return;
    }
    if (!d->acks)
        d->acks = new Internal::AckTracker(this);
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

void Socket::disconnect(bool close)
{
    if (!d->connected)
        return;
    Internal::ServerCore *core = coreOf(d->nsp);
    if (close) {
        core->closeSession(d->session, QStringLiteral("server namespace disconnect"));
        return;
    }
    core->removeSocket(this, QStringLiteral("server namespace disconnect"), true);
}

} // namespace SmartSocket
