#include "socketio.h"

#include "json.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace SmartSocket::Protocol {

namespace {

const QString &rootNamespace()
{
    static const QString root = QStringLiteral("/");
    return root;
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

void appendUtf8(QStringView s, QByteArray &out)
{
    const char16_t *p = s.utf16();
    const qsizetype n = s.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] >= 0x80) {
            out.append(s.toUtf8());
            return;
        }
    }
    const qsizetype at = out.size();
    out.resize(at + n);
    char *dst = out.data() + at;
    for (qsizetype i = 0; i < n; ++i)
        dst[i] = char(p[i]);
}

bool isEventPayload(const QVariant &data)
{
    if (data.metaType().id() != QMetaType::QVariantList)
        return false;
    const auto &list = *static_cast<const QVariantList *>(data.constData());
    if (list.isEmpty())
        return false;
    const QVariant &name = list.first();
    switch (name.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
        return true; // socket.io-parser accepts a number as the event name
    case QMetaType::Double:
        // ... but 1e400 would come back out of JSON.stringify as null: refuse non-finite ones.
        return std::isfinite(*static_cast<const double *>(name.constData()));
    case QMetaType::QString:
        return !isReservedEventName(*static_cast<const QString *>(name.constData()));
    default:
        return false;
    }
}

const char *typeName(PacketType type)
{
    switch (type) {
    case PacketType::Connect:
        return "CONNECT";
    case PacketType::Disconnect:
        return "DISCONNECT";
    case PacketType::Event:
        return "EVENT";
    case PacketType::Ack:
        return "ACK";
    case PacketType::ConnectError:
        return "CONNECT_ERROR";
    case PacketType::BinaryEvent:
        return "BINARY_EVENT";
    case PacketType::BinaryAck:
        return "BINARY_ACK";
    }
    return "?";
}

} // namespace

// ---------------------------------------------------------------------------------------
// Encoder
// ---------------------------------------------------------------------------------------

void Encoder::encode(const Packet &packet, QByteArray &out, QList<QByteArray> &attachments)
{
    const qsizetype start = out.size();
    const qsizetype firstAttachment = attachments.size();
    out.append(char('0' + int(packet.type)));
    const qsizetype headerEnd = out.size();

    if (!packet.nsp.isEmpty() && packet.nsp != rootNamespace()) {
        appendUtf8(packet.nsp, out);
        out.append(',');
    }
    if (packet.id >= 0) {
        char digits[24];
        const auto res = std::to_chars(digits, digits + sizeof digits, packet.id);
        out.append(digits, res.ptr - digits);
    }

    const bool carriesAttachments = packet.type == PacketType::Event
        || packet.type == PacketType::Ack || packet.type == PacketType::BinaryEvent
        || packet.type == PacketType::BinaryAck;
    const int dataType = packet.data.metaType().id();
    if (dataType != QMetaType::UnknownType && dataType != QMetaType::Nullptr)
        Json::write(packet.data, out, carriesAttachments ? &attachments : nullptr);

    // The binary form exactly when there are attachments: socket.io-parser refuses "50-".
    const qsizetype count = attachments.size() - firstAttachment;
    PacketType type = packet.type;
    if (type == PacketType::Event || type == PacketType::BinaryEvent)
        type = count > 0 ? PacketType::BinaryEvent : PacketType::Event;
    else if (type == PacketType::Ack || type == PacketType::BinaryAck)
        type = count > 0 ? PacketType::BinaryAck : PacketType::Ack;
    if (type != packet.type)
        out[start] = char('0' + int(type));
    if (count > 0) {
        // Rare path: the count is only known after the JSON is written.
        out.insert(headerEnd, QByteArray::number(count).append('-'));
    }
}

// ---------------------------------------------------------------------------------------
// Decoder
// ---------------------------------------------------------------------------------------

