// smartsocket-floor-echo: the floor of the benchmarks. A plain epoll WebSocket echo server:
// no Qt, no Engine.IO or Socket.IO, its own RFC 6455 server side (handshake with SHA-1 and
// base64, unmasking), every message echoed back as one unmasked frame. Per wakeup: one read
// per ready socket, every complete frame processed, one write per socket written to. It is the
// least a WebSocket echo can cost on this machine. Loopback only.

#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string>
#include <string_view>
#include <sys/epoll.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

namespace {

// ---- SHA-1 (FIPS 180-4), only for the 60-byte handshake input -----------------------------
class Sha1
{
public:
    void add(const void *data, std::size_t size)
    {
        const auto *p = static_cast<const std::uint8_t *>(data);
        for (std::size_t i = 0; i < size; ++i) {
            block_[used_++] = p[i];
            if (used_ == 64) {
                compress();
                used_ = 0;
            }
        }
        length_ += size;
    }
    void finish(std::uint8_t digest[20])
    {
        const std::uint64_t bits = length_ * 8;
        const std::uint8_t pad = 0x80;
        add(&pad, 1);
        const std::uint8_t zero = 0;
        while (used_ != 56)
            add(&zero, 1);
        std::uint8_t len[8];
        for (int i = 0; i < 8; ++i)
            len[i] = std::uint8_t(bits >> (56 - 8 * i));
        add(len, 8);
        for (int i = 0; i < 5; ++i)
            for (int b = 0; b < 4; ++b)
                digest[4 * i + b] = std::uint8_t(h_[i] >> (24 - 8 * b));
    }

private:
    static std::uint32_t rol(std::uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
    void compress()
    {
        std::uint32_t w[80];
        for (int i = 0; i < 16; ++i)
            w[i] = std::uint32_t(block_[4 * i]) << 24 | std::uint32_t(block_[4 * i + 1]) << 16
                | std::uint32_t(block_[4 * i + 2]) << 8 | std::uint32_t(block_[4 * i + 3]);
        for (int i = 16; i < 80; ++i)
            w[i] = rol(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
        std::uint32_t a = h_[0], b = h_[1], c = h_[2], d = h_[3], e = h_[4];
        for (int i = 0; i < 80; ++i) {
            std::uint32_t f, k;
            if (i < 20) {
                f = (b & c) | (~b & d);
                k = 0x5A827999;
            } else if (i < 40) {
                f = b ^ c ^ d;
                k = 0x6ED9EBA1;
            } else if (i < 60) {
                f = (b & c) | (b & d) | (c & d);
                k = 0x8F1BBCDC;
            } else {
                f = b ^ c ^ d;
                k = 0xCA62C1D6;
            }
            const std::uint32_t t = rol(a, 5) + f + e + k + w[i];
            e = d;
            d = c;
            c = rol(b, 30);
            b = a;
            a = t;
        }
        h_[0] += a;
        h_[1] += b;
        h_[2] += c;
        h_[3] += d;
        h_[4] += e;
    }
    std::uint32_t h_[5] = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };
    std::uint8_t block_[64] = {};
    std::size_t used_ = 0;
    std::uint64_t length_ = 0;
};

std::string base64(const std::uint8_t *data, std::size_t size)
{
    static const char alphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < size; i += 3) {
        const std::uint32_t n = std::uint32_t(data[i]) << 16
            | (i + 1 < size ? std::uint32_t(data[i + 1]) << 8 : 0)
            | (i + 2 < size ? std::uint32_t(data[i + 2]) : 0);
        out += alphabet[(n >> 18) & 63];
        out += alphabet[(n >> 12) & 63];
        out += i + 1 < size ? alphabet[(n >> 6) & 63] : '=';
        out += i + 2 < size ? alphabet[n & 63] : '=';
    }
    return out;
}

std::string acceptKey(std::string_view key)
{
    static constexpr std::string_view guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    Sha1 sha;
    sha.add(key.data(), key.size());
    sha.add(guid.data(), guid.size());
    std::uint8_t digest[20];
    sha.finish(digest);
    return base64(digest, 20);
}

// ---- the server ---------------------------------------------------------------------------
constexpr std::size_t kScratch = 64 * 1024;
constexpr std::size_t kMaxHead = 8 * 1024;
constexpr std::uint64_t kMaxFrame = 16 * 1024 * 1024;
constexpr int kMaxEvents = 256;

enum class State : std::uint8_t { Free, Http, Open, Closing };

struct Conn
{
    State state = State::Free;
    bool dirty = false;
    bool waitOut = false;
    bool closeAfterFlush = false;
    std::uint32_t outPos = 0;
    std::vector<char> in;
    std::vector<char> out;
};

class Server
{
public:
    bool listen(const char *host, int port);
    int run();
    int port() const { return port_; }

private:
    void accept();
    void read(int fd);
    std::size_t parse(int fd, const char *data, std::size_t size);
    bool handshake(int fd, std::string_view head);
    void queueFrame(int fd, std::uint8_t opcode, const char *payload, std::size_t size,
        const std::uint8_t *mask);
    void markDirty(int fd);
    void flush();
    void drop(int fd);

