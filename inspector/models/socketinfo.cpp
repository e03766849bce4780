#include "socketinfo.h"

namespace Inspector {

SocketInfo SocketInfo::fromVariant(const QVariant &value)
{
    const QVariantMap map = value.toMap();
    SocketInfo info;
    info.id = map.value(QStringLiteral("id")).toString();
    info.nsp = map.value(QStringLiteral("nsp")).toString();
    info.clientId = map.value(QStringLiteral("clientId")).toString();
    info.transport = map.value(QStringLiteral("transport")).toString();
    info.data = map.value(QStringLiteral("data")).toMap();
    info.handshake = map.value(QStringLiteral("handshake")).toMap();
    info.address = info.handshake.value(QStringLiteral("address")).toString();
    info.rooms = map.value(QStringLiteral("rooms")).toStringList();
    // handshake.issued is ms since the epoch; handshake.time a Date string.
    const qint64 issued = info.handshake.value(QStringLiteral("issued")).toLongLong();
    if (issued > 0)
        info.connectedAt = QDateTime::fromMSecsSinceEpoch(issued, Qt::UTC);
    return info;
}

} // namespace Inspector
