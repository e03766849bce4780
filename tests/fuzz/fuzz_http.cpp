// libFuzzer target for the HTTP request head parser and header lookup.

#include "transport/httprequestparser.h"

#include <cstdint>
#include <cstdlib>

using SmartSocket::Transport::HttpRequest;
using SmartSocket::Transport::HttpRequestParser;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    HttpRequest request;
    const auto result = HttpRequestParser::parse(input, &request, 1024);
    if (result.status == HttpRequestParser::Status::Complete) {
        if (result.consumed > input.size() || request.head.size() + 4 != result.consumed
            || request.head.size() > 1024)
            abort();
        if (!request.target.startsWith(request.path))
            abort();
        // Lookups on whatever the head holds.
        request.header("Host");
        request.header("sec-websocket-key");
        if (request.isWebSocketUpgrade)
            HttpRequestParser::upgradeResponse(request.header("Sec-WebSocket-Key"));
        // A head is complete in any longer buffer too, with the same length.
        const QByteArray longer = input.toByteArray() + "trailing";
        HttpRequest again;
        const auto r2 = HttpRequestParser::parse(longer, &again, 1024);
        if (r2.status != HttpRequestParser::Status::Complete || r2.consumed != result.consumed)
            abort();
    }
    HttpRequestParser::hasToken(input, "upgrade");
    HttpRequestParser::headerValue(input, "Connection");
    return 0;
}
