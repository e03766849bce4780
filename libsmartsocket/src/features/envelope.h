#pragma once

// The SmartSocket extension envelope: how Engine.IO messages travel on a connection that
// negotiated "deflate" and/or "aes256gcm" (see docs/extensions.md).
//
// Every extended frame is a WebSocket binary frame: one header byte, then the body.
//   header bit 0 (0x01)  the inner Engine.IO message is binary (an attachment), else text
//   header bit 1 (0x02)  the body is raw DEFLATE of the message
//   header bit 2 (0x04)  the body is AES-256-GCM ciphertext + tag (of the possibly
//                        compressed message); the header byte is authenticated
//   other bits           must be 0 (a frame with one set is refused)
// Once any extension is granted, every binary frame carries the header byte. A text message
// that is neither compressed nor encrypted still goes as a plain text frame. Order: compress,
// then encrypt. Pings, pongs and close packets stay plain text frames (they carry nothing).

#include "features/compression.h"
#include "features/encryption.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace SmartSocket::Features {

namespace HeaderFlag {
constexpr quint8 Binary = 0x01;
constexpr quint8 Compressed = 0x02;
constexpr quint8 Encrypted = 0x04;
constexpr quint8 Known = Binary | Compressed | Encrypted;
} // namespace HeaderFlag

/// What was granted on one connection; also the wire names of the negotiation.
struct Extensions
{
    bool deflate = false;
    bool aes256gcm = false;
    bool any() const { return deflate || aes256gcm; }

    /// The client's handshake query value, e.g. "deflate,aes256gcm" (empty for none).
    QByteArray offer() const;
    /// Parses the query value; unknown names are ignored.
    static Extensions fromOffer(QByteArrayView value);
    /// The server's open-packet field value (JSON object), e.g.
    /// {"deflate":{"threshold":1024},"aes256gcm":true}.
    QByteArray grantJson(int threshold) const;
    /// Parses the "ssx" member of an open packet's JSON (absent: nothing granted).
    static Extensions fromOpenPacket(QByteArrayView openJson);
};

/// Byte counters of the compression of one connection (or of a whole server).
struct CompressionCounters
{
    quint64 messagesOut = 0; ///< messages sent compressed
    quint64 bytesOutBefore = 0; ///< their size before compression
    quint64 bytesOutAfter = 0; ///< their size on the wire (body, before encryption)
    quint64 messagesIn = 0;
    quint64 bytesInBefore = 0; ///< compressed size received
    quint64 bytesInAfter = 0; ///< inflated size
    void add(const CompressionCounters &o);
};

/// An outgoing message after the shared part of the work (compression), before the
/// per-connection part (encryption). A broadcast prepares once and finishes per target.
struct PreparedMessage
{
    quint8 flags = 0; ///< Binary and/or Compressed
    qsizetype rawSize = 0;
    QByteArray body; ///< the message, or its DEFLATE

    /// Compresses when `compress` and the message is larger than `threshold` bytes and
    /// DEFLATE makes it smaller.
    static void prepare(QByteArrayView message, bool binary, bool compress, int threshold,
        int level, Deflater &deflater, PreparedMessage &out);
};

/// The per-connection state of the envelope: granted extensions, the two GCM channels and
/// counters. Pure: no I/O.
class Envelope
{
public:
    enum class Error {
        None,
        Malformed, ///< empty frame, unknown header bits, a flag not negotiated
        DecryptionFailed, ///< wrong key, tampered, replayed, reordered or reflected
        TooBig, ///< inflated size over the limit (decompression bomb)
        Corrupt, ///< invalid DEFLATE data
        Plaintext, ///< an unencrypted message on a connection that negotiated encryption
        InvalidUtf8, ///< an inner text message that is not valid UTF-8
    };
    static QString errorString(Error error);

    /// `local` is the role of this end (ClientToServer for a client: its outgoing direction).
    /// `sharedKey` (32 bytes) is needed only with aes256gcm. `globalCounters`, when given,
    /// is updated alongside this connection's counters.
    Envelope(Extensions granted, Direction outgoing, QByteArrayView sid, QByteArrayView sharedKey,
        CompressionCounters *globalCounters = nullptr);
    ~Envelope();

    bool isValid() const { return m_valid; }
    const Extensions &extensions() const { return m_ext; }
    const CompressionCounters &counters() const { return m_counters; }

    /// Finishes a prepared message into the frame payload to send. `*binaryFrame` false
    /// means "send `wire` as a text frame" (a plain text message). False on an internal
    /// error (encryption failed); the connection must then be closed.
    bool finish(const PreparedMessage &message, QByteArray &wire, bool *binaryFrame);
    /// prepare + finish.
    bool wrap(QByteArrayView message, bool binary, int threshold, int level, Deflater &deflater,
        QByteArray &wire, bool *binaryFrame);

    /// A plain frame payload (no header) that may be forwarded as is when not encrypting:
    /// the shared frame of a compression-only broadcast target.
    static QByteArray unencryptedFrame(const PreparedMessage &message);
    void countSent(const PreparedMessage &message);

    /// Checks a received text frame: Error::Plaintext for an Engine.IO message ('4') when
    /// encryption was negotiated, None otherwise.
    Error checkText(QByteArrayView frame) const;
    /// Opens a received binary frame into the inner Engine.IO message. An inner text message
    /// is checked for UTF-8 as a WebSocket text frame would be.
    Error unwrap(QByteArrayView frame, qint64 maxMessage, Inflater &inflater, QByteArray &message,
        bool *binary);

private:
    Error openFrame(QByteArrayView frame, qint64 maxMessage, Inflater &inflater,
        QByteArray &message, bool *binary);
    QByteArray aad(quint8 header) const;

    Extensions m_ext;
    bool m_valid = true;
    QByteArray m_sid;
    GcmChannel m_seal;
    GcmChannel m_open;
    QByteArray m_scratch;
    CompressionCounters m_counters;
    CompressionCounters *m_global = nullptr;
};

} // namespace SmartSocket::Features
