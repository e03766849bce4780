#include "encryption.h"

#include <QtEndian>

#include <openssl/evp.h>
#include <openssl/kdf.h>

#include <cstring>
#include <limits>

namespace SmartSocket::Features {

namespace {

bool isHex(QByteArrayView text)
{
    for (char c : text) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex)
            return false;
    }
    return true;
}

} // namespace

bool parseKey(QByteArrayView text, QByteArray *key, QString *error)
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (text.size() == kKeySize) {
        *key = text.toByteArray(); // raw bytes
        return true;
    }
    const QByteArrayView trimmed = text.trimmed();
    if (trimmed.size() == 2 * kKeySize && isHex(trimmed)) {
        *key = QByteArray::fromHex(trimmed.toByteArray());
        return true;
    }
    if (trimmed.isEmpty())
        return fail(QStringLiteral("encryption key is empty"));
    const auto decoded = QByteArray::fromBase64Encoding(trimmed.toByteArray(),
        QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    if (decoded && decoded.decoded.size() == kKeySize) {
        *key = decoded.decoded;
        return true;
    }
    const auto url = QByteArray::fromBase64Encoding(trimmed.toByteArray(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (url && url.decoded.size() == kKeySize) {
        *key = url.decoded;
        return true;
    }
    return fail(QStringLiteral("encryption key must be 32 bytes, given raw, as 64 hex "
                               "characters or as base64 (got %1 characters)")
                    .arg(text.size()));
}

QByteArray hkdfSha256(QByteArrayView ikm, QByteArrayView salt, QByteArrayView info, int length)
{
    EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr);
    if (!ctx)
        return {};
    QByteArray out(length, Qt::Uninitialized);
    size_t outLength = size_t(length);
    const auto bytes = [](QByteArrayView v) {
        return reinterpret_cast<const unsigned char *>(v.isEmpty() ? "" : v.data());
    };
    const bool ok = EVP_PKEY_derive_init(ctx) > 0 && EVP_PKEY_CTX_set_hkdf_md(ctx, EVP_sha256()) > 0
        && EVP_PKEY_CTX_set1_hkdf_salt(ctx, bytes(salt), int(salt.size())) > 0
        && EVP_PKEY_CTX_set1_hkdf_key(ctx, bytes(ikm), int(ikm.size())) > 0
        && EVP_PKEY_CTX_add1_hkdf_info(ctx, bytes(info), int(info.size())) > 0
        && EVP_PKEY_derive(ctx, reinterpret_cast<unsigned char *>(out.data()), &outLength) > 0
        && outLength == size_t(length);
    EVP_PKEY_CTX_free(ctx);
    return ok ? out : QByteArray();
}

QByteArray deriveConnectionKey(QByteArrayView sharedKey, QByteArrayView sid, Direction direction)
{
    const QByteArrayView info = direction == Direction::ClientToServer
        ? QByteArrayView("smartsocket aes256gcm v1 c2s")
        : QByteArrayView("smartsocket aes256gcm v1 s2c");
    return hkdfSha256(sharedKey, sid, info, kKeySize);
}

GcmChannel::GcmChannel() = default;

GcmChannel::~GcmChannel()
{
    if (m_ctx)
        EVP_CIPHER_CTX_free(static_cast<EVP_CIPHER_CTX *>(m_ctx));
}

bool GcmChannel::init(QByteArrayView key, Direction direction, bool sealing)
{
    if (m_ctx) {
        EVP_CIPHER_CTX_free(static_cast<EVP_CIPHER_CTX *>(m_ctx));
        m_ctx = nullptr;
    }
    if (key.size() != kKeySize)
        return false;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    if (!ctx)
        return false;
    const auto *k = reinterpret_cast<const unsigned char *>(key.data());
    const int ok = sealing ? EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, k, nullptr)
                           : EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), nullptr, k, nullptr);
    if (ok != 1) {
        EVP_CIPHER_CTX_free(ctx);
        return false;
    }
    m_ctx = ctx;
    m_sealing = sealing;
    m_prefix = direction == Direction::ClientToServer ? 0x53534301u : 0x53534302u; // "SSC\1"
    m_counter = 0;
    return true;
}

