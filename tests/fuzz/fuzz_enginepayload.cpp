// libFuzzer target for the Engine.IO long-polling payload codec (0x1e-separated packets,
// binary as 'b' + base64): what decodes re-encodes to a payload that decodes the same.

#include "protocol/enginepayload.h"

#include <cstdint>
#include <cstdlib>

using SmartSocket::Protocol::EnginePayload;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    QList<EnginePayload::Packet> packets;
    QByteArray error;
    if (!EnginePayload::decode(input, &packets, &error)) {
        if (error.isEmpty())
            abort();
        return 0;
    }
    if (packets.isEmpty())
        abort();
    QByteArray encoded;
    for (const auto &packet : std::as_const(packets)) {
        if (packet.binary)
            EnginePayload::appendBinary(encoded, packet.data);
        else
            EnginePayload::appendText(encoded, packet.data);
    }
    QList<EnginePayload::Packet> again;
    if (!EnginePayload::decode(encoded, &again, &error) || again.size() != packets.size())
        abort();
    for (qsizetype i = 0; i < packets.size(); ++i) {
        if (again[i].binary != packets[i].binary || again[i].data != packets[i].data)
            abort();
    }
    return 0;
}
