// libFuzzer target for the Socket.IO decoder (and, through its oracle, the encoder).
//
// Input: frames separated by 0x1e (the polling record separator). The first byte of a frame
// chooses what it is: 'b' = a binary attachment (the rest of the frame), anything else = a
// text packet (the rest of the frame, i.e. the Engine.IO message without its '4').
//
// Oracles beyond "no crash": an error always has a message; every decoded packet, encoded
// again, decodes again, and the second encoding equals the first byte for byte.

#include "protocol/socketio.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>

using namespace SmartSocket::Protocol;

namespace {

[[noreturn]] void die(const char *what, const QByteArray &detail)
{
    std::fprintf(stderr, "%s\n%s\n", what, detail.constData());
    std::abort();
}

void checkRoundTrip(const Packet &packet)
{
    if (packet.nsp.isEmpty() || packet.nsp.at(0) != u'/')
        die("decoded namespace does not start with '/'", packet.nsp.toUtf8());

    QByteArray first;
    QList<QByteArray> firstAttachments;
    Encoder::encode(packet, first, firstAttachments);

    Decoder decoder;
    // Re-encoding turns each reference to an attachment into its own attachment.
    decoder.setMaxAttachments(std::numeric_limits<int>::max());
    Decoder::Status status = decoder.decodeText(first);
    for (const QByteArray &a : std::as_const(firstAttachments)) {
        if (status != Decoder::Status::NeedAttachment)
            break;
        status = decoder.addAttachment(a);
    }
    if (status != Decoder::Status::Packet)
        die("re-encoded packet does not decode", first + '\n' + decoder.errorString().toUtf8());
    const Packet again = decoder.takePacket();

    QByteArray second;
    QList<QByteArray> secondAttachments;
    Encoder::encode(again, second, secondAttachments);
    if (first != second || firstAttachments != secondAttachments)
        die("encoding is not stable", first + '\n' + second);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *const input = reinterpret_cast<const char *>(data);
    Decoder decoder;
    size_t start = 0;
    for (;;) {
        size_t stop = start;
        while (stop < size && input[stop] != '\x1e')
            ++stop;
        const char *frame = input + start;
        const qsizetype length = qsizetype(stop - start);
        Decoder::Status status;
        if (length > 0 && frame[0] == 'b') {
            status = decoder.addAttachment(QByteArray(frame + 1, length - 1));
        } else {
            const qsizetype skip = length > 0 ? 1 : 0;
            status = decoder.decodeText(QByteArrayView(frame + skip, length - skip));
        }
        switch (status) {
        case Decoder::Status::Error:
            if (decoder.errorString().isEmpty() || decoder.isAwaitingAttachments())
                die("error without message, or still awaiting attachments", QByteArray());
            decoder.reset();
            break;
        case Decoder::Status::Packet:
            checkRoundTrip(decoder.takePacket());
            break;
        case Decoder::Status::NeedAttachment:
            if (!decoder.isAwaitingAttachments())
                die("NeedAttachment but not awaiting", QByteArray());
            break;
        }
        if (stop >= size)
            break;
        start = stop + 1;
    }
    return 0;
}
