#include "utf8.h"

#include <cstring>

namespace SmartSocket::Protocol {

namespace {

inline bool isContinuationByte(uchar c)
{
    return (c & 0xC0) == 0x80;
}

} // namespace

bool isValidUtf8(QByteArrayView data)
{
    auto s = reinterpret_cast<const uchar *>(data.data());
    const uchar *const end = s + data.size();
    while (s < end) {
        // Text is mostly ASCII: test eight bytes at once.
        if (end - s >= 8) {
            quint64 word;
            std::memcpy(&word, s, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                s += 8;
                continue;
            }
        }
        const uchar c = *s;
        if (c < 0x80) {
            ++s;
        } else if (c < 0xC2) { // stray continuation byte, or overlong two-byte form
            return false;
        } else if (c < 0xE0) {
            if (end - s < 2 || !isContinuationByte(s[1]))
                return false;
            s += 2;
        } else if (c < 0xF0) {
            if (end - s < 3 || !isContinuationByte(s[1]) || !isContinuationByte(s[2]))
                return false;
            if (c == 0xE0 && s[1] < 0xA0) // overlong
                return false;
            if (c == 0xED && s[1] > 0x9F) // UTF-16 surrogates
                return false;
            s += 3;
        } else if (c < 0xF5) {
            if (end - s < 4 || !isContinuationByte(s[1]) || !isContinuationByte(s[2])
                || !isContinuationByte(s[3]))
                return false;
            if (c == 0xF0 && s[1] < 0x90) // overlong
                return false;
            if (c == 0xF4 && s[1] > 0x8F) // above U+10FFFF
                return false;
            s += 4;
        } else {
            return false;
        }
    }
    return true;
}

} // namespace SmartSocket::Protocol
