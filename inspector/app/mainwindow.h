#pragma once

#include "connectionprofile.h"
#include "connectionstate.h"

#include <QMainWindow>
#include <QVariantMap>

#include <memory>

class QLabel;
class QMenu;
class QTabWidget;

namespace Inspector {

class AcksPage;
class AdminConnection;
class AvailabilityStack;
class ClientSession;
class DashboardPage;
class EmitPage;
class EventsPage;
class InspectorModels;
class InspectorSettings;
class NamespacesPage;
class RateLimitsPage;
class RoomsPage;
class ServersPage;
class SocketsPage;

/// The inspector window: a tab per page, a toolbar, and the connection state always in the
/// status bar. Runs in admin mode (AdminConnection) or client mode (ClientSession).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Mode { None, Admin, Client };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Connects in the profile's mode; false with *error for a malformed profile. The
    /// profile goes into the recent list.
    bool connectTo(
        const ConnectionProfile &profile, const QString &password, QString *error = nullptr);
    void disconnectFromServer();

    Mode mode() const { return m_mode; }
    ConnectionState state() const;
    InspectorModels *models() const { return m_models; }
    AdminConnection *adminConnection() const { return m_admin; }
    ClientSession *clientSession() const { return m_client; }
    QTabWidget *tabs() const { return m_tabs; }
    /// Shows the page with this object name ("eventsPage", "socketsPage", ...).
    bool showPage(const QString &objectName);
    QString statusText() const;
    /// Fills the emit panel and sends it once connected (command line --emit/--args).
    void emitWhenConnected(const QString &nsp, const QString &event, const QString &argsJson);

public Q_SLOTS:
    void openConnectDialog();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateStatus();
    void updateAvailability();
    void rebuildRecentMenu();
    int addPage(QWidget *page, const QString &icon, const QString &title);

    std::unique_ptr<InspectorSettings> m_settings;
    InspectorModels *m_models;
    AdminConnection *m_admin;
    ClientSession *m_client;
    Mode m_mode = Mode::None;
    ConnectionProfile m_profile;
    QVariantMap m_pendingEmit;

    QTabWidget *m_tabs;
    DashboardPage *m_dashboard;
    ServersPage *m_servers;
    NamespacesPage *m_namespaces;
    SocketsPage *m_sockets;
    RoomsPage *m_rooms;
    EventsPage *m_events;
    EmitPage *m_emit;
    AcksPage *m_acks;
    RateLimitsPage *m_rateLimits;
    AvailabilityStack *m_serversStack;
    AvailabilityStack *m_roomsStack;
    AvailabilityStack *m_acksStack;
    AvailabilityStack *m_rateLimitsStack;
    AvailabilityStack *m_emitStack;

    QLabel *m_stateIcon;
    QLabel *m_stateText;
    QLabel *m_countsText;
    QMenu *m_recentMenu;
    QAction *m_disconnectAction;
};

} // namespace Inspector
