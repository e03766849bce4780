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
    d->adapter.reset(); // before the sockets: pending cluster requests end first
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

void Namespace::fetchSockets(FetchSocketsCallback done) const
{
    BroadcastOperator(const_cast<Namespace *>(this)).fetchSockets(std::move(done));
}

QFuture<QList<RemoteSocket>> Namespace::fetchSockets() const
{
    return BroadcastOperator(const_cast<Namespace *>(this)).fetchSockets();
}

void Namespace::serverSideEmit(const QString &event, const QVariantList &args)
{
    QVariantList data { event };
    data.append(args);
    d->adapter->serverSideEmit(data, nullptr);
}

void Namespace::serverSideEmit(
    const QString &event, const QVariantList &args, ServerSideEmitCallback done)
{
    QVariantList data { event };
    data.append(args);
    if (!done)
        done = [](const QVariantList &, const QString &) {};
    d->adapter->serverSideEmit(data, std::move(done));
}

void Namespace::onServerSideEmit(const QString &event, ServerSideHandler handler)
{
    if (handler)
        d->serverSideHandlers.insert(event, std::move(handler));
    else
        d->serverSideHandlers.remove(event);
}

void Namespace::serverCount(std::function<void(int, const QString &)> done) const
{
    if (done)
        d->adapter->serverCount(std::move(done));
}

void Namespace::allRooms(std::function<void(const QStringList &, const QString &)> done) const
{
    if (done)
        d->adapter->allRooms(std::move(done));
}

} // namespace SmartSocket
