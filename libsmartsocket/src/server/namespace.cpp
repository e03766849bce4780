#include "servercore_p.h"

namespace SmartSocket {

using Protocol::Packet;
using Protocol::PacketType;

Namespace::Namespace(const QString &name, Server *server) : QObject(server), d(new Private)
{
    d->name = name;
    d->server = server;
}

Namespace::~Namespace()
{
    // Sockets are children: delete them while d (their registry) still exists.
    const auto sockets = findChildren<Socket *>(Qt::FindDirectChildrenOnly);
    for (Socket *socket : sockets)
        delete socket;
    delete d;
}

QString Namespace::name() const
{
    return d->name;
}

Server *Namespace::server() const
{
    return d->server;
}

void Namespace::setHandler(const QString &event, EventHandler handler)
{
    if (handler)
        d->handlers.insert(event, std::move(handler));
    else
        d->handlers.remove(event);
}

void Namespace::off(const QString &event)
{
    d->handlers.remove(event);
}

bool Namespace::hasHandler(const QString &event) const
{
    return d->handlers.contains(event);
}

void Namespace::onAny(AnyEventHandler handler)
{
    d->anyHandler = std::move(handler);
}

void Namespace::offAny()
{
    d->anyHandler = nullptr;
}

void Namespace::use(EventMiddleware middleware)
{
    Internal::appendShared(d->eventMiddleware, std::move(middleware));
}

void Namespace::use(const QString &event, EventMiddleware middleware)
{
    use(Internal::forEvent(event, std::move(middleware)));
}

void Namespace::useConnect(ConnectMiddleware middleware)
{
    Internal::appendShared(d->connectMiddleware, std::move(middleware));
}

int Namespace::emitEvent(const QString &event, const QVariantList &args)
{
    return BroadcastOperator(this).emitEvent(event, args);
}

BroadcastOperator Namespace::to(const QString &room) const
{
    return BroadcastOperator(const_cast<Namespace *>(this)).to(room);
}

BroadcastOperator Namespace::to(const QStringList &rooms) const
{
    return BroadcastOperator(const_cast<Namespace *>(this)).to(rooms);
}

BroadcastOperator Namespace::except(const QString &room) const
{
    return BroadcastOperator(const_cast<Namespace *>(this)).except(room);
}

QList<Socket *> Namespace::sockets() const
{
    return d->registry.members().values();
}

Socket *Namespace::socket(const QString &id) const
{
    return d->registry.member(id);
}

int Namespace::socketCount() const
{
    return d->registry.size();
}

QStringList Namespace::rooms() const
{
    return d->registry.rooms();
}

void Namespace::disconnectSockets(bool close)
{
    BroadcastOperator(this).disconnectSockets(close);
}

} // namespace SmartSocket
