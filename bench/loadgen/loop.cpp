#include "loop.h"

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

namespace bench {

namespace {

constexpr std::size_t kScratchSize = 256 * 1024;
constexpr std::size_t kMaxHead = 16 * 1024;
constexpr std::uint64_t kMaxFrame = 64ull * 1024 * 1024;
constexpr int kMaxEvents = 512;

// A fixed key is fine here: the server cannot tell, and every client may send the same one.
constexpr std::string_view kUpgradeKey = "c21hcnRzb2NrZXRiZW5jaA==";

void appendMasked(
    std::vector<char> &out, std::string_view part, const unsigned char *mask, std::size_t *maskPos)
{
    const std::size_t start = out.size();
    out.resize(start + part.size());
    char *dst = out.data() + start;
    std::size_t m = *maskPos;
    for (std::size_t i = 0; i < part.size(); ++i, ++m)
        dst[i] = char(static_cast<unsigned char>(part[i]) ^ mask[m & 3]);
    *maskPos = m;
}

} // namespace

std::int64_t monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return std::int64_t(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

bool parseTarget(const std::string &url, Protocol protocol, Target *target, std::string *error)
{
    std::string rest = url;
    for (const char *scheme : { "ws://", "http://" }) {
        if (rest.rfind(scheme, 0) == 0) {
            rest = rest.substr(std::strlen(scheme));
            break;
        }
    }
    if (rest.find("://") != std::string::npos) {
        *error = "unsupported URL scheme (ws:// or http:// only): " + url;
        return false;
    }
    std::string path;
    const auto slash = rest.find('/');
    if (slash != std::string::npos) {
        path = rest.substr(slash);
        rest = rest.substr(0, slash);
    }
    const auto colon = rest.rfind(':');
    if (colon == std::string::npos) {
        *error = "URL needs a port: " + url;
        return false;
    }
    std::string host = rest.substr(0, colon);
    const int port = std::atoi(rest.c_str() + colon + 1);
    if (host == "localhost")
        host = "127.0.0.1";
    in_addr address {};
    if (port <= 0 || port > 65535 || inet_pton(AF_INET, host.c_str(), &address) != 1) {
        *error = "bad host or port (an IPv4 address and a port): " + url;
        return false;
    }
    if ((ntohl(address.s_addr) >> 24) != 127) {
        *error = "refusing a non-loopback address (127.0.0.0/8 only): " + host;
        return false;
    }
    target->address.sin_family = AF_INET;
    target->address.sin_port = htons(std::uint16_t(port));
    target->address.sin_addr = address;
    target->host = rest;
    if (protocol == Protocol::SocketIo) {
        if (path.empty() || path == "/")
            path = "/socket.io/";
        path += path.find('?') == std::string::npos ? "?" : "&";
        path += "EIO=4&transport=websocket";
    } else if (path.empty()) {
        path = "/";
    }
    target->path = path;
    return true;
}

Loop::Loop(Handler *handler, Protocol protocol, const Target &target, std::string nsp,
    std::uint32_t capacity, int sourceAddresses)
    : handler_(handler)
    , protocol_(protocol)
    , target_(target)
    , nsp_(nsp.empty() ? std::string("/") : std::move(nsp))
    , sources_(sourceAddresses < 1 ? 1 : (sourceAddresses > 250 ? 250 : sourceAddresses))
    , conns_(capacity)
    , scratch_(kScratchSize)
{
    request_ = "GET " + target_.path + " HTTP/1.1\r\nHost: " + target_.host
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
        + std::string(kUpgradeKey) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
    if (nsp_ != "/")
        nspPrefix_ = nsp_ + ",";
    nspConnect_ = "40" + nspPrefix_;
    dirty_.reserve(capacity);
    epollFd_ = epoll_create1(EPOLL_CLOEXEC);
}

Loop::~Loop()
{
    for (std::uint32_t i = 0; i < conns_.size(); ++i) {
        if (conns_[i].fd >= 0)
            ::close(conns_[i].fd);
    }
    if (epollFd_ >= 0)
        ::close(epollFd_);
}

bool Loop::open(std::uint32_t index, const char **why)
{
    Conn &c = conns_[index];
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *why = errno == EMFILE ? "socket: EMFILE" : "socket failed";
        return false;
    }
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (sources_ > 1) {
        // Spread over 127.0.0.1 .. 127.0.0.N: each source address has its own ephemeral
        // port range towards the server. The port is picked at connect() time.
        setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &one, sizeof one);
        sockaddr_in source {};
        source.sin_family = AF_INET;
        source.sin_addr.s_addr
            = htonl((127u << 24) | (1u + nextSource_++ % std::uint32_t(sources_)));
        if (::bind(fd, reinterpret_cast<sockaddr *>(&source), sizeof source) != 0) {
            ::close(fd);
            *why = "bind to a source address failed";
            return false;
        }
    }
    const int rc = ::connect(
        fd, reinterpret_cast<const sockaddr *>(&target_.address), sizeof target_.address);
    if (rc != 0 && errno != EINPROGRESS) {
        const int err = errno;
        ::close(fd);
        *why = err == EADDRNOTAVAIL ? "connect: EADDRNOTAVAIL (ephemeral ports)"
            : err == ECONNREFUSED   ? "connect: ECONNREFUSED"
                                    : "connect failed";
        return false;
    }
    epoll_event ev {};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u32 = index;
    if (epoll_ctl(epollFd_, EPOLL_CTL_ADD, fd, &ev) != 0) {
        ::close(fd);
        *why = "epoll_ctl failed";
        return false;
    }
    c.fd = fd;
    ++c.generation;
    c.state = ConnState::Connecting;
    c.dirty = false;
    c.waitOut = false;
    c.outPos = 0;
    c.in.clear();
    c.out.clear();
    c.startedNs = monotonicNs();
    return true;
}

