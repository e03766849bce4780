#include "mainwindow.h"

#include "ackspage.h"
#include "adminconnection.h"
#include "availabilitystack.h"
#include "clientsession.h"
#include "connectdialog.h"
#include "dashboardpage.h"
#include "emitpage.h"
#include "eventspage.h"
#include "inspectormodels.h"
#include "inspectorsettings.h"
#include "namespacespage.h"
#include "ratelimitspage.h"
#include "roomspage.h"
#include "savedrequest.h"
#include "serverspage.h"
#include "socketspage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>

// Outside any namespace, as Q_INIT_RESOURCE requires; the icons live in this static library.
static void initInspectorResources()
{
    Q_INIT_RESOURCE(inspector);
}

namespace Inspector {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_settings(std::make_unique<InspectorSettings>())
    , m_models(new InspectorModels(this))
    , m_admin(new AdminConnection(m_models, this))
    , m_client(new ClientSession(m_models, this))
    , m_tabs(new QTabWidget(this))
    , m_stateIcon(new QLabel(this))
    , m_stateText(new QLabel(this))
    , m_countsText(new QLabel(this))
{
    initInspectorResources();
    setObjectName(QStringLiteral("inspectorMainWindow"));
    setWindowTitle(tr("SmartSocket Inspector"));
    setWindowIcon(QIcon(QStringLiteral(":/inspector/icons/app.svg")));

    m_dashboard = new DashboardPage(m_models, this);
    m_servers = new ServersPage(m_models->servers(), m_admin, this);
    m_namespaces = new NamespacesPage(m_models->namespaces(), this);
    m_sockets = new SocketsPage(m_models->sockets(), m_admin, this);
    m_rooms = new RoomsPage(m_models->rooms(), this);
    m_events = new EventsPage(m_models->events(), this);
    m_emit = new EmitPage(m_client, m_admin, m_settings.get(), this);
    m_acks = new AcksPage(m_models->acks(), this);
    m_rateLimits = new RateLimitsPage(m_models->rateLimits(), this);
    m_serversStack = new AvailabilityStack(m_servers, this);
    m_roomsStack = new AvailabilityStack(m_rooms, this);
    m_acksStack = new AvailabilityStack(m_acks, this);
    m_rateLimitsStack = new AvailabilityStack(m_rateLimits, this);
    m_emitStack = new AvailabilityStack(m_emit, this);

    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    addPage(m_dashboard, QStringLiteral("dashboard"), tr("Dashboard"));
    addPage(m_serversStack, QStringLiteral("servers"), tr("Servers"));
    addPage(m_namespaces, QStringLiteral("namespaces"), tr("Namespaces"));
    addPage(m_sockets, QStringLiteral("sockets"), tr("Sockets"));
    addPage(m_roomsStack, QStringLiteral("rooms"), tr("Rooms"));
    addPage(m_events, QStringLiteral("events"), tr("Events"));
    addPage(m_emitStack, QStringLiteral("emit"), tr("Emit"));
    addPage(m_acksStack, QStringLiteral("acks"), tr("Acks"));
    addPage(m_rateLimitsStack, QStringLiteral("ratelimit"), tr("Rate limits"));
    setCentralWidget(m_tabs);

    m_stateIcon->setObjectName(QStringLiteral("statusIcon"));
    m_stateText->setObjectName(QStringLiteral("statusText"));
    statusBar()->addWidget(m_stateIcon);
    statusBar()->addWidget(m_stateText, 1);
    statusBar()->addPermanentWidget(m_countsText);

    buildMenus();

    connect(m_admin, &AdminConnection::stateChanged, this, [this] {
        updateStatus();
        updateAvailability();
    });
    connect(m_admin, &AdminConnection::configReceived, this, [this] {
        updateAvailability();
        updateStatus();
    });
    connect(m_admin, &AdminConnection::errorOccurred, this, &MainWindow::updateStatus);
    connect(m_admin, &AdminConnection::sessionReceived, this,
        [this](const QString &id) { m_settings->setSessionId(m_profile, id); });
    connect(m_admin, &AdminConnection::authenticationFailed, this, [this](const QString &message) {
        m_settings->setSessionId(m_profile, {});
        statusBar()->showMessage(tr("Authentication failed: %1").arg(message), 10000);
    });
    connect(m_client, &ClientSession::stateChanged, this, [this] {
        updateStatus();
        m_emit->setNamespaces(m_client->namespaces());
    });
    connect(m_client, &ClientSession::errorOccurred, this, &MainWindow::updateStatus);
    connect(m_sockets, &SocketsPage::showEventsOf, this, [this](const QString &id) {
        m_events->filterSocket(id);
        showPage(QStringLiteral("eventsPage"));
    });
    connect(m_sockets, &SocketsPage::actionFailed, this,
        [this](const QString &message) { statusBar()->showMessage(message, 8000); });

    // Counters in the status bar: refreshed twice a second, not per event.
    auto *counters = new QTimer(this);
    counters->setInterval(500);
    connect(counters, &QTimer::timeout, this, [this] {
        m_countsText->setText(tr("%1 sockets · %2 events")
                                  .arg(m_models->sockets()->rowCount())
                                  .arg(m_models->events()->totalCount()));
    });
    counters->start();

    resize(1280, 800);
    restoreGeometry(m_settings->windowGeometry());
    restoreState(m_settings->windowState());
    updateStatus();
    updateAvailability();
}

MainWindow::~MainWindow() = default;

int MainWindow::addPage(QWidget *page, const QString &icon, const QString &title)
{
    return m_tabs->addTab(page, QIcon(QStringLiteral(":/inspector/icons/%1.svg").arg(icon)), title);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = file->addAction(QIcon(QStringLiteral(":/inspector/icons/connect.svg")),
        tr("&Connect…"), this, &MainWindow::openConnectDialog);
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    m_disconnectAction = file->addAction(QIcon(QStringLiteral(":/inspector/icons/disconnect.svg")),
        tr("&Disconnect"), this, &MainWindow::disconnectFromServer);
    m_recentMenu = file->addMenu(tr("&Recent servers"));
    file->addSeparator();
    QAction *exportAction = file->addAction(QIcon(QStringLiteral(":/inspector/icons/export.svg")),
        tr("&Export events…"), m_events, &EventsPage::exportInteractive);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *events = menuBar()->addMenu(tr("&Events"));
    QAction *pause = events->addAction(
        QIcon(QStringLiteral(":/inspector/icons/pause.svg")), tr("&Pause live events"));
    pause->setCheckable(true);
    pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(pause, &QAction::toggled, m_models->events(), &EventLogModel::setPaused);
    connect(m_models->events(), &EventLogModel::pausedChanged, pause, &QAction::setChecked);
    QAction *clear = events->addAction(QIcon(QStringLiteral(":/inspector/icons/clear.svg")),
        tr("&Clear"), m_models->events(), &EventLogModel::clear);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About"), this, [this] {
        QMessageBox::about(this, tr("About SmartSocket Inspector"),
            tr("<b>SmartSocket Inspector</b><p>Inspects Socket.IO v4 servers: as an admin "
               "client of an instrumented server (the @socket.io/admin-ui protocol, plus "
               "SmartSocket's acks and rate limits), or as an ordinary client of any "
               "server.</p>"));
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(connectAction);
    toolbar->addAction(m_disconnectAction);
    toolbar->addSeparator();
    toolbar->addAction(pause);
    toolbar->addAction(clear);
    toolbar->addAction(exportAction);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QList<ConnectionProfile> recent = m_settings->recentProfiles();
    for (const ConnectionProfile &p : recent) {
        m_recentMenu->addAction(p.displayName(), this, [this, p] {
            QString password;
            if (p.mode == ConnectionProfile::Mode::Admin && !p.username.isEmpty()
                && m_settings->sessionId(p).isEmpty()) {
                bool ok = false;
                password = QInputDialog::getText(this, tr("Password"),
                    tr("Password of %1 on %2:").arg(p.username, p.url.toString()),
                    QLineEdit::Password, {}, &ok);
                if (!ok)
                    return;
            }
            QString error;
            if (!connectTo(p, password, &error))
                QMessageBox::warning(this, tr("Connect"), error);
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::openConnectDialog()
{
    ConnectDialog dialog(m_settings->recentProfiles(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!connectTo(dialog.profile(), dialog.password(), &error))
        QMessageBox::warning(this, tr("Connect"), error);
}

bool MainWindow::connectTo(
    const ConnectionProfile &profile, const QString &password, QString *error)
{
    if (!profile.isValid()) {
        if (error)
            *error = tr("Invalid URL: %1").arg(profile.url.toString());
        return false;
    }
    disconnectFromServer();
    m_profile = profile;
    if (profile.mode == ConnectionProfile::Mode::Admin) {
        m_mode = Mode::Admin;
        // A password typed now wins over a remembered session.
        const QString session = password.isEmpty() ? m_settings->sessionId(profile) : QString();
        m_admin->open(profile, password, session);
    } else {
        QString problem;
        if (!m_client->open(profile, &problem)) {
            m_mode = Mode::None;
            if (error)
                *error = problem;
            updateStatus();
            updateAvailability();
            return false;
        }
        m_mode = Mode::Client;
        m_emit->setNamespaces(m_client->namespaces());
    }
    m_settings->addRecentProfile(profile);
    rebuildRecentMenu();
    setWindowTitle(tr("SmartSocket Inspector – %1").arg(profile.displayName()));
    updateStatus();
    updateAvailability();
    return true;
}

void MainWindow::disconnectFromServer()
{
    m_admin->close();
    m_client->close();
    m_mode = Mode::None;
    updateStatus();
    updateAvailability();
}

ConnectionState MainWindow::state() const
{
    switch (m_mode) {
    case Mode::Admin:
        return m_admin->state();
    case Mode::Client:
        return m_client->state();
    case Mode::None:
        break;
    }
    return ConnectionState::Disconnected;
}

bool MainWindow::showPage(const QString &objectName)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        QWidget *page = m_tabs->widget(i);
        if (page->objectName() == objectName || page->findChild<QWidget *>(objectName)) {
            m_tabs->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

void MainWindow::emitWhenConnected(
    const QString &nsp, const QString &event, const QString &argsJson)
{
    SavedRequest r;
    r.nsp = nsp;
    r.event = event;
    r.argsJson = argsJson;
    m_pendingEmit = r.toVariant();
}

QString MainWindow::statusText() const
{
    return m_stateText->text();
}

void MainWindow::updateStatus()
{
    const ConnectionState s = state();
    const bool ready = s == ConnectionState::Connected
        && (m_mode == Mode::Client || (m_mode == Mode::Admin && m_admin->hasConfig()));
    if (ready && !m_pendingEmit.isEmpty()) {
        const SavedRequest r = SavedRequest::fromVariant(std::exchange(m_pendingEmit, {}));
        showPage(QStringLiteral("emitPage"));
        m_emit->loadRequest(r);
        QTimer::singleShot(0, m_emit, &EmitPage::send);
    }
    QString icon;
    QString text;
    switch (s) {
    case ConnectionState::Disconnected:
        icon = QStringLiteral("state-disconnected");
        text = tr("Not connected");
        break;
    case ConnectionState::Connecting:
        icon = QStringLiteral("state-connecting");
        text = tr("Connecting to %1…").arg(m_profile.url.toString());
        break;
    case ConnectionState::Connected:
        icon = QStringLiteral("state-connected");
        if (m_mode == Mode::Admin) {
            QString details;
            if (m_admin->hasConfig()) {
                details = m_admin->isDevelopmentMode() ? tr("development mode")
                                                       : tr("production mode: aggregates only");
                if (m_admin->isReadonly())
                    details += QStringLiteral(", ") + tr("read-only");
            }
            text = tr("Admin · %1%2 · connected")
                       .arg(m_profile.url.toString(), m_profile.adminNamespace);
            if (!details.isEmpty())
                text += QStringLiteral(" (") + details + QLatin1Char(')');
        } else {
            text = tr("Client · %1 · connected to %2")
                       .arg(m_profile.url.toString(),
                           m_client->namespaces().join(QStringLiteral(", ")));
        }
        break;
    case ConnectionState::Reconnecting:
        icon = QStringLiteral("state-connecting");
        text = tr("Connection to %1 lost; reconnecting…").arg(m_profile.url.toString());
        break;
    case ConnectionState::Failed:
        icon = QStringLiteral("state-failed");
        text = tr("Not connected: %1").arg(m_admin->errorString());
        break;
    }
    const QString error = m_mode == Mode::Admin ? m_admin->errorString() : m_client->errorString();
    if (s != ConnectionState::Connected && s != ConnectionState::Failed && !error.isEmpty())
        text += QStringLiteral(" (") + error + QLatin1Char(')');
    m_stateIcon->setPixmap(
        QIcon(QStringLiteral(":/inspector/icons/%1.svg").arg(icon)).pixmap(16, 16));
    m_stateText->setText(text);
    m_disconnectAction->setEnabled(m_mode != Mode::None);
}

void MainWindow::updateAvailability()
{
    const bool admin = m_mode == Mode::Admin;
    const bool client = m_mode == Mode::Client;
    const bool configured = admin && m_admin->hasConfig();
    m_dashboard->setClientMode(client);
    m_dashboard->setRateLimitsAvailable(
        configured && m_admin->hasFeature(AdminConnection::FeatureRateLimits));
    m_serversStack->setAvailable(admin,
        client ? tr("Servers are known through the admin protocol only; "
                    "client mode sees one server as a client.")
               : tr("Connect in admin mode to see the server nodes."));
    m_roomsStack->setAvailable(admin && (!configured || m_admin->isDevelopmentMode()),
        client ? tr("A client cannot see rooms: they live on the server. Use admin mode.")
               : tr("The server runs in production mode: rooms and sockets are not sent "
                    "(only aggregates)."));
    if (client) {
        m_acksStack->setAvailable(true);
        m_rateLimitsStack->setAvailable(false,
            tr("Rate limits are reported by SmartSocket servers in admin mode "
               "(SMARTSOCKET_RATE_LIMITS)."));
    } else {
        m_acksStack->setAvailable(configured && m_admin->hasFeature(AdminConnection::FeatureAcks),
            configured ? tr("Not available on this server: it does not announce SMARTSOCKET_ACKS "
                            "(see docs/inspector-protocol.md).")
                       : tr("Connect to a server to see acknowledgements."));
        m_rateLimitsStack->setAvailable(
            configured && m_admin->hasFeature(AdminConnection::FeatureRateLimits),
            configured ? tr("Not available on this server: it does not announce "
                            "SMARTSOCKET_RATE_LIMITS (see docs/inspector-protocol.md).")
                       : tr("Connect to a server to see rate limits."));
    }
    m_emitStack->setAvailable(
        client || (configured && m_admin->hasFeature(AdminConnection::FeatureEmit)),
        admin ? tr(
            "This server does not let the admin emit events (read-only, or EMIT not announced).")
              : tr("Connect to a server to emit events."));
    m_emit->setAdminMode(admin);
    m_sockets->setActionsVisible(admin);
    m_sockets->updateActions();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setWindowLayout(saveGeometry(), saveState());
    m_settings->sync();
    disconnectFromServer();
    event->accept();
}

} // namespace Inspector
