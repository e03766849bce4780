#include "userlistmodel.h"

#include <QFont>

UserListModel::UserListModel(QObject *parent) : QAbstractListModel(parent) { }

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &name = m_users.at(index.row());
    const bool self = name == m_self;
    switch (role) {
    case Qt::DisplayRole:
        return self ? tr("%1 (you)").arg(name) : name;
    case Qt::FontRole: {
        QFont font;
        font.setBold(self);
        return font;
    }
    case NameRole:
        return name;
    case IsSelfRole:
        return self;
    default:
        return {};
    }
}

QHash<int, QByteArray> UserListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(IsSelfRole, "isSelf");
    return names;
}

void UserListModel::setUsers(const QStringList &users)
{
    if (users == m_users)
        return;
    beginResetModel();
    m_users = users;
    endResetModel();
}

void UserListModel::setSelfName(const QString &name)
{
    if (name == m_self)
        return;
    m_self = name;
    if (!m_users.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_users.size()) - 1));
}
