#pragma once

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QTimer>

namespace Inspector {

class SocketsModel;

/// A tree: namespaces (with their socket counts) and, under each, its sockets. Counts come
/// from the servers' stats (summed over servers; available in production mode too) or,
/// where no server reported the namespace, from the sockets known. Rebuilt at most every
/// 200 ms.
class NamespacesModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, CountColumn, ColumnCount };
    enum Role { NamespaceRole = Qt::UserRole + 1, SocketIdRole };

    explicit NamespacesModel(SocketsModel *sockets, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// The namespaces and counts one server reported (server_stats.namespaces).
    void setServerCounts(const QString &serverId, const QMap<QString, int> &counts);
    void removeServer(const QString &serverId);
    void clear();
    void rebuild();

private:
    struct Node
    {
        QString name;
        int count = 0;
        QStringList sockets;
    };
    SocketsModel *m_sockets;
    QHash<QString, QMap<QString, int>> m_serverCounts;
    QList<Node> m_nodes;
    QTimer m_timer;
};

} // namespace Inspector
