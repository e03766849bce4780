#pragma once

#include "features/ratelimiter.h"
#include "session/acktracker.h"

#include <smartsocket/handshake.h>
#include <smartsocket/socket.h>

#include <QString>
#include <QVariantMap>

#include <memory>

namespace SmartSocket {

namespace Internal {
class EngineSession;
}

class Socket::Private
{
public:
    Namespace *nsp = nullptr;
    Internal::EngineSession *session = nullptr;
    QString id;
    Handshake handshake;
    QVariantMap data;
    Internal::AckTracker *acks = nullptr; // created on first emitWithAck
    bool connected = false;
    bool admin = false; // Socket::setAdmin: bypasses rate limits with rateLimitBypassAdmins
    std::unique_ptr<Internal::SocketRateLimitState> rateLimit; // on its first limited event
};

} // namespace SmartSocket
