#pragma once

// Raw DEFLATE (RFC 1951, no zlib header or checksum) of whole Engine.IO messages, for the
// SmartSocket "deflate" extension. Each message is compressed on its own (no shared window
// between messages), so a broadcast compresses once for every target. The z_streams are kept
// and reset between messages: deflateInit2 allocates ~256 KiB, far too much per message.

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace SmartSocket::Features {

class Deflater
{
public:
    Deflater();
    ~Deflater();
    Deflater(const Deflater &) = delete;
    Deflater &operator=(const Deflater &) = delete;

    /// Compresses `input` at `level` (1-9, clamped), appending to `out`. False only on an
    /// internal zlib error (out is then unchanged).
    bool compress(QByteArrayView input, int level, QByteArray &out);

private:
    struct Stream;
    std::unique_ptr<Stream> m_stream;
};

class Inflater
{
public:
    enum class Result { Ok, TooBig, Corrupt };

    Inflater();
    ~Inflater();
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;

    /// Inflates one complete raw-DEFLATE message into `out` (replaced). Stops with TooBig as
    /// soon as the output would exceed `maxOutput` bytes (a decompression bomb never
    /// allocates more than that), Corrupt for invalid or truncated data.
    Result inflate(QByteArrayView input, qint64 maxOutput, QByteArray &out);

private:
    struct Stream;
    std::unique_ptr<Stream> m_stream;
};

} // namespace SmartSocket::Features
