#include "inspectormodels.h"

namespace Inspector {

InspectorModels::InspectorModels(QObject *parent)
    : QObject(parent), m_rooms(&m_sockets), m_namespaces(&m_sockets)
{ }

void InspectorModels::clear()
{
    m_events.clear();
    m_sockets.clear();
    m_rooms.rebuild();
    m_namespaces.clear();
    m_servers.clear();
    m_acks.clear();
    m_rateLimits.clear();
    m_stats.clear();
}

} // namespace Inspector
