#include <smartsocket/namespace.h>
#include <smartsocket/remotesocket.h>

namespace SmartSocket {

RemoteSocket::RemoteSocket(Namespace *nsp, const QString &id, const QVariantMap &handshake,
    const QStringList &rooms, const QVariantMap &data, bool local)
    : m_nsp(nsp), m_id(id), m_handshake(handshake), m_rooms(rooms), m_data(data), m_local(local)
{ }

// Each goes through the namespace's adapter as an operation on the room named by the id:
// on this node it applies at once, elsewhere the owning node applies it.
void RemoteSocket::emitEvent(const QString &event, const QVariantList &args) const
{
    if (m_nsp)
        m_nsp->to(m_id).emitEvent(event, args);
}

void RemoteSocket::join(const QString &room) const
{
    if (m_nsp)
        m_nsp->to(m_id).socketsJoin(room);
}

void RemoteSocket::leave(const QString &room) const
{
    if (m_nsp)
        m_nsp->to(m_id).socketsLeave(room);
}

void RemoteSocket::disconnectFromClient(bool closeConnection) const
{
    if (m_nsp)
        m_nsp->to(m_id).disconnectSockets(closeConnection);
}

} // namespace SmartSocket