    int epollFd_ = -1, listenFd_ = -1, signalFd_ = -1, port_ = 0;
    std::vector<Conn> conns_; // indexed by fd
    std::vector<int> dirty_;
    std::vector<char> scratch_ = std::vector<char>(kScratch);
};

bool Server::listen(const char *host, int port)
{
    in_addr address {};
    if (inet_pton(AF_INET, host, &address) != 1 || (ntohl(address.s_addr) >> 24) != 127) {
        std::fprintf(stderr, "smartsocket-floor-echo: --host must be a 127.x.x.x address\n");
        return false;
    }
    listenFd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int one = 1;
    setsockopt(listenFd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in sa {};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(std::uint16_t(port));
    sa.sin_addr = address;
    if (::bind(listenFd_, reinterpret_cast<sockaddr *>(&sa), sizeof sa) != 0
        || ::listen(listenFd_, 4096) != 0) {
        std::perror("smartsocket-floor-echo: listen");
        return false;
    }
    socklen_t len = sizeof sa;
    getsockname(listenFd_, reinterpret_cast<sockaddr *>(&sa), &len);
    port_ = ntohs(sa.sin_port);

    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, SIGTERM);
    sigaddset(&mask, SIGINT);
    sigprocmask(SIG_BLOCK, &mask, nullptr);
    signalFd_ = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC);

    epollFd_ = epoll_create1(EPOLL_CLOEXEC);
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.fd = listenFd_;
    epoll_ctl(epollFd_, EPOLL_CTL_ADD, listenFd_, &ev);
    ev.data.fd = signalFd_;
    epoll_ctl(epollFd_, EPOLL_CTL_ADD, signalFd_, &ev);
    return epollFd_ >= 0 && signalFd_ >= 0;
}

int Server::run()
{
    epoll_event events[kMaxEvents];
    for (;;) {
        const int n = epoll_wait(epollFd_, events, kMaxEvents, -1);
        if (n < 0 && errno != EINTR) {
            std::perror("smartsocket-floor-echo: epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; ++i) {
            const int fd = events[i].data.fd;
            if (fd == signalFd_)
                return 0;
            if (fd == listenFd_) {
                accept();
                continue;
            }
            if (std::size_t(fd) >= conns_.size() || conns_[std::size_t(fd)].state == State::Free)
                continue;
            if (events[i].events & EPOLLOUT) {
                Conn &c = conns_[std::size_t(fd)];
                c.waitOut = false;
                epoll_event ev {};
                ev.events = EPOLLIN;
                ev.data.fd = fd;
                epoll_ctl(epollFd_, EPOLL_CTL_MOD, fd, &ev);
                markDirty(fd);
            }
            if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR))
                read(fd);
        }
        flush();
    }
}

void Server::accept()
{
    for (int k = 0; k < 256; ++k) {
        const int fd = accept4(listenFd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0)
            return; // EAGAIN, or out of fds: try again on the next wakeup
        const int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (std::size_t(fd) >= conns_.size())
            conns_.resize(std::size_t(fd) + 1024);
        Conn &c = conns_[std::size_t(fd)];
        c = Conn();
        c.state = State::Http;
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        epoll_ctl(epollFd_, EPOLL_CTL_ADD, fd, &ev);
    }
}

