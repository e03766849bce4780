#pragma once

#include "protocol/packet.h"

#include <smartsocket/broadcastoperator.h>
#include <smartsocket/namespace.h>
#include <smartsocket/remotesocket.h>

#include <QStringList>
#include <QVariantList>

#include <functional>

namespace SmartSocket::Internal {

/// A namespace's adapter (socket.io's Adapter): where rooms, broadcasts and the cluster
/// operations go. This base is the in-memory adapter, the default: everything happens on
/// this node, over the namespace's RoomRegistry. A cluster adapter (RedisAdapter) derives
/// from it, does the local part through it and carries the rest to the other nodes.
class Adapter
{
public:
    using CountCallback = std::function<void(int count, const QString &error)>;
    using RoomsCallback = std::function<void(const QStringList &rooms, const QString &error)>;

    explicit Adapter(Namespace *nsp) : m_nsp(nsp) { }
    virtual ~Adapter() = default;
    Adapter(const Adapter &) = delete;
    Adapter &operator=(const Adapter &) = delete;

    /// Sends the packet to the selected sockets; returns how many on this node.
    virtual int broadcast(const BroadcastOperator &op, const Protocol::Packet &packet);
    virtual void addSockets(const BroadcastOperator &op, const QStringList &rooms);
    virtual void delSockets(const BroadcastOperator &op, const QStringList &rooms);
    virtual void disconnectSockets(const BroadcastOperator &op, bool close);
    virtual void fetchSockets(const BroadcastOperator &op, FetchSocketsCallback done);
    /// data = [event, ...args]; done null when no acknowledgement is wanted.
    virtual void serverSideEmit(const QVariantList &data, ServerSideEmitCallback done);
    virtual void allRooms(RoomsCallback done);
    virtual void serverCount(CountCallback done);

    Namespace *nsp() const { return m_nsp; }

    /// The local sockets selected, as fetchSockets() reports them (Node's wire shape).
    QList<RemoteSocket> localSockets(const BroadcastOperator &op) const;
    static QVariantMap handshakeMap(const Socket *socket);
    /// Rooms of this node as socket.io counts them (socket id rooms included).
    QStringList localRooms() const;

protected:
    Namespace *m_nsp;
};

} // namespace SmartSocket::Internal
