#pragma once

#include "acksmodel.h"
#include "eventlogmodel.h"
#include "namespacesmodel.h"
#include "ratelimitmodel.h"
#include "roomsmodel.h"
#include "serversmodel.h"
#include "socketsmodel.h"
#include "statshistory.h"

#include <QObject>

namespace Inspector {

/// Every model of one inspector window; the admin connection or the client session feeds
/// them, the pages show them.
class InspectorModels : public QObject
{
    Q_OBJECT
public:
    explicit InspectorModels(QObject *parent = nullptr);

    EventLogModel *events() { return &m_events; }
    SocketsModel *sockets() { return &m_sockets; }
    RoomsModel *rooms() { return &m_rooms; }
    NamespacesModel *namespaces() { return &m_namespaces; }
    ServersModel *servers() { return &m_servers; }
    AcksModel *acks() { return &m_acks; }
    RateLimitModel *rateLimits() { return &m_rateLimits; }
    StatsHistory *stats() { return &m_stats; }

    /// Forgets everything (a new connection).
    void clear();

private:
    EventLogModel m_events;
    SocketsModel m_sockets;
    RoomsModel m_rooms;
    NamespacesModel m_namespaces;
    ServersModel m_servers;
    AcksModel m_acks;
    RateLimitModel m_rateLimits;
    StatsHistory m_stats;
};

} // namespace Inspector