void Loop::close(std::uint32_t index)
{
    Conn &c = conns_[index];
    if (c.state == ConnState::Free)
        return;
    ::close(c.fd); // also leaves the epoll set
    c.fd = -1;
    c.state = ConnState::Free;
    c.outPos = 0;
    // An idle connection keeps no buffers: release them.
    std::vector<char>().swap(c.in);
    std::vector<char>().swap(c.out);
}

void Loop::disconnect(std::uint32_t index)
{
    Conn &c = conns_[index];
    if (c.state == ConnState::Free || c.state == ConnState::Closing)
        return;
    if (protocol_ == Protocol::SocketIo && c.state == ConnState::Ready)
        queueFrame(index, 1, { "41", nspPrefix_ });
    static const char closeBody[2] = { char(0x03), char(0xE8) }; // 1000
    queueFrame(index, 8, { std::string_view(closeBody, 2) });
    c.state = ConnState::Closing;
}

void Loop::fail(std::uint32_t index, const char *why)
{
    close(index);
    handler_->onClosed(index, why);
}

void Loop::queueFrame(
    std::uint32_t index, std::uint8_t opcode, std::initializer_list<std::string_view> parts)
{
    Conn &c = conns_[index];
    std::size_t length = 0;
    for (const auto &p : parts)
        length += p.size();
    // xorshift32: a different mask key per frame, as RFC 6455 asks, at no cost.
    std::uint32_t x = maskState_;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    maskState_ = x;
    unsigned char header[14];
    std::size_t h = 0;
    header[h++] = std::uint8_t(0x80 | opcode);
    if (length < 126) {
        header[h++] = std::uint8_t(0x80 | length);
    } else if (length <= 0xFFFF) {
        header[h++] = 0x80 | 126;
        header[h++] = std::uint8_t(length >> 8);
        header[h++] = std::uint8_t(length);
    } else {
        header[h++] = 0x80 | 127;
        for (int shift = 56; shift >= 0; shift -= 8)
            header[h++] = std::uint8_t(std::uint64_t(length) >> shift);
    }
    unsigned char *mask = header + h;
    std::memcpy(mask, &x, 4);
    h += 4;
    c.out.insert(
        c.out.end(), reinterpret_cast<char *>(header), reinterpret_cast<char *>(header) + h);
    std::size_t maskPos = 0;
    for (const auto &p : parts)
        appendMasked(c.out, p, mask, &maskPos);
    markDirty(index);
}

void Loop::sendText(std::uint32_t index, std::initializer_list<std::string_view> parts)
{
    queueFrame(index, 1, parts);
    if (!coalesce_)
        flushConn(index);
}

