#pragma once

#include <smartsocket/smartsocket_export.h>

#include <smartsocket/remotesocket.h>

#include <QFuture>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariantList>

#include <functional>

namespace SmartSocket {

class Namespace;
class Socket;

/// Completion of fetchSockets(): the sockets found, and an error when some node did not
/// answer in time or Redis is down (then `sockets` holds what could be gathered).
using FetchSocketsCallback
    = std::function<void(const QList<RemoteSocket> &sockets, const QString &error)>;

/// Selects sockets of one namespace by room and emits to them (socket.io's
/// BroadcastOperator). Immutable: to()/in()/except() return a new operator, emitEvent()
/// ends the chain. The packet is encoded once for all targets.
class SMARTSOCKET_EXPORT BroadcastOperator
{
public:
    explicit BroadcastOperator(Namespace *nsp);

    /// Adds a room to the target set (union of rooms; a socket id counts as a room).
    BroadcastOperator to(const QString &room) const;
    BroadcastOperator to(const QStringList &rooms) const;
    BroadcastOperator in(const QString &room) const { return to(room); }
    /// Excludes the members of a room (or a socket, by id).
    BroadcastOperator except(const QString &room) const;
    BroadcastOperator except(const QStringList &rooms) const;
    /// Only this node: the operation is not sent to the other nodes of a cluster.
    BroadcastOperator local() const;

    /// Sends the event to every selected socket; returns how many were targeted.
    int emitEvent(const QString &event, const QVariantList &args = {}) const;

    /// The selected sockets of this node.
    QList<Socket *> sockets() const;
    /// The selected sockets of every node (socket.io's fetchSockets()); `done` runs in this
    /// thread once every node answered or the requests timeout passed.
    void fetchSockets(FetchSocketsCallback done) const;
    /// The same as a future; it fails (QFuture exception: std::runtime_error) on a timeout.
    QFuture<QList<RemoteSocket>> fetchSockets() const;
    /// On every node: the selected sockets join / leave `room` (or are disconnected).
    void socketsJoin(const QString &room) const;
    void socketsJoin(const QStringList &rooms) const;
    void socketsLeave(const QString &room) const;
    void socketsLeave(const QStringList &rooms) const;
    /// Disconnects the selected sockets from the namespace (close = drop the connection).
    void disconnectSockets(bool close = false) const;

    Namespace *nsp() const { return m_nsp; }
    const QSet<QString> &rooms() const { return m_rooms; }
    const QSet<QString> &exceptRooms() const { return m_except; }
    bool isLocal() const { return m_local; }

private:
    Namespace *m_nsp;
    QSet<QString> m_rooms;
    QSet<QString> m_except;
    bool m_local = false;
};

} // namespace SmartSocket
