#include "dashboardpage.h"

#include "inspectormodels.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

namespace Inspector {

namespace {

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("–"), parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    label->setFont(font);
    return label;
}

QWidget *card(const QString &title, QLabel *value, QWidget *parent)
{
    auto *frame = new QFrame(parent);
    frame->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(frame);
    auto *caption = new QLabel(title, frame);
    caption->setStyleSheet(QStringLiteral("color: palette(mid);"));
    layout->addWidget(caption);
    layout->addWidget(value);
    return frame;
}

// The axis top: the next 1, 2 or 5 × 10^n above the data, with 10 % headroom.
double tidyCeiling(double max)
{
    const double target = qMax(1.0, max * 1.1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    for (double m : { 1.0, 2.0, 5.0, 10.0 }) {
        if (m * magnitude >= target)
            return m * magnitude;
    }
    return 10 * magnitude;
}

QString humanBytes(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

DashboardPage::DashboardPage(InspectorModels *models, QWidget *parent)
    : QWidget(parent), m_models(models)
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_clientsValue = valueLabel(this);
    m_packetsValue = valueLabel(this);
    m_bytesValue = valueLabel(this);
    m_rejectedValue = valueLabel(this);
    m_clientsValue->setObjectName(QStringLiteral("dashboardClients"));
    m_packetsValue->setObjectName(QStringLiteral("dashboardPackets"));

    auto *cards = new QHBoxLayout;
    cards->addWidget(card(tr("Connected clients"), m_clientsValue, this));
    cards->addWidget(card(tr("Packets per second (in / out)"), m_packetsValue, this));
    cards->addWidget(card(tr("Bytes per second (in / out)"), m_bytesValue, this));
    cards->addWidget(card(tr("Rate-limit rejections per second"), m_rejectedValue, this));

    QChartView *clients
        = makeChart(tr("Connected clients"), { { StatsHistory::Clients, tr("clients") } });
    QChartView *packets = makeChart(tr("Packets per second"),
        { { StatsHistory::PacketsIn, tr("in") }, { StatsHistory::PacketsOut, tr("out") } });
    QChartView *bytes = makeChart(tr("Bytes per second"),
        { { StatsHistory::BytesIn, tr("in") }, { StatsHistory::BytesOut, tr("out") } });
    m_bytesChart = bytes->chart();
    m_rateView = makeChart(tr("Rate-limit rejections per second"),
        { { StatsHistory::RateLimited, tr("rejected") },
            { StatsHistory::Connections, tr("connections") },
            { StatsHistory::Disconnections, tr("disconnections") } });
    m_rateView->chart()->setTitle(
        tr("Connections, disconnections and rate-limit rejections per second"));

    auto *grid = new QGridLayout;
    grid->addWidget(clients, 0, 0);
    grid->addWidget(packets, 0, 1);
    grid->addWidget(bytes, 1, 0);
    grid->addWidget(m_rateView, 1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(cards);
    layout->addLayout(grid, 1);

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &DashboardPage::refresh);
    m_timer.start();
    setRateLimitsAvailable(false);
    refresh();
}

QChartView *DashboardPage::makeChart(
    const QString &title, const QList<QPair<StatsHistory::Series, QString>> &series)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(series.size() > 1);
    auto *x = new QValueAxis(chart);
    x->setRange(-m_windowSeconds, 0);
    x->setLabelFormat(QStringLiteral("%d s"));
    x->setTickCount(6);
    auto *y = new QValueAxis(chart);
    y->setRange(0, 1);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (const auto &s : series) {
        auto *line = new QLineSeries(chart);
        line->setName(s.second);
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        m_lines.append({ s.first, line, y });
    }
    auto *view = new QChartView(chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(200);
    return view;
}

void DashboardPage::setClientMode(bool clientMode)
{
    m_clientMode = clientMode;
    m_bytesChart->setTitle(clientMode ? tr("Payload bytes per second (JSON text, client mode)")
                                      : tr("Bytes per second"));
}

void DashboardPage::setRateLimitsAvailable(bool available)
{
    m_rejectedValue->setText(available ? QStringLiteral("0") : tr("n/a"));
    m_rejectedValue->setToolTip(available ? QString()
                                          : tr("The server does not report rate limits "
                                               "(SMARTSOCKET_RATE_LIMITS)"));
}

int DashboardPage::pointCount(StatsHistory::Series series) const
{
    for (const Line &l : m_lines) {
        if (l.series == series)
            return l.line->count();
    }
    return 0;
}

void DashboardPage::refresh()
{
    StatsHistory *stats = m_models->stats();
    const qint64 now = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
    // The last whole second may still be filling: the cards show the one before it.
    const qint64 shown = now - 1000;
    QHash<QValueAxis *, double> maxima;
    for (const Line &l : std::as_const(m_lines)) {
        const QMap<qint64, double> data = stats->series(l.series);
        QList<QPointF> points;
        points.reserve(data.size());
        const bool isLevel = l.series == StatsHistory::Clients;
        double last = 0;
        for (qint64 t = now - qint64(m_windowSeconds) * 1000; t <= now; t += 1000) {
            auto it = data.constFind(t);
            double v;
            if (isLevel) {
                // A level (clients) holds between samples; rates are 0 in seconds without data.
                if (it != data.cend())
                    last = it.value();
                else if (t == now - qint64(m_windowSeconds) * 1000) {
                    auto before = data.lowerBound(t);
                    last = before == data.cbegin() ? 0 : std::prev(before).value();
                }
                v = last;
                if (data.isEmpty() || t < data.firstKey())
                    continue;
            } else {
                v = it != data.cend() ? it.value() : 0;
            }
            points.append(QPointF((t - now) / 1000.0, v));
            maxima[l.y] = qMax(maxima.value(l.y), v);
        }
        l.line->replace(points);
    }
    for (auto it = maxima.cbegin(); it != maxima.cend(); ++it) {
        it.key()->setRange(0, tidyCeiling(it.value()));
    }
    auto valueAt = [&](StatsHistory::Series s, qint64 t) { return stats->series(s).value(t, 0); };
    const QMap<qint64, double> clients = stats->series(StatsHistory::Clients);
    m_clientsValue->setText(
        clients.isEmpty() ? QStringLiteral("–") : QString::number(clients.last()));
    m_packetsValue->setText(QStringLiteral("%1 / %2")
                                .arg(valueAt(StatsHistory::PacketsIn, shown))
                                .arg(valueAt(StatsHistory::PacketsOut, shown)));
    m_bytesValue->setText(
        QStringLiteral("%1 / %2").arg(humanBytes(valueAt(StatsHistory::BytesIn, shown)),
            humanBytes(valueAt(StatsHistory::BytesOut, shown))));
    if (m_rejectedValue->text() != tr("n/a"))
        m_rejectedValue->setText(QString::number(valueAt(StatsHistory::RateLimited, shown)));
}

} // namespace Inspector
