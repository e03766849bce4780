#include "serverspage.h"

#include "adminconnection.h"
#include "serversmodel.h"
#include "valueformat.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Inspector {

ServersPage::ServersPage(ServersModel *model, AdminConnection *admin, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_admin(admin)
    , m_view(new QTableView(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("serversPage"));
    m_view->setObjectName(QStringLiteral("serversView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(ServersModel::ServerIdColumn, 200);
    m_view->setColumnWidth(ServersModel::HostnameColumn, 160);
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(
        tr("Select a server. SmartSocket servers add their own statistics here "
           "(SMARTSOCKET_STATS)."));
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &ServersPage::updateDetails);
    connect(model, &ServersModel::dataChanged, this, &ServersPage::updateDetails);
    // One server is the common case: show its details without a click.
    connect(model, &ServersModel::rowsInserted, this, [this] {
        if (!m_view->currentIndex().isValid())
            m_view->setCurrentIndex(m_model->index(0, 0));
    });
    if (admin)
        connect(admin, &AdminConnection::extensionStatsChanged, this, &ServersPage::updateDetails);
}

void ServersPage::updateDetails()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return;
    const ServersModel::Server &s = m_model->servers().at(index.row());
    QString text = tr("%1 on %2 (pid %3): %4, %5 clients (%6 polling)\n")
                       .arg(s.serverId, s.hostname)
                       .arg(s.pid)
                       .arg(s.healthy ? tr("healthy") : tr("unhealthy: no stats for over 10 s"))
                       .arg(s.clientsCount)
                       .arg(s.pollingClientsCount);
    const QVariant extension = m_admin ? m_admin->extensionStats().value(s.serverId) : QVariant();
    if (extension.isValid())
        text += QStringLiteral("\n") + tr("SmartSocket statistics:") + QStringLiteral("\n")
            + ValueFormat::pretty(extension);
    m_details->setPlainText(text);
}

} // namespace Inspector
