#pragma once

// HTTP/1.1 request heads for the server's I/O core: request line + headers, nothing more
// (WebSocket upgrades and requests answered at once carry no body we need). Plus the few
// responses the core writes itself.

#include "iocore.h"

#include <QByteArray>
#include <QByteArrayView>

namespace SmartSocket::Transport {

class HttpRequestParser
{
public:
    enum class Status {
        Incomplete, ///< no CRLFCRLF yet; keep the bytes and read more
        Complete, ///< `request` filled; `consumed` bytes belong to the head
        TooLarge, ///< head over the limit: answer 431 and close
        Malformed, ///< answer 400 and close
    };
    struct Result
    {
        Status status = Status::Incomplete;
        qsizetype consumed = 0; ///< head + CRLFCRLF, when Complete
    };

    static constexpr qsizetype DefaultMaxHeadSize = 8192;

    struct BodyResult
    {
        Status status = Status::Incomplete; ///< TooLarge: answer 413
        qsizetype consumed = 0; ///< bytes of `data` that were the body, when Complete
        qint64 needed = 0; ///< Content-Length, when known (0 for chunked)
    };
    /// Parses the body of `request` (whose head is complete) at the start of `data`:
    /// Content-Length or chunked (trailers skipped); none of them means no body. A body over
    /// `maxBodySize` (0 = no limit) is TooLarge as soon as its size is known.
    static BodyResult parseBody(QByteArrayView data, HttpRequest *request, qint64 maxBodySize);

    /// Parses the head at the start of `data`. A bad request line is reported as soon as
    /// its CRLF is there, without waiting for the rest of the head.
    static Result parse(
        QByteArrayView data, HttpRequest *request, qsizetype maxHeadSize = DefaultMaxHeadSize);

    /// Value of header `name` (case-insensitive) in a request head; repeated headers are
    /// joined with ", ". Empty when absent.
    static QByteArray headerValue(QByteArrayView head, QByteArrayView name);
    /// Whether the comma-separated `list` holds `token` (case-insensitive).
    static bool hasToken(QByteArrayView list, QByteArrayView token);

    /// "HTTP/1.1 <status> <reason>" with Content-Type (when not empty), Content-Length,
    /// Connection: close, then the body.
    static QByteArray response(int status, QByteArrayView contentType, QByteArrayView body);
    /// Same, with extra raw header lines and "Connection: keep-alive" when `keepAlive`.
    static QByteArray response(int status, QByteArrayView contentType, QByteArrayView body,
        bool keepAlive, QByteArrayView headers);
    /// The 101 answer to a WebSocket upgrade with Sec-WebSocket-Key `key`.
    static QByteArray upgradeResponse(QByteArrayView key);
    /// base64(SHA-1(key + RFC 6455 GUID)).
    static QByteArray webSocketAccept(QByteArrayView key);
    static QByteArrayView reasonPhrase(int status);
};

} // namespace SmartSocket::Transport
