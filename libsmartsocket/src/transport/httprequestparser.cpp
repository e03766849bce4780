#include "httprequestparser.h"

#include <QCryptographicHash>

namespace SmartSocket::Transport {

namespace {

constexpr QByteArrayView kCrLf("\r\n");
constexpr QByteArrayView kEndOfHead("\r\n\r\n");

// RFC 9110 tchar
bool isTokenChar(uchar c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(QByteArrayView s)
{
    if (s.isEmpty())
        return false;
    for (char c : s) {
        if (!isTokenChar(uchar(c)))
            return false;
    }
    return true;
}

QByteArrayView trimmed(QByteArrayView s)
{
    while (!s.isEmpty() && (s.front() == ' ' || s.front() == '\t'))
        s = s.sliced(1);
    while (!s.isEmpty() && (s.back() == ' ' || s.back() == '\t'))
        s.chop(1);
    return s;
}

bool equalsIgnoreCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && a.compare(b, Qt::CaseInsensitive) == 0;
}

struct RequestLine
{
    QByteArrayView method;
    QByteArrayView target;
    QByteArrayView version;
};

bool parseRequestLine(QByteArrayView line, RequestLine *out)
{
    const qsizetype sp1 = line.indexOf(' ');
    if (sp1 <= 0)
        return false;
    const qsizetype sp2 = line.indexOf(' ', sp1 + 1);
    if (sp2 < 0 || sp2 == sp1 + 1)
        return false;
    out->method = line.first(sp1);
    out->target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    out->version = line.sliced(sp2 + 1);
    if (!isToken(out->method))
        return false;
    for (char c : out->target) {
        if (uchar(c) <= 0x20 || uchar(c) == 0x7F)
            return false;
    }
    return out->version == "HTTP/1.1" || out->version == "HTTP/1.0";
}

bool isValidHeaderLine(QByteArrayView line)
{
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0 || !isToken(line.first(colon)))
        return false; // also catches obsolete line folding (leading whitespace)
    for (char c : line.sliced(colon + 1)) {
        const uchar u = uchar(c);
        if ((u < 0x20 && u != '\t') || u == 0x7F)
            return false;
    }
    return true;
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    return HttpRequestParser::headerValue(head, name);
}

HttpRequestParser::Result HttpRequestParser::parse(
    QByteArrayView data, HttpRequest *request, qsizetype maxHeadSize)
{
    Result result;
    const qsizetype end = data.indexOf(kEndOfHead);
    if (end < 0) {
        // Reject garbage (a TLS hello, a binary probe) on its first line, not after 8 KiB.
        const qsizetype lineEnd = data.indexOf(kCrLf);
        RequestLine line;
        if (lineEnd >= 0 && !parseRequestLine(data.first(lineEnd), &line))
            result.status = Status::Malformed;
        else if (data.size() >= maxHeadSize + kEndOfHead.size())
            result.status = Status::TooLarge;
        return result;
    }
    if (end > maxHeadSize) {
        result.status = Status::TooLarge;
        return result;
    }

    const QByteArrayView head = data.first(end);
    const qsizetype lineEnd = head.indexOf(kCrLf);
    const QByteArrayView requestLine = lineEnd < 0 ? head : head.first(lineEnd);
    RequestLine line;
    if (!parseRequestLine(requestLine, &line)) {
        result.status = Status::Malformed;
        return result;
    }
    if (lineEnd >= 0) {
        qsizetype pos = lineEnd + 2;
        while (pos <= head.size()) {
            qsizetype next = head.indexOf(kCrLf, pos);
            if (next < 0)
                next = head.size();
            if (!isValidHeaderLine(head.sliced(pos, next - pos))) {
                result.status = Status::Malformed;
                return result;
            }
            pos = next + 2;
        }
    }

    request->method = line.method.toByteArray();
    request->target = line.target.toByteArray();
    const qsizetype question = line.target.indexOf('?');
    request->path = question < 0 ? request->target : line.target.first(question).toByteArray();
    request->query = question < 0 ? QByteArray() : line.target.sliced(question + 1).toByteArray();
    request->head = head.toByteArray();

    bool upgrade = line.method == "GET" && line.version == "HTTP/1.1"
        && hasToken(headerValue(head, "Upgrade"), "websocket")
        && hasToken(headerValue(head, "Connection"), "upgrade")
        && headerValue(head, "Sec-WebSocket-Version") == "13";
    if (upgrade) {
        const QByteArray key = headerValue(head, "Sec-WebSocket-Key");
        const auto decoded
            = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
        upgrade = key.size() == 24 && decoded && decoded.decoded.size() == 16;
    }
    request->isWebSocketUpgrade = upgrade;
    const QByteArray connection = headerValue(head, "Connection");
    request->keepAlive = line.version == "HTTP/1.1" ? !hasToken(connection, "close")
                                                    : hasToken(connection, "keep-alive");

    result.status = Status::Complete;
    result.consumed = end + kEndOfHead.size();
    return result;
}

QByteArray HttpRequestParser::headerValue(QByteArrayView head, QByteArrayView name)
{
    QByteArray value;
    bool found = false;
    qsizetype pos = head.indexOf(kCrLf); // skip the request line
    while (pos >= 0 && pos < head.size()) {
        pos += 2;
        qsizetype next = head.indexOf(kCrLf, pos);
        const QByteArrayView line = head.sliced(pos, (next < 0 ? head.size() : next) - pos);
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && equalsIgnoreCase(line.first(colon), name)) {
            if (found)
                value.append(", ");
            value.append(trimmed(line.sliced(colon + 1)));
            found = true;
        }
        pos = next;
    }
    return value;
}

