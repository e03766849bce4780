// The client's hooks for the compression and encryption extensions (docs/extensions.md).

#include "manager.h"

#include "client_p.h"

#include <QCryptographicHash>
#include <QWebSocket>

namespace SmartSocket::Internal {

using Features::Envelope;

QString Manager::registrySuffix(const ClientOptions &options)
{
    if (!options.enableCompression && !options.enableEncryption)
        return {};
    QByteArray material = "#ssx:" + QByteArray::number(options.compressionLevel) + ':'
        + QByteArray::number(options.compressionThreshold) + ':';
    if (options.enableEncryption) // a one-way digest, never the key itself
        material += QCryptographicHash::hash(
            QByteArray("smartsocket registry " + options.encryptionKey), QCryptographicHash::Sha256)
                        .toHex()
                        .left(16);
    return QString::fromLatin1(material);
}

bool Manager::setupExtensions(QByteArrayView openJson, const QString &sid)
{
    m_ext.reset();
    if (!m_options.enableCompression && !m_options.enableEncryption)
        return true;
    Features::Extensions granted = Features::Extensions::fromOpenPacket(openJson);
    granted.deflate = granted.deflate && m_options.enableCompression;
    granted.aes256gcm = granted.aes256gcm && m_options.enableEncryption;
    QByteArray key;
    if (m_options.enableEncryption) {
        QString error;
        if (!Features::parseKey(m_options.encryptionKey, &key, &error)) {
            refuseConnection(QStringLiteral("invalid encryption key: %1").arg(error));
            return false;
        }
        if (!granted.aes256gcm) {
            // Never fall back to plaintext when the application asked for encryption.
            refuseConnection(QStringLiteral("encryption not granted by the server"));
            return false;
        }
    }
    if (!granted.any())
        return true;
    m_ext = std::make_unique<Envelope>(
        granted, Features::Direction::ClientToServer, sid.toLatin1(), key);
    if (!m_ext->isValid()) {
        m_ext.reset();
        refuseConnection(QStringLiteral("could not set up encryption"));
        return false;
    }
    return true;
}

void Manager::refuseConnection(const QString &message)
{
    m_connectTimer.stop();
    m_pingTimer.stop();
    dropSocket(true);
    m_decoder.reset();
    m_ext.reset();
    m_state = State::Closed;
    m_attempts = 0;
    m_reconnecting = false;
    const Error error(message, QVariant(), QStringLiteral("extension"));
    for (const QPointer<Client> &client : clientsSnapshot()) {
        if (isAttached(client))
            client->d->onOpenFailed(error, false);
    }
}

void Manager::sendExtended(QByteArrayView text, const QList<QByteArray> &attachments)
{
    QByteArray wire;
    bool binaryFrame = false;
    const auto send = [&](QByteArrayView message, bool binary) {
        if (!m_socket
            || !m_ext->wrap(message, binary, m_options.compressionThreshold,
                m_options.compressionLevel, m_deflater, wire, &binaryFrame))
            return false;
        if (binaryFrame)
            m_socket->sendBinaryMessage(wire);
        else
            m_socket->sendTextMessage(QString::fromUtf8(wire));
        return true;
    };
    if (!send(text, false))
        return;
    for (const QByteArray &attachment : attachments) {
        if (!send(attachment, true))
            return;
    }
}

void Manager::extensionFailed(Envelope::Error error)
{
    const QString message = Envelope::errorString(error);
    const bool decryption
        = error == Envelope::Error::DecryptionFailed || error == Envelope::Error::Plaintext;
    const QString reason = decryption ? message : QStringLiteral("parse error");
    // Connected clients only get disconnected(reason) from connectionLost(): tell them why.
    for (const QPointer<Client> &client : clientsSnapshot()) {
        if (isAttached(client) && client->d->state == Client::Private::State::Connected)
            Q_EMIT client->errorOccurred(Error(message, QVariant(), reason));
    }
    connectionLost(reason, message);
}

} // namespace SmartSocket::Internal
