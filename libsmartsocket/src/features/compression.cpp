#include "compression.h"

#include <zlib.h>

#include <algorithm>

namespace SmartSocket::Features {

namespace {
constexpr int kWindowBits = -15; // raw DEFLATE, 32 KiB window
constexpr int kMemLevel = 8;
} // namespace

struct Deflater::Stream
{
    z_stream z {};
    int level = -1; // level the stream was initialised with; -1 = not initialised
    ~Stream()
    {
        if (level >= 0)
            deflateEnd(&z);
    }
};

Deflater::Deflater() : m_stream(std::make_unique<Stream>()) { }
Deflater::~Deflater() = default;

bool Deflater::compress(QByteArrayView input, int level, QByteArray &out)
{
    level = std::clamp(level, 1, 9);
    Stream &s = *m_stream;
    if (s.level != level) {
        if (s.level >= 0) {
            deflateEnd(&s.z);
            s.level = -1;
        }
        s.z = z_stream {};
        if (deflateInit2(&s.z, level, Z_DEFLATED, kWindowBits, kMemLevel, Z_DEFAULT_STRATEGY)
            != Z_OK)
            return false;
        s.level = level;
    } else if (deflateReset(&s.z) != Z_OK) {
        return false;
    }
    const qsizetype start = out.size();
    const uLong bound = deflateBound(&s.z, uLong(input.size()));
    out.resize(start + qsizetype(bound));
    s.z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    s.z.avail_in = uInt(input.size());
    s.z.next_out = reinterpret_cast<Bytef *>(out.data() + start);
    s.z.avail_out = uInt(bound);
    const int rc = ::deflate(&s.z, Z_FINISH);
    if (rc != Z_STREAM_END) {
        out.resize(start);
        return false;
    }
    out.resize(start + qsizetype(bound - s.z.avail_out));
    return true;
}

struct Inflater::Stream
{
    z_stream z {};
    bool ready = false;
    ~Stream()
    {
        if (ready)
            inflateEnd(&z);
    }
};

Inflater::Inflater() : m_stream(std::make_unique<Stream>()) { }
Inflater::~Inflater() = default;

Inflater::Result Inflater::inflate(QByteArrayView input, qint64 maxOutput, QByteArray &out)
{
    Stream &s = *m_stream;
    if (!s.ready) {
        s.z = z_stream {};
        if (inflateInit2(&s.z, kWindowBits) != Z_OK)
            return Result::Corrupt;
        s.ready = true;
    } else if (inflateReset(&s.z) != Z_OK) {
        return Result::Corrupt;
    }
    out.resize(0);
    // Grow the output geometrically, never past maxOutput + 1 (one byte more tells "too big").
    const qint64 limit = std::max<qint64>(maxOutput, 0) + 1;
    qint64 capacity = std::min<qint64>(limit, std::max<qint64>(4 * input.size(), 1024));
    out.resize(qsizetype(capacity));
    s.z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.data()));
    s.z.avail_in = uInt(input.size());
    qint64 produced = 0;
    for (;;) {
        s.z.next_out = reinterpret_cast<Bytef *>(out.data() + produced);
        s.z.avail_out = uInt(capacity - produced);
        const int rc = ::inflate(&s.z, Z_NO_FLUSH);
        produced = capacity - qint64(s.z.avail_out);
        if (produced > maxOutput) {
            out.resize(0);
            return Result::TooBig;
        }
        if (rc == Z_STREAM_END) {
            if (s.z.avail_in != 0) { // trailing bytes after the final block
                out.resize(0);
                return Result::Corrupt;
            }
            out.resize(qsizetype(produced));
            return Result::Ok;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) {
            out.resize(0);
            return Result::Corrupt;
        }
        if (s.z.avail_out == 0) {
            capacity = std::min<qint64>(limit, capacity * 2);
            out.resize(qsizetype(capacity));
            continue;
        }
        // Output space left but no progress: the input ended before the final block.
        out.resize(0);
        return Result::Corrupt;
    }
}

} // namespace SmartSocket::Features
