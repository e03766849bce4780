#pragma once

#include <QByteArray>
#include <QHostAddress>

namespace SmartSocket::Internal {

/// The connection-level part of a handshake, shared by every namespace socket of one
/// connection. Kept as received (the raw request head) and parsed only when asked: an idle
/// connection should cost little memory.
struct HandshakeData
{
    QByteArray head; ///< request line + headers, as received
    QByteArray target; ///< path + query
    QHostAddress address;
    quint16 port = 0;
    qint64 issued = 0; ///< ms since the epoch
    bool secure = false;
};

} // namespace SmartSocket::Internal
