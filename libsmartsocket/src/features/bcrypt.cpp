#include "bcrypt.h"

#include <crypt.h>

#include <cstring>
#include <memory>

namespace SmartSocket::Internal::Bcrypt {

static bool isBcryptAlphabet(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
        || c == '/';
}

int cost(const QByteArray &hash)
{
    // "$2b$10$" + 22 characters of salt + 31 of digest
    if (hash.size() != 60 || hash.at(0) != '$' || hash.at(1) != '2' || hash.at(3) != '$'
        || hash.at(6) != '$')
        return -1;
    const char variant = hash.at(2);
    if (variant != 'a' && variant != 'b' && variant != 'y')
        return -1;
    if (hash.at(4) < '0' || hash.at(4) > '9' || hash.at(5) < '0' || hash.at(5) > '9')
        return -1;
    const int rounds = (hash.at(4) - '0') * 10 + (hash.at(5) - '0');
    if (rounds < 4 || rounds > 31)
        return -1;
    for (qsizetype i = 7; i < hash.size(); ++i) {
        if (!isBcryptAlphabet(hash.at(i)))
            return -1;
    }
    return rounds;
}

bool isValidHash(const QByteArray &hash)
{
    return cost(hash) >= 0;
}

bool verify(const QByteArray &password, const QByteArray &hash)
{
    // bcrypt reads a C string: a password with a NUL could match a shorter one. bcryptjs
    // would hash the bytes after it too; refusing is the safe reading.
    if (!isValidHash(hash) || password.contains('\0'))
        return false;
    // crypt_data is ~32 KiB: on the heap, not on a worker thread's stack.
    auto data = std::make_unique<crypt_data>();
    std::memset(data.get(), 0, sizeof(crypt_data));
    const char *result = crypt_r(password.constData(), hash.constData(), data.get());
    // libxcrypt returns a "*0"/"*1" failure token rather than null for a bad setting.
    if (!result || result[0] != '$' || std::strlen(result) != size_t(hash.size()))
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < hash.size(); ++i)
        diff |= static_cast<unsigned char>(result[i] ^ hash.at(i));
    return diff == 0;
}

} // namespace SmartSocket::Internal::Bcrypt
