#pragma once

#include <smartsocket/smartsocket_export.h>

#include <QPointer>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

namespace SmartSocket {

class Namespace;

/// A socket as fetchSockets() reports it: on this node or on another node of the cluster
/// (socket.io's RemoteSocket). A snapshot of id, handshake, rooms and data taken when it was
/// fetched; emitEvent(), join(), leave() and disconnectFromClient() travel to the node that
/// holds the socket (through the namespace's adapter, like `to(id)`).
class SMARTSOCKET_EXPORT RemoteSocket
{
public:
    RemoteSocket() = default;
    RemoteSocket(Namespace *nsp, const QString &id, const QVariantMap &handshake,
        const QStringList &rooms, const QVariantMap &data, bool local);

    QString id() const { return m_id; }
    /// As socket.io sends it: headers, time, address, xdomain, secure, issued, url, query, auth.
    QVariantMap handshake() const { return m_handshake; }
    /// Rooms when fetched, its own id room included.
    QStringList rooms() const { return m_rooms; }
    QVariantMap data() const { return m_data; }
    /// True when the socket lives on this server.
    bool isLocal() const { return m_local; }

    void emitEvent(const QString &event, const QVariantList &args = {}) const;
    void join(const QString &room) const;
    void leave(const QString &room) const;
    void disconnectFromClient(bool closeConnection = false) const;

private:
    QPointer<Namespace> m_nsp;
    QString m_id;
    QVariantMap m_handshake;
    QStringList m_rooms;
    QVariantMap m_data;
    bool m_local = false;
};

} // namespace SmartSocket
