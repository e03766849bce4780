#pragma once

// The load generator's client core: raw non-blocking TCP sockets on one epoll instance, each
// speaking client-side WebSocket (masked frames) and, in Socket.IO mode, Engine.IO v4 and
// Socket.IO v5 up to the namespace CONNECT. Scenarios see only ready connections and the
// Socket.IO packets (or raw WebSocket messages) that arrive on them.
//
// Hot path: one recv() per ready socket per wakeup into a shared scratch buffer, frames parsed
// in place, replies appended to a per-connection output buffer (its capacity is kept, so no
// allocation once warm), one send() per written connection at the end of the wakeup.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <netinet/in.h>

namespace bench {

std::int64_t monotonicNs();

enum class Protocol : std::uint8_t {
    SocketIo, ///< WebSocket + Engine.IO v4 + Socket.IO v5 CONNECT to a namespace
    RawWebSocket, ///< WebSocket only; ready right after the 101
};

enum class ConnState : std::uint8_t {
    Free,
    Connecting, ///< TCP connect in progress
    HttpWait, ///< upgrade request sent, waiting for the 101
    EioWait, ///< waiting for the Engine.IO open packet
    SioWait, ///< Socket.IO CONNECT sent, waiting for the server's CONNECT
    Ready,
    Closing, ///< close frame sent, waiting for the server's close frame or EOF
};

struct Conn
{
    int fd = -1;
    ConnState state = ConnState::Free;
    bool dirty = false;
    bool waitOut = false; ///< last send hit EAGAIN: EPOLLOUT registered
    std::uint32_t outPos = 0;
    std::vector<char> in; ///< carry-over: partial frame or response head
    std::vector<char> out; ///< queued output
    std::uint32_t generation = 0; ///< bumped by every open()
    std::int64_t startedNs = 0; ///< when the TCP connect began
};

class Handler
{
public:
    virtual ~Handler() = default;
    /// The connection is usable: the namespace CONNECT was answered (Socket.IO mode), or the
    /// WebSocket upgrade was accepted (raw mode).
    virtual void onReady(std::uint32_t index) = 0;
    /// Socket.IO mode: one Socket.IO packet (the Engine.IO "4" stripped). Raw mode: one
    /// WebSocket text or binary message.
    virtual void onMessage(std::uint32_t index, const char *data, std::size_t size) = 0;
    /// The connection is gone; `why` is a short static string. Not called for close() by the
    /// scenario itself.
    virtual void onClosed(std::uint32_t index, const char *why) = 0;
};

struct Target
{
    sockaddr_in address {};
    std::string host; ///< for the Host header
    std::string path; ///< request target, with the query
};

/// Parses ws://, http:// or plain HOST:PORT URLs; only 127.0.0.0/8 addresses are accepted.
/// Socket.IO mode defaults the path to /socket.io/ and appends the Engine.IO query.
bool parseTarget(const std::string &url, Protocol protocol, Target *target, std::string *error);

class Loop
{
public:
    Loop(Handler *handler, Protocol protocol, const Target &target, std::string nsp,
        std::uint32_t capacity, int sourceAddresses);
    ~Loop();
    Loop(const Loop &) = delete;
    Loop &operator=(const Loop &) = delete;

    bool valid() const { return epollFd_ >= 0; }

    /// false (default): every frame a scenario sends goes out with its own send(), as
    /// socket.io-client and ws do; true: frames queued during one wakeup leave in one send().
    void setCoalesce(bool on) { coalesce_ = on; }

    /// Starts a connection in slot `index` (< capacity; the slot must be free).
    /// Returns false (with `why`) when the socket could not even be started.
    bool open(std::uint32_t index, const char **why);
    /// Closes at once (no close handshake); no onClosed callback.
    void close(std::uint32_t index);
    /// Socket.IO: sends "41" for the namespace and a WebSocket close frame; the slot moves to
    /// Closing and is freed (onClosed "closed") when the server closes or after EOF.
    void disconnect(std::uint32_t index);

    /// Queues one masked text frame whose payload is the concatenation of `parts`.
    void sendText(std::uint32_t index, std::initializer_list<std::string_view> parts);
    /// Socket.IO mode: queues an EVENT with an optional ack id (< 0: none): 42[/nsp,]<id>[...]
    /// where `body` is the JSON array contents (`"name",{...}`).
    void emitEvent(std::uint32_t index, std::string_view body, std::int64_t ackId);

    /// Runs the loop until `done()` is true or `deadlineNs` (monotonic) passes.
    /// Returns true when `done()` ended it.
    template<typename Done> bool runUntil(std::int64_t deadlineNs, Done done)
    {
        for (;;) {
            if (done())
                return true;
            const std::int64_t now = monotonicNs();
            if (now >= deadlineNs)
                return false;
            const std::int64_t leftMs = (deadlineNs - now) / 1000000 + 1;
            pollOnce(leftMs < 50 ? int(leftMs) : 50);
        }
    }

    /// The time of the current wakeup (set right after epoll_wait returns).
    std::int64_t now() const { return nowNs_; }
    Conn &conn(std::uint32_t index) { return conns_[index]; }
    std::uint32_t capacity() const { return std::uint32_t(conns_.size()); }
    const std::string &nsp() const { return nsp_; }

    std::uint64_t pingsAnswered() const { return pings_; }
    std::uint64_t wakeups() const { return wakeups_; }

private:
    void pollOnce(int timeoutMs);
    void onEvent(std::uint32_t index, std::uint32_t events);
    void readConn(std::uint32_t index);
    std::size_t parse(std::uint32_t index, const char *data, std::size_t size);
    bool onWsMessage(std::uint32_t index, const char *data, std::size_t size);
    void queueFrame(
        std::uint32_t index, std::uint8_t opcode, std::initializer_list<std::string_view> parts);
    void markDirty(std::uint32_t index);
    void flush();
    void flushConn(std::uint32_t index);
    void fail(std::uint32_t index, const char *why);
    void setReady(std::uint32_t index);
    // Still the same connection: callbacks may close a slot and even reopen it.
    bool alive(std::uint32_t index, std::uint32_t generation) const
    {
        return conns_[index].state != ConnState::Free && conns_[index].generation == generation;
    }

    Handler *handler_;
    Protocol protocol_;
    Target target_;
    std::string nsp_; ///< "/" or "/name"
    std::string request_; ///< the HTTP upgrade request
    std::string nspConnect_; ///< "40" or "40/name,"
    std::string nspPrefix_; ///< "" or "/name,"
    int epollFd_ = -1;
    int sources_ = 1;
    std::uint32_t nextSource_ = 0;
    std::vector<Conn> conns_;
    std::vector<std::uint32_t> dirty_;
    std::vector<char> scratch_;
    std::int64_t nowNs_ = 0;
    std::uint32_t maskState_ = 0x9e3779b9u;
    std::uint64_t pings_ = 0;
    std::uint64_t wakeups_ = 0;
    bool coalesce_ = false;
};

} // namespace bench
