#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace Inspector {

/// A socket as the admin protocol describes it (SerializedSocket), or one of our own client
/// sockets in client mode.
struct SocketInfo
{
    QString id;
    QString nsp;
    QString clientId;
    QString transport;
    QString address;
    QStringList rooms;
    QVariantMap data;
    QVariantMap handshake;
    QDateTime connectedAt;

    /// From a SerializedSocket object; an entry without id or nsp gives an invalid info.
    static SocketInfo fromVariant(const QVariant &value);
    bool isValid() const { return !id.isEmpty() && !nsp.isEmpty(); }
};

} // namespace Inspector
