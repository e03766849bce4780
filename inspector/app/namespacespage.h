#pragma once

#include <QWidget>

class QTreeView;

namespace Inspector {

class NamespacesModel;

/// The namespaces with their socket counts, and their sockets under them.
class NamespacesPage : public QWidget
{
    Q_OBJECT
public:
    explicit NamespacesPage(NamespacesModel *model, QWidget *parent = nullptr);
    QTreeView *view() const { return m_view; }

private:
    QTreeView *m_view;
};

} // namespace Inspector
