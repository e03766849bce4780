#include "servercore_p.h"

namespace SmartSocket {

using Protocol::Packet;
using Protocol::PacketType;

BroadcastOperator::BroadcastOperator(Namespace *nsp) : m_nsp(nsp) { }

BroadcastOperator BroadcastOperator::to(const QString &room) const
{
    BroadcastOperator op(*this);
    op.m_rooms.insert(room);
    return op;
}

BroadcastOperator BroadcastOperator::to(const QStringList &rooms) const
{
    BroadcastOperator op(*this);
    for (const QString &room : rooms)
        op.m_rooms.insert(room);
    return op;
}

BroadcastOperator BroadcastOperator::except(const QString &room) const
{
    BroadcastOperator op(*this);
    op.m_except.insert(room);
    return op;
}

BroadcastOperator BroadcastOperator::except(const QStringList &rooms) const
{
    BroadcastOperator op(*this);
    for (const QString &room : rooms)
        op.m_except.insert(room);
    return op;
}

int BroadcastOperator::emitEvent(const QString &event, const QVariantList &args) const
{
    if (!m_nsp)
        return 0;
    if (Protocol::isReservedEventName(event)) {
        qWarning("SmartSocket: \"%s\" is a reserved event name; not sent", qPrintable(event));
        return 0;
    }
    QVariantList data;
    data.reserve(args.size() + 1);
    data.append(event);
    data.append(args);
    return Internal::ServerCore::get(m_nsp->server())
        ->broadcast(*this, Packet { PacketType::Event, m_nsp->name(), -1, data });
}

QList<Socket *> BroadcastOperator::sockets() const
{
    QList<Socket *> result;
    if (m_nsp)
        m_nsp->d->registry.forEachSelected(m_rooms, m_except, [&](Socket *s) { result.append(s); });
    return result;
}

void BroadcastOperator::socketsJoin(const QString &room) const
{
    const auto list = sockets();
    for (Socket *s : list)
        s->join(room);
}

void BroadcastOperator::socketsLeave(const QString &room) const
{
    const auto list = sockets();
    for (Socket *s : list)
        s->leave(room);
}

void BroadcastOperator::disconnectSockets(bool close) const
{
    const auto list = sockets();
    QList<QPointer<Socket>> guarded;
    for (Socket *s : list)
        guarded.append(s);
    for (const auto &s : guarded) {
        if (s)
            s->disconnectFromClient(close);
    }
}

} // namespace SmartSocket
