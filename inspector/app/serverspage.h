#pragma once

#include <QWidget>

class QPlainTextEdit;
class QTableView;

namespace Inspector {

class AdminConnection;
class ServersModel;

/// The server nodes behind the admin namespace (serverId, host, pid, uptime, clients) and
/// their health: unhealthy after 10 s without stats. Below: the SmartSocket extension stats
/// of the selected node when the server sends them.
class ServersPage : public QWidget
{
    Q_OBJECT
public:
    ServersPage(ServersModel *model, AdminConnection *admin, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

private:
    void updateDetails();

    ServersModel *m_model;
    AdminConnection *m_admin;
    QTableView *m_view;
    QPlainTextEdit *m_details;
};

} // namespace Inspector
