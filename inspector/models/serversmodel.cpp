#include "serversmodel.h"

#include <QColor>

namespace Inspector {

ServersModel::ServersModel(QObject *parent) : QAbstractTableModel(parent)
{
    m_timer.setInterval(1000);
    connect(
        &m_timer, &QTimer::timeout, this, [this] { checkHealth(QDateTime::currentDateTimeUtc()); });
    m_timer.start();
}

int ServersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_servers.size();
}

int ServersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

static QString formatUptime(double seconds)
{
    const qint64 s = qint64(seconds);
    if (s < 60)
        return QStringLiteral("%1 s").arg(s);
    if (s < 3600)
        return QStringLiteral("%1 min %2 s").arg(s / 60).arg(s % 60);
    return QStringLiteral("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

QVariant ServersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Server &s = m_servers.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case ServerIdColumn:
            return s.serverId;
        case HostnameColumn:
            return s.hostname;
        case PidColumn:
            return s.pid;
        case UptimeColumn:
            return formatUptime(s.uptime);
        case ClientsColumn:
            return s.clientsCount;
        case HealthColumn:
            return s.healthy ? tr("healthy") : tr("unhealthy");
        case LastSeenColumn:
            return s.lastSeen.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        }
        return {};
    }
    switch (role) {
    case Qt::ForegroundRole:
        if (index.column() == HealthColumn)
            return s.healthy ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == PidColumn || index.column() == ClientsColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case HealthyRole:
        return s.healthy;
    case ServerIdRole:
        return s.serverId;
    }
    return {};
}

QVariant ServersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ServerIdColumn:
        return tr("Server");
    case HostnameColumn:
        return tr("Host");
    case PidColumn:
        return tr("PID");
    case UptimeColumn:
        return tr("Uptime");
    case ClientsColumn:
        return tr("Clients");
    case HealthColumn:
        return tr("Health");
    case LastSeenColumn:
        return tr("Last stats");
    }
    return {};
}

void ServersModel::updateFromStats(const QVariantMap &stats, const QDateTime &now)
{
    const QString id = stats.value(QStringLiteral("serverId")).toString();
    if (id.isEmpty())
        return;
    Server server;
    server.serverId = id;
    server.hostname = stats.value(QStringLiteral("hostname")).toString();
    server.pid = stats.value(QStringLiteral("pid")).toLongLong();
    server.uptime = stats.value(QStringLiteral("uptime")).toDouble();
    server.clientsCount = stats.value(QStringLiteral("clientsCount")).toInt();
    server.pollingClientsCount = stats.value(QStringLiteral("pollingClientsCount")).toInt();
    server.lastSeen = now;
    server.healthy = true;
    for (int row = 0; row < m_servers.size(); ++row) {
        if (m_servers[row].serverId == id) {
            const bool wasHealthy = m_servers[row].healthy;
            m_servers[row] = server;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            if (!wasHealthy)
                Q_EMIT healthChanged(id, true);
            return;
        }
    }
    const int n = m_servers.size();
    beginInsertRows({}, n, n);
    m_servers.append(server);
    endInsertRows();
}

void ServersModel::checkHealth(const QDateTime &now)
{
    for (int row = 0; row < m_servers.size(); ++row) {
        Server &s = m_servers[row];
        const bool healthy = s.lastSeen.msecsTo(now) <= m_healthTimeoutMs;
        if (healthy != s.healthy) {
            s.healthy = healthy;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            Q_EMIT healthChanged(s.serverId, healthy);
        }
    }
}

void ServersModel::clear()
{
    beginResetModel();
    m_servers.clear();
    endResetModel();
}

int ServersModel::totalClients() const
{
    int total = 0;
    for (const Server &s : m_servers) {
        if (s.healthy)
            total += s.clientsCount;
    }
    return total;
}

} // namespace Inspector
