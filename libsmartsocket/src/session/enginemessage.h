#pragma once

// A Socket.IO packet as Engine.IO v4 messages over WebSocket, both directions: one text
// message, '4' followed by the encoded packet, then one binary message per attachment.

#include "protocol/socketio.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace SmartSocket::Session {

class EngineMessage
{
public:
    /// Appends the text message of `packet` to `text` ('4' + the Socket.IO encoding) and its
    /// binary attachments to `attachments`.
    static void encode(
        const Protocol::Packet &packet, QByteArray &text, QList<QByteArray> &attachments)
    {
        text.append('4');
        Protocol::Encoder::encode(packet, text, attachments);
    }

    /// Feeds a binary message to the packet waiting for its attachments. On Status::Error,
    /// `error` says why: a binary message nobody announced, or the decoder's complaint.
    static Protocol::Decoder::Status addAttachment(
        Protocol::Decoder &decoder, const QByteArray &data, QString *error)
    {
        if (!decoder.isAwaitingAttachments()) {
            *error = QStringLiteral("binary data without a pending packet");
            return Protocol::Decoder::Status::Error;
        }
        const Protocol::Decoder::Status status = decoder.addAttachment(data);
        if (status == Protocol::Decoder::Status::Error)
            *error = decoder.errorString();
        return status;
    }
};

} // namespace SmartSocket::Session