void Server::drop(int fd)
{
    Conn &c = conns_[std::size_t(fd)];
    ::close(fd);
    c = Conn();
}

void Server::read(int fd)
{
    Conn &c = conns_[std::size_t(fd)];
    const ssize_t n = ::recv(fd, scratch_.data(), scratch_.size(), 0);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        drop(fd);
        return;
    }
    if (n < 0)
        return;
    if (c.state == State::Closing)
        return; // waiting for the peer's EOF
    if (c.in.empty()) {
        const std::size_t used = parse(fd, scratch_.data(), std::size_t(n));
        if (c.state != State::Free && used < std::size_t(n))
            c.in.assign(scratch_.data() + used, scratch_.data() + n);
        return;
    }
    c.in.insert(c.in.end(), scratch_.data(), scratch_.data() + n);
    const std::size_t used = parse(fd, c.in.data(), c.in.size());
    if (c.state != State::Free)
        c.in.erase(c.in.begin(), c.in.begin() + std::ptrdiff_t(used));
}

bool Server::handshake(int fd, std::string_view head)
{
    // Case-insensitive search for the key header.
    static constexpr std::string_view name = "sec-websocket-key:";
    std::size_t at = std::string_view::npos;
    for (std::size_t i = 0; i + name.size() <= head.size(); ++i) {
        std::size_t k = 0;
        while (k < name.size() && std::tolower(static_cast<unsigned char>(head[i + k])) == name[k])
            ++k;
        if (k == name.size()) {
            at = i + k;
            break;
        }
    }
    if (at == std::string_view::npos)
        return false;
    while (at < head.size() && (head[at] == ' ' || head[at] == '\t'))
        ++at;
    std::size_t end = at;
    while (end < head.size() && head[end] != '\r' && head[end] != ' ')
        ++end;
    const std::string response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                                 "Connection: Upgrade\r\nSec-WebSocket-Accept: "
        + acceptKey(head.substr(at, end - at)) + "\r\n\r\n";
    Conn &c = conns_[std::size_t(fd)];
    c.out.insert(c.out.end(), response.begin(), response.end());
    markDirty(fd);
    return true;
}

