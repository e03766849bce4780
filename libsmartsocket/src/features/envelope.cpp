#include "envelope.h"

#include "protocol/utf8.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace SmartSocket::Features {

QByteArray Extensions::offer() const
{
    QByteArray out;
    if (deflate)
        out += "deflate";
    if (aes256gcm)
        out += out.isEmpty() ? "aes256gcm" : ",aes256gcm";
    return out;
}

Extensions Extensions::fromOffer(QByteArrayView value)
{
    Extensions ext;
    while (!value.isEmpty()) {
        const qsizetype comma = value.indexOf(',');
        const QByteArrayView name = (comma < 0 ? value : value.first(comma)).trimmed();
        value = comma < 0 ? QByteArrayView() : value.sliced(comma + 1);
        if (name == "deflate")
            ext.deflate = true;
        else if (name == "aes256gcm")
            ext.aes256gcm = true;
    }
    return ext;
}

QByteArray Extensions::grantJson(int threshold) const
{
    QByteArray out("{");
    if (deflate)
        out += "\"deflate\":{\"threshold\":" + QByteArray::number(threshold) + '}';
    if (aes256gcm)
        out += deflate ? ",\"aes256gcm\":true" : "\"aes256gcm\":true";
    out += '}';
    return out;
}

Extensions Extensions::fromOpenPacket(QByteArrayView openJson)
{
    Extensions ext;
    const QJsonDocument doc = QJsonDocument::fromJson(openJson.toByteArray());
    const QJsonObject ssx = doc.object().value(QLatin1String("ssx")).toObject();
    ext.deflate = ssx.value(QLatin1String("deflate")).isObject();
    ext.aes256gcm = ssx.value(QLatin1String("aes256gcm")).toBool();
    return ext;
}

void CompressionCounters::add(const CompressionCounters &o)
{
    messagesOut += o.messagesOut;
    bytesOutBefore += o.bytesOutBefore;
    bytesOutAfter += o.bytesOutAfter;
    messagesIn += o.messagesIn;
    bytesInBefore += o.bytesInBefore;
    bytesInAfter += o.bytesInAfter;
}

void PreparedMessage::prepare(QByteArrayView message, bool binary, bool compress, int threshold,
    int level, Deflater &deflater, PreparedMessage &out)
{
    out.flags = binary ? HeaderFlag::Binary : 0;
    out.rawSize = message.size();
    out.body.resize(0);
    if (compress && message.size() > threshold && deflater.compress(message, level, out.body)
        && out.body.size() < message.size()) {
        out.flags |= HeaderFlag::Compressed;
        return;
    }
    out.body.resize(0);
    out.body.append(message);
}

QString Envelope::errorString(Error error)
{
    switch (error) {
    case Error::None:
        return {};
    case Error::Malformed:
        return QStringLiteral("malformed extension frame");
    case Error::DecryptionFailed:
        return QStringLiteral("decryption failed");
    case Error::TooBig:
        return QStringLiteral("decompressed message exceeds maxPayload");
    case Error::Corrupt:
        return QStringLiteral("invalid compressed data");
    case Error::Plaintext:
        return QStringLiteral("unencrypted message on an encrypted connection");
    case Error::InvalidUtf8:
        return QStringLiteral("text message is not valid UTF-8"); // as for a text frame
    }
    return {};
}

Envelope::Envelope(Extensions granted, Direction outgoing, QByteArrayView sid,
    QByteArrayView sharedKey, CompressionCounters *globalCounters)
    : m_ext(granted), m_sid(sid.toByteArray()), m_global(globalCounters)
{
    if (!m_ext.aes256gcm)
        return;
    const Direction incoming = outgoing == Direction::ClientToServer ? Direction::ServerToClient
                                                                     : Direction::ClientToServer;
    const QByteArray sealKey = deriveConnectionKey(sharedKey, sid, outgoing);
    const QByteArray openKey = deriveConnectionKey(sharedKey, sid, incoming);
    m_valid = sharedKey.size() == kKeySize && m_seal.init(sealKey, outgoing, true)
        && m_open.init(openKey, incoming, false);
}

Envelope::~Envelope() = default;

QByteArray Envelope::aad(quint8 header) const
{
    QByteArray out("SSX1");
    out += char(header);
    out += m_sid;
    return out;
}

