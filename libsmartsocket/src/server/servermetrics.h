#pragma once

// Counters for the Prometheus endpoint (ServerOptions::enableMetrics): a ServerObserver that
// only adds numbers, plus the text exposition format (version 0.0.4) of everything the
// server knows at scrape time.

#include "serverobserver.h"

#include <QByteArray>
#include <QHash>

namespace SmartSocket::Internal {

class ServerCore;

class ServerMetrics final : public ServerObserver
{
public:
    void packet(const PacketInfo &info) override;
    void ackReplied(const AckInfo &info) override;
    void ackTimedOut(const AckInfo &info) override;
    void rateLimitChecked(const RateLimitInfo &info) override;
    void connectionOpened(const QString &sid, const Handshake &handshake) override;

    /// The whole scrape body.
    QByteArray render(const ServerCore &core) const;

    quint64 packets[2] = {}; ///< by Direction
    quint64 bytes[2] = {};
    quint64 acks[2] = {};
    quint64 ackTimeouts = 0;
    quint64 rateLimitRejections = 0;
    quint64 connectionsOpened = 0;
    quint64 pollingRequests[3] = {}; ///< GET, POST, other (ServerCore counts them)
};

} // namespace SmartSocket::Internal
