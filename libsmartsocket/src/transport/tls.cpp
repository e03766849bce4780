#include "tls.h"

#include <QFile>
#include <QStringList>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cerrno>
#include <climits>
#include <cstring>

namespace SmartSocket::Transport {

namespace {

thread_local QString t_lastError;

// No terminal prompt for an encrypted key: it simply fails to load.
int noPassphrase(char *, int, int, void *)
{
    return 0;
}

int clampedLength(qsizetype size)
{
    return int(qMin<qsizetype>(size, INT_MAX));
}

// Maps SSL_get_error() to recv()/send() conventions.
ssize_t fail(ssl_st *ssl, int ret, quint8 *want, bool reading)
{
    const int savedErrno = errno;
    const int code = SSL_get_error(ssl, ret);
    const bool handshake = !SSL_is_init_finished(ssl);
    switch (code) {
    case SSL_ERROR_WANT_READ:
        if (!reading)
            *want |= Tls::WantReadable;
        errno = EAGAIN;
        return -1;
    case SSL_ERROR_WANT_WRITE:
        if (reading)
            *want |= Tls::WantWritable;
        errno = EAGAIN;
        return -1;
    case SSL_ERROR_ZERO_RETURN:
        ERR_clear_error();
        if (reading)
            return 0;
        t_lastError = QStringLiteral("TLS connection closed by the peer");
        errno = EPIPE;
        return -1;
    case SSL_ERROR_SYSCALL:
        if (ERR_peek_error() == 0) {
            if (savedErrno == 0 && reading)
                return 0; // EOF without close_notify
            const int err = savedErrno ? savedErrno : EPIPE;
            if (err != EAGAIN && err != EWOULDBLOCK && err != EINTR)
                t_lastError = QString::fromLocal8Bit(strerror(err));
            errno = err;
            return -1;
        }
        Q_FALLTHROUGH();
    default:
        t_lastError
            = (handshake ? QStringLiteral("TLS handshake failed: ") : QStringLiteral("TLS error: "))
            + Tls::takeErrorQueue(QStringLiteral("unknown error"));
        errno = EPROTO;
        return -1;
    }
}

} // namespace

TlsContext::TlsContext() = default;

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_ctx);
}

bool TlsContext::load(const QString &certificateFile, const QString &keyFile)
{
    SSL_CTX_free(m_ctx);
    m_ctx = nullptr;
    m_error.clear();
    if (certificateFile.isEmpty() || keyFile.isEmpty()) {
        m_error = QStringLiteral("TLS needs both a certificate file and a key file");
        return false;
    }
    for (const QString &file : { certificateFile, keyFile }) {
        if (!QFile::exists(file)) {
            m_error = QStringLiteral("cannot read TLS file %1: no such file").arg(file);
            return false;
        }
    }
    ERR_clear_error();
    SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
    if (!ctx) {
        m_error = Tls::takeErrorQueue(QStringLiteral("cannot create a TLS context"));
        return false;
    }
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    // No renegotiation (a DoS vector, and nothing here needs it); a peer closing without
    // close_notify is an ordinary EOF; release buffers of idle connections.
    SSL_CTX_set_options(ctx,
        SSL_OP_NO_RENEGOTIATION | SSL_OP_IGNORE_UNEXPECTED_EOF | SSL_OP_CIPHER_SERVER_PREFERENCE);
    SSL_CTX_set_mode(ctx,
        SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER
            | SSL_MODE_RELEASE_BUFFERS);
    // One recv() takes several records: fewer system calls. Data read ahead is invisible to
    // epoll; read() reports it with ReadAgain.
    SSL_CTX_set_read_ahead(ctx, 1);
    SSL_CTX_set_default_passwd_cb(ctx, noPassphrase);

    const QByteArray cert = QFile::encodeName(certificateFile);
    const QByteArray key = QFile::encodeName(keyFile);
    if (SSL_CTX_use_certificate_chain_file(ctx, cert.constData()) != 1) {
        m_error = QStringLiteral("cannot load TLS certificate %1: %2")
                      .arg(certificateFile, Tls::takeErrorQueue(QStringLiteral("invalid")));
    } else if (SSL_CTX_use_PrivateKey_file(ctx, key.constData(), SSL_FILETYPE_PEM) != 1) {
        // OpenSSL checks the key against the certificate already loaded.
        if (ERR_GET_REASON(ERR_peek_last_error()) == X509_R_KEY_VALUES_MISMATCH)
            m_error = QStringLiteral("TLS private key %1 does not match certificate %2: %3")
                          .arg(keyFile, certificateFile,
                              Tls::takeErrorQueue(QStringLiteral("mismatch")));
        else
            m_error = QStringLiteral("cannot load TLS private key %1: %2")
                          .arg(keyFile, Tls::takeErrorQueue(QStringLiteral("invalid")));
    } else if (SSL_CTX_check_private_key(ctx) != 1) {
        m_error
            = QStringLiteral("TLS private key %1 does not match certificate %2: %3")
                  .arg(keyFile, certificateFile, Tls::takeErrorQueue(QStringLiteral("mismatch")));
    }
    if (!m_error.isEmpty()) {
        SSL_CTX_free(ctx);
        return false;
    }
    m_ctx = ctx;
    return true;
}

