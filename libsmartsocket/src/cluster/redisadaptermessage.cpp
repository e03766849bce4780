#include "redisadaptermessage.h"

#include "msgpackcodec.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace SmartSocket::Cluster {

namespace {
QVariantList toVariantList(const QStringList &list)
{
    QVariantList out;
    out.reserve(list.size());
    for (const QString &s : list)
        out.append(s);
    return out;
}

bool toStringList(const QVariant &v, QStringList &out)
{
    if (v.typeId() != QMetaType::QVariantList)
        return false;
    const QVariantList list = v.toList();
    out.clear();
    for (const QVariant &item : list) {
        // Node rooms may be numbers (socket.join(42)); they travel as numbers.
        if (item.typeId() == QMetaType::QString)
            out.append(item.toString());
        else if (item.canConvert<qint64>() && item.typeId() != QMetaType::QVariantMap
            && item.typeId() != QMetaType::QVariantList)
            out.append(item.toString());
        else
            return false;
    }
    return true;
}
} // namespace

QByteArray RedisAdapterMessage::broadcastChannel(const QString &key, const QString &nsp)
{
    return (key + QLatin1Char('#') + nsp + QLatin1Char('#')).toUtf8();
}

QByteArray RedisAdapterMessage::broadcastChannel(
    const QString &key, const QString &nsp, const QStringList &rooms)
{
    QByteArray channel = broadcastChannel(key, nsp);
    if (rooms.size() == 1)
        channel += rooms.first().toUtf8() + '#';
    return channel;
}

QByteArray RedisAdapterMessage::requestChannel(const QString &key, const QString &nsp)
{
    return (key + QLatin1String("-request#") + nsp + QLatin1Char('#')).toUtf8();
}

QByteArray RedisAdapterMessage::responseChannel(const QString &key, const QString &nsp)
{
    return (key + QLatin1String("-response#") + nsp + QLatin1Char('#')).toUtf8();
}

QByteArray RedisAdapterMessage::encodeBroadcast(const BroadcastMessage &m)
{
    // Key order as the adapter's object literals: packet {type, data, nsp}, opts {rooms,
    // except, flags}.
    MsgPackOrderedMap packet;
    packet.entries = { { QStringLiteral("type"), m.packetType }, { QStringLiteral("data"), m.data },
        { QStringLiteral("nsp"), m.nsp } };
    MsgPackOrderedMap opts;
    opts.entries = { { QStringLiteral("rooms"), toVariantList(m.rooms) },
        { QStringLiteral("except"), toVariantList(m.except) },
        { QStringLiteral("flags"), m.flags } };
    return MsgPackCodec::encode(
        QVariantList { m.uid, QVariant::fromValue(packet), QVariant::fromValue(opts) });
}

std::optional<RedisAdapterMessage::BroadcastMessage> RedisAdapterMessage::decodeBroadcast(
    const QByteArray &bytes, QString *error)
{
    auto bad = [error](const QString &why) -> std::optional<BroadcastMessage> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QString err;
    const QVariant v = MsgPackCodec::decode(bytes, &err);
    if (!v.isValid())
        return bad(err);
    const QVariantList top = v.toList();
    if (v.typeId() != QMetaType::QVariantList || top.size() < 3)
        return bad(QStringLiteral("broadcast: not [uid, packet, opts]"));
    if (top[0].typeId() != QMetaType::QString || top[1].typeId() != QMetaType::QVariantMap
        || top[2].typeId() != QMetaType::QVariantMap)
        return bad(QStringLiteral("broadcast: not [uid, packet, opts]"));
    BroadcastMessage m;
    m.uid = top[0].toString();
    const QVariantMap packet = top[1].toMap();
    const QVariantMap opts = top[2].toMap();
    const QVariant type = packet.value(QStringLiteral("type"));
    if (!type.canConvert<int>() || type.typeId() == QMetaType::QString)
        return bad(QStringLiteral("broadcast: packet without a numeric type"));
    m.packetType = type.toInt();
    if (packet.value(QStringLiteral("data")).typeId() != QMetaType::QVariantList)
        return bad(QStringLiteral("broadcast: packet data is not an array"));
    m.data = packet.value(QStringLiteral("data")).toList();
    const QVariant nsp = packet.value(QStringLiteral("nsp"));
    if (nsp.isValid() && nsp.typeId() == QMetaType::QString)
        m.nsp = nsp.toString();
    else if (nsp.isValid() && nsp.typeId() != QMetaType::Nullptr)
        return bad(QStringLiteral("broadcast: nsp is not a string"));
    if (opts.contains(QStringLiteral("rooms"))
        && !toStringList(opts.value(QStringLiteral("rooms")), m.rooms))
        return bad(QStringLiteral("broadcast: rooms is not a list of names"));
    if (opts.contains(QStringLiteral("except"))
        && !toStringList(opts.value(QStringLiteral("except")), m.except))
        return bad(QStringLiteral("broadcast: except is not a list of names"));
    m.flags = opts.value(QStringLiteral("flags")).toMap();
    return m;
}

QVariantMap RedisAdapterMessage::decodeRequest(const QByteArray &bytes, QString *error)
{
    QString err;
    QVariant v;
    if (bytes.startsWith('{')) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
        if (pe.error != QJsonParseError::NoError)
            err = QStringLiteral("request: ") + pe.errorString();
        else
            v = doc.object().toVariantMap();
    } else {
        v = MsgPackCodec::decode(bytes, &err);
    }
    if (err.isEmpty() && v.typeId() != QMetaType::QVariantMap)
        err = QStringLiteral("request: not an object");
    if (!err.isEmpty()) {
        if (error)
            *error = err;
        return {};
    }
    return v.toMap();
}

QByteArray RedisAdapterMessage::encodeRequest(const QVariantMap &request)
{
    return QJsonDocument(QJsonObject::fromVariantMap(request)).toJson(QJsonDocument::Compact);
}

QString RedisAdapterMessage::randomId()
{
    static const char alphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    QString id;
    id.reserve(6);
    for (int i = 0; i < 6; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(64)]));
    return id;
}

} // namespace SmartSocket::Cluster
