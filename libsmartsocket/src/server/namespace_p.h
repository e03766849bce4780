#pragma once

#include "adapter.h"

#include "cluster/roomregistry.h"

#include <smartsocket/ack.h>
#include <smartsocket/middleware.h>
#include <smartsocket/namespace.h>

#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace SmartSocket {

class Namespace::Private
{
public:
    QString name;
    Server *server = nullptr;
    QHash<QString, EventHandler> handlers;
    AnyEventHandler anyHandler;
    std::shared_ptr<const std::vector<EventMiddleware>> eventMiddleware;
    std::shared_ptr<const std::vector<ConnectMiddleware>> connectMiddleware;
    Internal::RoomRegistry<Socket> registry;
    /// In-memory by default; a RedisAdapter when the server is a cluster node.
    std::unique_ptr<Internal::Adapter> adapter;
    QHash<QString, ServerSideHandler> serverSideHandlers;
};

} // namespace SmartSocket
