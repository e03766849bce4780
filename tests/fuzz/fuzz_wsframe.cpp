// libFuzzer target for the server-side RFC 6455 frame parser: the input, parsed in one go and
// again fed in small chunks the way the I/O core feeds it, must give the same messages and
// the same verdict, and never crash.

#include "protocol/utf8.h"
#include "transport/wsframeparser.h"

#include <QByteArray>
#include <QList>

#include <cstdint>
#include <cstdlib>

using SmartSocket::Transport::WsFrameParser;

namespace {

struct Recorder : WsFrameParser::Handler
{
    QList<QByteArray> events;
    bool onMessage(QByteArrayView payload, bool binary) override
    {
        if (!binary && !SmartSocket::Protocol::isValidUtf8(payload))
            abort(); // text messages reach the handler only when valid
        events.append((binary ? "B" : "T") + payload.toByteArray());
        return true;
    }
    bool onPing(QByteArrayView payload) override
    {
        if (payload.size() > 125)
            abort();
        events.append("i" + payload.toByteArray());
        return true;
    }
    bool onPong(QByteArrayView payload) override
    {
        events.append("o" + payload.toByteArray());
        return true;
    }
    void onClose(quint16 code, QByteArrayView reason) override
    {
        events.append("c" + QByteArray::number(code) + reason.toByteArray());
    }
};

struct Outcome
{
    QList<QByteArray> events;
    quint16 error = 0;
    bool stopped = false;
};

Outcome whole(QByteArray input, qint64 maxSize)
{
    Outcome out;
    WsFrameParser parser;
    Recorder recorder;
    const auto r = parser.parse(input.data(), input.size(), maxSize, recorder);
    if (r.consumed > input.size() || (r.needed && r.needed <= input.size() - r.consumed))
        abort();
    out.events = recorder.events;
    out.error = r.errorCode;
    out.stopped = r.stopped;
    return out;
}

Outcome chunked(const QByteArray &input, qint64 maxSize, qsizetype chunk)
{
    Outcome out;
    WsFrameParser parser;
    Recorder recorder;
    QByteArray pending; // still masked: parse() only unmasks complete frames
    for (qsizetype pos = 0; pos < input.size(); pos += chunk) {
        pending.append(input.mid(pos, chunk));
        const auto r = parser.parse(pending.data(), pending.size(), maxSize, recorder);
        if (r.consumed > pending.size() || (r.needed && r.needed <= pending.size() - r.consumed))
            abort();
        if (r.errorCode || r.stopped) {
            out.error = r.errorCode;
            out.stopped = r.stopped;
            break;
        }
        pending.remove(0, r.consumed);
    }
    out.events = recorder.events;
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    // First byte: message size limit and chunk size; the rest is the byte stream.
    const quint8 control = data[0];
    const qint64 maxSize = (control & 0x0F) == 0 ? 0 : qint64(1) << (control & 0x0F);
    const qsizetype chunk = 1 + (control >> 4) * 5;
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));

    const Outcome a = whole(input, maxSize);
    const Outcome b = chunked(input, maxSize, chunk);
    if (a.events != b.events || a.error != b.error || a.stopped != b.stopped)
        abort();
    return 0;
}
