#pragma once

#include <QWidget>

class QTableView;

namespace Inspector {

class RoomsModel;

/// The rooms of every namespace with their members.
class RoomsPage : public QWidget
{
    Q_OBJECT
public:
    explicit RoomsPage(RoomsModel *model, QWidget *parent = nullptr);
    QTableView *view() const { return m_view; }

private:
    QTableView *m_view;
};

} // namespace Inspector
