#pragma once

#include <QSortFilterProxyModel>

namespace Inspector {

class EventLogModel;

/// Filters the event log by namespace, event name, socket id (each a case-insensitive
/// substring; empty = any), free text over every column including the arguments, and
/// direction.
class EventFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit EventFilterProxyModel(QObject *parent = nullptr);

    void setNamespaceFilter(const QString &text);
    void setEventFilter(const QString &text);
    void setSocketFilter(const QString &text);
    void setTextFilter(const QString &text);
    /// -1 = every direction, else an EventRecord::Direction.
    void setDirectionFilter(int direction);

    QString namespaceFilter() const { return m_nsp; }
    QString eventFilter() const { return m_event; }
    QString socketFilter() const { return m_socket; }
    QString textFilter() const { return m_text; }
    int directionFilter() const { return m_direction; }
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    void changed();

    QString m_nsp;
    QString m_event;
    QString m_socket;
    QString m_text;
    int m_direction = -1;
};

} // namespace Inspector
