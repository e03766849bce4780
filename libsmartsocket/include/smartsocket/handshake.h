#pragma once

#include <smartsocket/smartsocket_export.h>

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariantMap>

#include <memory>

namespace SmartSocket {

namespace Internal {
struct HandshakeData;
}

/// What a client sent when it connected: the HTTP upgrade request (shared by all the
/// namespaces of one connection, kept as received and parsed on demand) and the auth
/// payload of this namespace's CONNECT.
class SMARTSOCKET_EXPORT Handshake
{
public:
    Handshake();
    Handshake(std::shared_ptr<const Internal::HandshakeData> data, const QVariantMap &auth);

    QHostAddress address() const;
    quint16 port() const;
    /// Request target, e.g. "/socket.io/?EIO=4&transport=websocket".
    QString url() const;
    /// Headers in the order received; names as sent.
    QList<QPair<QByteArray, QByteArray>> headers() const;
    /// Value of a header (case-insensitive name), empty when absent.
    QByteArray header(const QByteArray &name) const;
    /// Query parameters of the request URL.
    QVariantMap query() const;
    /// CONNECT auth payload (`{}` when none).
    const QVariantMap &auth() const { return m_auth; }
    QDateTime time() const;
    /// Time of the connection in ms since the epoch.
    qint64 issued() const;
    bool isSecure() const;

private:
    std::shared_ptr<const Internal::HandshakeData> d;
    QVariantMap m_auth;
};

} // namespace SmartSocket
