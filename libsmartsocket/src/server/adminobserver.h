#pragma once

// The instrumentation's ServerObserver: attached to the server only while an admin client is
// connected. It turns the server's observations into the admin namespace's events (through
// Instrumentation) and keeps the counters of SmartSocket's extension events
// (docs/inspector-protocol.md): per-namespace packets and bytes, acks, rate-limit decisions,
// packets over compressed or encrypted connections.

#include "serverobserver.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QVariantMap>

namespace SmartSocket::Internal {

class Instrumentation;

class AdminObserver final : public ServerObserver
{
public:
    explicit AdminObserver(Instrumentation *instrumentation);

    void connectionOpened(const QString &sid, const Handshake &handshake) override;
    void connectionClosed(const QString &sid, const QString &reason) override;
    void namespaceJoined(const QString &sid, Socket *socket) override;
    void namespaceLeft(const QString &sid, Socket *socket, const QString &reason) override;
    void roomJoined(Socket *socket, const QString &room) override;
    void roomLeft(Socket *socket, const QString &room) override;
    void packet(const PacketInfo &info) override;
    void ackReplied(const AckInfo &info) override;
    void ackTimedOut(const AckInfo &info) override;
    void ackCancelled(const AckInfo &info) override;
    void rateLimitChecked(const RateLimitInfo &info) override;

    /// The observer's part of the `smartsocket:stats` payload; rates are per second since the
    /// previous call.
    QVariantMap takeStats(qint64 nowMs);
    /// The `smartsocket:rate_limit` entries of the sockets that had a rate-limit decision
    /// since the previous call (their cumulative counters, one entry per limit).
    QVariantList takeRateLimitEntries();
    /// Forgets everything (the last admin client left).
    void reset();

private:
    struct Counts
    {
        qint64 packetsIn = 0;
        qint64 packetsOut = 0;
        qint64 bytesIn = 0;
        qint64 bytesOut = 0;
    };
    struct Traffic
    {
        Counts total;
        Counts reported; // at the previous takeStats()
    };
    struct AckCounters
    {
        qint64 replied = 0;
        qint64 timedOut = 0;
        qint64 disconnected = 0;
        qint64 latencyNsSum = 0; // of the replied ones
        qint64 latencyNsMax = 0;
    };
    void reportAck(const AckInfo &info, const char *status);
    /// The namespace's counters; the last one used is cached (nearly every packet of a busy
    /// server is in the same namespace as the one before), which saves a hash lookup.
    Counts &countsOf(const QString &nsp);

    /// Production mode sends one smartsocket:ack in this many successful ones.
    static constexpr int productionAckSample = 100;

    Instrumentation *m_instrumentation;
    int m_okAcksSinceSample = 0;
    QHash<QString, Traffic> m_traffic; // by namespace
    QString m_lastNsp;
    Counts *m_lastCounts = nullptr; // of m_lastNsp; reset whenever m_traffic changes shape
    AckCounters m_acksIn; // the clients asked, the server answered
    AckCounters m_acksOut; // the server asked (emitWithAck)
    qint64 m_deflatePackets[2] = {}; // [in, out] over connections with compression granted
    qint64 m_deflateBytes[2] = {};
    qint64 m_encryptedPackets[2] = {};
    qint64 m_encryptedBytes[2] = {};
    qint64 m_rateAllowed = 0;
    qint64 m_rateRejected = 0;
    QSet<const Socket *> m_rateLimitDirty;
    qint64 m_lastStatsMs = 0;
};

} // namespace SmartSocket::Internal
