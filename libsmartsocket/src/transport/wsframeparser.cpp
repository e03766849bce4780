#include "wsframeparser.h"

#include "protocol/utf8.h"

#include <cstring>

namespace SmartSocket::Transport {

namespace {

// QByteArray holds at most this much; an announced frame beyond it is "too big" even with
// no configured limit.
constexpr qint64 kHardMaxMessage = (qint64(1) << 31) - 64;

inline bool isContinuationByte(uchar c)
{
    return (c & 0xC0) == 0x80;
}

} // namespace

bool WsFrameParser::isValidCloseCode(quint16 code)
{
    if (code >= 3000 && code <= 4999)
        return true;
    switch (code) {
    case 1000:
    case 1001:
    case 1002:
    case 1003:
    case 1007:
    case 1008:
    case 1009:
    case 1010:
    case 1011:
    case 1012:
    case 1013:
    case 1014:
        return true;
    default:
        return false;
    }
}

qsizetype WsFrameParser::headerSize(qint64 payloadSize)
{
    return payloadSize < 126 ? 2 : payloadSize <= 0xFFFF ? 4 : 10;
}

void WsFrameParser::appendFrame(QByteArray &out, quint8 opcode, QByteArrayView payload)
{
    const qint64 size = payload.size();
    uchar header[10];
    header[0] = uchar(0x80 | (opcode & 0x0F));
    qsizetype headerLength = 2;
    if (size < 126) {
        header[1] = uchar(size);
    } else if (size <= 0xFFFF) {
        header[1] = 126;
        header[2] = uchar(size >> 8);
        header[3] = uchar(size);
        headerLength = 4;
    } else {
        header[1] = 127;
        for (int i = 0; i < 8; ++i)
            header[2 + i] = uchar(quint64(size) >> (56 - 8 * i));
        headerLength = 10;
    }
    out.reserve(out.size() + headerLength + size);
    out.append(reinterpret_cast<const char *>(header), headerLength);
    out.append(payload);
}

QByteArray WsFrameParser::closePayload(quint16 code, QByteArrayView reason)
{
    QByteArray body;
    if (code == 0 || code == CloseNoStatus)
        return body;
    body.reserve(2 + qMin<qsizetype>(reason.size(), 123));
    body.append(char(code >> 8));
    body.append(char(code & 0xFF));
    if (reason.size() > 123) {
        // Cut on a character boundary so the reason stays valid UTF-8.
        qsizetype cut = 123;
        while (cut > 0 && isContinuationByte(uchar(reason[cut])))
            --cut;
        reason = reason.first(cut);
    }
    body.append(reason);
    return body;
}

void WsFrameParser::unmask(char *data, qint64 size, const uchar mask[4])
{
    qint64 i = 0;
    if (size >= 8) {
        quint32 mask32;
        std::memcpy(&mask32, mask, 4);
        const quint64 mask64 = (quint64(mask32) << 32) | mask32;
        for (; i + 8 <= size; i += 8) {
            quint64 word;
            std::memcpy(&word, data + i, 8);
            word ^= mask64;
            std::memcpy(data + i, &word, 8);
        }
    }
    for (; i < size; ++i)
        data[i] = char(data[i] ^ mask[i & 3]);
}

void WsFrameParser::reset()
{
    m_fragments = QByteArray();
    m_fragmentOpcode = 0;
}

WsFrameParser::Result WsFrameParser::parse(
    char *data, qsizetype size, qint64 maxMessageSize, Handler &handler)
{
    Result result;
    const qint64 limit = (maxMessageSize <= 0 || maxMessageSize > kHardMaxMessage) ? kHardMaxMessage
                                                                                   : maxMessageSize;
    auto fail = [&result](quint16 code, const char *why) {
        result.errorCode = code;
        result.errorString = why;
        result.needed = 0;
        return result;
    };

    qsizetype pos = 0;
    while (size - pos >= 2) {
        const auto p = reinterpret_cast<const uchar *>(data + pos);
        const qsizetype available = size - pos;
        const bool fin = p[0] & 0x80;
        const quint8 opcode = p[0] & 0x0F;
        const bool control = opcode & 0x08;

        // Everything decidable from the first two bytes is decided before waiting for more.
        if (p[0] & 0x70)
            return fail(CloseProtocolError, "reserved bits set without a negotiated extension");
        if ((opcode > Binary && opcode < Close) || opcode > Pong)
            return fail(CloseProtocolError, "unknown opcode");
        if (!(p[1] & 0x80))
            return fail(CloseProtocolError, "unmasked client frame");
        const quint8 length7 = p[1] & 0x7F;
        if (control) {
            if (!fin)
                return fail(CloseProtocolError, "fragmented control frame");
            if (length7 > 125)
                return fail(CloseProtocolError, "control frame payload over 125 bytes");
        } else if (opcode == Continuation) {
            if (!m_fragmentOpcode)
                return fail(CloseProtocolError, "continuation frame without a message");
        } else if (m_fragmentOpcode) {
            return fail(CloseProtocolError, "new message inside a fragmented message");
        }

        const qsizetype lengthBytes = length7 == 126 ? 2 : length7 == 127 ? 8 : 0;
        if (available < 2 + lengthBytes)
            break;
        quint64 length = length7;
        if (lengthBytes == 2) {
            length = (quint64(p[2]) << 8) | p[3];
        } else if (lengthBytes == 8) {
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            if (length >> 63)
                return fail(CloseProtocolError, "64-bit payload length with the top bit set");
        }
        if (!control) {
            const quint64 total = length + quint64(opcode == Continuation ? m_fragments.size() : 0);
            if (length > quint64(limit) || total > quint64(limit))
                return fail(CloseTooBig, "message over the maximum size");
        }

        const qsizetype header = 2 + lengthBytes + 4;
        const qint64 frameSize = header + qint64(length);
        if (available < frameSize) {
            result.needed = frameSize;
            break;
        }
        char *payload = data + pos + header;
        unmask(payload, qint64(length), p + 2 + lengthBytes);
        pos += qsizetype(frameSize);
        result.consumed = pos;
        const QByteArrayView view(payload, qsizetype(length));

        switch (opcode) {
        case Text:
        case Binary:
            if (!fin) {
                m_fragmentOpcode = opcode;
                m_fragments = view.toByteArray();
                break;
            }
            if (opcode == Text && !Protocol::isValidUtf8(view))
                return fail(CloseInvalidPayload, "text message is not valid UTF-8");
            if (!handler.onMessage(view, opcode == Binary)) {
                result.stopped = true;
                return result;
            }
            break;
        case Continuation: {
            m_fragments.append(view);
            if (!fin)
                break;
            // Take the buffer off the parser first: the callback may close the connection.
            const QByteArray message = std::move(m_fragments);
            const bool binary = m_fragmentOpcode == Binary;
            m_fragments = QByteArray();
            m_fragmentOpcode = 0;
            if (!binary && !Protocol::isValidUtf8(message))
                return fail(CloseInvalidPayload, "text message is not valid UTF-8");
            if (!handler.onMessage(message, binary)) {
                result.stopped = true;
                return result;
            }
            break;
        }
        case Ping:
            if (!handler.onPing(view)) {
                result.stopped = true;
                return result;
            }
            break;
        case Pong:
            if (!handler.onPong(view)) {
                result.stopped = true;
                return result;
            }
            break;
        case Close: {
            if (length == 1)
                return fail(CloseProtocolError, "close frame with a one-byte body");
            quint16 code = CloseNoStatus;
            QByteArrayView reason;
            if (length >= 2) {
                code = quint16((uchar(payload[0]) << 8) | uchar(payload[1]));
                if (!isValidCloseCode(code))
                    return fail(CloseProtocolError, "invalid close code");
                reason = view.sliced(2);
                if (!Protocol::isValidUtf8(reason))
                    return fail(CloseInvalidPayload, "close reason is not valid UTF-8");
            }
            result.stopped = true;
            handler.onClose(code, reason);
            return result;
        }
        }
    }
    return result;
}

} // namespace SmartSocket::Transport