void Loop::emitEvent(std::uint32_t index, std::string_view body, std::int64_t ackId)
{
    char digits[24];
    std::size_t n = 0;
    if (ackId >= 0) {
        char tmp[24];
        std::size_t t = 0;
        auto v = std::uint64_t(ackId);
        do {
            tmp[t++] = char('0' + v % 10);
            v /= 10;
        } while (v);
        while (t)
            digits[n++] = tmp[--t];
    }
    queueFrame(index, 1, { "42", nspPrefix_, std::string_view(digits, n), "[", body, "]" });
    if (!coalesce_)
        flushConn(index);
}

void Loop::markDirty(std::uint32_t index)
{
    Conn &c = conns_[index];
    if (!c.dirty) {
        c.dirty = true;
        dirty_.push_back(index);
    }
}

void Loop::flush()
{
    // Index loop: a failure callback may reopen a slot and queue to it while we iterate.
    for (std::size_t k = 0; k < dirty_.size(); ++k) {
        const std::uint32_t index = dirty_[k];
        conns_[index].dirty = false;
        flushConn(index);
    }
    dirty_.clear();
}

void Loop::flushConn(std::uint32_t index)
{
    Conn &c = conns_[index];
    if (c.state == ConnState::Free || c.state == ConnState::Connecting || c.waitOut)
        return;
    const std::size_t pending = c.out.size() - c.outPos;
    if (pending == 0)
        return;
    const ssize_t n = ::send(c.fd, c.out.data() + c.outPos, pending, MSG_NOSIGNAL);
    if (n < 0) {
        if (errno != EAGAIN && errno != EWOULDBLOCK) {
            fail(index, "send failed");
            return;
        }
        c.waitOut = true;
    } else if (std::size_t(n) == pending) {
        c.out.clear();
        c.outPos = 0;
        return;
    } else {
        c.outPos += std::uint32_t(n);
        c.waitOut = true;
    }
    epoll_event ev {};
    ev.events = EPOLLIN | EPOLLOUT;
    ev.data.u32 = index;
    epoll_ctl(epollFd_, EPOLL_CTL_MOD, c.fd, &ev);
}

void Loop::pollOnce(int timeoutMs)
{
    epoll_event events[kMaxEvents];
    const int count = epoll_wait(epollFd_, events, kMaxEvents, timeoutMs);
    nowNs_ = monotonicNs();
    ++wakeups_;
    for (int i = 0; i < count; ++i)
        onEvent(events[i].data.u32, events[i].events);
    flush();
}

void Loop::onEvent(std::uint32_t index, std::uint32_t events)
{
    Conn &c = conns_[index];
    if (c.state == ConnState::Free)
        return;
    if (c.state == ConnState::Connecting) {
        int err = 0;
        socklen_t len = sizeof err;
        getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
        if (err != 0) {
            fail(index, err == ECONNREFUSED ? "connect: ECONNREFUSED" : "connect: error");
            return;
        }
        if (!(events & EPOLLOUT))
            return;
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u32 = index;
        epoll_ctl(epollFd_, EPOLL_CTL_MOD, c.fd, &ev);
        c.state = ConnState::HttpWait;
        c.out.insert(c.out.end(), request_.begin(), request_.end());
        markDirty(index);
        return;
    }
    if (events & EPOLLOUT) {
        c.waitOut = false;
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u32 = index;
        epoll_ctl(epollFd_, EPOLL_CTL_MOD, c.fd, &ev);
        markDirty(index);
    }
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        readConn(index);
}

void Loop::readConn(std::uint32_t index)
{
    Conn &c = conns_[index];
    const std::uint32_t generation = c.generation;
    const ssize_t n = ::recv(c.fd, scratch_.data(), scratch_.size(), 0);
    if (n == 0) {
        fail(index, c.state == ConnState::Closing ? "closed" : "eof");
        return;
    }
    if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
            return;
        fail(index, c.state == ConnState::Closing ? "closed" : "recv error");
        return;
    }
    if (c.in.empty()) {
        const std::size_t used = parse(index, scratch_.data(), std::size_t(n));
        if (alive(index, generation) && used < std::size_t(n))
            c.in.assign(scratch_.data() + used, scratch_.data() + n);
        return;
    }
    c.in.insert(c.in.end(), scratch_.data(), scratch_.data() + n);
    const std::size_t used = parse(index, c.in.data(), c.in.size());
    if (alive(index, generation))
        c.in.erase(c.in.begin(), c.in.begin() + std::ptrdiff_t(used));
}

