#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QComboBox;
class QPlainTextEdit;
class QTableView;
class QToolButton;

namespace Inspector {

class EventLogModel;
class EventFilterProxyModel;

/// The live event log: filters (namespace, event, socket, text, direction), pause, clear,
/// export to JSON lines, and the selected event's arguments as pretty JSON (binary as hex).
class EventsPage : public QWidget
{
    Q_OBJECT
public:
    explicit EventsPage(EventLogModel *model, QWidget *parent = nullptr);

    EventFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *view() const { return m_view; }
    /// Writes the rows the filter shows as JSON lines; false with *error on failure.
    bool exportTo(const QString &fileName, QString *error) const;
    /// Sets the socket filter (from the sockets page: "show this socket's events").
    void filterSocket(const QString &socketId);

public Q_SLOTS:
    void exportInteractive();

private:
    void updateDetails();
    void updateCounter();

    EventLogModel *m_model;
    EventFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_nsp;
    QLineEdit *m_event;
    QLineEdit *m_socket;
    QLineEdit *m_text;
    QComboBox *m_direction;
    QToolButton *m_pause;
    QLabel *m_counter;
    QPlainTextEdit *m_details;
    bool m_follow = true;
};

} // namespace Inspector
