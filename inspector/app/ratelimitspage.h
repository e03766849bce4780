#pragma once

#include <QWidget>

class QTableView;

namespace Inspector {

class RateLimitModel;

/// Rate-limit state per socket and event; rows with rejections are highlighted.
class RateLimitsPage : public QWidget
{
    Q_OBJECT
public:
    explicit RateLimitsPage(RateLimitModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

private:
    QTableView *m_view;
};

} // namespace Inspector
