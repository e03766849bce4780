#pragma once

// Engine.IO v4 HTTP long-polling payloads: packets joined with the record separator 0x1e;
// a binary packet travels as 'b' followed by its base64. Pure Qt::Core.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace SmartSocket::Protocol {

class EnginePayload
{
public:
    static constexpr char Separator = '\x1e';

    struct Packet
    {
        QByteArray data; ///< a text packet (type digit + data), or the raw binary bytes
        bool binary = false;
    };

    /// Appends one text packet (type digit + data) to `payload`.
    static void appendText(QByteArray &payload, QByteArrayView packet);
    /// Appends one binary packet as 'b' + base64.
    static void appendBinary(QByteArray &payload, QByteArrayView bytes);

    /// Splits a payload into its packets. False (and `error` set) on an empty packet or bad
    /// base64: the whole payload is refused, as engine.io-parser does.
    static bool decode(QByteArrayView payload, QList<Packet> *packets, QByteArray *error);
};

} // namespace SmartSocket::Protocol
