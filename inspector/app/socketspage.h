#pragma once

#include <QWidget>

class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace Inspector {

class AdminConnection;
class SocketsModel;

/// The sockets of every namespace (id, address, transport, rooms, data) with a filter over
/// every column, details (handshake and data), and the admin actions disconnect, join and
/// leave a room, enabled from the server's supportedFeatures.
class SocketsPage : public QWidget
{
    Q_OBJECT
public:
    SocketsPage(SocketsModel *model, AdminConnection *admin, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    /// Enables the actions from the connection's features (admin mode) or hides them.
    void setActionsVisible(bool visible);
    void updateActions();

Q_SIGNALS:
    void showEventsOf(const QString &socketId);
    void actionFailed(const QString &message);

private:
    void updateDetails();
    bool currentSocket(QString *nsp, QString *id) const;
    void disconnectSelected();
    void joinOrLeave(bool join);

    SocketsModel *m_model;
    AdminConnection *m_admin;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_view;
    QLineEdit *m_filter;
    QPlainTextEdit *m_details;
    QPushButton *m_disconnect;
    QPushButton *m_join;
    QPushButton *m_leave;
    QPushButton *m_events;
    bool m_actionsVisible = true;
};

} // namespace Inspector
