#include "adminobserver.h"

#include "instrumentation.h"

#include <smartsocket/namespace.h>
#include <smartsocket/server.h>
#include <smartsocket/socket.h>

#include <QDateTime>

namespace SmartSocket::Internal {

using Protocol::PacketType;

AdminObserver::AdminObserver(Instrumentation *instrumentation) : m_instrumentation(instrumentation)
{ }

void AdminObserver::connectionOpened(const QString &sid, const Handshake &handshake)
{
    Q_UNUSED(sid);
    Q_UNUSED(handshake);
    m_instrumentation->connectionOpened();
}

void AdminObserver::connectionClosed(const QString &sid, const QString &reason)
{
    Q_UNUSED(sid);
    m_instrumentation->connectionClosed(reason);
}

void AdminObserver::namespaceJoined(const QString &sid, Socket *socket)
{
    Q_UNUSED(sid);
    m_instrumentation->socketConnected(socket);
}

void AdminObserver::namespaceLeft(const QString &sid, Socket *socket, const QString &reason)
{
    Q_UNUSED(sid);
    m_rateLimitDirty.remove(socket);
    m_instrumentation->socketDisconnected(socket, reason);
}

void AdminObserver::roomJoined(Socket *socket, const QString &room)
{
    m_instrumentation->roomJoined(socket, room);
}

void AdminObserver::roomLeft(Socket *socket, const QString &room)
{
    m_instrumentation->roomLeft(socket, room);
}

void AdminObserver::packet(const PacketInfo &info)
{
    // admin-ui counts Engine.IO messages: the packet's text, then one per binary attachment,
    // to each target of a broadcast.
    const qint64 messages = qint64(1 + info.attachments) * info.targets;
    const qint64 bytes = qint64(info.textBytes + info.binaryBytes) * info.targets;
    const bool in = info.direction == Direction::In;
    if (in)
        m_instrumentation->packetsIn(messages, bytes);
    else
        m_instrumentation->packetsOut(messages, bytes);
    Counts &counts = countsOf(info.nsp);
    (in ? counts.packetsIn : counts.packetsOut) += messages;
    (in ? counts.bytesIn : counts.bytesOut) += bytes;
    if (Q_UNLIKELY(info.extensions != 0)) {
        const int dir = in ? 0 : 1;
        if (info.extensions & Deflate) {
            m_deflatePackets[dir] += messages;
            m_deflateBytes[dir] += bytes;
        }
        if (info.extensions & Aes256Gcm) {
            m_encryptedPackets[dir] += messages;
            m_encryptedBytes[dir] += bytes;
        }
    }
    if (!m_instrumentation->isDevelopment() || info.event.isEmpty() || !info.data
        || info.data->typeId() != QMetaType::QVariantList)
        return;
    // The event stream (development mode): event_received / event_sent per socket.
    Namespace *nsp = m_instrumentation->findNamespace(info.nsp);
    if (!nsp || nsp == m_instrumentation->adminNamespace())
        return; // never about the admin namespace's own traffic
    const QVariantList args = static_cast<const QVariantList *>(info.data->constData())->mid(1);
    if (in) {
        if (Socket *socket = nsp->socket(info.socketId))
            m_instrumentation->eventReceived(socket, info.event, args);
        return;
    }
    if (info.rooms) { // a broadcast: one event_sent per target, as socket.io reports them
        const auto targets
            = BroadcastOperator(nsp)
                  .to(info.rooms->values())
                  .except(info.exceptRooms ? info.exceptRooms->values() : QStringList())
                  .sockets();
        for (Socket *socket : targets)
            m_instrumentation->eventSent(socket, info.event, args);
    } else if (Socket *socket = nsp->socket(info.socketId)) {
        m_instrumentation->eventSent(socket, info.event, args);
    }
}

AdminObserver::Counts &AdminObserver::countsOf(const QString &nsp)
{
    if (m_lastCounts && nsp == m_lastNsp)
        return *m_lastCounts;
    auto it = m_traffic.find(nsp);
    if (it == m_traffic.end())
        it = m_traffic.insert(nsp, {}); // may move the other entries: the cache is replaced
    m_lastNsp = nsp;
    m_lastCounts = &it->total;
    return *m_lastCounts;
}

void AdminObserver::reportAck(const AckInfo &info, const char *status)
{
    AckCounters &counters = info.direction == Direction::In ? m_acksIn : m_acksOut;
    const bool ok = qstrcmp(status, "ok") == 0;
    if (ok) {
        ++counters.replied;
        counters.latencyNsSum += info.latencyNs;
        counters.latencyNsMax = qMax(counters.latencyNsMax, info.latencyNs);
    } else if (qstrcmp(status, "timeout") == 0) {
        ++counters.timedOut;
    } else {
        ++counters.disconnected;
    }
    // Production mode: every failure, but only one in productionAckSample of the acks that
    // succeeded (marked "sampled"), so a busy server does not double its traffic for it.
    const bool sampled = ok && !m_instrumentation->isDevelopment();
    if (sampled && ++m_okAcksSinceSample < productionAckSample)
        return;
    if (sampled)
        m_okAcksSinceSample = 0;
    if (Namespace *nsp = m_instrumentation->findNamespace(info.nsp);
        !nsp || nsp == m_instrumentation->adminNamespace())
        return;
    QVariantMap ack { { QStringLiteral("timestamp"),
                          Instrumentation::isoTimestamp(QDateTime::currentMSecsSinceEpoch()) },
        { QStringLiteral("nsp"), info.nsp }, { QStringLiteral("socketId"), info.socketId },
        { QStringLiteral("event"), info.event }, { QStringLiteral("ackId"), info.ackId },
        { QStringLiteral("direction"),
            info.direction == Direction::In ? QStringLiteral("in") : QStringLiteral("out") },
        { QStringLiteral("status"), QString::fromLatin1(status) },
        { QStringLiteral("latencyMs"), double(info.latencyNs) / 1e6 } };
    if (sampled)
        ack.insert(QStringLiteral("sampled"), productionAckSample);
    m_instrumentation->broadcastExtension(QStringLiteral("smartsocket:ack"), ack);
}

void AdminObserver::ackReplied(const AckInfo &info)
{
    reportAck(info, "ok");
}

void AdminObserver::ackTimedOut(const AckInfo &info)
{
    reportAck(info, "timeout");
}

void AdminObserver::ackCancelled(const AckInfo &info)
{
    reportAck(info, "disconnected");
}

void AdminObserver::rateLimitChecked(const RateLimitInfo &info)
{
    ++(info.allowed ? m_rateAllowed : m_rateRejected);
    m_rateLimitDirty.insert(info.socket);
}

static QVariantMap ackMap(
    qint64 replied, qint64 timedOut, qint64 disconnected, qint64 sumNs, qint64 maxNs)
{
    return QVariantMap { { QStringLiteral("replied"), replied },
        { QStringLiteral("timedOut"), timedOut }, { QStringLiteral("disconnected"), disconnected },
        { QStringLiteral("latencyMsAvg"), replied ? double(sumNs) / double(replied) / 1e6 : 0.0 },
        { QStringLiteral("latencyMsMax"), double(maxNs) / 1e6 } };
}

QVariantMap AdminObserver::takeStats(qint64 nowMs)
{
    const double seconds = m_lastStatsMs > 0 ? double(nowMs - m_lastStatsMs) / 1000.0 : 0.0;
    m_lastStatsMs = nowMs;
    const auto rate = [seconds](qint64 now, qint64 before) {
        return seconds > 0 ? double(now - before) / seconds : 0.0;
    };
    QVariantList namespaces;
    QStringList names = m_traffic.keys();
    names.sort();
    for (const QString &name : std::as_const(names)) {
        Traffic &t = m_traffic[name];
        namespaces.append(QVariantMap { { QStringLiteral("name"), name },
            { QStringLiteral("packetsIn"), t.total.packetsIn },
            { QStringLiteral("packetsOut"), t.total.packetsOut },
            { QStringLiteral("bytesIn"), t.total.bytesIn },
            { QStringLiteral("bytesOut"), t.total.bytesOut },
            { QStringLiteral("packetsInPerSecond"), rate(t.total.packetsIn, t.reported.packetsIn) },
            { QStringLiteral("packetsOutPerSecond"),
                rate(t.total.packetsOut, t.reported.packetsOut) },
            { QStringLiteral("bytesInPerSecond"), rate(t.total.bytesIn, t.reported.bytesIn) },
            { QStringLiteral("bytesOutPerSecond"), rate(t.total.bytesOut, t.reported.bytesOut) } });
        t.reported = t.total;
    }
    const auto pair = [](const qint64(&values)[2]) {
        return QVariantMap { { QStringLiteral("in"), values[0] },
            { QStringLiteral("out"), values[1] } };
    };
    const qint64 settled = m_acksIn.replied + m_acksIn.timedOut + m_acksIn.disconnected
        + m_acksOut.replied + m_acksOut.timedOut + m_acksOut.disconnected;
    return QVariantMap { { QStringLiteral("namespaces"), namespaces },
        { QStringLiteral("acks"), settled },
        { QStringLiteral("ackStats"),
            QVariantMap { { QStringLiteral("in"),
                              ackMap(m_acksIn.replied, m_acksIn.timedOut, m_acksIn.disconnected,
                                  m_acksIn.latencyNsSum, m_acksIn.latencyNsMax) },
                { QStringLiteral("out"),
                    ackMap(m_acksOut.replied, m_acksOut.timedOut, m_acksOut.disconnected,
                        m_acksOut.latencyNsSum, m_acksOut.latencyNsMax) } } },
        { QStringLiteral("rateLimitChecks"),
            QVariantMap { { QStringLiteral("allowed"), m_rateAllowed },
                { QStringLiteral("rejected"), m_rateRejected } } },
        { QStringLiteral("deflate"),
            QVariantMap { { QStringLiteral("packets"), pair(m_deflatePackets) },
                { QStringLiteral("bytes"), pair(m_deflateBytes) } } },
        { QStringLiteral("encryption"),
            QVariantMap { { QStringLiteral("packets"), pair(m_encryptedPackets) },
                { QStringLiteral("bytes"), pair(m_encryptedBytes) } } } };
}

QVariantList AdminObserver::takeRateLimitEntries()
{
    QVariantList entries;
    for (const Socket *socket : std::as_const(m_rateLimitDirty)) {
        const QVariantMap stats = socket->rateLimitStats();
        const QVariantMap limits = stats.value(QStringLiteral("limits")).toMap();
        for (auto it = limits.cbegin(); it != limits.cend(); ++it) {
            const QVariantMap limit = it.value().toMap();
            entries.append(QVariantMap { { QStringLiteral("nsp"), socket->nsp()->name() },
                { QStringLiteral("socketId"), socket->id() },
                // "" is the socket-wide limit (the stats' "*")
                { QStringLiteral("event"), it.key() == QLatin1String("*") ? QString() : it.key() },
                { QStringLiteral("allowed"), limit.value(QStringLiteral("allowed")) },
                { QStringLiteral("rejected"), limit.value(QStringLiteral("rejected")) },
                { QStringLiteral("remaining"), limit.value(QStringLiteral("remaining")) },
                { QStringLiteral("limit"), limit.value(QStringLiteral("maxRequests")) },
                { QStringLiteral("windowMs"), limit.value(QStringLiteral("window")) },
                { QStringLiteral("retryAfterMs"), limit.value(QStringLiteral("retryAfter")) } });
        }
    }
    m_rateLimitDirty.clear();
    return entries;
}

void AdminObserver::reset()
{
    m_traffic.clear();
    m_lastCounts = nullptr;
    m_lastNsp.clear();
    m_acksIn = {};
    m_acksOut = {};
    std::fill(std::begin(m_deflatePackets), std::end(m_deflatePackets), 0);
    std::fill(std::begin(m_deflateBytes), std::end(m_deflateBytes), 0);
    std::fill(std::begin(m_encryptedPackets), std::end(m_encryptedPackets), 0);
    std::fill(std::begin(m_encryptedBytes), std::end(m_encryptedBytes), 0);
    m_rateAllowed = 0;
    m_rateRejected = 0;
    m_rateLimitDirty.clear();
    m_lastStatsMs = 0;
    m_okAcksSinceSample = 0;
}

} // namespace SmartSocket::Internal
