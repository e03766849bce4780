#pragma once

#include <QTimer>
#include <QWidget>

class QBarSet;
class QBarCategoryAxis;
class QLabel;
class QTableView;
class QValueAxis;

namespace Inspector {

class AcksModel;

/// Acknowledgements (request, reply or timeout, round trip) and a latency histogram.
class AcksPage : public QWidget
{
    Q_OBJECT
public:
    explicit AcksPage(AcksModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

public Q_SLOTS:
    void refreshHistogram();

private:
    AcksModel *m_model;
    QTableView *m_view;
    QBarSet *m_bars;
    QValueAxis *m_y;
    QLabel *m_summary;
    QTimer m_timer;
};

} // namespace Inspector
