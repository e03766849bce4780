#pragma once

// Server-side TLS for the I/O core, on OpenSSL (libssl). The core keeps one `ssl_st *` per
// TLS connection in its slot; plain connections carry a null pointer and never get here.
// The functions below behave like recv()/send() on a non-blocking socket, so the core's read
// and flush paths stay the same for both kinds of connection.

#include <QString>
#include <QtGlobal>

#include <sys/types.h>

struct ssl_st;
struct ssl_ctx_st;

namespace SmartSocket::Transport {

/// The server's certificate, key and settings (TLS 1.2 or later, OpenSSL's default ciphers).
class TlsContext
{
public:
    TlsContext();
    ~TlsContext();
    TlsContext(const TlsContext &) = delete;
    TlsContext &operator=(const TlsContext &) = delete;

    /// Loads a PEM certificate (chain) and its PEM private key and checks they match.
    /// Encrypted keys are refused (no prompt for a passphrase).
    bool load(const QString &certificateFile, const QString &keyFile);
    QString errorString() const { return m_error; }
    bool isLoaded() const { return m_ctx != nullptr; }

    /// A server-side TLS session on `fd` (handshake not started); nullptr when out of memory.
    ssl_st *newSession(int fd) const;

private:
    ssl_ctx_st *m_ctx = nullptr;
    QString m_error;
};

namespace Tls {

/// What a call that would block waits for, besides the obvious direction.
enum Want : quint8 {
    WantNothing = 0,
    WantWritable = 0x01, ///< read() needs the socket writable (handshake or TLS 1.3 tickets)
    WantReadable = 0x02, ///< write() needs input first
    ReadAgain = 0x04, ///< read(): more plaintext (or an error) is buffered inside OpenSSL
};

/// Runs the handshake until done, then reads plaintext: several TLS records if `size` has
/// room. Like recv(): > 0 bytes; 0 when the peer closed (close_notify or EOF); -1 with errno
/// EAGAIN (try again when the socket is readable, or writable if `*want` has WantWritable)
/// or EPROTO/other (a TLS or socket error: lastError() says what). epoll cannot see data
/// already inside OpenSSL: `*want` has ReadAgain then, and the caller must call read() again.
ssize_t read(ssl_st *ssl, char *buffer, qsizetype size, quint8 *want);
/// Writes plaintext as records until all is written or the socket is full. Like send():
/// bytes written, or -1 with errno EAGAIN (`*want` has WantReadable when it waits for input)
/// or an error (lastError()). A call after EAGAIN must pass the same bytes again (they may
/// have moved, and more may follow).
ssize_t write(ssl_st *ssl, const char *data, qsizetype size, quint8 *want);
/// True once the handshake completed.
bool isEstablished(const ssl_st *ssl);
/// Sends close_notify if the handshake is done (best effort, never blocks).
void shutdown(ssl_st *ssl);
void free(ssl_st *ssl);
/// Why the last read() or write() of this thread failed.
QString lastError();

/// OpenSSL's error queue as text ("a; b"), emptied; `fallback` when it is empty.
QString takeErrorQueue(const QString &fallback = QString());

} // namespace Tls

} // namespace SmartSocket::Transport
