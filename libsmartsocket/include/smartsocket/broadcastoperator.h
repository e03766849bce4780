#pragma once

#include <smartsocket/smartsocket_export.h>

#include <QList>
#include <QSet>
#include <QString>
#include <QVariantList>

namespace SmartSocket {

class Namespace;
class Socket;

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

    /// Sends the event to every selected socket; returns how many were targeted.
    int emitEvent(const QString &event, const QVariantList &args = {}) const;

    /// The selected sockets.
    QList<Socket *> sockets() const;
    void socketsJoin(const QString &room) const;
    void socketsLeave(const QString &room) const;
    /// Disconnects the selected sockets from the namespace (close = drop the connection).
    void disconnectSockets(bool close = false) const;

    Namespace *nsp() const { return m_nsp; }
    const QSet<QString> &rooms() const { return m_rooms; }
    const QSet<QString> &exceptRooms() const { return m_except; }

private:
    Namespace *m_nsp;
    QSet<QString> m_rooms;
    QSet<QString> m_except;
};

} // namespace SmartSocket
