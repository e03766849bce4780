#pragma once

// One Engine.IO connection on the server: routes its packets to the namespace sockets that
// share it (socket.io's Client). Plain data, no QObject: an idle connection should cost
// little memory. ServerCore (servercore.cpp) drives it.

#include "handshakedata_p.h"
#include "namespace_p.h"
#include "socket_p.h"

#include "features/envelope.h"
#include "protocol/socketio.h"
#include "transport/iocore.h"

#include <QString>

#include <memory>
#include <vector>

namespace SmartSocket::Internal {

class EngineSession
{
public:
    Transport::ConnectionId conn = 0;
    QString sid;
    std::shared_ptr<const HandshakeData> handshake;
    Protocol::Decoder decoder;
    std::vector<Socket *> sockets; ///< joined namespaces
    std::vector<Socket *> pending; ///< connect middleware running
    QString closeReason; ///< set when we close the connection ourselves
    bool closed = false;
    int observedTextBytes = 0; ///< size of the last text packet, kept for an attached observer
    /// Compression/encryption granted to this connection; null for a plain Socket.IO peer.
    std::unique_ptr<Features::Envelope> ext;
    bool pooledBefore = false; ///< ObjectPool bookkeeping (enableConnectionPooling)

    /// Back to a freshly constructed state for the next connection (connection pooling):
    /// only the vectors' capacity is kept.
    void resetForReuse()
    {
        std::vector<Socket *> keepSockets = std::move(sockets);
        std::vector<Socket *> keepPending = std::move(pending);
        keepSockets.clear();
        keepPending.clear();
        *this = EngineSession();
        sockets = std::move(keepSockets);
        pending = std::move(keepPending);
    }

    Socket *socketFor(const QString &nsp) const
    {
        for (Socket *s : sockets) {
            if (s->d->nsp->d->name == nsp)
                return s;
        }
        return nullptr;
    }
    bool isPending(const QString &nsp) const
    {
        for (Socket *s : pending) {
            if (s->d->nsp->d->name == nsp)
                return true;
        }
        return false;
    }
};

} // namespace SmartSocket::Internal