bool HttpRequestParser::hasToken(QByteArrayView list, QByteArrayView token)
{
    while (!list.isEmpty()) {
        const qsizetype comma = list.indexOf(',');
        const QByteArrayView item = trimmed(comma < 0 ? list : list.first(comma));
        if (equalsIgnoreCase(item, token))
            return true;
        if (comma < 0)
            break;
        list = list.sliced(comma + 1);
    }
    return false;
}

QByteArrayView HttpRequestParser::reasonPhrase(int status)
{
    switch (status) {
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 426:
        return "Upgrade Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return status >= 500 ? "Error" : status >= 400 ? "Client Error" : "Unknown";
    }
}

QByteArray HttpRequestParser::response(int status, QByteArrayView contentType, QByteArrayView body)
{
    return response(status, contentType, body, false, {});
}

QByteArray HttpRequestParser::response(int status, QByteArrayView contentType, QByteArrayView body,
    bool keepAlive, QByteArrayView headers)
{
    QByteArray out;
    out.reserve(128 + body.size());
    out.append("HTTP/1.1 ");
    out.append(QByteArray::number(status));
    out.append(' ');
    out.append(reasonPhrase(status));
    out.append("\r\n");
    if (!contentType.isEmpty()) {
        out.append("Content-Type: ");
        out.append(contentType);
        out.append("\r\n");
    }
    out.append("Content-Length: ");
    out.append(QByteArray::number(body.size()));
    out.append("\r\n");
    out.append(headers);
    out.append(keepAlive ? "Connection: keep-alive\r\n\r\n" : "Connection: close\r\n\r\n");
    out.append(body);
    return out;
}

namespace {

// A chunk-size line: hex digits, optional extensions; the value, or -1 when malformed.
qint64 chunkSize(QByteArrayView line)
{
    const qsizetype semicolon = line.indexOf(';');
    const QByteArrayView digits = trimmed(semicolon < 0 ? line : line.first(semicolon));
    if (digits.isEmpty() || digits.size() > 15)
        return -1;
    qint64 value = 0;
    for (char c : digits) {
        int v;
        if (c >= '0' && c <= '9')
            v = c - '0';
        else if (c >= 'a' && c <= 'f')
            v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F')
            v = c - 'A' + 10;
        else
            return -1;
        value = value * 16 + v;
    }
    return value;
}

constexpr qsizetype kMaxChunkLine = 1024;

} // namespace

