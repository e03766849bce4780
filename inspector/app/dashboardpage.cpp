#include "dashboardpage.h"

#include "charthelpers.h"
#include "inspectormodels.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QSet>
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
    cards->addWidget(card(tr("Packets per second, in / out (5 s mean)"), m_packetsValue, this));
    cards->addWidget(card(tr("Bytes per second, in / out (5 s mean)"), m_bytesValue, this));
    cards->addWidget(
        card(tr("Rate-limit rejections per second (5 s mean)"), m_rejectedValue, this));

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
    // The charts grow with the data: from 60 s up to the full window, so that a fresh
    // connection does not draw a sliver at the right edge.
    qint64 first = now;
    for (const Line &l : std::as_const(m_lines)) {
        const QMap<qint64, double> data = stats->series(l.series);
        if (!data.isEmpty())
            first = qMin(first, data.firstKey());
    }
    const int span = int(qBound(qint64(60), (now - first) / 1000 + 5, qint64(m_windowSeconds)));
    const qint64 start = now - qint64(span) * 1000;
    QHash<QValueAxis *, double> maxima;
    for (const Line &l : std::as_const(m_lines))
        maxima.insert(l.y, 0); // empty charts get a tidy 0..5 too
    QSet<QValueAxis *> xAxes;
    for (const Line &l : std::as_const(m_lines)) {
        const QMap<qint64, double> data = stats->series(l.series);
        QList<QPointF> points;
        points.reserve(span + 1);
        if (l.series == StatsHistory::Clients) {
            // A level: it holds between samples, and is drawn only from its first sample on.
            auto it = data.lowerBound(start);
            double last = it == data.cbegin() ? -1 : std::prev(it).value();
            for (qint64 t = start; t <= now; t += 1000) {
                if (it != data.cend() && it.key() <= t) {
                    last = it.value();
                    ++it;
                }
                if (last >= 0) {
                    points.append(QPointF((t - now) / 1000.0, last));
                    maxima[l.y] = qMax(maxima.value(l.y), last);
                }
            }
        } else {
            // Rates: seconds without data count as 0.
            for (qint64 t = start; t <= now; t += 1000) {
                const double v = data.value(t, 0);
                points.append(QPointF((t - now) / 1000.0, v));
                maxima[l.y] = qMax(maxima.value(l.y), v);
            }
        }
        l.line->replace(points);
        const auto axes = l.line->attachedAxes();
        for (QAbstractAxis *axis : axes) {
            if (axis->orientation() == Qt::Horizontal)
                xAxes.insert(static_cast<QValueAxis *>(axis));
        }
    }
    for (QValueAxis *x : std::as_const(xAxes))
        x->setRange(-span, 0);
    for (auto it = maxima.cbegin(); it != maxima.cend(); ++it)
        setTidyRange(it.key(), it.value());

    // The cards: the mean of the last 5 s that have data (servers report every 2 s, so the
    // current second is usually still on its way).
    const qint64 latest = stats->latestSecond();
    auto average = [&](StatsHistory::Series s) {
        const QMap<qint64, double> data = stats->series(s);
        double sum = 0;
        for (qint64 t = latest - 4000; t <= latest; t += 1000)
            sum += data.value(t, 0);
        return sum / 5;
    };
    const QMap<qint64, double> clients = stats->series(StatsHistory::Clients);
    m_clientsValue->setText(
        clients.isEmpty() ? QStringLiteral("–") : QString::number(clients.last()));
    if (latest == 0) {
        m_packetsValue->setText(QStringLiteral("–"));
        m_bytesValue->setText(QStringLiteral("–"));
        return;
    }
    m_packetsValue->setText(QStringLiteral("%1 / %2")
                                .arg(average(StatsHistory::PacketsIn), 0, 'f', 1)
                                .arg(average(StatsHistory::PacketsOut), 0, 'f', 1));
    m_bytesValue->setText(QStringLiteral("%1 / %2").arg(
        humanBytes(average(StatsHistory::BytesIn)), humanBytes(average(StatsHistory::BytesOut))));
    if (m_rejectedValue->text() != tr("n/a"))
        m_rejectedValue->setText(QString::number(average(StatsHistory::RateLimited), 'f', 1));
}

} // namespace Inspector
