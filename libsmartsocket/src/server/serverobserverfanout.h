#pragma once

#include "serverobserver.h"

#include <vector>

namespace SmartSocket::Internal {

/// Forwards every observation to several observers in order: the Prometheus counters
/// (ServerOptions::enableMetrics) and the admin namespace (Server::instrument) at once.
/// ServerCore attaches it only when more than one observer is active, so a single observer
/// is still called directly.
class ServerObserverFanout final : public ServerObserver
{
public:
    std::vector<ServerObserver *> observers;

    void connectionOpened(const QString &sid, const Handshake &handshake) override
    {
        for (ServerObserver *o : observers)
            o->connectionOpened(sid, handshake);
    }
    void connectionClosed(const QString &sid, const QString &reason) override
    {
        for (ServerObserver *o : observers)
            o->connectionClosed(sid, reason);
    }
    void namespaceJoined(const QString &sid, Socket *socket) override
    {
        for (ServerObserver *o : observers)
            o->namespaceJoined(sid, socket);
    }
    void namespaceLeft(const QString &sid, Socket *socket, const QString &reason) override
    {
        for (ServerObserver *o : observers)
            o->namespaceLeft(sid, socket, reason);
    }
    void roomJoined(Socket *socket, const QString &room) override
    {
        for (ServerObserver *o : observers)
            o->roomJoined(socket, room);
    }
    void roomLeft(Socket *socket, const QString &room) override
    {
        for (ServerObserver *o : observers)
            o->roomLeft(socket, room);
    }
    void packet(const PacketInfo &info) override
    {
        for (ServerObserver *o : observers)
            o->packet(info);
    }
    void ackReplied(const AckInfo &info) override
    {
        for (ServerObserver *o : observers)
            o->ackReplied(info);
    }
    void ackTimedOut(const AckInfo &info) override
    {
        for (ServerObserver *o : observers)
            o->ackTimedOut(info);
    }
    void ackCancelled(const AckInfo &info) override
    {
        for (ServerObserver *o : observers)
            o->ackCancelled(info);
    }
    void rateLimitChecked(const RateLimitInfo &info) override
    {
        for (ServerObserver *o : observers)
            o->rateLimitChecked(info);
    }
};

} // namespace SmartSocket::Internal
