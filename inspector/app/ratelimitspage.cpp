#include "ratelimitspage.h"

#include "ratelimitmodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Inspector {

namespace {

// Shows only rows with rejections when asked to.
class RejectedFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void setOnlyRejected(bool only)
    {
        m_only = only;
        invalidateRowsFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        if (!m_only)
            return true;
        return sourceModel()->index(row, 0, parent).data(RateLimitModel::RejectedRole).toLongLong()
            > 0;
    }

private:
    bool m_only = false;
};

} // namespace

RateLimitsPage::RateLimitsPage(RateLimitModel *model, QWidget *parent)
    : QWidget(parent), m_view(new QTableView(this))
{
    setObjectName(QStringLiteral("rateLimitsPage"));
    auto *proxy = new RejectedFilter(this);
    proxy->setSourceModel(model);
    auto *only = new QCheckBox(tr("Only sockets with rejections"), this);
    auto *legend = new QLabel(tr("Rows with rejected events are highlighted."), this);
    auto *bar = new QHBoxLayout;
    bar->addWidget(only);
    bar->addStretch(1);
    bar->addWidget(legend);
    m_view->setObjectName(QStringLiteral("rateLimitsView"));
    m_view->setModel(proxy);
    m_view->setSortingEnabled(true);
    m_view->setAlternatingRowColors(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(RateLimitModel::SocketColumn, 180);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view);
    connect(only, &QCheckBox::toggled, this, [proxy](bool on) { proxy->setOnlyRejected(on); });
}

} // namespace Inspector
