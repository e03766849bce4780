#include "roomspage.h"

#include "roomsmodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Inspector {

RoomsPage::RoomsPage(RoomsModel *model, QWidget *parent)
    : QWidget(parent), m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("roomsPage"));
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setFilterKeyColumn(-1);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    auto *filter = new QLineEdit(this);
    filter->setPlaceholderText(tr("Filter rooms or members…"));
    filter->setClearButtonEnabled(true);
    auto *own = new QCheckBox(tr("Show each socket's own room"), this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(filter, 1);
    bar->addWidget(own);
    m_view->setObjectName(QStringLiteral("roomsView"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(RoomsModel::NamespaceColumn, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(RoomsModel::RoomColumn, 220);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    connect(filter, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(own, &QCheckBox::toggled, model, &RoomsModel::setShowPrivateRooms);
}

} // namespace Inspector
