#pragma once

#include <QAbstractListModel>
#include <QStringList>

/// The users of the room shown, as the server lists them (`room-users`); one's own name is
/// marked.
class UserListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Roles { NameRole = Qt::UserRole + 1, IsSelfRole };

    explicit UserListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setUsers(const QStringList &users);
    QStringList users() const { return m_users; }
    void setSelfName(const QString &name);

private:
    QStringList m_users;
    QString m_self;
};
