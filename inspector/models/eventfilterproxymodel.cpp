#include "eventfilterproxymodel.h"

#include "eventlogmodel.h"

namespace Inspector {

EventFilterProxyModel::EventFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    // Rows arrive in time order; sorting would cost a pass per batch for nothing.
    setDynamicSortFilter(false);
}

void EventFilterProxyModel::setNamespaceFilter(const QString &text)
{
    if (m_nsp == text)
        return;
    m_nsp = text;
    changed();
}

void EventFilterProxyModel::setEventFilter(const QString &text)
{
    if (m_event == text)
        return;
    m_event = text;
    changed();
}

void EventFilterProxyModel::setSocketFilter(const QString &text)
{
    if (m_socket == text)
        return;
    m_socket = text;
    changed();
}

void EventFilterProxyModel::setTextFilter(const QString &text)
{
    if (m_text == text)
        return;
    m_text = text;
    changed();
}

void EventFilterProxyModel::setDirectionFilter(int direction)
{
    if (m_direction == direction)
        return;
    m_direction = direction;
    changed();
}

bool EventFilterProxyModel::isFiltering() const
{
    return !m_nsp.isEmpty() || !m_event.isEmpty() || !m_socket.isEmpty() || !m_text.isEmpty()
        || m_direction >= 0;
}

void EventFilterProxyModel::changed()
{
    invalidateRowsFilter();
}

bool EventFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    const auto *log = qobject_cast<const EventLogModel *>(sourceModel());
    if (!log)
        return true;
    const EventRecord &r = log->record(sourceRow);
    if (m_direction >= 0 && static_cast<int>(r.direction) != m_direction)
        return false;
    if (!m_nsp.isEmpty() && !r.nsp.contains(m_nsp, Qt::CaseInsensitive))
        return false;
    if (!m_event.isEmpty() && !r.event.contains(m_event, Qt::CaseInsensitive))
        return false;
    if (!m_socket.isEmpty() && !r.socketId.contains(m_socket, Qt::CaseInsensitive))
        return false;
    if (!m_text.isEmpty()) {
        return r.argsText.contains(m_text, Qt::CaseInsensitive)
            || r.event.contains(m_text, Qt::CaseInsensitive)
            || r.socketId.contains(m_text, Qt::CaseInsensitive)
            || r.nsp.contains(m_text, Qt::CaseInsensitive);
    }
    return true;
}

} // namespace Inspector