Decoder::Status Decoder::fail(const QString &message)
{
    m_error = message;
    m_failed = true;
    m_packet = Packet();
    m_attachments.clear();
    m_pendingAttachments = 0;
    return Status::Error;
}

void Decoder::reset()
{
    m_packet = Packet();
    m_attachments.clear();
    m_pendingAttachments = 0;
    m_error.clear();
    m_failed = false;
}

Packet Decoder::takePacket()
{
    Packet p = std::move(m_packet);
    m_packet = Packet();
    return p;
}

void Decoder::setNamespace(const char *begin, const char *end)
{
    const qsizetype len = end - begin;
    if (len == 1) { // just "/"
        m_packet.nsp = rootNamespace();
        return;
    }
    if (m_lastNspUtf8.size() != len || std::memcmp(m_lastNspUtf8.constData(), begin, len) != 0) {
        m_lastNspUtf8 = QByteArray(begin, len);
        m_lastNsp = QString::fromUtf8(begin, len);
    }
    m_packet.nsp = m_lastNsp;
}

Decoder::Status Decoder::decodeText(QByteArrayView text)
{
    if (m_failed)
        return Status::Error;
    if (m_pendingAttachments > 0) {
        return fail(QStringLiteral("text packet received while %1 binary attachment(s) are pending")
                        .arg(m_pendingAttachments));
    }
    const char *p = text.data();
    const char *const end = p + text.size();
    if (p == end)
        return fail(QStringLiteral("empty packet"));

    if (*p < '0' || *p > '6')
        return fail(QStringLiteral("unknown packet type"));
    m_packet = Packet();
    m_packet.type = PacketType(*p - '0');
    ++p;

    const bool binary
        = m_packet.type == PacketType::BinaryEvent || m_packet.type == PacketType::BinaryAck;
    int attachmentCount = 0;
    if (binary) {
        const char *digits = p;
        while (p < end && isDigit(*p)) {
            attachmentCount = attachmentCount * 10 + (*p - '0');
            if (attachmentCount > m_maxAttachments) {
                return fail(QStringLiteral("too many binary attachments (the limit is %1)")
                                .arg(m_maxAttachments));
            }
            ++p;
        }
        // socket.io-parser 4.2.6+ refuses a count below 1 too ("50-[...]").
        if (p == digits || p == end || *p != '-' || attachmentCount < 1)
            return fail(QStringLiteral("invalid attachment count"));
        ++p;
    }

    // Namespace: from '/' up to ',' or the end ("40/admin" is valid).
    if (p < end && *p == '/') {
        const char *nsp = p;
        while (p < end && *p != ',')
            ++p;
        setNamespace(nsp, p);
        if (p < end)
            ++p; // ','
    }

    if (p < end && isDigit(*p)) {
        constexpr qint64 maxId = std::numeric_limits<qint64>::max();
        qint64 id = 0;
        do {
            const int digit = *p - '0';
            if (id > (maxId - digit) / 10)
                return fail(QStringLiteral("ack id out of range"));
            id = id * 10 + digit;
            ++p;
        } while (p < end && isDigit(*p));
        m_packet.id = id;
    }

    const bool hasPayload = p < end;
    const bool relayable
        = !binary && (m_packet.type == PacketType::Event || m_packet.type == PacketType::Ack);
    Json::ElementSpans spans;
    if (hasPayload) {
        QString jsonError;
        if (!Json::parse(QByteArrayView(p, end - p), m_packet.data, &jsonError,
                Json::defaultMaxDepth, relayable ? &spans : nullptr))
            return fail(QStringLiteral("invalid payload: ") + jsonError);
    }

    const QVariant &data = m_packet.data;
    const int dataType = data.metaType().id();
    switch (m_packet.type) {
    case PacketType::Connect:
        if (hasPayload && dataType != QMetaType::QVariantMap)
            return fail(QStringLiteral("invalid payload: CONNECT takes an object or nothing"));
        break;
    case PacketType::Disconnect:
        if (hasPayload)
            return fail(QStringLiteral("invalid payload: DISCONNECT takes no payload"));
        break;
    case PacketType::Event:
    case PacketType::BinaryEvent:
        if (!hasPayload || !isEventPayload(data)) {
            return fail(QLatin1String("invalid payload: ") + QLatin1String(typeName(m_packet.type))
                + QLatin1String(" needs an array starting with a number or a "
                                "non-reserved event name"));
        }
        break;
    case PacketType::Ack:
    case PacketType::BinaryAck:
        if (!hasPayload || dataType != QMetaType::QVariantList) {
            return fail(QLatin1String("invalid payload: ") + QLatin1String(typeName(m_packet.type))
                + QLatin1String(" needs an array"));
        }
        if (m_packet.id < 0)
            return fail(QLatin1String(typeName(m_packet.type)) + QLatin1String(" without an id"));
        break;
    case PacketType::ConnectError:
        if (!hasPayload || (dataType != QMetaType::QVariantMap && dataType != QMetaType::QString))
            return fail(
                QStringLiteral("invalid payload: CONNECT_ERROR takes an object or a string"));
        break;
    }

    if (!binary) {
        if (relayable && dataType == QMetaType::QVariantList) {
            // Objects and arrays received are often sent on unchanged (echo, relay): let the
            // encoder reuse their text (see Json::rememberText).
            const auto &list = *static_cast<const QVariantList *>(data.constData());
            const qsizetype first = m_packet.type == PacketType::Event ? 1 : 0;
            for (qsizetype i = first; i < list.size() && i < spans.size(); ++i)
                Json::rememberText(
                    list.at(i), QByteArrayView(p + spans[i].first, p + spans[i].second));
        }
        return Status::Packet;
    }
    m_attachments.clear();
    m_attachments.reserve(attachmentCount);
    m_pendingAttachments = attachmentCount;
    return Status::NeedAttachment;
}

