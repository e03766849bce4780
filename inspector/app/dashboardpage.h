#pragma once

#include "statshistory.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace Inspector {

class InspectorModels;

/// Live charts of the last minutes: connected clients, packets per second and bytes per
/// second (in and out), and rate-limit rejections per second when the server reports them.
/// Redrawn once a second from the StatsHistory (never per event).
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(InspectorModels *models, QWidget *parent = nullptr);

    /// Seconds shown (default 300).
    void setWindowSeconds(int seconds) { m_windowSeconds = seconds; }
    /// Client mode counts JSON text, not wire bytes: the bytes chart says so.
    void setClientMode(bool clientMode);
    void setRateLimitsAvailable(bool available);
    /// Number of points currently drawn in a series (tests).
    int pointCount(StatsHistory::Series series) const;

public Q_SLOTS:
    void refresh();

private:
    struct Line
    {
        StatsHistory::Series series;
        QLineSeries *line;
        QValueAxis *y;
    };
    QChartView *makeChart(
        const QString &title, const QList<QPair<StatsHistory::Series, QString>> &series);

    InspectorModels *m_models;
    QList<Line> m_lines;
    QList<QLabel *> m_values;
    QChart *m_bytesChart = nullptr;
    QChartView *m_rateView = nullptr;
    QLabel *m_rateNote = nullptr;
    QLabel *m_clientsValue = nullptr;
    QLabel *m_packetsValue = nullptr;
    QLabel *m_bytesValue = nullptr;
    QLabel *m_rejectedValue = nullptr;
    QTimer m_timer;
    int m_windowSeconds = 300;
    bool m_clientMode = false;
};

} // namespace Inspector