std::size_t Loop::parse(std::uint32_t index, const char *data, std::size_t size)
{
    std::size_t pos = 0;
    const std::uint32_t generation = conns_[index].generation;
    if (conns_[index].state == ConnState::HttpWait) {
        const std::string_view view(data, size);
        const auto end = view.find("\r\n\r\n");
        if (end == std::string_view::npos) {
            if (size > kMaxHead)
                fail(index, "response head too long");
            return 0;
        }
        if (view.rfind("HTTP/1.1 101", 0) != 0) {
            fail(index, "upgrade refused");
            return 0;
        }
        pos = end + 4;
        if (protocol_ == Protocol::RawWebSocket) {
            setReady(index);
            if (!alive(index, generation))
                return 0;
        } else {
            conns_[index].state = ConnState::EioWait;
        }
    }
    while (size - pos >= 2) {
        const auto *p = reinterpret_cast<const unsigned char *>(data + pos);
        const bool fin = p[0] & 0x80;
        const std::uint8_t opcode = p[0] & 0x0F;
        if (p[1] & 0x80) {
            fail(index, "masked frame from the server");
            return 0;
        }
        std::uint64_t length = p[1] & 0x7F;
        std::size_t header = 2;
        if (length == 126) {
            if (size - pos < 4)
                break;
            length = (std::uint64_t(p[2]) << 8) | p[3];
            header = 4;
        } else if (length == 127) {
            if (size - pos < 10)
                break;
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | p[2 + i];
            header = 10;
        }
        if (length > kMaxFrame) {
            fail(index, "frame too big");
            return 0;
        }
        if (size - pos < header + length)
            break;
        const char *payload = data + pos + header;
        pos += header + std::size_t(length);
        if (!fin || opcode == 0) {
            fail(index, "fragmented message (not supported)");
            return 0;
        }
        switch (opcode) {
        case 1:
        case 2:
            if (!onWsMessage(index, payload, std::size_t(length)) || !alive(index, generation))
                return 0;
            break;
        case 8:
            fail(index, conns_[index].state == ConnState::Closing ? "closed" : "close frame");
            return 0;
        case 9:
            queueFrame(index, 10, { std::string_view(payload, std::size_t(length)) });
            break;
        case 10:
            break;
        default:
            fail(index, "unknown opcode");
            return 0;
        }
    }
    return pos;
}

void Loop::setReady(std::uint32_t index)
{
    conns_[index].state = ConnState::Ready;
    handler_->onReady(index);
}

bool Loop::onWsMessage(std::uint32_t index, const char *data, std::size_t size)
{
    Conn &c = conns_[index];
    if (c.state == ConnState::Closing)
        return true;
    const std::uint32_t generation = c.generation;
    if (protocol_ == Protocol::RawWebSocket) {
        handler_->onMessage(index, data, size);
        return alive(index, generation);
    }
    if (size == 0) {
        fail(index, "empty Engine.IO packet");
        return false;
    }
    switch (data[0]) {
    case '0': // open
        if (c.state != ConnState::EioWait) {
            fail(index, "unexpected Engine.IO open");
            return false;
        }
        c.state = ConnState::SioWait;
        queueFrame(index, 1, { nspConnect_ });
        return true;
    case '2': // ping
        ++pings_;
        queueFrame(index, 1, { "3" });
        return true;
    case '1':
        fail(index, "Engine.IO close");
        return false;
    case '3':
    case '6':
        return true;
    case '4':
        break;
    default:
        fail(index, "bad Engine.IO packet");
        return false;
    }
    if (c.state == ConnState::SioWait) {
        if (size >= 2 && data[1] == '0') {
            setReady(index);
            return alive(index, generation);
        }
        fail(index, size >= 2 && data[1] == '4' ? "CONNECT_ERROR" : "unexpected packet");
        return false;
    }
    if (c.state != ConnState::Ready)
        return true;
    handler_->onMessage(index, data + 1, size - 1);
    return alive(index, generation);
}

} // namespace bench
