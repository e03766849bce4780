// Slow senders: a WebSocket frame header announces its size long before the payload arrives.
// A server that reserves what the header announces can be made to hold gigabytes of address
// space by peers that announce large frames and trickle (and, with a peer that keeps
// trickling, to make it resident). Measured from outside: the process' VmSize and VmRSS
// (/proc/self/status) while 300 raw connections each announce a 900 kB text frame and send a
// few bytes of it; then the frames are finished and every message must arrive intact.
#include <smartsocket/smartsocket.h>

#include <QFile>
#include <QtTest>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <vector>

using namespace SmartSocket;

namespace {

constexpr int kConnections = 300;
constexpr qsizetype kFrameSize = 900 * 1000; // under the default maxPayload (1 000 000)
constexpr qsizetype kTrickle = 32;
constexpr int kTrickles = 3;
const uchar kMask[4] = { 0x37, 0xfa, 0x21, 0x3d };

// A field of /proc/self/status in KiB ("VmSize", "VmRSS"); -1 when unavailable.
qint64 statusKiB(const char *field)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

bool sanitized()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
    return true;
#else
    return false;
#endif
#else
    return false;
#endif
}

// The string argument every peer sends: a pattern, so that lost, repeated or reordered bytes
// show.
QByteArray patternText(qsizetype size)
{
    QByteArray text(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        text[i] = char('a' + (i * 7 + i / 26) % 26);
    return text;
}

// Header of a masked client frame (FIN + opcode) for `size` payload bytes.
QByteArray frameHeader(quint8 opcode, quint64 size)
{
    QByteArray header;
    header.append(char(0x80 | opcode));
    if (size < 126) {
        header.append(char(0x80 | size));
    } else if (size <= 0xFFFF) {
        header.append(char(0x80 | 126));
        header.append(char(size >> 8));
        header.append(char(size & 0xFF));
    } else {
        header.append(char(0x80 | 127));
        for (int i = 7; i >= 0; --i)
            header.append(char((size >> (8 * i)) & 0xFF));
    }
    header.append(reinterpret_cast<const char *>(kMask), 4);
    return header;
}

QByteArray masked(QByteArray payload)
{
    for (qsizetype i = 0; i < payload.size(); ++i)
        payload[i] = char(payload[i] ^ kMask[i & 3]);
    return payload;
}

// A raw TCP peer on a non-blocking socket; the server runs in this thread, so waiting means
// running the event loop.
struct RawPeer
{
    int fd = -1;
    QByteArray in;

    ~RawPeer()
    {
        if (fd >= 0)
            ::close(fd);
    }
    bool open(quint16 port)
    {
        fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0)
            return false;
        return ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) == 0;
    }
    void pump()
    {
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
            if (n <= 0)
                return;
            in.append(buffer, n);
        }
    }
    bool sendAll(QByteArrayView data)
    {
        QDeadlineTimer deadline(20000);
        while (!data.isEmpty()) {
            const ssize_t n
                = ::send(fd, data.data(), size_t(data.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
            if (n > 0) {
                data = data.sliced(n);
            } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
                if (deadline.hasExpired())
                    return false;
                QTest::qWait(1); // let the server read
            } else {
                return false;
            }
        }
        return true;
    }
};

} // namespace

