// HTTP long-polling and the upgrade to WebSocket, as engine.io 6 (socket.io 4.8) serves
// them: every request of the endpoint comes through onEngineRequest(); a polling session is
// an IoCore connection without a socket (IoCore::openPollingSession), so everything above
// (heartbeat, Socket.IO routing, broadcasts) treats it like a WebSocket connection.

#include "servercore_p.h"
#include "servermetrics.h"

#include "protocol/engineio.h"
#include "protocol/enginepayload.h"
#include "session/closereason.h"
#include "session/enginehandshake.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>
#include <utility>

namespace SmartSocket::Internal {

using Protocol::EngineError;
using Session::CloseReason;
using Session::EngineHandshake;

namespace {

Transport::HttpResponse plainAnswer(int status, QByteArray contentType = {}, QByteArray body = {})
{
    Transport::HttpResponse response;
    response.status = status;
    response.contentType = std::move(contentType);
    response.body = std::move(body);
    response.keepAlive = true;
    return response;
}

} // namespace

QByteArray ServerCore::corsHeaders(const Transport::HttpRequest &request) const
{
    if (options.corsOrigins.isEmpty() && !options.corsOriginFilter)
        return {};
    const QByteArray origin = request.header("Origin");
    QByteArray out;
    if (options.corsOrigins.contains(QStringLiteral("*")) && !options.corsCredentials) {
        out += "Access-Control-Allow-Origin: *\r\n";
    } else {
        const QString name = QString::fromLatin1(origin);
        const bool allowed = !origin.isEmpty()
            && (options.corsOrigins.contains(name)
                || options.corsOrigins.contains(QStringLiteral("*"))
                || (options.corsOriginFilter && options.corsOriginFilter(name)));
        if (allowed)
            out += "Access-Control-Allow-Origin: " + origin + "\r\n";
        out += "Vary: Origin\r\n";
    }
    if (options.corsCredentials)
        out += "Access-Control-Allow-Credentials: true\r\n";
    return out;
}

Transport::HttpResponse ServerCore::onEngineRequest(
    Transport::ConnectionId id, const Transport::HttpRequest &request)
{
    const QByteArray cors = corsHeaders(request);
    if (request.method == "OPTIONS"
        && (!options.corsOrigins.isEmpty() || options.corsOriginFilter)) {
        // Preflight: answered before any Engine.IO check, as the cors middleware does.
        Transport::HttpResponse preflight = plainAnswer(204);
        preflight.headers = cors + "Access-Control-Allow-Methods: "
            + options.corsMethods.join(QLatin1Char(',')).toLatin1() + "\r\n";
        // The requested headers are reflected (the cors package's default), and the answer
        // then varies with them too.
        const QByteArray wanted = request.header("Access-Control-Request-Headers");
        if (!wanted.isEmpty()) {
            preflight.headers += "Access-Control-Allow-Headers: " + wanted + "\r\n";
            if (preflight.headers.contains("Vary: Origin\r\n"))
                preflight.headers.replace(
                    "Vary: Origin\r\n", "Vary: Origin, Access-Control-Request-Headers\r\n");
            else
                preflight.headers += "Vary: Access-Control-Request-Headers\r\n";
        }
        return preflight;
    }
    Transport::HttpResponse response = answerEngineRequest(id, request, cors);
    response.headers += cors;
    return response;
}

Transport::HttpResponse ServerCore::answerEngineRequest(
    Transport::ConnectionId id, const Transport::HttpRequest &request, const QByteArray &cors)
{
    bool found = false;
    const QByteArray transport = EngineHandshake::queryValue(request.query, "transport", &found);
    const QByteArray sid = EngineHandshake::queryValue(request.query, "sid", &found);
    // engine.io's verify(), in its order: transport, sid (and the session's transport),
    // handshake method, WebSocket without upgrade; then the handshake checks the version.
    if (transport != "polling" && transport != "websocket")
        return refuseRequest(request, EngineError::TransportUnknown);

    if (!sid.isEmpty()) {
        EngineSession *session = pollingSessions.value(QString::fromLatin1(sid));
        if (!session || session->closed)
            return refuseRequest(request, EngineError::UnknownSid);
        if (request.isWebSocketUpgrade) {
            if (session->upgrading || session->upgraded) {
                refusedUpgrades.insert(id); // accepted, then closed (onOpen)
                return {};
            }
            session->upgrading = true;
            session->probe = id;
            io->setUserData(id, session);
            return {};
        }
        if (metrics)
            ++metrics->pollingRequests[request.method == "GET" ? 0
                    : request.method == "POST"                 ? 1
                                                               : 2];
        const QByteArray current = session->upgraded ? "websocket" : "polling";
        if (transport != current)
            return refuseRequest(request, EngineError::BadRequest);
        if (request.method == "GET") {
            if (!io->holdPoll(session->conn, id, cors)) {
                // A second poll while one is held: engine.io ends the session.
                reportConnectionError(session, QStringLiteral("overlap from client"));
                closeSession(session, CloseReason::transportError());
                return plainAnswer(400);
            }
            return Transport::HttpResponse(Transport::HttpResponse::Held);
        }
        if (request.method == "POST")
            return onPollingPost(session, request);
        return plainAnswer(500);
    }

    if (request.method != "GET")
        return refuseRequest(request, EngineError::BadHandshakeMethod);
    if (transport == "websocket" && !request.isWebSocketUpgrade)
        return refuseRequest(request, EngineError::BadRequest);
    if (!options.allowRequest)
        return openSession(id, request, cors);

    // allowRequest decides, now or later; until then the request is held.
    auto decided = std::make_shared<std::optional<std::pair<QString, bool>>>();
    auto later = std::make_shared<bool>(false);
    QPointer<Server> server(q);
    auto handshake = std::make_shared<HandshakeData>();
    handshake->head = request.head;
    handshake->target = request.target;
    handshake->address = request.peerAddress;
    handshake->port = request.peerPort;
    handshake->issued = QDateTime::currentMSecsSinceEpoch();
    handshake->secure = request.secure;
    const Transport::HttpRequest copy = request;
    const auto answer = [this, server, decided, later, id, copy, cors](
                            const QString &message, bool allowed) {
        if (*later) {
            if (!server)
                return;
            QMetaObject::invokeMethod(
                server.data(), [this, server, id, copy, cors, message, allowed] {
                    if (!server || !io->isValid(id))
                        return; // the server or the connection went away meanwhile
                    Transport::HttpResponse response
                        = allowed ? openSession(id, copy, cors) : refuseForbidden(copy, message);
                    if (response.status != Transport::HttpResponse::Held) {
                        response.headers += cors;
                        io->respond(id, response);
                    }
                });
            return;
        }
        if (!decided->has_value())
            *decided = std::make_pair(message, allowed);
    };
    options.allowRequest(Handshake(handshake, {}), answer);
    if (!decided->has_value()) {
        *later = true;
        return Transport::HttpResponse(Transport::HttpResponse::Held);
    }
    if (!(*decided)->second)
        return refuseForbidden(request, (*decided)->first);
    return openSession(id, request, cors);
}

QByteArray ServerCore::sessionCookie(const QString &sid) const
{
    if (options.cookieName.isEmpty())
        return {};
    QString cookie = options.cookieName + QLatin1Char('=') + sid;
    if (!options.cookiePath.isEmpty())
        cookie += QStringLiteral("; Path=") + options.cookiePath;
    if (options.cookieHttpOnly)
        cookie += QStringLiteral("; HttpOnly");
    if (!options.cookieSameSite.isEmpty())
        cookie += QStringLiteral("; SameSite=") + options.cookieSameSite;
    return "Set-Cookie: " + cookie.toLatin1() + "\r\n";
}

Transport::HttpResponse ServerCore::refuseForbidden(
    const Transport::HttpRequest &request, const QString &message)
{
    Transport::HttpResponse response = refuseRequest(request, EngineError::Forbidden);
    if (!message.isEmpty()) {
        QJsonObject body { { QStringLiteral("code"), 4 }, { QStringLiteral("message"), message } };
        response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    return response;
}

Transport::HttpResponse ServerCore::openSession(
    Transport::ConnectionId id, const Transport::HttpRequest &request, const QByteArray &cors)
{
    // engine.io checks the protocol version in its handshake, after allowRequest.
    bool found = false;
    const QByteArray eio = EngineHandshake::queryValue(request.query, "EIO", &found);
    if (eio != "4")
        return refuseRequest(request, EngineError::UnsupportedProtocolVersion);
    const QByteArray transport = EngineHandshake::queryValue(request.query, "transport", &found);
    if (transport == "websocket") {
        EngineSession *session = newSession(id, request);
        Transport::HttpResponse accept;
        accept.headers = sessionCookie(session->sid);
        return accept; // 101; onOpen sends the open packet
    }

    // A new polling session: the handshake GET is its first poll, answered with the open
    // packet.
    const Transport::ConnectionId conn
        = io->openPollingSession(request.peerAddress, request.peerPort);
    EngineSession *session = newSession(conn, request);
    session->polling = true;
    pollingSessions.insert(session->sid, session);
    io->holdPoll(conn, id, cors + sessionCookie(session->sid));
    Protocol::OpenInfo info;
    info.sid = session->sid;
    info.upgrades = QStringList { QStringLiteral("websocket") };
    info.pingInterval = options.pingInterval;
    info.pingTimeout = options.pingTimeout;
    info.maxPayload = options.maxPayload;
    io->sendText(conn, withExtensions(session, Protocol::encodeOpen(info)));
    io->armTimer(conn, 0, pingQueue);
    io->armTimer(conn, 1, connectQueue);
    if (Q_UNLIKELY(observer))
        observer->connectionOpened(session->sid, Handshake(session->handshake, {}));
    return Transport::HttpResponse(Transport::HttpResponse::Held);
}

Transport::HttpResponse ServerCore::onPollingPost(
    EngineSession *session, const Transport::HttpRequest &request)
{
    if (request.header("Content-Type") == "application/octet-stream") {
        // Binary bodies are Engine.IO v3 only.
        reportConnectionError(session, QStringLiteral("invalid content"));
        closeSession(session, CloseReason::transportError());
        return plainAnswer(400);
    }
    const Transport::ConnectionId conn = session->conn;
    QList<Protocol::EnginePayload::Packet> packets;
    QByteArray error;
    if (!Protocol::EnginePayload::decode(request.body, &packets, &error)) {
        reportConnectionError(session, QString::fromLatin1(error));
        closeSession(session, CloseReason::parseError());
    } else {
        for (const auto &packet : std::as_const(packets)) {
            // A packet may end the session (a close packet, a decode error): stop there.
            if (!io->isValid(conn) || io->userData(conn) != session || session->closed)
                break;
            onMessage(conn, packet.data, packet.binary);
        }
    }
    Transport::HttpResponse response = plainAnswer(200, "text/html", "ok");
    response.headers = "cache-control: no-store\r\n";
    return response;
}

void ServerCore::onProbeMessage(
    EngineSession *session, Transport::ConnectionId probe, QByteArrayView payload, bool binary)
{
    if (!binary && payload == "2probe") {
        io->sendText(probe, "3probe");
        io->sendText(session->conn, "6"); // frees the held poll, as engine.io's noop
        return;
    }
    if (!binary && payload == "5" && session->upgrading) {
        if (io->upgradeSession(session->conn, probe)) {
            // The probe's connection is the session's connection now (same id as before).
            session->upgraded = true;
            session->upgrading = false;
            session->probe = 0;
        }
        return;
    }
    // Anything else during the probe: engine.io closes the new transport.
    io->closeConnection(probe, 1000);
}

} // namespace SmartSocket::Internal
