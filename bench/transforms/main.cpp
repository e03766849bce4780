// smartsocket-bench-transforms: cost of the compression and encryption extensions per message.
// Reports the DEFLATE ratio and microseconds per KiB for compress / inflate and for
// AES-256-GCM seal / open of 1 KiB and 16 KiB JSON-like messages, plus key set-up time
// (HKDF + two GCM contexts, i.e. what a new encrypted connection pays).
#include "features/compression.h"
#include "features/encryption.h"
#include "features/envelope.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>
#include <vector>

using namespace SmartSocket::Features;

namespace {

QByteArray message(qsizetype size)
{
    // 42["sync",{...}] with repetitive keys and varying values, like real application data.
    QByteArray out("42[\"sync\",{\"items\":[");
    QRandomGenerator rng(1);
    int i = 0;
    while (out.size() < size - 80) {
        out += "{\"id\":" + QByteArray::number(i) + ",\"name\":\"Item " + QByteArray::number(i)
            + "\",\"price\":" + QByteArray::number(rng.bounded(100000)) + ",\"ok\":true},";
        ++i;
    }
    out.chop(1);
    out += "]}]";
    while (out.size() < size)
        out += ' ';
    return out;
}

template<typename F> double usPerCall(int iterations, F &&f)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < iterations; ++i)
        f();
    return double(timer.nsecsElapsed()) / 1000.0 / iterations;
}

} // namespace

int main()
{
    const QByteArray key(32, 'k');
    std::printf("%-8s %-8s %10s %12s %12s %12s %12s\n", "size", "level", "ratio", "deflate",
        "inflate", "gcm seal", "gcm open");
    std::printf("%-8s %-8s %10s %12s %12s %12s %12s\n", "", "", "(out/in)", "us/KiB", "us/KiB",
        "us/KiB", "us/KiB");
    for (const qsizetype size : { qsizetype(1024), qsizetype(16 * 1024) }) {
        const QByteArray msg = message(size);
        const double kib = double(msg.size()) / 1024.0;
        for (const int level : { 1, 6, 9 }) {
            Deflater deflater;
            Inflater inflater;
            QByteArray compressed;
            deflater.compress(msg, level, compressed);
            QByteArray out;
            const int n = size > 4096 ? 2000 : 20000;
            const double d = usPerCall(n, [&] {
                compressed.resize(0);
                deflater.compress(msg, level, compressed);
            });
            const double inf = usPerCall(n, [&] { inflater.inflate(compressed, 1 << 24, out); });
            GcmChannel seal;
            GcmChannel open;
            seal.init(key, Direction::ServerToClient, true);
            open.init(key, Direction::ServerToClient, false);
            std::vector<QByteArray> frames(static_cast<size_t>(n));
            const double s = usPerCall(n, [&, i = 0]() mutable {
                frames[size_t(i)].resize(0);
                seal.seal("aad", msg, frames[size_t(i++)]);
            });
            const double o = usPerCall(
                n, [&, i = 0]() mutable { open.open("aad", frames[size_t(i++)], out); });
            std::printf("%-8lld %-8d %10.3f %12.2f %12.2f %12.2f %12.2f\n", qint64(msg.size()),
                level, double(compressed.size()) / msg.size(), d / kib, inf / kib, s / kib,
                o / kib);
        }
    }
    const double setup = usPerCall(2000, [&] {
        Envelope envelope(
            Extensions { false, true }, Direction::ServerToClient, "lv_VI97HAXpY6yYWAAAC", key);
    });
    std::printf("key set-up per connection (HKDF x2 + 2 GCM contexts): %.2f us\n", setup);
    return 0;
}
