#include "enginehandshake.h"

namespace SmartSocket::Session {

using Protocol::EngineError;

static QByteArray normalizedPath(QByteArray path)
{
    while (path.size() > 1 && path.endsWith('/'))
        path.chop(1);
    if (!path.startsWith('/'))
        path.prepend('/');
    return path;
}

bool EngineHandshake::pathMatches(QByteArrayView requestPath, QByteArrayView endpointPath)
{
    return normalizedPath(requestPath.toByteArray()) == normalizedPath(endpointPath.toByteArray());
}

QByteArray EngineHandshake::queryValue(QByteArrayView query, QByteArrayView key, bool *found)
{
    *found = false;
    while (!query.isEmpty()) {
        const qsizetype amp = query.indexOf('&');
        const QByteArrayView item = amp < 0 ? query : query.first(amp);
        query = amp < 0 ? QByteArrayView() : query.sliced(amp + 1);
        const qsizetype eq = item.indexOf('=');
        const QByteArrayView k = eq < 0 ? item : item.first(eq);
        if (k == key) {
            *found = true;
            if (eq < 0)
                return {};
            const QByteArrayView value = item.sliced(eq + 1);
            return value.contains('%') ? QByteArray::fromPercentEncoding(value.toByteArray())
                                       : value.toByteArray();
        }
    }
    return {};
}

std::optional<EngineError> EngineHandshake::verify(
    QByteArrayView method, QByteArrayView query, bool isWebSocketUpgrade)
{
    bool hasTransport = false;
    bool hasSid = false;
    bool hasEio = false;
    const QByteArray transport = queryValue(query, "transport", &hasTransport);
    const QByteArray sid = queryValue(query, "sid", &hasSid);
    const QByteArray eio = queryValue(query, "EIO", &hasEio);
    // Same order of checks as engine.io's verify(): transport, sid, method, version.
    if (!hasTransport || transport != "websocket")
        return EngineError::TransportUnknown;
    if (!sid.isEmpty())
        return EngineError::UnknownSid;
    if (method != "GET")
        return EngineError::BadHandshakeMethod;
    if (!hasEio || eio != "4")
        return EngineError::UnsupportedProtocolVersion;
    if (!isWebSocketUpgrade)
        return EngineError::BadRequest;
    return std::nullopt;
}

} // namespace SmartSocket::Session
