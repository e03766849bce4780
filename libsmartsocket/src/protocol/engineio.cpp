#include "engineio.h"

#include "json.h"

#include <cmath>
#include <limits>

namespace SmartSocket::Protocol {

namespace {

// An integral JSON number in [min, max]: int, qint64, or a double with no fraction.
bool integralNumber(const QVariant &v, qint64 min, qint64 max, qint64 &out)
{
    switch (v.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
        out = v.toLongLong();
        break;
    case QMetaType::Double: {
        const double d = v.toDouble();
        if (!std::isfinite(d) || d != std::trunc(d) || std::abs(d) > 9007199254740992.0)
            return false;
        out = static_cast<qint64>(d);
        break;
    }
    default:
        return false;
    }
    return out >= min && out <= max;
}

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QByteArray encodeOpen(const OpenInfo &info)
{
    // Written by hand to keep Node's key order (a QVariantMap would sort the keys).
    QByteArray out;
    out.reserve(96 + info.sid.size() + info.upgrades.size() * 12);
    out.append("0{\"sid\":", 8);
    Json::writeString(info.sid, out);
    out.append(",\"upgrades\":[", 13);
    for (qsizetype i = 0; i < info.upgrades.size(); ++i) {
        if (i)
            out.append(',');
        Json::writeString(info.upgrades.at(i), out);
    }
    out.append("],\"pingInterval\":", 17);
    out.append(QByteArray::number(info.pingInterval));
    out.append(",\"pingTimeout\":", 15);
    out.append(QByteArray::number(info.pingTimeout));
    out.append(",\"maxPayload\":", 14);
    out.append(QByteArray::number(info.maxPayload));
    out.append('}');
    return out;
}

bool decodeOpen(QByteArrayView json, OpenInfo &info, QString *error)
{
    QVariant parsed;
    QString jsonError;
    if (!Json::parse(json, parsed, &jsonError))
        return failWith(error, QLatin1String("open packet: ") + jsonError);
    if (parsed.metaType().id() != QMetaType::QVariantMap)
        return failWith(error, QStringLiteral("open packet: not a JSON object"));
    const QVariantMap map = parsed.toMap();

    OpenInfo result;
    const QVariant sid = map.value(QStringLiteral("sid"));
    if (sid.metaType().id() != QMetaType::QString || sid.toString().isEmpty())
        return failWith(error, QStringLiteral("open packet: \"sid\" must be a non-empty string"));
    result.sid = sid.toString();

    const auto upgrades = map.constFind(QStringLiteral("upgrades"));
    if (upgrades != map.cend()) {
        if (upgrades->metaType().id() != QMetaType::QVariantList)
            return failWith(error, QStringLiteral("open packet: \"upgrades\" must be an array"));
        const QVariantList list = upgrades->toList();
        for (const QVariant &u : list) {
            if (u.metaType().id() != QMetaType::QString)
                return failWith(
                    error, QStringLiteral("open packet: \"upgrades\" must hold strings"));
            result.upgrades.append(u.toString());
        }
    }

    constexpr qint64 intMax = std::numeric_limits<int>::max();
    qint64 n = 0;
    if (!integralNumber(map.value(QStringLiteral("pingInterval")), 0, intMax, n))
        return failWith(error, QStringLiteral("open packet: invalid \"pingInterval\""));
    result.pingInterval = int(n);
    if (!integralNumber(map.value(QStringLiteral("pingTimeout")), 0, intMax, n))
        return failWith(error, QStringLiteral("open packet: invalid \"pingTimeout\""));
    result.pingTimeout = int(n);

    const auto maxPayload = map.constFind(QStringLiteral("maxPayload"));
    if (maxPayload != map.cend()) { // optional: engine.io servers before 5.x leave it out
        if (!integralNumber(*maxPayload, 0, std::numeric_limits<qint64>::max(), n))
            return failWith(error, QStringLiteral("open packet: invalid \"maxPayload\""));
        result.maxPayload = n;
    }
    info = std::move(result);
    return true;
}

QString engineErrorMessage(EngineError code)
{
    switch (code) {
    case EngineError::TransportUnknown:
        return QStringLiteral("Transport unknown");
    case EngineError::UnknownSid:
        return QStringLiteral("Session ID unknown");
    case EngineError::BadHandshakeMethod:
        return QStringLiteral("Bad handshake method");
    case EngineError::BadRequest:
        return QStringLiteral("Bad request");
    case EngineError::Forbidden:
        return QStringLiteral("Forbidden");
    case EngineError::UnsupportedProtocolVersion:
        return QStringLiteral("Unsupported protocol version");
    }
    return QString();
}

QByteArray engineErrorBody(EngineError code)
{
    QByteArray out;
    out.reserve(64);
    out.append("{\"code\":", 8);
    out.append(QByteArray::number(int(code)));
    out.append(",\"message\":", 11);
    Json::writeString(engineErrorMessage(code), out);
    out.append('}');
    return out;
}

} // namespace SmartSocket::Protocol