class tst_SlowSender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void announcedFramesReserveNothing()
    {
        if (statusKiB("VmSize") < 0)
            QSKIP("no /proc/self/status");
        Server server;
        const QByteArray text = patternText(kFrameSize - 64);
        const QString expected = QString::fromLatin1(text);
        std::vector<char> intact(kConnections, 0);
        int delivered = 0;
        server.on(QStringLiteral("big"), [&](Socket *, const QVariantList &args) {
            const int i = args.value(0).toString().mid(1).toInt();
            if (i >= 0 && i < kConnections)
                intact[size_t(i)] = args.value(1).toString() == expected ? 1 : 2;
            ++delivered;
        });
        QVERIFY(server.listen());

        // Real Engine.IO WebSocket sessions, connected to the namespace.
        std::vector<RawPeer> peers(kConnections);
        const QByteArray upgrade
            = "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
              "Host: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              "Sec-WebSocket-Version: 13\r\n\r\n";
        for (RawPeer &peer : peers) {
            QVERIFY(peer.open(server.port()));
            QVERIFY(peer.sendAll(upgrade));
        }
        const auto allSaw = [&peers](const QByteArray &what) {
            int n = 0;
            for (RawPeer &peer : peers) {
                peer.pump();
                n += peer.in.contains(what);
            }
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(allSaw("0{\"sid\""), kConnections, 20000);
        const QByteArray connect = frameHeader(0x1, 2) + masked("40");
        for (RawPeer &peer : peers)
            QVERIFY(peer.sendAll(connect));
        QTRY_COMPARE_WITH_TIMEOUT(allSaw("40{\"sid\""), kConnections, 20000);
        QCOMPARE(server.connectionStats().total, kConnections);

        // Each peer announces one 900 kB text frame and sends it a few bytes at a time. The
        // frames differ only in the peer's number (fixed width, same offset, same mask): one
        // masked frame, its first bytes patched per peer.
        const QByteArray prefix = "42[\"big\",\"p";
        QByteArray payload = prefix + "000\",\"";
        payload += text.left(kFrameSize - payload.size() - 2);
        payload += "\"]";
        const QByteArray frame = frameHeader(0x1, quint64(payload.size())) + masked(payload);
        const qsizetype digits = frame.size() - payload.size() + prefix.size();
        const auto frameStart = [&](int i) {
            QByteArray start = frame.left(256);
            const QByteArray number = QByteArray::number(i).rightJustified(3, '0');
            for (int k = 0; k < 3; ++k) {
                const qsizetype at = digits + k;
                start[at] = char(number[k] ^ kMask[(prefix.size() + k) & 3]);
            }
            return start;
        };
        const qint64 sizeBefore = statusKiB("VmSize");
        const qint64 rssBefore = statusKiB("VmRSS");
        const quint64 inBefore = server.connectionStats().bytesIn;
        qsizetype sent = 0;
        for (int step = 0; step < kTrickles; ++step) {
            // The header goes with the first bytes; every step is a read of its own.
            const qsizetype upTo = 14 + kTrickle * (step + 1);
            for (int i = 0; i < kConnections; ++i)
                QVERIFY(peers[size_t(i)].sendAll(
                    QByteArrayView(frameStart(i)).sliced(sent, upTo - sent)));
            sent = upTo;
            const quint64 expectedIn = inBefore + quint64(kConnections) * quint64(sent);
            QTRY_VERIFY_WITH_TIMEOUT(server.connectionStats().bytesIn >= expectedIn, 20000);
        }
        const qint64 sizeGrowth = statusKiB("VmSize") - sizeBefore;
        const qint64 rssGrowth = statusKiB("VmRSS") - rssBefore;
        qInfo("%d connections, %lld bytes announced each, %lld received each: VmSize %+lld KiB, "
              "VmRSS %+lld KiB",
            kConnections, qint64(kFrameSize), qint64(sent - 14), sizeGrowth, rssGrowth);
        // Reserving the announced frames costs 300 x 900 kB = 257 MiB.
        QVERIFY2(sizeGrowth < 32 * 1024, qPrintable(QString::number(sizeGrowth)));
        QVERIFY2(rssGrowth < 8 * 1024, qPrintable(QString::number(rssGrowth)));
        QCOMPARE(delivered, 0);

        // Finished one at a time: every message arrives, byte for byte, and a finished
        // message's buffer is given back (300 kept would be 300 x 1 MiB).
        for (int i = 0; i < kConnections; ++i) {
            QVERIFY(peers[size_t(i)].sendAll(QByteArrayView(frame).sliced(sent)));
            QTRY_COMPARE_WITH_TIMEOUT(delivered, i + 1, 20000);
            QVERIFY2(intact[size_t(i)] == 1, qPrintable(QStringLiteral("message %1").arg(i)));
        }
        QCOMPARE(server.connectionStats().total, kConnections);
        const qint64 sizeAfter = statusKiB("VmSize") - sizeBefore;
        qInfo("after %d complete messages: VmSize %+lld KiB", kConnections, sizeAfter);
        // Sanitizers keep freed memory in quarantine; only a plain build measures this.
        if (!sanitized())
            QVERIFY2(sizeAfter < 64 * 1024, qPrintable(QString::number(sizeAfter)));
    }
};

QTEST_MAIN(tst_SlowSender)
#include "tst_slowsender.moc"
