#pragma once

// Server-side RFC 6455 framing: parses the complete frames of a buffer (unmasking them in
// place), joins fragments, validates, and writes unmasked server frames. No I/O, no Qt event
// loop: the I/O core feeds it straight from its read buffer, the fuzz target from raw bytes.

#include <QByteArray>
#include <QByteArrayView>

namespace SmartSocket::Transport {

class WsFrameParser
{
public:
    enum Opcode : quint8 {
        Continuation = 0x0,
        Text = 0x1,
        Binary = 0x2,
        Close = 0x8,
        Ping = 0x9,
        Pong = 0xA,
    };

    enum CloseCode : quint16 {
        CloseNormal = 1000,
        CloseGoingAway = 1001,
        CloseProtocolError = 1002,
        CloseNoStatus = 1005, ///< never on the wire: a close frame without a body
        CloseInvalidPayload = 1007,
        CloseTooBig = 1009,
    };

    /// Receives what parse() finds. A callback returns false when the connection went away
    /// during it: parse() then stops at once and touches nothing more.
    class Handler
    {
    public:
        virtual ~Handler() = default;
        /// A complete message (fragments joined); valid only during the call.
        virtual bool onMessage(QByteArrayView payload, bool binary) = 0;
        virtual bool onPing(QByteArrayView payload) = 0;
        virtual bool onPong(QByteArrayView payload)
        {
            Q_UNUSED(payload);
            return true;
        }
        /// A valid close frame; parse() stops after it. `code` is CloseNoStatus when the
        /// frame had no body.
        virtual void onClose(quint16 code, QByteArrayView reason) = 0;
    };

    struct Result
    {
        /// Bytes of complete frames handled; what follows is the start of a frame.
        qsizetype consumed = 0;
        /// Total size (header + payload) of the incomplete frame at `consumed` once its
        /// header is complete, so the caller can size its buffer; 0 when unknown.
        qint64 needed = 0;
        /// Non-zero: the peer broke the protocol; close the connection with this code.
        quint16 errorCode = 0;
        /// A close frame was seen or a callback returned false.
        bool stopped = false;
        const char *errorString = nullptr;
    };

    /// Parses every complete frame in `data`, unmasking payloads in place. Header errors
    /// (and a message over `maxMessageSize`, 0 = no limit) are reported as soon as the header
    /// bytes are there, before any of the payload arrives.
    Result parse(char *data, qsizetype size, qint64 maxMessageSize, Handler &handler);

    /// True while a fragmented message is being assembled.
    bool isFragmented() const { return m_fragmentOpcode != 0; }
    /// Drops a partly assembled message and its buffer.
    void reset();

    static bool isValidCloseCode(quint16 code);
    static qsizetype headerSize(qint64 payloadSize);
    /// Appends one unmasked, final server frame.
    static void appendFrame(QByteArray &out, quint8 opcode, QByteArrayView payload);
    /// Close frame body: code (big endian) + reason cut to fit a control frame. CloseNoStatus
    /// (or 0) gives an empty body.
    static QByteArray closePayload(quint16 code, QByteArrayView reason);
    static void unmask(char *data, qint64 size, const uchar mask[4]);

private:
    QByteArray m_fragments;
    quint8 m_fragmentOpcode = 0; ///< Text or Binary while a fragmented message is open
};

} // namespace SmartSocket::Transport
