#include "socketspage.h"

#include "adminconnection.h"
#include "socketsmodel.h"
#include "valueformat.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Inspector {

SocketsPage::SocketsPage(SocketsModel *model, AdminConnection *admin, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_admin(admin)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_details(new QPlainTextEdit(this))
    , m_disconnect(new QPushButton(tr("Disconnect"), this))
    , m_join(new QPushButton(tr("Join room…"), this))
    , m_leave(new QPushButton(tr("Leave room…"), this))
    , m_events(new QPushButton(tr("Show its events"), this))
{
    setObjectName(QStringLiteral("socketsPage"));
    m_proxy->setSourceModel(model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("socketsFilter"));
    m_filter->setPlaceholderText(tr("Filter by id, namespace, address, room or data…"));
    m_filter->setClearButtonEnabled(true);
    m_disconnect->setObjectName(QStringLiteral("socketsDisconnectButton"));
    m_join->setObjectName(QStringLiteral("socketsJoinButton"));
    m_leave->setObjectName(QStringLiteral("socketsLeaveButton"));
    m_disconnect->setIcon(QIcon(QStringLiteral(":/inspector/icons/disconnect.svg")));
    m_join->setIcon(QIcon(QStringLiteral(":/inspector/icons/rooms.svg")));
    m_events->setIcon(QIcon(QStringLiteral(":/inspector/icons/events.svg")));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_events);
    bar->addWidget(m_join);
    bar->addWidget(m_leave);
    bar->addWidget(m_disconnect);

    m_view->setObjectName(QStringLiteral("socketsView"));
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(SocketsModel::NamespaceColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(SocketsModel::IdColumn, 190);
    m_view->setColumnWidth(SocketsModel::NamespaceColumn, 90);
    m_view->setColumnWidth(SocketsModel::AddressColumn, 130);
    m_view->setColumnWidth(SocketsModel::TransportColumn, 80);
    m_view->setColumnWidth(SocketsModel::RoomsColumn, 220);
    m_view->setColumnWidth(SocketsModel::DataColumn, 220);

    m_details->setObjectName(QStringLiteral("socketDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a socket to see its handshake and data"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(
        m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(model, &SocketsModel::dataChanged, this, &SocketsPage::updateDetails);
    connect(m_disconnect, &QPushButton::clicked, this, &SocketsPage::disconnectSelected);
    connect(m_join, &QPushButton::clicked, this, [this] { joinOrLeave(true); });
    connect(m_leave, &QPushButton::clicked, this, [this] { joinOrLeave(false); });
    connect(m_events, &QPushButton::clicked, this, [this] {
        QString nsp, id;
        if (currentSocket(&nsp, &id))
            Q_EMIT showEventsOf(id);
    });
    if (admin) {
        connect(admin, &AdminConnection::configReceived, this, &SocketsPage::updateActions);
        connect(admin, &AdminConnection::stateChanged, this, &SocketsPage::updateActions);
    }
    updateActions();
}

bool SocketsPage::currentSocket(QString *nsp, QString *id) const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return false;
    *nsp = index.data(SocketsModel::NamespaceRole).toString();
    *id = index.data(SocketsModel::IdRole).toString();
    return !id->isEmpty();
}

void SocketsPage::setActionsVisible(bool visible)
{
    m_actionsVisible = visible;
    m_disconnect->setVisible(visible);
    m_join->setVisible(visible);
    m_leave->setVisible(visible);
    updateActions();
}

void SocketsPage::updateActions()
{
    QString nsp, id;
    const bool selected = currentSocket(&nsp, &id);
    const bool connected = m_admin && m_admin->state() == ConnectionState::Connected;
    auto allow = [&](QPushButton *button, const QString &feature) {
        const bool supported = connected && m_admin->hasFeature(feature);
        button->setEnabled(m_actionsVisible && selected && supported);
        button->setToolTip(supported
                ? QString()
                : tr("Not allowed by this server (read-only, or %1 not announced)").arg(feature));
    };
    allow(m_disconnect, AdminConnection::FeatureDisconnect);
    allow(m_join, AdminConnection::FeatureJoin);
    allow(m_leave, AdminConnection::FeatureLeave);
    m_events->setEnabled(selected);
}

void SocketsPage::updateDetails()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid()) {
        m_details->clear();
        return;
    }
    const int row = m_proxy->mapToSource(index).row();
    const SocketInfo &s = m_model->socket(row);
    QString text = tr("socket %1 in %2\n").arg(s.id, s.nsp);
    if (!s.clientId.isEmpty())
        text += tr("client (Engine.IO) %1\n").arg(s.clientId);
    text += tr("rooms: %1\n\ndata:\n%2\n\nhandshake:\n%3")
                .arg(s.rooms.join(QStringLiteral(", ")), ValueFormat::pretty(s.data),
                    ValueFormat::pretty(s.handshake));
    m_details->setPlainText(text);
}

void SocketsPage::disconnectSelected()
{
    QString nsp, id;
    if (!m_admin || !currentSocket(&nsp, &id))
        return;
    const auto answer = QMessageBox::question(this, tr("Disconnect socket"),
        tr("Disconnect socket %1 from %2?\n\n\"Yes\" leaves the namespace; the client may "
           "reconnect. Choose \"Yes to All\" to close its whole connection.")
            .arg(id, nsp),
        QMessageBox::Yes | QMessageBox::YesToAll | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel)
        return;
    if (!m_admin->disconnectSockets(nsp, id, answer == QMessageBox::YesToAll))
        Q_EMIT actionFailed(m_admin->errorString());
}

void SocketsPage::joinOrLeave(bool join)
{
    QString nsp, id;
    if (!m_admin || !currentSocket(&nsp, &id))
        return;
    bool ok = false;
    QString room;
    if (join) {
        room = QInputDialog::getText(this, tr("Join room"),
            tr("Room for socket %1 to join:").arg(id), QLineEdit::Normal, {}, &ok);
    } else {
        QStringList rooms
            = m_model->socket(m_proxy->mapToSource(m_view->currentIndex()).row()).rooms;
        rooms.removeAll(id);
        room = QInputDialog::getItem(this, tr("Leave room"),
            tr("Room for socket %1 to leave:").arg(id), rooms, 0, true, &ok);
    }
    if (!ok || room.trimmed().isEmpty())
        return;
    const bool done = join ? m_admin->joinRoom(nsp, room.trimmed(), id)
                           : m_admin->leaveRoom(nsp, room.trimmed(), id);
    if (!done)
        Q_EMIT actionFailed(m_admin->errorString());
}

} // namespace Inspector
