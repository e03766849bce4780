// libFuzzer target for HTTP request bodies (Content-Length and chunked), as the long-polling
// POSTs use them: a request head, then HttpRequestParser::parseBody on what follows.

#include "transport/httprequestparser.h"

#include <cstdint>
#include <cstdlib>

using SmartSocket::Transport::HttpRequest;
using SmartSocket::Transport::HttpRequestParser;
using Status = HttpRequestParser::Status;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    constexpr qint64 kMaxBody = 4096;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    HttpRequest request;
    const auto head = HttpRequestParser::parse(input, &request, 1024);
    if (head.status != Status::Complete)
        return 0;
    const QByteArrayView rest = input.sliced(head.consumed);
    HttpRequest withBody = request;
    const auto body = HttpRequestParser::parseBody(rest, &withBody, kMaxBody);
    if (body.status == Status::Complete) {
        if (body.consumed > rest.size() || withBody.body.size() > kMaxBody)
            abort();
        // The same body is found in a longer buffer (the next pipelined request after it).
        const QByteArray longer = rest.toByteArray() + "GET / HTTP/1.1\r\n\r\n";
        HttpRequest again = request;
        const auto r2 = HttpRequestParser::parseBody(longer, &again, kMaxBody);
        if (r2.status != Status::Complete || r2.consumed != body.consumed
            || again.body != withBody.body)
            abort();
        // Every strict prefix is incomplete or already refused, never complete with a
        // different body (checked at one cut, chosen by the input).
        if (body.consumed > 0) {
            const qsizetype cut = qsizetype(size) % body.consumed;
            HttpRequest partial = request;
            const auto r3 = HttpRequestParser::parseBody(rest.first(cut), &partial, kMaxBody);
            if (r3.status == Status::Complete
                && partial.body
                    != withBody.body.first(qMin(partial.body.size(), withBody.body.size())))
                abort();
        }
    } else if (body.status == Status::Incomplete) {
        if (body.needed > kMaxBody)
            abort(); // an over-limit Content-Length must be refused at once
    }
    return 0;
}