QByteArray Envelope::unencryptedFrame(const PreparedMessage &message)
{
    if (message.flags == 0)
        return message.body; // plain text message
    QByteArray wire;
    wire.reserve(message.body.size() + 1);
    wire.append(char(message.flags));
    wire.append(message.body);
    return wire;
}

void Envelope::countSent(const PreparedMessage &message)
{
    if (!(message.flags & HeaderFlag::Compressed))
        return;
    CompressionCounters c;
    c.messagesOut = 1;
    c.bytesOutBefore = quint64(message.rawSize);
    c.bytesOutAfter = quint64(message.body.size());
    m_counters.add(c);
    if (m_global)
        m_global->add(c);
}

bool Envelope::finish(const PreparedMessage &message, QByteArray &wire, bool *binaryFrame)
{
    countSent(message);
    if (!m_ext.aes256gcm) {
        wire = unencryptedFrame(message);
        *binaryFrame = message.flags != 0;
        return true;
    }
    const quint8 header = message.flags | HeaderFlag::Encrypted;
    wire.resize(0);
    wire.reserve(1 + message.body.size() + kTagSize);
    wire.append(char(header));
    *binaryFrame = true;
    return m_seal.seal(aad(header), message.body, wire);
}

bool Envelope::wrap(QByteArrayView message, bool binary, int threshold, int level,
    Deflater &deflater, QByteArray &wire, bool *binaryFrame)
{
    if (!binary && !m_ext.aes256gcm && (!m_ext.deflate || message.size() <= threshold)) {
        wire = message.toByteArray(); // the common small-message case: no copy into a body
        *binaryFrame = false;
        return true;
    }
    PreparedMessage prepared;
    PreparedMessage::prepare(message, binary, m_ext.deflate, threshold, level, deflater, prepared);
    return finish(prepared, wire, binaryFrame);
}

Envelope::Error Envelope::checkText(QByteArrayView frame) const
{
    if (m_ext.aes256gcm && !frame.isEmpty() && frame.front() == '4')
        return Error::Plaintext;
    return Error::None;
}

Envelope::Error Envelope::unwrap(
    QByteArrayView frame, qint64 maxMessage, Inflater &inflater, QByteArray &message, bool *binary)
{
    const Error error = openFrame(frame, maxMessage, inflater, message, binary);
    // Text in a binary frame never met the WebSocket layer's UTF-8 check, and what the server
    // relays from it goes out byte for byte in text frames to plain peers, which close the
    // connection on invalid UTF-8 (1007). The same check here, once the text is in the clear.
    if (error == Error::None && !*binary && !Protocol::isValidUtf8(message))
        return Error::InvalidUtf8;
    return error;
}

Envelope::Error Envelope::openFrame(
    QByteArrayView frame, qint64 maxMessage, Inflater &inflater, QByteArray &message, bool *binary)
{
    if (frame.isEmpty())
        return Error::Malformed;
    const quint8 header = quint8(frame.front());
    if (header & ~HeaderFlag::Known)
        return Error::Malformed;
    if ((header & HeaderFlag::Compressed) && !m_ext.deflate)
        return Error::Malformed;
    if (bool(header & HeaderFlag::Encrypted) != m_ext.aes256gcm)
        return m_ext.aes256gcm ? Error::Plaintext : Error::Malformed;
    *binary = header & HeaderFlag::Binary;
    QByteArrayView body = frame.sliced(1);
    if (header & HeaderFlag::Encrypted) {
        if (!m_open.open(aad(header), body, m_scratch))
            return Error::DecryptionFailed;
        if (!(header & HeaderFlag::Compressed)) {
            message.swap(m_scratch);
            return Error::None;
        }
        body = m_scratch;
    }
    if (header & HeaderFlag::Compressed) {
        const auto result = inflater.inflate(body, maxMessage, message);
        if (result == Inflater::Result::TooBig)
            return Error::TooBig;
        if (result == Inflater::Result::Corrupt)
            return Error::Corrupt;
        CompressionCounters c;
        c.messagesIn = 1;
        c.bytesInBefore = quint64(body.size());
        c.bytesInAfter = quint64(message.size());
        m_counters.add(c);
        if (m_global)
            m_global->add(c);
        return Error::None;
    }
    message = body.toByteArray();
    return Error::None;
}

} // namespace SmartSocket::Features
