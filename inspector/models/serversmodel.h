#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QTimer>
#include <QVariantMap>

namespace Inspector {

/// The server nodes seen through server_stats, keyed by serverId (several nodes behind one
/// admin namespace share a store). A node is unhealthy when its last stats are older than
/// healthTimeout() (10 s, as in the admin UI).
class ServersModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ServerIdColumn,
        HostnameColumn,
        PidColumn,
        UptimeColumn,
        ClientsColumn,
        HealthColumn,
        LastSeenColumn,
        ColumnCount
    };
    enum Role { HealthyRole = Qt::UserRole + 1, ServerIdRole };

    struct Server
    {
        QString serverId;
        QString hostname;
        qint64 pid = 0;
        double uptime = 0;
        int clientsCount = 0;
        int pollingClientsCount = 0;
        QDateTime lastSeen;
        bool healthy = true;
    };

    explicit ServersModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    /// Records a server_stats object received at `now`.
    void updateFromStats(const QVariantMap &stats, const QDateTime &now);
    /// Re-evaluates health at `now` (a 1 s timer calls it with the current time).
    void checkHealth(const QDateTime &now);
    void clear();

    int healthTimeout() const { return m_healthTimeoutMs; }
    void setHealthTimeout(int ms) { m_healthTimeoutMs = ms; }
    const QList<Server> &servers() const { return m_servers; }
    /// Sum of clientsCount over healthy servers.
    int totalClients() const;

Q_SIGNALS:
    void healthChanged(const QString &serverId, bool healthy);

private:
    QList<Server> m_servers;
    QTimer m_timer;
    int m_healthTimeoutMs = 10000;
};

} // namespace Inspector