Decoder::Status Decoder::addAttachment(const QByteArray &data)
{
    if (m_failed)
        return Status::Error;
    if (m_pendingAttachments <= 0)
        return fail(QStringLiteral("binary attachment received while no packet awaits one"));
    m_attachments.append(data);
    if (--m_pendingAttachments > 0)
        return Status::NeedAttachment;
    return finishBinary();
}

Decoder::Status Decoder::finishBinary()
{
    const bool ok = replacePlaceholders(m_packet.data);
    m_attachments.clear();
    if (!ok)
        return fail(QStringLiteral("invalid attachment placeholder"));
    return Status::Packet;
}

bool Decoder::replacePlaceholders(QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::QVariantList: {
        auto &list = *static_cast<QVariantList *>(value.data());
        for (QVariant &item : list) {
            if (!replacePlaceholders(item))
                return false;
        }
        return true;
    }
    case QMetaType::QVariantMap: {
        auto &map = *static_cast<QVariantMap *>(value.data());
        const auto marker = map.constFind(QStringLiteral("_placeholder"));
        if (marker != map.cend() && marker->metaType().id() == QMetaType::Bool
            && marker->toBool()) {
            const QVariant num = map.value(QStringLiteral("num"));
            qint64 index = -1;
            switch (num.metaType().id()) {
            case QMetaType::Int:
            case QMetaType::LongLong:
                index = num.toLongLong();
                break;
            case QMetaType::Double: {
                const double d = num.toDouble();
                if (d >= 0 && d < double(m_attachments.size()) && d == std::trunc(d))
                    index = qint64(d);
                break;
            }
            default:
                break;
            }
            if (index < 0 || index >= m_attachments.size())
                return false;
            value = QVariant(m_attachments.at(index)); // `map` is gone after this line
            return true;
        }
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (!replacePlaceholders(it.value()))
                return false;
        }
        return true;
    }
    default:
        return true;
    }
}

} // namespace SmartSocket::Protocol
