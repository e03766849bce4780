#include "enginepayload.h"

namespace SmartSocket::Protocol {

void EnginePayload::appendText(QByteArray &payload, QByteArrayView packet)
{
    if (!payload.isEmpty())
        payload.append(Separator);
    payload.append(packet);
}

void EnginePayload::appendBinary(QByteArray &payload, QByteArrayView bytes)
{
    if (!payload.isEmpty())
        payload.append(Separator);
    payload.append('b');
    payload.append(QByteArray::fromRawData(bytes.data(), bytes.size()).toBase64());
}

bool EnginePayload::decode(QByteArrayView payload, QList<Packet> *packets, QByteArray *error)
{
    packets->clear();
    if (payload.isEmpty()) {
        *error = "empty payload";
        return false;
    }
    while (true) {
        const qsizetype end = payload.indexOf(Separator);
        const QByteArrayView item = end < 0 ? payload : payload.first(end);
        if (item.isEmpty()) {
            *error = "empty packet in payload";
            return false;
        }
        Packet packet;
        if (item.front() == 'b') {
            auto decoded = QByteArray::fromBase64Encoding(
                item.sliced(1).toByteArray(), QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded) {
                *error = "invalid base64 in binary packet";
                return false;
            }
            packet.data = std::move(decoded.decoded);
            packet.binary = true;
        } else {
            packet.data = item.toByteArray();
        }
        packets->append(std::move(packet));
        if (end < 0)
            return true;
        payload = payload.sliced(end + 1);
    }
}

} // namespace SmartSocket::Protocol
