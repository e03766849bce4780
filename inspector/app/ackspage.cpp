#include "ackspage.h"

#include "acksmodel.h"
#include "charthelpers.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>

namespace Inspector {

AcksPage::AcksPage(AcksModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_view(new QTableView(this)), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("acksPage"));
    m_view->setObjectName(QStringLiteral("acksView"));
    m_view->setModel(model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(AcksModel::SocketColumn, 180);

    m_bars = new QBarSet(tr("acknowledged"));
    auto *series = new QBarSeries;
    series->append(m_bars);
    auto *chart = new QChart;
    chart->setTitle(tr("Round-trip latency (ms)"));
    chart->addSeries(series);
    chart->legend()->hide();
    chart->setMargins(QMargins(4, 4, 4, 4));
    auto *x = new QBarCategoryAxis(chart);
    x->append(AcksModel::bucketLabels());
    m_y = new QValueAxis(chart);
    m_y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(m_y);
    auto *chartView = new QChartView(chart, this);
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumHeight(220);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(chartView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_summary);

    // The histogram is recomputed at most twice a second, not per ack.
    m_timer.setInterval(500);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &AcksPage::refreshHistogram);
    connect(model, &AcksModel::acksChanged, this, [this] {
        if (!m_timer.isActive())
            m_timer.start();
    });
    // Follow the newest acks while the view is at the bottom.
    connect(model, &AcksModel::rowsInserted, this, [this] {
        QScrollBar *bar = m_view->verticalScrollBar();
        if (bar->value() >= bar->maximum() - 2 * m_view->verticalHeader()->defaultSectionSize())
            QTimer::singleShot(0, m_view, &QTableView::scrollToBottom);
    });
    refreshHistogram();
}

void AcksPage::refreshHistogram()
{
    const QList<int> counts = m_model->latencyHistogram();
    m_bars->remove(0, m_bars->count());
    int max = 1;
    for (int c : counts) {
        m_bars->append(c);
        max = std::max(max, c);
    }
    setTidyRange(m_y, max);
    m_summary->setText(tr("%1 ok · %2 timed out · %3 failed · %4 pending")
                           .arg(m_model->countWithStatus(AcksModel::Status::Ok))
                           .arg(m_model->countWithStatus(AcksModel::Status::Timeout))
                           .arg(m_model->countWithStatus(AcksModel::Status::Error))
                           .arg(m_model->countWithStatus(AcksModel::Status::Pending)));
}

} // namespace Inspector
