// The server's hooks for the compression and encryption extensions (docs/extensions.md).
// The transforms themselves are in features/; this file only decides what a connection was
// granted and moves frames through the Envelope.

#include "servercore_p.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServerExt, "smartsocket.server.extensions", QtWarningMsg)

namespace SmartSocket::Internal {

using Features::Envelope;
using Features::PreparedMessage;

static QByteArrayView queryItem(QByteArrayView query, QByteArrayView key)
{
    while (!query.isEmpty()) {
        const qsizetype amp = query.indexOf('&');
        const QByteArrayView item = amp < 0 ? query : query.first(amp);
        query = amp < 0 ? QByteArrayView() : query.sliced(amp + 1);
        if (item.size() > key.size() && item.startsWith(key) && item.at(key.size()) == '=')
            return item.sliced(key.size() + 1);
    }
    return {};
}

bool ServerCore::prepareEncryption(QString *error)
{
    encryptionKeyParsed = true;
    encryptionKey.clear();
    const QString algorithm = options.encryptionAlgorithm.toLower();
    if (algorithm != QLatin1String("aes-256-gcm") && algorithm != QLatin1String("aes-256-cbc")
        && !algorithm.isEmpty()) {
        *error = QStringLiteral("unsupported encryptionAlgorithm %1 (use aes-256-gcm)")
                     .arg(options.encryptionAlgorithm);
        return false;
    }
    QByteArray key;
    if (!Features::parseKey(options.encryptionKey, &key, error))
        return false;
    if (algorithm == QLatin1String("aes-256-cbc")) {
        qCWarning(lcServerExt) << "encryptionAlgorithm aes-256-cbc is served as aes-256-gcm "
                                  "(CBC has no authentication)";
    }
    encryptionKey = key;
    return true;
}

void ServerCore::setupExtensions(EngineSession *session, QByteArrayView query)
{
    if (!options.enableCompression && !options.enableEncryption)
        return;
    if (options.enableEncryption && !encryptionKeyParsed) {
        QString error;
        if (!prepareEncryption(&error))
            qCWarning(lcServerExt).noquote() << "encryption disabled:" << error;
    }
    // Percent-encoding is not expected in "deflate,aes256gcm"; a "%2C" comma is accepted.
    QByteArray offerText = queryItem(query, "ssx").toByteArray();
    if (offerText.contains('%'))
        offerText = QByteArray::fromPercentEncoding(offerText);
    const Features::Extensions offered = Features::Extensions::fromOffer(offerText);
    Features::Extensions granted;
    granted.deflate = offered.deflate && options.enableCompression;
    granted.aes256gcm = offered.aes256gcm && options.enableEncryption
        && encryptionKey.size() == Features::kKeySize;
    if (!granted.any())
        return;
    session->ext = std::make_unique<Envelope>(granted, Features::Direction::ServerToClient,
        session->sid.toLatin1(), encryptionKey, &compressionTotals);
    if (!session->ext->isValid()) {
        qCWarning(lcServerExt) << "could not set up encryption for a connection";
        session->ext.reset();
    }
}

QByteArray ServerCore::withExtensions(EngineSession *session, QByteArray openPacket) const
{
    if (!session->ext || !openPacket.endsWith('}'))
        return openPacket;
    openPacket.chop(1);
    openPacket += ",\"ssx\":";
    openPacket += session->ext->extensions().grantJson(options.compressionThreshold);
    openPacket += '}';
    return openPacket;
}

bool ServerCore::unwrapMessage(
    EngineSession *session, QByteArrayView &payload, bool &binary, QByteArray &storage)
{
    Envelope &envelope = *session->ext;
    if (!binary) {
        const Envelope::Error error = envelope.checkText(payload);
        if (error == Envelope::Error::None)
            return true;
        failExtension(session, error);
        return false;
    }
    bool innerBinary = false;
    const Envelope::Error error
        = envelope.unwrap(payload, options.maxPayload, inflater, storage, &innerBinary);
    if (error != Envelope::Error::None) {
        failExtension(session, error);
        return false;
    }
    payload = storage;
    binary = innerBinary;
    return true;
}

void ServerCore::sendExtended(
    EngineSession *session, QByteArrayView text, const QList<QByteArray> &attachments)
{
    Envelope &envelope = *session->ext;
    QByteArray &wire = extScratch;
    bool binaryFrame = false;
    const auto send = [&](QByteArrayView message, bool binary) {
        if (!envelope.wrap(message, binary, options.compressionThreshold, options.compressionLevel,
                deflater, wire, &binaryFrame)) {
            failExtension(session, Envelope::Error::DecryptionFailed);
            return false;
        }
        if (binaryFrame)
            io->sendBinary(session->conn, wire);
        else
            io->sendText(session->conn, wire);
        return true;
    };
    if (!send(text, false))
        return;
    for (const QByteArray &attachment : attachments) {
        if (!send(attachment, true))
            return;
    }
    if (wire.capacity() > 64 * 1024)
        wire = QByteArray();
}

void ServerCore::broadcastExtended(EngineSession *session, BroadcastCache &cache,
    QByteArrayView text, const QList<QByteArray> &attachments)
{
    Envelope &envelope = *session->ext;
    const bool deflate = envelope.extensions().deflate;
    const int threshold = options.compressionThreshold;
    const int level = options.compressionLevel;
    if (deflate && !cache.compressedReady) {
        PreparedMessage::prepare(text, false, true, threshold, level, deflater, cache.text);
        for (const QByteArray &attachment : attachments) {
            cache.attachments.append(PreparedMessage());
            PreparedMessage::prepare(
                attachment, true, true, threshold, level, deflater, cache.attachments.last());
        }
        cache.compressedReady = true;
    }
    if (!deflate && !cache.plainReady) {
        PreparedMessage::prepare(text, false, false, threshold, level, deflater, cache.plainText);
        for (const QByteArray &attachment : attachments) {
            cache.plainAttachments.append(PreparedMessage());
            PreparedMessage::prepare(
                attachment, true, false, threshold, level, deflater, cache.plainAttachments.last());
        }
        cache.plainReady = true;
    }
    const PreparedMessage &prepared = deflate ? cache.text : cache.plainText;
    const QList<PreparedMessage> &preparedAttachments
        = deflate ? cache.attachments : cache.plainAttachments;

    if (!envelope.extensions().aes256gcm) {
        // Compression only: the same frames for every such target.
        if (!cache.framesReady) {
            cache.textFrame = Transport::IoCore::buildFrame(
                Envelope::unencryptedFrame(prepared), prepared.flags != 0);
            for (const PreparedMessage &attachment : preparedAttachments)
                cache.attachmentFrames.append(
                    Transport::IoCore::buildFrame(Envelope::unencryptedFrame(attachment), true));
            cache.framesReady = true;
        }
        envelope.countSent(prepared);
        io->sendFrame(session->conn, cache.textFrame);
        for (qsizetype i = 0; i < preparedAttachments.size(); ++i) {
            envelope.countSent(preparedAttachments.at(i));
            io->sendFrame(session->conn, cache.attachmentFrames.at(i));
        }
        return;
    }
    // Encryption: nonces differ per connection, so only this part is done per target.
    QByteArray &wire = extScratch;
    bool binaryFrame = false;
    if (!envelope.finish(prepared, wire, &binaryFrame)) {
        failExtension(session, Envelope::Error::DecryptionFailed);
        return;
    }
    io->sendBinary(session->conn, wire);
    for (const PreparedMessage &attachment : preparedAttachments) {
        if (!envelope.finish(attachment, wire, &binaryFrame)) {
            failExtension(session, Envelope::Error::DecryptionFailed);
            return;
        }
        io->sendBinary(session->conn, wire);
    }
}

bool ServerCore::refuseUnencrypted(EngineSession *session, const QString &nsp)
{
    if (session->ext && session->ext->extensions().aes256gcm)
        return false;
    reportConnectionError(
        session, QStringLiteral("encryption required: the client did not negotiate aes256gcm"));
    sendPacket(session,
        Protocol::Packet { Protocol::PacketType::ConnectError, nsp, -1,
            QVariantMap { { QStringLiteral("message"), QStringLiteral("encryption required") } } });
    return true;
}

void ServerCore::failExtension(EngineSession *session, Envelope::Error error)
{
    if (!session || session->closed)
        return;
    const QString message = Envelope::errorString(error);
    reportConnectionError(session, message);
    quint16 code = 1007; // invalid frame payload data
    if (error == Envelope::Error::TooBig)
        code = 1009;
    else if (error == Envelope::Error::DecryptionFailed || error == Envelope::Error::Plaintext)
        code = 1008; // policy violation
    session->closeReason = message;
    io->closeConnection(session->conn, code, message.toUtf8());
}

} // namespace SmartSocket::Internal

namespace SmartSocket {

QVariantMap Server::extensionStats(const Socket *socket) const
{
    return d->extensionStats(socket);
}

QVariantMap Internal::ServerCore::extensionStats(const Socket *socket) const
{
    if (!socket || !socket->d->session || !socket->d->session->ext)
        return {};
    const Features::Envelope &envelope = *socket->d->session->ext;
    const Features::CompressionCounters &c = envelope.counters();
    return { { QStringLiteral("deflate"), envelope.extensions().deflate },
        { QStringLiteral("aes256gcm"), envelope.extensions().aes256gcm },
        { QStringLiteral("compressedMessagesOut"), c.messagesOut },
        { QStringLiteral("compressionBytesOutBefore"), c.bytesOutBefore },
        { QStringLiteral("compressionBytesOutAfter"), c.bytesOutAfter },
        { QStringLiteral("compressedMessagesIn"), c.messagesIn },
        { QStringLiteral("compressionBytesInBefore"), c.bytesInBefore },
        { QStringLiteral("compressionBytesInAfter"), c.bytesInAfter } };
}

} // namespace SmartSocket
