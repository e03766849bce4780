#pragma once

// AES-256-GCM for the SmartSocket "aes256gcm" extension (OpenSSL libcrypto).
//
// Keys: the shared key (ServerOptions/ClientOptions::encryptionKey) is never used directly.
// Each connection and direction gets its own key, HKDF-SHA256(shared key, salt = Engine.IO
// sid, info = "smartsocket aes256gcm v1 c2s" or "... s2c"), so counters that restart at 0 on
// every connection never repeat a (key, nonce) pair, and a frame sent in one direction cannot
// be reflected back in the other. Nonce: 4-byte direction prefix + 64-bit big-endian counter,
// implicit (both ends count), so a replayed, dropped or reordered frame fails to open.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace SmartSocket::Features {

constexpr int kKeySize = 32;
constexpr int kTagSize = 16;

enum class Direction : quint8 { ClientToServer = 1, ServerToClient = 2 };

/// Parses a 32-byte key given raw (32 bytes), as hex (64 characters) or base64 / base64url
/// text (with or without padding). Surrounding white space is ignored. The error message
/// never contains the key.
bool parseKey(QByteArrayView text, QByteArray *key, QString *error);

/// HKDF-SHA256 (RFC 5869) giving `length` bytes; empty on failure.
QByteArray hkdfSha256(QByteArrayView ikm, QByteArrayView salt, QByteArrayView info, int length);

/// The key of one direction of one connection.
QByteArray deriveConnectionKey(QByteArrayView sharedKey, QByteArrayView sid, Direction direction);

/// One direction of one connection: seals (sender) or opens (receiver) consecutive messages
/// with counter nonces. The key is expanded once (key set-up) and reused for every message.
class GcmChannel
{
public:
    GcmChannel();
    ~GcmChannel();
    GcmChannel(const GcmChannel &) = delete;
    GcmChannel &operator=(const GcmChannel &) = delete;

    /// `key` = deriveConnectionKey(...) of this direction. False on a bad key or OpenSSL error.
    bool init(QByteArrayView key, Direction direction, bool sealing);
    bool isValid() const { return m_ctx != nullptr; }

    /// Appends ciphertext + 16-byte tag of `plain` to `out`, authenticating `aad` and the
    /// sequence number; advances the counter. False on error (out unchanged).
    bool seal(QByteArrayView aad, QByteArrayView plain, QByteArray &out);
    /// Opens ciphertext + tag with the next expected sequence number into `out` (replaced).
    /// False when the tag does not verify (wrong key, tampering, replay, reorder, reflection);
    /// the counter advances only on success.
    bool open(QByteArrayView aad, QByteArrayView sealed, QByteArray &out);

    quint64 counter() const { return m_counter; }
    /// For tests: the 12-byte nonce used for sequence `seq`.
    QByteArray nonceFor(quint64 seq) const;

private:
    void *m_ctx = nullptr; // EVP_CIPHER_CTX
    bool m_sealing = false;
    quint32 m_prefix = 0;
    quint64 m_counter = 0;
};

} // namespace SmartSocket::Features