QByteArray GcmChannel::nonceFor(quint64 seq) const
{
    QByteArray nonce(12, Qt::Uninitialized);
    qToBigEndian(m_prefix, nonce.data());
    qToBigEndian(seq, nonce.data() + 4);
    return nonce;
}

namespace {

// The sequence number is authenticated too (it is also in the nonce; belt and braces).
bool addAad(EVP_CIPHER_CTX *ctx, QByteArrayView aad, quint64 seq, bool sealing)
{
    int len = 0;
    unsigned char seqBytes[8];
    qToBigEndian(seq, seqBytes);
    const auto update = sealing ? EVP_EncryptUpdate : EVP_DecryptUpdate;
    if (!aad.isEmpty()
        && update(ctx, nullptr, &len, reinterpret_cast<const unsigned char *>(aad.data()),
               int(aad.size()))
            != 1)
        return false;
    return update(ctx, nullptr, &len, seqBytes, 8) == 1;
}

} // namespace

bool GcmChannel::seal(QByteArrayView aad, QByteArrayView plain, QByteArray &out)
{
    auto *ctx = static_cast<EVP_CIPHER_CTX *>(m_ctx);
    if (!ctx || !m_sealing || m_counter == std::numeric_limits<quint64>::max())
        return false;
    const QByteArray nonce = nonceFor(m_counter);
    if (EVP_EncryptInit_ex(ctx, nullptr, nullptr, nullptr,
            reinterpret_cast<const unsigned char *>(nonce.constData()))
            != 1
        || !addAad(ctx, aad, m_counter, true))
        return false;
    const qsizetype start = out.size();
    out.resize(start + plain.size() + kTagSize);
    auto *dst = reinterpret_cast<unsigned char *>(out.data() + start);
    int len = 0;
    int total = 0;
    if (!plain.isEmpty()) {
        if (EVP_EncryptUpdate(ctx, dst, &len, reinterpret_cast<const unsigned char *>(plain.data()),
                int(plain.size()))
            != 1) {
            out.resize(start);
            return false;
        }
        total = len;
    }
    if (EVP_EncryptFinal_ex(ctx, dst + total, &len) != 1
        || EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, kTagSize, dst + plain.size()) != 1) {
        out.resize(start);
        return false;
    }
    ++m_counter;
    return true;
}

bool GcmChannel::open(QByteArrayView aad, QByteArrayView sealed, QByteArray &out)
{
    auto *ctx = static_cast<EVP_CIPHER_CTX *>(m_ctx);
    out.resize(0);
    if (!ctx || m_sealing || sealed.size() < kTagSize
        || m_counter == std::numeric_limits<quint64>::max())
        return false;
    const qsizetype cipherSize = sealed.size() - kTagSize;
    const QByteArray nonce = nonceFor(m_counter);
    if (EVP_DecryptInit_ex(ctx, nullptr, nullptr, nullptr,
            reinterpret_cast<const unsigned char *>(nonce.constData()))
            != 1
        || !addAad(ctx, aad, m_counter, false))
        return false;
    out.resize(cipherSize);
    auto *dst = reinterpret_cast<unsigned char *>(out.data());
    int len = 0;
    if (cipherSize > 0
        && EVP_DecryptUpdate(ctx, dst, &len, reinterpret_cast<const unsigned char *>(sealed.data()),
               int(cipherSize))
            != 1) {
        out.resize(0);
        return false;
    }
    unsigned char tag[kTagSize];
    std::memcpy(tag, sealed.data() + cipherSize, kTagSize);
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, kTagSize, tag) != 1
        || EVP_DecryptFinal_ex(ctx, dst + len, &len) != 1) {
        out.resize(0); // never hand out unauthenticated plaintext
        return false;
    }
    ++m_counter;
    return true;
}

} // namespace SmartSocket::Features