HttpRequestParser::BodyResult HttpRequestParser::parseBody(
    QByteArrayView data, HttpRequest *request, qint64 maxBodySize)
{
    BodyResult result;
    const QByteArray transferEncoding = headerValue(request->head, "Transfer-Encoding");
    const QByteArray contentLength = headerValue(request->head, "Content-Length");
    if (!transferEncoding.isEmpty()) {
        // Only "chunked" (alone) is understood; with a Content-Length too, the request is
        // ambiguous (request smuggling): refused.
        if (!equalsIgnoreCase(trimmed(transferEncoding), "chunked") || !contentLength.isEmpty()) {
            result.status = Status::Malformed;
            return result;
        }
        QByteArray body;
        qsizetype pos = 0;
        while (true) {
            const qsizetype lineEnd = data.indexOf(kCrLf, pos);
            if (lineEnd < 0) {
                if (data.size() - pos > kMaxChunkLine)
                    result.status = Status::Malformed;
                return result; // Incomplete
            }
            const qint64 size = chunkSize(data.sliced(pos, lineEnd - pos));
            if (size < 0) {
                result.status = Status::Malformed;
                return result;
            }
            if (maxBodySize > 0 && body.size() + size > maxBodySize) {
                result.status = Status::TooLarge;
                return result;
            }
            pos = lineEnd + 2;
            if (size == 0) {
                // Trailers, up to an empty line.
                while (true) {
                    const qsizetype end = data.indexOf(kCrLf, pos);
                    if (end < 0) {
                        if (data.size() - pos > kMaxChunkLine)
                            result.status = Status::Malformed;
                        return result;
                    }
                    if (end == pos) {
                        request->body = std::move(body);
                        result.status = Status::Complete;
                        result.consumed = end + 2;
                        return result;
                    }
                    pos = end + 2;
                }
            }
            if (data.size() - pos < size + 2) {
                result.needed = 0;
                return result;
            }
            if (data.sliced(pos + qsizetype(size), 2) != kCrLf) {
                result.status = Status::Malformed;
                return result;
            }
            body.append(data.sliced(pos, qsizetype(size)));
            pos += qsizetype(size) + 2;
        }
    }
    qint64 length = 0;
    if (!contentLength.isEmpty()) {
        const QByteArrayView digits = trimmed(contentLength);
        if (digits.isEmpty() || digits.size() > 15) {
            result.status = Status::Malformed;
            return result;
        }
        for (char c : digits) {
            if (c < '0' || c > '9') { // also refuses "5, 6" (repeated, differing headers)
                result.status = Status::Malformed;
                return result;
            }
            length = length * 10 + (c - '0');
        }
    }
    if (maxBodySize > 0 && length > maxBodySize) {
        result.status = Status::TooLarge;
        return result;
    }
    result.needed = length;
    if (data.size() < length)
        return result; // Incomplete
    request->body = data.first(qsizetype(length)).toByteArray();
    result.status = Status::Complete;
    result.consumed = qsizetype(length);
    return result;
}

QByteArray HttpRequestParser::webSocketAccept(QByteArrayView key)
{
    QCryptographicHash sha1(QCryptographicHash::Sha1);
    sha1.addData(key);
    sha1.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return sha1.result().toBase64();
}

QByteArray HttpRequestParser::upgradeResponse(QByteArrayView key)
{
    QByteArray out;
    out.reserve(160);
    out.append("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Accept: ");
    out.append(webSocketAccept(key));
    out.append("\r\n\r\n");
    return out;
}

} // namespace SmartSocket::Transport
