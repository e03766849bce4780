#include "namespacespage.h"

#include "namespacesmodel.h"

#include <QHeaderView>
#include <QTreeView>
#include <QVBoxLayout>

namespace Inspector {

NamespacesPage::NamespacesPage(NamespacesModel *model, QWidget *parent)
    : QWidget(parent), m_view(new QTreeView(this))
{
    setObjectName(QStringLiteral("namespacesPage"));
    m_view->setObjectName(QStringLiteral("namespacesView"));
    m_view->setModel(model);
    m_view->setAlternatingRowColors(true);
    m_view->setUniformRowHeights(true);
    // Names (socket ids are 20 characters) then the count beside them, not at the far edge.
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->header()->resizeSection(NamespacesModel::NameColumn,
        m_view->fontMetrics().horizontalAdvance(QStringLiteral("M")) * 28);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    // The tree is rebuilt (reset) when sockets change: keep namespaces open.
    connect(model, &NamespacesModel::modelReset, m_view, &QTreeView::expandAll);
    m_view->expandAll();
}

} // namespace Inspector
