#include "namespacesmodel.h"

#include "socketsmodel.h"

#include <QFont>

#include <algorithm>

namespace Inspector {

// internalId: 0 for a namespace row, namespace row + 1 for a socket row under it.

NamespacesModel::NamespacesModel(SocketsModel *sockets, QObject *parent)
    : QAbstractItemModel(parent), m_sockets(sockets)
{
    m_timer.setInterval(200);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &NamespacesModel::rebuild);
    connect(sockets, &SocketsModel::socketsChanged, this, [this] {
        if (!m_timer.isActive())
            m_timer.start();
    });
    rebuild();
}

QModelIndex NamespacesModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    if (parent.internalId() != 0)
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex NamespacesModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int NamespacesModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_nodes.size();
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return m_nodes.at(parent.row()).sockets.size();
}

int NamespacesModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant NamespacesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool isNamespace = index.internalId() == 0;
    const Node &node = m_nodes.at(isNamespace ? index.row() : int(index.internalId() - 1));
    if (role == Qt::DisplayRole) {
        if (isNamespace)
            return index.column() == NameColumn ? QVariant(node.name) : QVariant(node.count);
        return index.column() == NameColumn ? QVariant(node.sockets.at(index.row())) : QVariant();
    }
    switch (role) {
    case Qt::FontRole:
        if (isNamespace) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case NamespaceRole:
        return node.name;
    case SocketIdRole:
        return isNamespace ? QVariant() : QVariant(node.sockets.at(index.row()));
    }
    return {};
}

QVariant NamespacesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Namespace / socket") : tr("Sockets");
}

void NamespacesModel::setServerCounts(const QString &serverId, const QMap<QString, int> &counts)
{
    if (m_serverCounts.value(serverId) == counts && m_serverCounts.contains(serverId))
        return;
    m_serverCounts.insert(serverId, counts);
    if (!m_timer.isActive())
        m_timer.start();
}

void NamespacesModel::removeServer(const QString &serverId)
{
    if (m_serverCounts.remove(serverId) && !m_timer.isActive())
        m_timer.start();
}

void NamespacesModel::clear()
{
    m_serverCounts.clear();
    rebuild();
}

void NamespacesModel::rebuild()
{
    m_timer.stop();
    QMap<QString, Node> nodes;
    QMap<QString, bool> reported;
    for (const auto &counts : std::as_const(m_serverCounts)) {
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            Node &n = nodes[it.key()];
            n.name = it.key();
            n.count += it.value();
            reported[it.key()] = true;
        }
    }
    for (const SocketInfo &s : m_sockets->sockets()) {
        Node &n = nodes[s.nsp];
        n.name = s.nsp;
        n.sockets.append(s.id);
        if (!reported.value(s.nsp))
            n.count = n.sockets.size();
    }
    beginResetModel();
    m_nodes = nodes.values();
    for (Node &n : m_nodes)
        std::sort(n.sockets.begin(), n.sockets.end());
    endResetModel();
}

} // namespace Inspector
