// libFuzzer target for the JSON reader and writer.
//
// Oracles beyond "no crash": parse -> write -> parse must succeed, and writing the second
// parse gives the same bytes (the writer's output is a fixed point: shortest doubles read
// back exactly, lone surrogates survive as \uXXXX, keys stay sorted).

#include "protocol/json.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace SmartSocket::Protocol;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));
    QVariant value;
    QString error;
    if (!Json::parse(input, value, &error)) {
        if (error.isEmpty() || value.isValid())
            std::abort();
        return 0;
    }
    QByteArray first;
    Json::write(value, first);

    QVariant again;
    if (!Json::parse(first, again, &error)) {
        std::fprintf(
            stderr, "writer output does not parse: %s\n%s\n", first.constData(), qPrintable(error));
        std::abort();
    }
    QByteArray second;
    Json::write(again, second);
    if (first != second) {
        std::fprintf(stderr, "not a fixed point:\n%s\n%s\n", first.constData(), second.constData());
        std::abort();
    }
    return 0;
}