ssl_st *TlsContext::newSession(int fd) const
{
    if (!m_ctx)
        return nullptr;
    SSL *ssl = SSL_new(m_ctx);
    if (!ssl) {
        ERR_clear_error();
        return nullptr;
    }
    if (SSL_set_fd(ssl, fd) != 1) {
        ERR_clear_error();
        SSL_free(ssl);
        return nullptr;
    }
    SSL_set_accept_state(ssl);
    return ssl;
}

namespace Tls {

ssize_t read(ssl_st *ssl, char *buffer, qsizetype size, quint8 *want)
{
    *want = WantNothing;
    ERR_clear_error();
    errno = 0;
    if (!SSL_is_init_finished(ssl)) {
        const int r = SSL_do_handshake(ssl);
        if (r != 1)
            return fail(ssl, r, want, true);
    }
    qsizetype total = 0;
    while (total < size) {
        errno = 0;
        const int r = SSL_read(ssl, buffer + total, clampedLength(size - total));
        if (r > 0) {
            total += r;
            continue;
        }
        if (total == 0)
            return fail(ssl, r, want, true);
        // Hand over what we have; an EOF or error comes back on the next call.
        const int saved = errno;
        const int code = SSL_get_error(ssl, r);
        if (code == SSL_ERROR_WANT_WRITE)
            *want |= WantWritable;
        else if (code != SSL_ERROR_WANT_READ)
            *want |= ReadAgain;
        errno = saved;
        ERR_clear_error();
        return total;
    }
    if (SSL_has_pending(ssl))
        *want |= ReadAgain;
    return total;
}

ssize_t write(ssl_st *ssl, const char *data, qsizetype size, quint8 *want)
{
    *want = WantNothing;
    ERR_clear_error();
    if (!SSL_is_init_finished(ssl)) {
        // Nothing is queued before the request, which follows the handshake; be safe anyway.
        *want |= WantReadable;
        errno = EAGAIN;
        return -1;
    }
    qsizetype total = 0;
    while (total < size) {
        errno = 0;
        const int r = SSL_write(ssl, data + total, clampedLength(size - total));
        if (r > 0) {
            total += r;
            continue;
        }
        if (total > 0) {
            ERR_clear_error(); // blocked after some records: the rest waits for EPOLLOUT
            return total;
        }
        return fail(ssl, r, want, false);
    }
    return total;
}

bool isEstablished(const ssl_st *ssl)
{
    return SSL_is_init_finished(ssl);
}

void shutdown(ssl_st *ssl)
{
    if (!SSL_is_init_finished(ssl))
        return;
    ERR_clear_error();
    SSL_shutdown(ssl);
    ERR_clear_error();
}

void free(ssl_st *ssl)
{
    SSL_free(ssl);
}

QString lastError()
{
    return t_lastError;
}

QString takeErrorQueue(const QString &fallback)
{
    QStringList parts;
    while (const unsigned long e = ERR_get_error()) {
        if (const char *reason = ERR_reason_error_string(e)) {
            parts.append(QString::fromLatin1(reason));
        } else {
            char text[256];
            ERR_error_string_n(e, text, sizeof text);
            parts.append(QString::fromLatin1(text));
        }
    }
    parts.removeDuplicates();
    return parts.isEmpty() ? fallback : parts.join(QStringLiteral("; "));
}

} // namespace Tls

} // namespace SmartSocket::Transport
