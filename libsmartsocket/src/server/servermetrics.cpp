#include "servermetrics.h"

#include "servercore_p.h"

#include <smartsocket/namespace.h>
#include <smartsocket/socket.h>

#include <map>

namespace SmartSocket::Internal {

void ServerMetrics::packet(const PacketInfo &info)
{
    const int d = info.direction == Direction::In ? 0 : 1;
    packets[d] += quint64(info.targets);
    bytes[d] += quint64(info.textBytes + info.binaryBytes) * quint64(info.targets);
}

void ServerMetrics::ackReplied(const AckInfo &info)
{
    ++acks[info.direction == Direction::In ? 0 : 1];
}

void ServerMetrics::ackTimedOut(const AckInfo &)
{
    ++ackTimeouts;
}

void ServerMetrics::rateLimitChecked(const RateLimitInfo &info)
{
    if (!info.allowed)
        ++rateLimitRejections;
}

void ServerMetrics::connectionOpened(const QString &, const Handshake &)
{
    ++connectionsOpened;
}

namespace {

// A label value in the exposition format: backslash, quote and newline escaped.
QByteArray labelValue(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

} // namespace

QByteArray ServerMetrics::render(const ServerCore &core) const
{
    QByteArray out;
    family(out, "smartsocket_connections", "gauge",
        "Namespace sockets connected now, by namespace and Engine.IO transport.");
    std::map<QString, Namespace *> namespaces; // sorted: a stable scrape
    for (auto it = core.namespaces.cbegin(); it != core.namespaces.cend(); ++it)
        namespaces.emplace(it.key(), it.value());
    for (const auto &[name, nsp] : namespaces) {
        int polling = 0;
        int websocket = 0;
        const QList<Socket *> sockets = nsp->sockets();
        for (const Socket *socket : sockets) {
            if (socket->transportName() == QLatin1String("polling"))
                ++polling;
            else
                ++websocket;
        }
        out += "smartsocket_connections{namespace=\"" + labelValue(name)
            + "\",transport=\"polling\"} " + QByteArray::number(polling) + '\n';
        out += "smartsocket_connections{namespace=\"" + labelValue(name)
            + "\",transport=\"websocket\"} " + QByteArray::number(websocket) + '\n';
    }
    family(out, "smartsocket_engine_sessions", "gauge", "Engine.IO sessions open now.");
    out += "smartsocket_engine_sessions " + QByteArray::number(core.sessionCount) + '\n';
    family(out, "smartsocket_engine_sessions_opened_total", "counter",
        "Engine.IO sessions opened since the start.");
    out += "smartsocket_engine_sessions_opened_total " + QByteArray::number(connectionsOpened)
        + '\n';
    family(out, "smartsocket_packets_total", "counter",
        "Socket.IO packets, by direction (a broadcast counts once per target).");
    out += "smartsocket_packets_total{direction=\"in\"} " + QByteArray::number(packets[0]) + '\n';
    out += "smartsocket_packets_total{direction=\"out\"} " + QByteArray::number(packets[1]) + '\n';
    family(out, "smartsocket_bytes_total", "counter",
        "Socket.IO packet bytes (text and attachments, before compression), by direction.");
    out += "smartsocket_bytes_total{direction=\"in\"} " + QByteArray::number(bytes[0]) + '\n';
    out += "smartsocket_bytes_total{direction=\"out\"} " + QByteArray::number(bytes[1]) + '\n';
    family(out, "smartsocket_acks_total", "counter",
        "Acknowledgements answered: in = the server answered a client, out = a client "
        "answered the server.");
    out += "smartsocket_acks_total{direction=\"in\"} " + QByteArray::number(acks[0]) + '\n';
    out += "smartsocket_acks_total{direction=\"out\"} " + QByteArray::number(acks[1]) + '\n';
    family(out, "smartsocket_ack_timeouts_total", "counter",
        "Server emitWithAck calls that got no answer in time.");
    out += "smartsocket_ack_timeouts_total " + QByteArray::number(ackTimeouts) + '\n';
    family(out, "smartsocket_rate_limit_rejections_total", "counter",
        "Incoming events refused by the rate limiter.");
    out += "smartsocket_rate_limit_rejections_total " + QByteArray::number(rateLimitRejections)
        + '\n';
    family(out, "smartsocket_compression_ratio", "gauge",
        "Bytes after / before compression of the messages sent compressed (1 when none).");
    const auto &c = core.compressionTotals;
    const double ratio
        = c.bytesOutBefore ? double(c.bytesOutAfter) / double(c.bytesOutBefore) : 1.0;
    out += "smartsocket_compression_ratio " + QByteArray::number(ratio, 'g', 6) + '\n';
    family(out, "smartsocket_polling_requests_total", "counter",
        "HTTP long-polling requests of existing sessions, by method.");
    out += "smartsocket_polling_requests_total{method=\"GET\"} "
        + QByteArray::number(pollingRequests[0]) + '\n';
    out += "smartsocket_polling_requests_total{method=\"POST\"} "
        + QByteArray::number(pollingRequests[1]) + '\n';
    out += "smartsocket_polling_requests_total{method=\"other\"} "
        + QByteArray::number(pollingRequests[2]) + '\n';
    return out;
}

} // namespace SmartSocket::Internal