std::size_t Server::parse(int fd, const char *data, std::size_t size)
{
    Conn &c = conns_[std::size_t(fd)];
    std::size_t pos = 0;
    if (c.state == State::Http) {
        const std::string_view view(data, size);
        const auto end = view.find("\r\n\r\n");
        if (end == std::string_view::npos) {
            if (size > kMaxHead)
                drop(fd);
            return 0;
        }
        if (!handshake(fd, view.substr(0, end))) {
            static constexpr std::string_view bad
                = "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            c.out.insert(c.out.end(), bad.begin(), bad.end());
            c.closeAfterFlush = true;
            c.state = State::Closing;
            markDirty(fd);
            return size;
        }
        c.state = State::Open;
        pos = end + 4;
    }
    while (c.state == State::Open && size - pos >= 2) {
        const auto *p = reinterpret_cast<const std::uint8_t *>(data + pos);
        const bool fin = p[0] & 0x80;
        const std::uint8_t opcode = p[0] & 0x0F;
        const bool masked = p[1] & 0x80;
        std::uint64_t length = p[1] & 0x7F;
        std::size_t header = 2;
        if (length == 126) {
            if (size - pos < 4)
                break;
            length = std::uint64_t(p[2]) << 8 | p[3];
            header = 4;
        } else if (length == 127) {
            if (size - pos < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = length << 8 | p[2 + i];
            header = 10;
        }
        if (!masked || length > kMaxFrame || !fin || opcode == 0) {
            // Unmasked, too big or fragmented: not what the load generator sends. Close (1002).
            static const std::uint8_t code[2] = { 0x03, 0xEA };
            queueFrame(fd, 8, reinterpret_cast<const char *>(code), 2, nullptr);
            c.closeAfterFlush = true;
            c.state = State::Closing;
            return size;
        }
        if (size - pos < header + 4 + length)
            break;
        const std::uint8_t *mask = p + header;
        const char *payload = data + pos + header + 4;
        pos += header + 4 + std::size_t(length);
        switch (opcode) {
        case 1:
        case 2:
            queueFrame(fd, opcode, payload, std::size_t(length), mask);
            break;
        case 8:
            queueFrame(fd, 8, payload, std::size_t(length) < 2 ? 0 : 2, mask);
            c.closeAfterFlush = true;
            c.state = State::Closing;
            return size;
        case 9:
            queueFrame(fd, 10, payload, std::size_t(length), mask);
            break;
        default:
            break; // pong and reserved opcodes: ignored
        }
    }
    return pos;
}

// Appends one unmasked frame; the payload is unmasked on the way when `mask` is given.
void Server::queueFrame(
    int fd, std::uint8_t opcode, const char *payload, std::size_t size, const std::uint8_t *mask)
{
    Conn &c = conns_[std::size_t(fd)];
    std::uint8_t header[10];
    std::size_t h = 0;
    header[h++] = std::uint8_t(0x80 | opcode);
    if (size < 126) {
        header[h++] = std::uint8_t(size);
    } else if (size <= 0xFFFF) {
        header[h++] = 126;
        header[h++] = std::uint8_t(size >> 8);
        header[h++] = std::uint8_t(size);
    } else {
        header[h++] = 127;
        for (int shift = 56; shift >= 0; shift -= 8)
            header[h++] = std::uint8_t(std::uint64_t(size) >> shift);
    }
    const std::size_t start = c.out.size();
    c.out.resize(start + h + size);
    char *dst = c.out.data() + start;
    std::memcpy(dst, header, h);
    dst += h;
    if (mask) {
        for (std::size_t i = 0; i < size; ++i)
            dst[i] = char(static_cast<std::uint8_t>(payload[i]) ^ mask[i & 3]);
    } else {
        std::memcpy(dst, payload, size);
    }
    markDirty(fd);
}

void Server::markDirty(int fd)
{
    Conn &c = conns_[std::size_t(fd)];
    if (!c.dirty) {
        c.dirty = true;
        dirty_.push_back(fd);
    }
}

void Server::flush()
{
    for (const int fd : dirty_) {
        Conn &c = conns_[std::size_t(fd)];
        c.dirty = false;
        if (c.state == State::Free || c.waitOut)
            continue;
        const std::size_t pending = c.out.size() - c.outPos;
        if (pending > 0) {
            const ssize_t n = ::send(fd, c.out.data() + c.outPos, pending, MSG_NOSIGNAL);
            if (n < 0 && errno != EAGAIN) {
                drop(fd);
                continue;
            }
            if (n >= 0 && std::size_t(n) == pending) {
                c.out.clear();
                c.outPos = 0;
            } else {
                if (n > 0)
                    c.outPos += std::uint32_t(n);
                c.waitOut = true;
                epoll_event ev {};
                ev.events = EPOLLIN | EPOLLOUT;
                ev.data.fd = fd;
                epoll_ctl(epollFd_, EPOLL_CTL_MOD, fd, &ev);
                continue;
            }
        }
        if (c.closeAfterFlush)
            shutdown(fd, SHUT_WR); // the peer's EOF then frees it
    }
    dirty_.clear();
}

} // namespace

int main(int argc, char *argv[])
{
    const char *host = "127.0.0.1";
    int port = 3001;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--port" || arg == "--host") && i + 1 < argc) {
            if (arg == "--port")
                port = std::atoi(argv[++i]);
            else
                host = argv[++i];
        } else if (arg == "-h" || arg == "--help") {
            std::puts(
                "Usage: smartsocket-floor-echo [--port P (3001; 0 = any)] [--host 127.x.x.x]\n"
                "A plain epoll WebSocket echo server: the benchmarks' floor.");
            return 0;
        } else {
            std::fprintf(stderr, "smartsocket-floor-echo: unknown argument %s\n", argv[i]);
            return 2;
        }
    }
    if (port < 0 || port > 65535) {
        std::fprintf(stderr, "smartsocket-floor-echo: bad --port\n");
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    Server server;
    if (!server.listen(host, port))
        return 1;
    std::printf("listening on %d\n", server.port());
    std::fflush(stdout);
    return server.run();
}
