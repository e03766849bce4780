#include "adapter.h"

#include "servercore_p.h"

#include <QPointer>

namespace SmartSocket::Internal {

int Adapter::broadcast(const BroadcastOperator &op, const Protocol::Packet &packet)
{
    return ServerCore::get(m_nsp->server())->broadcast(op, packet);
}

void Adapter::addSockets(const BroadcastOperator &op, const QStringList &rooms)
{
    const auto list = op.local().sockets();
    for (Socket *s : list)
        s->join(rooms);
}

void Adapter::delSockets(const BroadcastOperator &op, const QStringList &rooms)
{
    const auto list = op.local().sockets();
    for (Socket *s : list) {
        for (const QString &room : rooms)
            s->leave(room);
    }
}

void Adapter::disconnectSockets(const BroadcastOperator &op, bool close)
{
    const auto list = op.local().sockets();
    QList<QPointer<Socket>> guarded;
    for (Socket *s : list)
        guarded.append(s);
    for (const auto &s : guarded) {
        if (s)
            s->disconnectFromClient(close);
    }
}

void Adapter::fetchSockets(const BroadcastOperator &op, FetchSocketsCallback done)
{
    if (done)
        done(localSockets(op), QString());
}

void Adapter::serverSideEmit(const QVariantList &, ServerSideEmitCallback done)
{
    if (done) // no other node: every (zero) acknowledgement is in
        done({}, QString());
}

void Adapter::allRooms(RoomsCallback done)
{
    if (done)
        done(localRooms(), QString());
}

void Adapter::serverCount(CountCallback done)
{
    if (done)
        done(1, QString());
}

QList<RemoteSocket> Adapter::localSockets(const BroadcastOperator &op) const
{
    QList<RemoteSocket> result;
    const auto list = op.local().sockets();
    for (Socket *s : list) {
        const QSet<QString> rooms = s->rooms();
        result.append(RemoteSocket(m_nsp, s->id(), handshakeMap(s),
            QStringList(rooms.cbegin(), rooms.cend()), s->data(), true));
    }
    return result;
}

QVariantMap Adapter::handshakeMap(const Socket *socket)
{
    const Handshake &h = socket->handshake();
    QVariantMap headers;
    const auto list = h.headers();
    for (const auto &[name, value] : list)
        headers.insert(QString::fromLatin1(name).toLower(), QString::fromUtf8(value));
    QString address = h.address().toString();
    return {
        { QStringLiteral("headers"), headers },
        { QStringLiteral("time"), h.time().toString(Qt::RFC2822Date) },
        { QStringLiteral("address"), address },
        { QStringLiteral("xdomain"), !h.header("origin").isEmpty() },
        { QStringLiteral("secure"), h.isSecure() },
        { QStringLiteral("issued"), h.issued() },
        { QStringLiteral("url"), h.url() },
        { QStringLiteral("query"), h.query() },
        { QStringLiteral("auth"), h.auth() },
    };
}

QStringList Adapter::localRooms() const
{
    QStringList rooms = m_nsp->d->registry.rooms();
    rooms.append(m_nsp->d->registry.members().keys());
    return rooms;
}

} // namespace SmartSocket::Internal
