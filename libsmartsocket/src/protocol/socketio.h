#pragma once

// Socket.IO v5 encoder/decoder (socket.io-parser semantics). Pure Qt::Core.

#include "packet.h"

#include <QByteArrayView>

namespace SmartSocket::Protocol {

class Encoder
{
public:
    /// Appends the text form of `packet` to `out` (type digit, attachment count + '-',
    /// namespace + ',' unless "/", ack id, JSON). QByteArray values found in the data are
    /// appended to `attachments`; an EVENT/ACK carrying any is written as BINARY_EVENT/
    /// BINARY_ACK, and a BINARY_EVENT/BINARY_ACK carrying none as EVENT/ACK (socket.io-parser
    /// refuses an attachment count of 0). The Engine.IO message prefix ('4') is not written.
    /// Placeholders are numbered from 0 for each packet, whatever `attachments` held before.
    /// Only EVENT/ACK (and their binary forms) carry attachments: in the other packet types a
    /// QByteArray is written as a base64 string. Neither null nor invalid `data` is written.
    static void encode(const Packet &packet, QByteArray &out, QList<QByteArray> &attachments);
};

/// Incremental decoder for one connection: text packets, then the binary attachments they
/// announce (1 to maxAttachments, as socket.io-parser 4.2.6+). Binary packets keep their
/// BINARY_EVENT/BINARY_ACK type (socket.io-parser reports them as EVENT/ACK). Every malformed input
/// yields Status::Error with an errorString(); no input crashes it. After an error, call reset()
/// before reusing it (until then every call returns Status::Error again).
///
/// Stricter than socket.io-parser (checked against 4.2.7) only for inputs no conforming peer
/// sends: EVENT, ACK and CONNECT_ERROR must carry their payload and an ACK its id (the parser
/// lets them through; the receiver then ignores them); an empty text is an error (the parser
/// reads it as CONNECT); whitespace is not a digit (the parser's Number(" ") == " " quirk);
/// an ack id beyond qint64 is an error (JS would round it); a numeric event name must be finite
/// (1e400 is Infinity in JS, which JSON.stringify turns into null).
class Decoder
{
public:
    enum class Status { Packet, NeedAttachment, Error };

    /// Decodes a Socket.IO packet from the text of an Engine.IO message (without the '4').
    Status decodeText(QByteArrayView text);
    /// Adds a binary attachment to the pending binary packet.
    Status addAttachment(const QByteArray &data);
    /// The completed packet (valid after Status::Packet).
    Packet takePacket();
    bool isAwaitingAttachments() const { return m_pendingAttachments > 0; }
    QString errorString() const { return m_error; }
    void reset();

    void setMaxAttachments(int max) { m_maxAttachments = max; }

private:
    Status fail(const QString &message);
    Status finishBinary();
    bool replacePlaceholders(QVariant &value);
    void setNamespace(const char *begin, const char *end);

    Packet m_packet;
    QList<QByteArray> m_attachments;
    int m_pendingAttachments = 0;
    int m_maxAttachments = 10;
    QString m_error;
    bool m_failed = false;
    // The last non-root namespace seen, so a connection on "/chat" decodes it without
    // allocating a new QString per packet.
    QByteArray m_lastNspUtf8;
    QString m_lastNsp;
};

} // namespace SmartSocket::Protocol
