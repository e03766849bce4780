#pragma once

// The Engine.IO v4 handshake over WebSocket (no HTTP long-polling): the query the client
// sends, and the checks the server makes on it, in engine.io's order.

#include "protocol/engineio.h"

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace SmartSocket::Session {

class EngineHandshake
{
public:
    /// The query every client request starts with.
    static QByteArray clientQuery() { return QByteArrayLiteral("EIO=4&transport=websocket"); }
    /// Keys the handshake owns: a user's query may not set them.
    static bool isReservedQueryKey(QByteArrayView key)
    {
        return key == "EIO" || key == "transport" || key == "sid";
    }

    /// True when the request path is the endpoint's (trailing slashes and a missing leading
    /// one do not matter).
    static bool pathMatches(QByteArrayView requestPath, QByteArrayView endpointPath);

    /// engine.io's verify() for a new WebSocket session: transport, sid, method, version,
    /// upgrade, in that order. nullopt when the request may open a session.
    static std::optional<Protocol::EngineError> verify(
        QByteArrayView method, QByteArrayView query, bool isWebSocketUpgrade);

    /// Percent-decoded value of `key` in a raw query string (the first occurrence).
    static QByteArray queryValue(QByteArrayView query, QByteArrayView key, bool *found);
};

} // namespace SmartSocket::Session
