#include "handshakedata_p.h"

#include <smartsocket/handshake.h>

#include <QUrlQuery>

namespace SmartSocket {

Handshake::Handshake() = default;

Handshake::Handshake(std::shared_ptr<const Internal::HandshakeData> data, const QVariantMap &auth)
    : d(std::move(data)), m_auth(auth)
{ }

QHostAddress Handshake::address() const
{
    return d ? d->address : QHostAddress();
}

quint16 Handshake::port() const
{
    return d ? d->port : 0;
}

QString Handshake::url() const
{
    return d ? QString::fromUtf8(d->target) : QString();
}

QList<QPair<QByteArray, QByteArray>> Handshake::headers() const
{
    QList<QPair<QByteArray, QByteArray>> result;
    if (!d)
        return result;
    const QList<QByteArray> lines = d->head.split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) { // line 0 is the request line
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        result.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    return result;
}

QByteArray Handshake::header(const QByteArray &name) const
{
    const auto all = headers();
    for (const auto &[key, value] : all) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QVariantMap Handshake::query() const
{
    QVariantMap result;
    if (!d)
        return result;
    const qsizetype q = d->target.indexOf('?');
    if (q < 0)
        return result;
    const QUrlQuery query(QString::fromUtf8(d->target.mid(q + 1)));
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items)
        result.insert(key, value);
    return result;
}

QDateTime Handshake::time() const
{
    return d ? QDateTime::fromMSecsSinceEpoch(d->issued) : QDateTime();
}

qint64 Handshake::issued() const
{
    return d ? d->issued : 0;
}

bool Handshake::isSecure() const
{
    return d && d->secure;
}

} // namespace SmartSocket
