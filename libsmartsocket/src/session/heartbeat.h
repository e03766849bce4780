#pragma once

// The Engine.IO v4 heartbeat, as both sides must see it: the server sends a ping ('2')
// pingInterval after the handshake and after each pong, and closes the session ("ping
// timeout") when no pong ('3') comes within pingTimeout; the client answers every ping at
// once and gives up ("ping timeout") when no ping comes within pingInterval + pingTimeout.

#include <QByteArray>
#include <QByteArrayView>

#include <limits>

namespace SmartSocket::Session {

class Heartbeat
{
public:
    /// What the server sends when pingInterval has passed.
    static QByteArrayView pingFrame() noexcept { return QByteArrayView("2", 1); }

    /// The client's answer to a ping: a pong carrying the ping's payload (a probe echoes).
    static QByteArray pongFrame(QByteArrayView pingPayload)
    {
        QByteArray pong;
        pong.reserve(1 + pingPayload.size());
        pong.append('3');
        pong.append(pingPayload);
        return pong;
    }

    /// How long the client waits for the next ping (ms); the open packet's values may be
    /// anything up to INT_MAX, so the sum saturates rather than wrapping.
    static int clientTimeout(int pingInterval, int pingTimeout) noexcept
    {
        const qint64 sum = qint64(qMax(0, pingInterval)) + qMax(0, pingTimeout);
        return int(qMin<qint64>(sum, std::numeric_limits<int>::max()));
    }
};

} // namespace SmartSocket::Session
