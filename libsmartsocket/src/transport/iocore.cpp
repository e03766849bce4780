#include "iocore.h"

#include "httprequestparser.h"
#include "protocol/enginepayload.h"
#include "timerqueues.h"
#include "tls.h"
#include "wsframeparser.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QThread>
#include <QTimer>

#include <arpa/inet.h>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#include <unordered_map>
#include <vector>

// How a wakeup runs (all in the IoCore's thread):
//   QSocketNotifier(epoll fd) -> epoll_wait(0) -> for each ready fd: one read() into a shared
//   64 KiB scratch buffer -> HTTP head or WebSocket frames parsed straight from it -> handler
//   callbacks (which queue replies in per-slot output buffers) -> at the end of the wakeup one
//   write() per connection written to.
//
// epoll is level-triggered on purpose: we read once per ready socket per wakeup, so a
// socket with more than 64 KiB pending must be reported again next time; level triggering
// does that for free, keeps one busy peer from starving the others, and lets Qt's own events
// and timers run between wakeups (the epoll fd stays readable, the notifier fires again).
//
// TLS (tls.h): the only places that touch the socket's bytes are rawRead() and rawWrite().
// A TLS connection has the IsTls flag and an `SSL *` on its fd in a side table indexed like the
// slots (allocated only on a TLS server, so plain connections stay the size they were: a
// plain connection pays one flag test).
// The handshake runs in the Http state, driven by the same epoll events, before the HTTP
// parser sees a byte, and counts against the handshake timeout. rawRead() SSL_read()s
// plaintext into the same buffers the parsers see; rawWrite() SSL_write()s the output buffer
// (partial writes, moving buffer). OpenSSL may need the other direction (a read that must
// write, a write that must read): TlsReadWantsWrite / TlsWriteWantsRead say which event to
// wait for. Plaintext already inside OpenSSL is invisible to epoll: such slots (tlsAgain) are
// read again in the same activation (or the next event loop pass).

Q_LOGGING_CATEGORY(lcIoCore, "smartsocket.transport.iocore", QtWarningMsg)

namespace SmartSocket::Transport {

namespace {

constexpr qsizetype kScratchSize = 64 * 1024;
// A partial frame still this far from complete is read straight into the slot's buffer.
constexpr qint64 kDirectReadThreshold = 16 * 1024;
constexpr qint64 kMaxReadChunk = 4 * 1024 * 1024;
constexpr int kMaxEvents = 256;
constexpr int kMaxRoundsPerWakeup = 4;
// Output buffers kept for reuse: a connection's buffer goes back here once written out, so
// a busy connection does not allocate per wakeup and an idle one holds none.
constexpr int kPooledBuffers = 64;
constexpr qsizetype kPooledBufferMax = 16 * 1024;
constexpr int kMaxAcceptsPerWakeup = 128;
constexpr int kAcceptPauseMs = 100;
// After our close frame / HTTP answer: time allowed to drain it and see the peer's EOF.
constexpr int kLingerMs = 2000;
constexpr quint32 kSlotsPerChunk = 256;
constexpr quint32 kNoSlot = 0xFFFFFFFFu;
constexpr int kLinks = 2;

qint64 monotonicMs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

// The core locks nothing: slots, buffers, timers and the flush timer belong to the thread
// that owns the IoCore. A call from another thread is a bug in the layer above (a worker must
// hop back first, as Ack and Next do); Debug and sanitizer builds stop at it, release builds
// pay nothing.
inline void assertOwnerThread(const QObject *core, const char *where)
{
    Q_ASSERT_X(core->thread() == QThread::currentThread(), where,
        "called outside the thread that owns the I/O core");
    Q_UNUSED(core);
    Q_UNUSED(where);
}

QString errnoString(int err)
{
    return QString::fromLocal8Bit(strerror(err));
}

enum class SlotState : quint8 {
    Free,
    Http, ///< accepted, waiting for the request head
    Open, ///< WebSocket open; the handler knows the id
    Closing, ///< handler done with it; draining output, then half-close and wait for EOF
    Waiting, ///< HTTP request held by the handler (a long poll); no further request parsed
    Polling, ///< an Engine.IO long-polling session: no socket, output waits for a poll
};

// Sockets count against maxConnections; a polling session has none of its own (its HTTP
// connection counts).
bool hasSocket(SlotState state)
{
    return state == SlotState::Http || state == SlotState::Open || state == SlotState::Waiting;
}

bool isActive(SlotState state)
{
    return state == SlotState::Http || state == SlotState::Open || state == SlotState::Waiting
        || state == SlotState::Polling;
}

enum SlotFlag : quint8 {
    Dirty = 0x01, ///< in the dirty list, output to flush
    EpollOut = 0x02, ///< registered for EPOLLOUT
    WaitWritable = 0x04, ///< last write hit EAGAIN; wait for EPOLLOUT before writing again
    WriteShut = 0x08, ///< shutdown(SHUT_WR) done
    Overflow = 0x10, ///< output over the limit: a slow consumer, closed at the next flush
    TlsReadWantsWrite = 0x20, ///< SSL_read/handshake waits for EPOLLOUT
    TlsWriteWantsRead = 0x40, ///< SSL_write waits for EPOLLIN
    IsTls = 0x80, ///< a TLS connection: its SSL is in Private::tlsSessions
};

// Per connection. Buffers are empty (no allocation) while idle.
struct Slot
{
    int fd = -1;
    quint32 generation = 1;
    quint32 outPos = 0; ///< bytes of `out` already written
    quint32 needed = 0; ///< total size of the partial frame in `in`, when known
    quint16 peerPort = 0;
    SlotState state = SlotState::Free;
    quint8 flags = 0;
    quint8 peerFamily = 0; ///< 4 or 6
    quint8 peerAddress[16] = {};
    void *userData = nullptr;
    QByteArray in; ///< leftover partial frame / request head
    QByteArray out; ///< queued output
    WsFrameParser parser;
};
// Budget: ~300 bytes per idle connection in this layer. Slot + 2 timer nodes (48) + free
// list entry (4) is about 180.
static_assert(sizeof(Slot) <= 128, "keep the per-connection slot compact");

// What a failed rawRead()/rawWrite() means, for onClosed.
QString ioErrorString(const Slot &slot, int err)
{
    return (slot.flags & IsTls) ? Tls::lastError() : errnoString(err);
}

} // namespace

class IoCore::Private
{
public:
    Private(IoCore *q, ConnectionHandler *handler);
    struct FrameSink;

    Slot &slot(quint32 index) { return chunks[index / kSlotsPerChunk][index % kSlotsPerChunk]; }
    const Slot &slot(quint32 index) const
    {
        return chunks[index / kSlotsPerChunk][index % kSlotsPerChunk];
    }
    ConnectionId idOf(quint32 index) const
    {
        return (ConnectionId(slot(index).generation) << 32) | index;
    }
    /// The slot for `id` unless it is free or reused; any state but Free.
    Slot *find(ConnectionId id, quint32 *index = nullptr)
    {
        const auto i = quint32(id & 0xFFFFFFFFu);
        if (i >= slotCount)
            return nullptr;
        Slot &s = slot(i);
        if (s.state == SlotState::Free || s.generation != quint32(id >> 32))
            return nullptr;
        if (index)
            *index = i;
        return &s;
    }
    const Slot *find(ConnectionId id) const { return const_cast<Private *>(this)->find(id); }
    bool alive(quint32 index, quint32 generation) const
    {
        const Slot &s = slot(index);
        return s.generation == generation && s.state != SlotState::Free;
    }

    // Every entry point that may queue output opens a batch; the outermost one flushes.
    struct Batch
    {
        explicit Batch(Private *d) : d(d) { ++d->batchDepth; }
        ~Batch()
        {
            if (--d->batchDepth == 0 && !d->dirty.empty())
                d->flushDirty();
        }
        Batch(const Batch &) = delete;
        Batch &operator=(const Batch &) = delete;
        Private *d;
    };

    bool ensureEpoll();
    void onEpollReady();
    void handleEvent(const epoll_event &event);
    void acceptConnections();
    bool shedWithSpareFd();
    void refuseAtAccept(int fd);
    void pauseAccepting();
    void addConnection(int fd, const sockaddr_storage &address);
    quint32 newSlot();

    void readSlot(quint32 index);
    qsizetype process(quint32 index, char *data, qsizetype size);
    void finishDeferred(quint32 index, quint32 generation);

    void queueFrame(quint32 index, quint8 opcode, QByteArrayView payload);
    void queueBytes(quint32 index, const QByteArray &bytes);
    bool admit(quint32 index, qsizetype bytes);
    void recycle(QByteArray &buffer);
    void markDirty(quint32 index);
    void flushDirty();
    void flushSlot(quint32 index);
    void setWantWrite(quint32 index, bool on);
    ssize_t rawRead(quint32 index, char *buffer, qsizetype size)
    {
        Slot &s = slot(index);
        if (Q_UNLIKELY(s.flags & IsTls))
            return tlsRead(index, buffer, size);
        return ::recv(s.fd, buffer, size_t(size), 0);
    }
    ssize_t rawWrite(quint32 index, const char *data, qsizetype size)
    {
        Slot &s = slot(index);
        if (Q_UNLIKELY(s.flags & IsTls))
            return tlsWrite(index, data, size);
        return ::send(s.fd, data, size_t(size), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    ssize_t tlsRead(quint32 index, char *buffer, qsizetype size);
    ssize_t tlsWrite(quint32 index, const char *data, qsizetype size);
    ssl_st *&tlsSession(quint32 index) { return tlsSessions[index]; }
    void tlsFree(quint32 index);

    void refuseHttp(quint32 index, int status, QByteArrayView contentType, QByteArrayView body);
    /// Answers the request of an Http/Waiting slot; keeps the connection for the next request
    /// when both sides allow it.
    void answerHttp(quint32 index, const HttpResponse &response, bool keepAlive);
    void answerPoll(quint32 sessionIndex);
    void releaseHeld(quint32 index);
    void closePolling(quint32 index, CloseReason reason, const QString &detail);
    void reparseLater(ConnectionId id);
    void reparse(quint32 index);
    void queuePollPacket(quint32 index, QByteArrayView payload, bool binary);
    void enterClosing(quint32 index);
    void closeOpen(quint32 index, CloseReason reason, const QString &detail, quint16 code,
        QByteArrayView text);
    void notifyClosed(quint32 index, CloseReason reason, const QString &detail);
    void connectionLost(quint32 index, CloseReason reason, const QString &detail);
    void freeSlot(quint32 index);
    void shutdownAll(bool notify);

    void scheduleTimer();
    void onTimerFired();
    bool readTlsAgain();

    char *scratchBuffer()
    {
        if (!scratch)
            scratch.reset(new char[kScratchSize]);
        return scratch.get();
    }

    IoCore *q;
    ConnectionHandler *handler;
    int epollFd = -1;
    int listenFd = -1;
    int spareFd = -1; ///< reserved fd, given up to shed a connection on EMFILE
    QSocketNotifier *notifier = nullptr;
    QTimer *timer = nullptr;
    QTimer *flushTimer = nullptr;
    QTimer *acceptResumeTimer = nullptr;
    qint64 timerDeadline = TimerQueues::NoDeadline;

    std::vector<std::unique_ptr<Slot[]>> chunks; // stable addresses: slots never move
    quint32 slotCount = 0;
    std::vector<quint32> freeSlots;
    std::vector<quint32> dirty;
    std::vector<quint32> flushing;
    std::vector<QByteArray> bufferPool;

    TimerQueues timers { kLinks };
    int handshakeQueue = -1;
    int lingerQueue = -1;
    int firstUserQueue = 0;

    std::unique_ptr<char[]> scratch;
    int maxConnections = 0;
    qint64 maxMessageSize = 1000000;
    qint64 maxOutputBytes = 0; ///< 0 = no limit
    int activeCount = 0; ///< slots with a socket: Http, Waiting or Open
    int batchDepth = 0;
    bool notifyHandler = true;

    // The slot whose bytes are being parsed: it is never freed under the parser's feet, and
    // onClosed for it waits until the parser is done (see finishDeferred()).
    quint32 busy = kNoSlot;
    bool pendingNotify = false;
    bool pendingFree = false;
    ConnectionId pendingId = 0;
    CloseReason pendingReason = CloseReason::LocalClose;
    QString pendingDetail;

    Stats stats;
    QString errorString;
    QByteArray refusal;

    std::unique_ptr<TlsContext> tls; ///< set: every accepted connection speaks TLS
    std::vector<ssl_st *> tlsSessions; ///< by slot index, for slots with the IsTls flag
    std::vector<ConnectionId> tlsAgain; ///< slots with plaintext buffered inside OpenSSL
    bool tlsAgainScheduled = false;

    // Long polling. A held request's keep-alive wish and the polling session it belongs to.
    struct Held
    {
        ConnectionId session = 0; ///< 0: held by the handler (respond()), not a poll
        bool keepAlive = false;
        QByteArray headers; ///< extra header lines of a poll's answer
        QByteArray webSocketKey; ///< a held WebSocket upgrade: respond() with 101 accepts it
    };
    std::unordered_map<quint32, Held> held; ///< by slot index of a Waiting slot
    std::unordered_map<quint32, ConnectionId> polls; ///< polling session index -> held GET
    std::vector<ConnectionId> reparseIds; ///< connections with a pipelined request to parse
    bool reparseScheduled = false;
    // A WebSocket connection moved into a polling session while its bytes were being parsed.
    quint32 movedFrom = kNoSlot;
    quint32 movedTo = kNoSlot;
};

// Connects the frame parser to the handler for one slot.
struct IoCore::Private::FrameSink final : WsFrameParser::Handler
{
    FrameSink(IoCore::Private *d, quint32 index, quint32 generation, ConnectionId id)
        : d(d), index(index), generation(generation), id(id)
    { }
    bool stillOpen() const
    {
        const Slot &s = d->slot(index);
        return s.generation == generation && s.state == SlotState::Open;
    }
    bool onMessage(QByteArrayView payload, bool binary) override
    {
        d->handler->onMessage(id, payload, binary);
        return stillOpen();
    }
    bool onPing(QByteArrayView payload) override
    {
        d->queueFrame(index, WsFrameParser::Pong, payload);
        return true;
    }
    void onClose(quint16 code, QByteArrayView reason) override
    {
        QString detail = QStringLiteral("close frame from the peer");
        if (code != WsFrameParser::CloseNoStatus)
            detail += QStringLiteral(" (code ") + QString::number(code) + QLatin1Char(')');
        if (!reason.isEmpty())
            detail += QStringLiteral(": ") + QString::fromUtf8(reason);
        // Echo the peer's code (an empty body when it sent none).
        d->closeOpen(index, CloseReason::PeerClosed, detail, code, {});
    }

    IoCore::Private *d;
    quint32 index;
    quint32 generation;
    ConnectionId id;
};

IoCore::Private::Private(IoCore *q, ConnectionHandler *handler) : q(q), handler(handler)
{
    timers.setOwner(q);
    handshakeQueue = timers.createQueue(30000);
    lingerQueue = timers.createQueue(kLingerMs);
    firstUserQueue = timers.queueCount();
    refusal = HttpRequestParser::response(
        503, "application/json", R"({"code":503,"message":"Too many connections"})");

    timer = new QTimer(q);
    timer->setSingleShot(true);
    timer->setTimerType(Qt::PreciseTimer); // one timer for everything: precision is cheap
    QObject::connect(timer, &QTimer::timeout, q, [this] { onTimerFired(); });

    flushTimer = new QTimer(q);
    flushTimer->setSingleShot(true);
    flushTimer->setInterval(0);
    QObject::connect(flushTimer, &QTimer::timeout, q, [this] { Batch batch(this); });

    acceptResumeTimer = new QTimer(q);
    acceptResumeTimer->setSingleShot(true);
    QObject::connect(acceptResumeTimer, &QTimer::timeout, q, [this] {
        if (listenFd < 0)
            return;
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.u64 = 0;
        epoll_ctl(epollFd, EPOLL_CTL_MOD, listenFd, &ev);
    });
}

bool IoCore::Private::ensureEpoll()
{
    if (epollFd >= 0)
        return true;
    epollFd = epoll_create1(EPOLL_CLOEXEC);
    if (epollFd < 0) {
        errorString = errnoString(errno);
        return false;
    }
    spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    notifier = new QSocketNotifier(epollFd, QSocketNotifier::Read, q);
    QObject::connect(notifier, &QSocketNotifier::activated, q, [this] { onEpollReady(); });
    return true;
}

void IoCore::Private::onEpollReady()
{
    // One notifier activation costs a pass of Qt's event loop (a poll() and an event
    // dispatch). Under load, more sockets are ready again by the time a round of reads and
    // writes is done: take them in the same activation, a few rounds at most so that
    // timers and other events still run. A round with a single ready socket ends it, so a
    // lone request/response pays no extra epoll_wait.
    for (int round = 0; round < kMaxRoundsPerWakeup; ++round) {
        int count = 0;
        {
            Batch batch(this); // flushes this round's replies before the next epoll_wait
            ++stats.wakeups;
            epoll_event events[kMaxEvents];
            count = epoll_wait(epollFd, events, kMaxEvents, 0);
            for (int i = 0; i < count; ++i)
                handleEvent(events[i]);
            if (!tlsAgain.empty())
                count += readTlsAgain() ? 2 : 0;
        }
        if (count < 2)
            break;
    }
    if (!tlsAgain.empty() && !tlsAgainScheduled) {
        // Still more inside OpenSSL: come back after Qt's other events.
        tlsAgainScheduled = true;
        QTimer::singleShot(0, q, [this] {
            tlsAgainScheduled = false;
            onEpollReady();
        });
    }
}

bool IoCore::Private::readTlsAgain()
{
    std::vector<ConnectionId> ids;
    ids.swap(tlsAgain);
    bool any = false;
    for (const ConnectionId id : ids) {
        quint32 index;
        if (!find(id, &index))
            continue; // closed meanwhile
        readSlot(index);
        any = true;
    }
    return any;
}

void IoCore::Private::handleEvent(const epoll_event &event)
{
    const quint64 key = event.data.u64;
    if (key == 0) {
        if (listenFd >= 0)
            acceptConnections();
        return;
    }
    quint32 index;
    Slot *s = find(key, &index);
    if (!s)
        return; // closed earlier in this wakeup
    const quint32 ev = event.events;
    bool read = ev & (EPOLLIN | EPOLLHUP | EPOLLERR);
    if (Q_UNLIKELY(s->flags & (TlsReadWantsWrite | TlsWriteWantsRead))) {
        if ((ev & EPOLLOUT) && (s->flags & TlsReadWantsWrite)) {
            s->flags &= quint8(~TlsReadWantsWrite);
            read = true;
        }
        if ((ev & (EPOLLIN | EPOLLHUP | EPOLLERR)) && (s->flags & TlsWriteWantsRead)) {
            s->flags &= quint8(~(TlsWriteWantsRead | WaitWritable));
            markDirty(index);
        }
    }
    if (ev & EPOLLOUT) {
        s->flags &= quint8(~WaitWritable);
        markDirty(index);
    }
    if (read)
        readSlot(index);
}

void IoCore::Private::acceptConnections()
{
    for (int i = 0; i < kMaxAcceptsPerWakeup && listenFd >= 0; ++i) {
        sockaddr_storage address {};
        socklen_t length = sizeof address;
        const int fd = ::accept4(listenFd, reinterpret_cast<sockaddr *>(&address), &length,
            SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            const int err = errno;
            if (err == EINTR || err == ECONNABORTED || err == EPROTO)
                continue;
            if (err == EAGAIN || err == EWOULDBLOCK)
                return;
            if ((err == EMFILE || err == ENFILE) && shedWithSpareFd())
                continue;
            // Out of fds (and no spare) or memory: stop accepting for a moment instead of
            // spinning on a listening socket that stays readable.
            pauseAccepting();
            return;
        }
        if (maxConnections > 0 && activeCount >= maxConnections) {
            refuseAtAccept(fd);
            continue;
        }
        addConnection(fd, address);
    }
}

bool IoCore::Private::shedWithSpareFd()
{
    if (spareFd < 0)
        return false;
    ::close(spareFd);
    spareFd = -1;
    const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd >= 0)
        refuseAtAccept(fd);
    spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    return fd >= 0 && spareFd >= 0;
}

void IoCore::Private::refuseAtAccept(int fd)
{
    // No slot: answer, half-close, drop what the peer already sent (so close() is less
    // likely to reset the connection before the answer is read), close.
    const ssize_t n
        = ::send(fd, refusal.constData(), size_t(refusal.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0)
        stats.bytesOut += quint64(n);
    ::shutdown(fd, SHUT_WR);
    ::recv(fd, scratchBuffer(), size_t(kScratchSize), MSG_DONTWAIT);
    ::close(fd);
    ++stats.refused;
}

void IoCore::Private::pauseAccepting()
{
    epoll_event ev {};
    ev.events = 0;
    ev.data.u64 = 0;
    epoll_ctl(epollFd, EPOLL_CTL_MOD, listenFd, &ev);
    acceptResumeTimer->start(kAcceptPauseMs);
}

quint32 IoCore::Private::newSlot()
{
    if (!freeSlots.empty()) {
        const quint32 index = freeSlots.back();
        freeSlots.pop_back();
        return index;
    }
    if (slotCount % kSlotsPerChunk == 0) {
        chunks.emplace_back(new Slot[kSlotsPerChunk]);
        timers.ensureSlots(quint32(chunks.size()) * kSlotsPerChunk);
    }
    return slotCount++;
}

void IoCore::Private::addConnection(int fd, const sockaddr_storage &address)
{
    const int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);

    const quint32 index = newSlot();
    Slot &s = slot(index);
    s.fd = fd;
    s.state = SlotState::Http;
    s.flags = 0;
    if (address.ss_family == AF_INET) {
        const auto &in4 = reinterpret_cast<const sockaddr_in &>(address);
        s.peerFamily = 4;
        std::memcpy(s.peerAddress, &in4.sin_addr, 4);
        s.peerPort = ntohs(in4.sin_port);
    } else {
        const auto &in6 = reinterpret_cast<const sockaddr_in6 &>(address);
        s.peerPort = ntohs(in6.sin6_port);
        if (IN6_IS_ADDR_V4MAPPED(&in6.sin6_addr)) {
            s.peerFamily = 4;
            std::memcpy(s.peerAddress, in6.sin6_addr.s6_addr + 12, 4);
        } else {
            s.peerFamily = 6;
            std::memcpy(s.peerAddress, in6.sin6_addr.s6_addr, 16);
        }
    }

    if (tls) {
        if (tlsSessions.size() < size_t(slotCount))
            tlsSessions.resize(chunks.size() * kSlotsPerChunk, nullptr);
        tlsSession(index) = tls->newSession(fd);
        s.flags |= IsTls;
        if (!tlsSession(index)) { // out of memory
            s.flags = 0;
            ::close(fd);
            s.fd = -1;
            s.state = SlotState::Free;
            freeSlots.push_back(index);
            return;
        }
    }

    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.u64 = idOf(index);
    if (epoll_ctl(epollFd, EPOLL_CTL_ADD, fd, &ev) < 0) {
        tlsFree(index);
        ::close(fd);
        s.fd = -1;
        s.state = SlotState::Free;
        freeSlots.push_back(index);
        return;
    }
    ++activeCount;
    ++stats.accepted;
    if (timers.duration(handshakeQueue) > 0) {
        timers.arm(index, 1, handshakeQueue, monotonicMs());
        scheduleTimer();
    }
}

void IoCore::Private::readSlot(quint32 index)
{
    Slot *s = &slot(index);
    const quint32 generation = s->generation;

    if (s->state == SlotState::Closing) {
        // Our side is done: drop input until the peer's EOF.
        const ssize_t n = rawRead(index, scratchBuffer(), kScratchSize);
        if (n > 0) {
            stats.bytesIn += quint64(n);
        } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
            freeSlot(index);
        }
        return;
    }

    const bool buffered = !s->in.isEmpty();
    const qsizetype old = s->in.size();
    // A large frame with much of it here already: read straight into its buffer, no second
    // copy. The buffer grows with what arrived (the free room it has, or doubling), never to
    // the size the header announced: a peer announcing large frames and trickling must not
    // make us reserve them.
    const bool direct = old >= kScratchSize && qint64(s->needed) - old >= kDirectReadThreshold;
    char *buffer;
    qsizetype room;
    if (direct) {
        const qint64 grow = qMax<qint64>(s->in.capacity() - old, old);
        room = qsizetype(qMin(qMin<qint64>(qint64(s->needed) - old, kMaxReadChunk), grow));
        s->in.resize(old + room);
        buffer = s->in.data() + old;
    } else {
        buffer = scratchBuffer();
        room = kScratchSize;
    }
    const ssize_t n = rawRead(index, buffer, room);
    const int err = errno;
    if (direct)
        s->in.resize(old + qMax<qsizetype>(n, 0));
    if (n <= 0) {
        if (n < 0 && (err == EAGAIN || err == EWOULDBLOCK || err == EINTR))
            return;
        if (n == 0) {
            connectionLost(index, CloseReason::PeerClosed, QStringLiteral("connection closed"));
        } else {
            const QString detail = ioErrorString(*s, err);
            if ((s->flags & IsTls) && s->state == SlotState::Http)
                qCInfo(lcIoCore) << "TLS connection from" << q->peerAddress(idOf(index))
                                 << "dropped:" << detail;
            connectionLost(index, CloseReason::Error, detail);
        }
        return;
    }
    stats.bytesIn += quint64(n);
    if (buffered && !direct)
        s->in.append(buffer, n);

    char *data = buffered ? s->in.data() : buffer;
    const qsizetype size = buffered ? s->in.size() : qsizetype(n);

    busy = index;
    const qsizetype consumed = process(index, data, size);
    busy = kNoSlot;

    if (s->generation == generation) {
        const bool keep = consumed < size
            && (s->state == SlotState::Http || s->state == SlotState::Open
                || s->state == SlotState::Waiting)
            && !pendingFree;
        if (!keep) {
            s->in = QByteArray();
            s->needed = 0;
        } else if (!buffered) {
            s->in = QByteArray(data + consumed, size - consumed); // only the partial frame
        } else if (consumed > 0) {
            // A message completed: a buffer much larger than the partial frame left goes back.
            const qsizetype left = size - consumed;
            if (s->in.capacity() > 4 * kScratchSize && left * 4 < s->in.capacity())
                s->in = QByteArray(data + consumed, left);
            else
                s->in.remove(0, consumed);
        }
    }
    finishDeferred(index, generation);
}

qsizetype IoCore::Private::process(quint32 index, char *data, qsizetype size)
{
    Slot &s = slot(index);
    const quint32 generation = s.generation;
    const ConnectionId id = idOf(index);
    qsizetype pos = 0;

    if (s.state == SlotState::Waiting)
        return 0; // the next request waits for the answer to the held one
    while (s.state == SlotState::Http) {
        HttpRequest request;
        const auto parsed
            = HttpRequestParser::parse(QByteArrayView(data + pos, size - pos), &request);
        switch (parsed.status) {
        case HttpRequestParser::Status::Incomplete:
            return pos;
        case HttpRequestParser::Status::TooLarge:
            refuseHttp(index, 431, "text/plain", "Request Header Fields Too Large");
            return size;
        case HttpRequestParser::Status::Malformed:
            refuseHttp(index, 400, "text/plain", "Bad Request");
            return size;
        case HttpRequestParser::Status::Complete:
            break;
        }
        qsizetype total = parsed.consumed;
        if (!request.isWebSocketUpgrade) {
            const auto body = HttpRequestParser::parseBody(
                QByteArrayView(data + pos + parsed.consumed, size - pos - parsed.consumed),
                &request, maxMessageSize);
            switch (body.status) {
            case HttpRequestParser::Status::Incomplete:
                s.needed = body.needed > 0 ? quint32(parsed.consumed + body.needed) : 0;
                return pos;
            case HttpRequestParser::Status::TooLarge:
                refuseHttp(index, 413, {}, {});
                return size;
            case HttpRequestParser::Status::Malformed: // as Node's HTTP parser: no body
                refuseHttp(index, 400, {}, {});
                return size;
            case HttpRequestParser::Status::Complete:
                break;
            }
            total += body.consumed;
            s.needed = 0;
        }
        request.peerAddress = q->peerAddress(id);
        request.peerPort = s.peerPort;
        request.secure = (s.flags & IsTls) != 0;
        const HttpResponse response = handler->onRequest(id, request);
        if (!alive(index, generation))
            return size;
        if (s.state == SlotState::Waiting) { // held (a poll, or respond() later)
            held[index].keepAlive = request.keepAlive;
            return pos + total;
        }
        if (s.state != SlotState::Http)
            return size;
        if (response.status == HttpResponse::Held) {
            s.state = SlotState::Waiting;
            timers.disarm(index, 1);
            held[index] = Held { 0, request.keepAlive, {},
                request.isWebSocketUpgrade ? request.header("Sec-WebSocket-Key") : QByteArray() };
            return pos + total;
        }
        if (response.status != 101 || !request.isWebSocketUpgrade) {
            if (response.status == 101) { // accepting something that is no upgrade
                refuseHttp(index, 400, "text/plain", "Bad Request");
                return size;
            }
            const bool keep
                = response.keepAlive && request.keepAlive && !request.isWebSocketUpgrade;
            answerHttp(index, response, keep);
            if (!keep)
                return size;
            pos += total;
            continue;
        }
        QByteArray upgrade
            = HttpRequestParser::upgradeResponse(request.header("Sec-WebSocket-Key"));
        if (!response.headers.isEmpty())
            upgrade.insert(upgrade.size() - 2, response.headers); // before the blank line
        queueBytes(index, upgrade);
        s.state = SlotState::Open;
        timers.disarm(index, 1); // handshake timeout; link 1 is the handler's from now on
        handler->onOpen(id);
        if (!alive(index, generation) || s.state != SlotState::Open)
            return size;
        pos += parsed.consumed;
    }

    if (s.state != SlotState::Open)
        return size;
    FrameSink sink(this, index, generation, id);
    const auto result = s.parser.parse(data + pos, size - pos, maxMessageSize, sink);
    if (movedFrom == index) {
        // Upgraded into a polling session: the rest belongs to that session's slot now.
        movedFrom = kNoSlot;
        const quint32 target = movedTo;
        const qsizetype rest = pos + result.consumed;
        if (rest < size && alive(target, slot(target).generation)) {
            slot(target).in = QByteArray(data + rest, size - rest) + slot(target).in;
            reparseLater(idOf(target));
        }
        return size;
    }
    if (!alive(index, generation) || s.state != SlotState::Open || result.stopped)
        return size;
    if (result.errorCode) {
        const QString detail = QString::fromLatin1(result.errorString);
        closeOpen(index,
            result.errorCode == WsFrameParser::CloseTooBig ? CloseReason::MessageTooBig
                                                           : CloseReason::ProtocolError,
            detail, result.errorCode, result.errorString);
        return size;
    }
    s.needed = quint32(result.needed);
    return pos + result.consumed;
}

void IoCore::Private::finishDeferred(quint32 index, quint32 generation)
{
    if (pendingNotify) {
        pendingNotify = false;
        const QString detail = std::move(pendingDetail);
        pendingDetail = QString();
        if (notifyHandler)
            handler->onClosed(pendingId, pendingReason, detail);
    }
    if (pendingFree) {
        pendingFree = false;
        if (slot(index).generation == generation)
            freeSlot(index);
    }
}

bool IoCore::Private::admit(quint32 index, qsizetype bytes)
{
    Slot &s = slot(index);
    if (s.flags & Overflow)
        return false; // being dropped; nothing more is queued for it
    if (maxOutputBytes > 0 && s.state == SlotState::Open
        && s.out.size() - qsizetype(s.outPos) + bytes > maxOutputBytes) {
        // A peer that does not read: closing it beats holding its backlog in memory. Closed
        // from the flush, never from inside the caller's send (it may be iterating sockets).
        s.flags |= Overflow;
        markDirty(index);
        return false;
    }
    return true;
}

void IoCore::Private::queueFrame(quint32 index, quint8 opcode, QByteArrayView payload)
{
    if (!admit(index, payload.size() + 14))
        return;
    Slot &s = slot(index);
    if (s.out.isNull() && !bufferPool.empty()) {
        s.out = std::move(bufferPool.back());
        bufferPool.pop_back();
    }
    WsFrameParser::appendFrame(s.out, opcode, payload);
    markDirty(index);
}

void IoCore::Private::recycle(QByteArray &buffer)
{
    if (buffer.isDetached() && buffer.capacity() <= kPooledBufferMax
        && int(bufferPool.size()) < kPooledBuffers) {
        buffer.resize(0); // keeps the allocation
        bufferPool.push_back(std::move(buffer));
    }
    buffer = QByteArray();
}

void IoCore::Private::queueBytes(quint32 index, const QByteArray &bytes)
{
    if (!admit(index, bytes.size()))
        return;
    Slot &s = slot(index);
    if (s.out.isEmpty())
        s.out = bytes; // shared, not copied: one broadcast frame for many connections
    else
        s.out.append(bytes);
    markDirty(index);
}

void IoCore::Private::markDirty(quint32 index)
{
    Slot &s = slot(index);
    if (!(s.flags & Dirty)) {
        s.flags |= Dirty;
        dirty.push_back(index);
    }
    // Outside a wakeup (an application timer, another object's slot): flush on the next
    // event loop pass, once for everything queued until then.
    if (batchDepth == 0 && !flushTimer->isActive())
        flushTimer->start();
}

void IoCore::Private::flushDirty()
{
    ++batchDepth;
    while (!dirty.empty()) {
        flushing.swap(dirty);
        for (const quint32 index : flushing) {
            Slot &s = slot(index);
            if (!(s.flags & Dirty))
                continue;
            s.flags &= quint8(~Dirty);
            if (s.state != SlotState::Free)
                flushSlot(index);
        }
        flushing.clear();
    }
    --batchDepth;
}

void IoCore::Private::flushSlot(quint32 index)
{
    Slot &s = slot(index);
    if (s.state == SlotState::Polling) {
        if (!s.out.isEmpty() && polls.count(index))
            answerPoll(index);
        return;
    }
    if (s.flags & Overflow) {
        connectionLost(index, CloseReason::Error,
            QStringLiteral("slow consumer: more than %1 bytes of output waiting")
                .arg(maxOutputBytes));
        return;
    }
    if (s.flags & WaitWritable)
        return; // the socket is full; EPOLLOUT brings us back
    const qsizetype pending = s.out.size() - qsizetype(s.outPos);
    if (pending > 0) {
        const ssize_t n = rawWrite(index, s.out.constData() + s.outPos, pending);
        if (n < 0) {
            const int err = errno;
            if (err == EAGAIN || err == EWOULDBLOCK) {
                s.flags |= WaitWritable;
                if (!(s.flags & TlsWriteWantsRead)) // else EPOLLIN brings us back
                    setWantWrite(index, true);
            } else if (err == EINTR) {
                markDirty(index);
            } else {
                connectionLost(index, CloseReason::Error, ioErrorString(s, err));
            }
            return;
        }
        stats.bytesOut += quint64(n);
        if (n < pending) {
            s.outPos += quint32(n);
            if (s.outPos >= kScratchSize && qsizetype(s.outPos) * 2 >= s.out.size()) {
                s.out.remove(0, s.outPos);
                s.outPos = 0;
            }
            s.flags |= WaitWritable;
            setWantWrite(index, true);
            return;
        }
        recycle(s.out);
        s.outPos = 0;
    }
    if ((s.flags & EpollOut) && !(s.flags & TlsReadWantsWrite))
        setWantWrite(index, false);
    if (s.state == SlotState::Closing && !(s.flags & WriteShut)) {
        // Everything said: half-close and wait (lingerQueue) for the peer's EOF, so our last
        // bytes are not lost to a reset caused by unread input.
        if (s.flags & IsTls)
            Tls::shutdown(tlsSession(index)); // close_notify
        ::shutdown(s.fd, SHUT_WR);
        s.flags |= WriteShut;
    }
}

ssize_t IoCore::Private::tlsRead(quint32 index, char *buffer, qsizetype size)
{
    quint8 want = 0;
    const ssize_t n = Tls::read(tlsSession(index), buffer, size, &want);
    const int err = errno;
    if (want & Tls::WantWritable) {
        slot(index).flags |= TlsReadWantsWrite;
        setWantWrite(index, true);
    }
    if (want & Tls::ReadAgain)
        tlsAgain.push_back(idOf(index));
    errno = err;
    return n;
}

ssize_t IoCore::Private::tlsWrite(quint32 index, const char *data, qsizetype size)
{
    quint8 want = 0;
    const ssize_t n = Tls::write(tlsSession(index), data, size, &want);
    if (want & Tls::WantReadable)
        slot(index).flags |= TlsWriteWantsRead;
    return n;
}

void IoCore::Private::tlsFree(quint32 index)
{
    Slot &s = slot(index);
    if (ssl_st *&ssl = tlsSession(index)) {
        Tls::free(ssl);
        ssl = nullptr;
    }
    s.flags &= quint8(~IsTls);
}

void IoCore::Private::setWantWrite(quint32 index, bool on)
{
    Slot &s = slot(index);
    if (bool(s.flags & EpollOut) == on)
        return;
    epoll_event ev {};
    ev.events = EPOLLIN | (on ? EPOLLOUT : 0u);
    ev.data.u64 = idOf(index);
    epoll_ctl(epollFd, EPOLL_CTL_MOD, s.fd, &ev);
    if (on)
        s.flags |= EpollOut;
    else
        s.flags &= quint8(~EpollOut);
}

void IoCore::Private::refuseHttp(
    quint32 index, int status, QByteArrayView contentType, QByteArrayView body)
{
    queueBytes(index, HttpRequestParser::response(status, contentType, body));
    enterClosing(index);
}

void IoCore::Private::answerHttp(quint32 index, const HttpResponse &response, bool keepAlive)
{
    Slot &s = slot(index);
    const bool wasWaiting = s.state == SlotState::Waiting;
    if (wasWaiting) {
        held.erase(index);
        s.state = SlotState::Http;
    }
    queueBytes(index,
        HttpRequestParser::response(
            response.status, response.contentType, response.body, keepAlive, response.headers));
    if (!keepAlive) {
        enterClosing(index);
        return;
    }
    // Between requests a kept-alive connection has the handshake timeout as its idle timeout.
    if (timers.duration(handshakeQueue) > 0) {
        timers.arm(index, 1, handshakeQueue, monotonicMs());
        scheduleTimer();
    }
    if (wasWaiting && !s.in.isEmpty())
        reparseLater(idOf(index)); // a pipelined request waited behind the held one
}

void IoCore::Private::answerPoll(quint32 sessionIndex)
{
    const auto it = polls.find(sessionIndex);
    if (it == polls.end())
        return;
    const ConnectionId httpId = it->second;
    polls.erase(it);
    quint32 httpIndex;
    if (!find(httpId, &httpIndex) || slot(httpIndex).state != SlotState::Waiting)
        return;
    const auto h = held.find(httpIndex);
    const bool keepAlive = h != held.end() && h->second.keepAlive;
    HttpResponse response;
    response.status = 200;
    response.contentType = "text/plain; charset=UTF-8";
    response.headers = "cache-control: no-store\r\n";
    if (h != held.end())
        response.headers += h->second.headers;
    Slot &session = slot(sessionIndex);
    response.body = std::move(session.out);
    session.out = QByteArray();
    answerHttp(httpIndex, response, keepAlive);
}

void IoCore::Private::releaseHeld(quint32 index)
{
    const auto it = held.find(index);
    if (it == held.end())
        return;
    const ConnectionId session = it->second.session;
    held.erase(it);
    quint32 sessionIndex;
    if (!session || !find(session, &sessionIndex))
        return;
    const auto poll = polls.find(sessionIndex);
    if (poll != polls.end() && poll->second == idOf(index))
        polls.erase(poll);
    // As engine.io: a poll whose connection goes away ends the session.
    closePolling(
        sessionIndex, CloseReason::Error, QStringLiteral("poll connection closed prematurely"));
}

void IoCore::Private::closePolling(quint32 index, CloseReason reason, const QString &detail)
{
    Slot &s = slot(index);
    if (s.state != SlotState::Polling)
        return;
    const quint32 generation = s.generation;
    if (reason == CloseReason::LocalClose || reason == CloseReason::Shutdown) {
        // The close packet goes with whatever was still queued to the held poll, if any.
        Protocol::EnginePayload::appendText(s.out, "1");
        answerPoll(index);
    }
    notifyClosed(index, reason, detail);
    if (slot(index).generation == generation)
        freeSlot(index);
}

void IoCore::Private::queuePollPacket(quint32 index, QByteArrayView payload, bool binary)
{
    Slot &s = slot(index);
    if (binary)
        Protocol::EnginePayload::appendBinary(s.out, payload);
    else
        Protocol::EnginePayload::appendText(s.out, payload);
    markDirty(index);
}

void IoCore::Private::reparseLater(ConnectionId id)
{
    reparseIds.push_back(id);
    if (reparseScheduled)
        return;
    reparseScheduled = true;
    QTimer::singleShot(0, q, [this] {
        reparseScheduled = false;
        Batch batch(this);
        std::vector<ConnectionId> ids;
        ids.swap(reparseIds);
        for (const ConnectionId id : ids) {
            quint32 index;
            if (find(id, &index))
                reparse(index);
        }
    });
}

void IoCore::Private::reparse(quint32 index)
{
    Slot &s = slot(index);
    const quint32 generation = s.generation;
    if ((s.state != SlotState::Http && s.state != SlotState::Open) || s.in.isEmpty())
        return;
    QByteArray data = std::move(s.in);
    s.in = QByteArray();
    s.needed = 0;
    busy = index;
    const qsizetype consumed = process(index, data.data(), data.size());
    busy = kNoSlot;
    if (s.generation == generation && consumed < data.size()
        && (s.state == SlotState::Http || s.state == SlotState::Open
            || s.state == SlotState::Waiting)
        && !pendingFree)
        s.in = data.mid(consumed) + s.in;
    finishDeferred(index, generation);
}

void IoCore::Private::enterClosing(quint32 index)
{
    Slot &s = slot(index);
    if (s.state == SlotState::Waiting)
        releaseHeld(index);
    if (hasSocket(s.state))
        --activeCount;
    s.state = SlotState::Closing;
    timers.disarmAll(index);
    timers.arm(index, 0, lingerQueue, monotonicMs());
    scheduleTimer();
    markDirty(index);
}

void IoCore::Private::closeOpen(
    quint32 index, CloseReason reason, const QString &detail, quint16 code, QByteArrayView text)
{
    Slot &s = slot(index);
    if (s.state != SlotState::Open)
        return;
    queueFrame(index, WsFrameParser::Close, WsFrameParser::closePayload(code, text));
    enterClosing(index);
    notifyClosed(index, reason, detail);
}

void IoCore::Private::notifyClosed(quint32 index, CloseReason reason, const QString &detail)
{
    if (index == busy) {
        pendingNotify = true;
        pendingId = idOf(index);
        pendingReason = reason;
        pendingDetail = detail;
        return;
    }
    if (notifyHandler)
        handler->onClosed(idOf(index), reason, detail);
}

void IoCore::Private::connectionLost(quint32 index, CloseReason reason, const QString &detail)
{
    Slot &s = slot(index);
    const quint32 generation = s.generation;
    if (s.state == SlotState::Open) {
        --activeCount;
        s.state = SlotState::Closing;
        timers.disarmAll(index);
        notifyClosed(index, reason, detail);
    }
    if (slot(index).generation == generation)
        freeSlot(index);
}

void IoCore::Private::freeSlot(quint32 index)
{
    Slot &s = slot(index);
    if (s.state == SlotState::Free)
        return;
    if (s.state == SlotState::Waiting)
        releaseHeld(index);
    if (s.state == SlotState::Polling) {
        if (const auto it = polls.find(index); it != polls.end()) {
            const ConnectionId poll = it->second;
            polls.erase(it);
            quint32 pollIndex;
            if (find(poll, &pollIndex)) {
                held.erase(pollIndex);
                enterClosing(pollIndex); // the session is gone: its poll gets no answer
            }
        }
    }
    if (hasSocket(s.state))
        --activeCount;
    if (index == busy) {
        s.state = SlotState::Closing; // nothing more goes out; freed by finishDeferred()
        pendingFree = true;
        return;
    }
    if (s.flags & IsTls)
        tlsFree(index);
    if (s.fd >= 0)
        ::close(s.fd); // also removes it from the epoll set
    timers.disarmAll(index);
    s.fd = -1;
    s.in = QByteArray();
    s.out = QByteArray();
    s.outPos = 0;
    s.needed = 0;
    s.parser.reset();
    s.userData = nullptr;
    s.flags &= Dirty; // a stale dirty-list entry is skipped: state is Free
    s.state = SlotState::Free;
    if (++s.generation == 0)
        s.generation = 1;
    freeSlots.push_back(index);
}

void IoCore::Private::shutdownAll(bool notify)
{
    Batch batch(this);
    notifyHandler = notify;
    if (listenFd >= 0) {
        ::close(listenFd);
        listenFd = -1;
    }
    acceptResumeTimer->stop();
    for (quint32 index = 0; index < slotCount; ++index) {
        Slot &s = slot(index);
        const quint32 generation = s.generation;
        switch (s.state) {
        case SlotState::Free:
            continue;
        case SlotState::Http:
        case SlotState::Waiting:
            break;
        case SlotState::Polling:
            closePolling(index, CloseReason::Shutdown, QStringLiteral("server shut down"));
            continue;
        case SlotState::Open:
            closeOpen(index, CloseReason::Shutdown, QStringLiteral("server shut down"),
                WsFrameParser::CloseGoingAway, {});
            break;
        case SlotState::Closing:
            break;
        }
        if (slot(index).generation != generation || s.state == SlotState::Free)
            continue;
        s.flags &= quint8(~WaitWritable);
        flushSlot(index); // best effort: one write of the close frame
        if (slot(index).generation == generation)
            freeSlot(index);
    }
    notifyHandler = true;
}

void IoCore::Private::scheduleTimer()
{
    const qint64 next = timers.nextDeadline();
    if (next == TimerQueues::NoDeadline) {
        timer->stop();
        timerDeadline = next;
        return;
    }
    if (timer->isActive() && timerDeadline <= next)
        return;
    const qint64 wait = qBound<qint64>(0, next - monotonicMs(), qint64(INT_MAX));
    timer->start(int(wait));
    timerDeadline = next;
}

void IoCore::Private::onTimerFired()
{
    Batch batch(this);
    timerDeadline = TimerQueues::NoDeadline;
    const qint64 now = monotonicMs();
    // Bounded: a handler re-arming a zero-length queue waits for the next pass.
    qsizetype budget = 0;
    for (int queue = 0; queue < timers.queueCount(); ++queue)
        budget += timers.size(queue);
    TimerQueues::Expired expired;
    while (budget-- > 0 && timers.takeExpired(now, &expired)) {
        Slot &s = slot(expired.slot);
        if (expired.queue == handshakeQueue) {
            if (s.state == SlotState::Http)
                freeSlot(expired.slot); // never opened: no onClosed
        } else if (expired.queue == lingerQueue) {
            if (s.state == SlotState::Closing)
                freeSlot(expired.slot);
        } else if (s.state == SlotState::Open || s.state == SlotState::Http
            || s.state == SlotState::Polling) {
            handler->onTimer(idOf(expired.slot), expired.queue);
        }
    }
    scheduleTimer();
}

// --- IoCore --------------------------------------------------------------------------------

IoCore::IoCore(ConnectionHandler *handler, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, handler))
{ }

IoCore::~IoCore()
{
    d->shutdownAll(false);
    delete d->notifier;
    d->notifier = nullptr;
    if (d->epollFd >= 0)
        ::close(d->epollFd);
    if (d->spareFd >= 0)
        ::close(d->spareFd);
}

bool IoCore::listen(const QHostAddress &address, quint16 port)
{
    assertOwnerThread(this, "IoCore::listen");
    if (d->listenFd >= 0) {
        d->errorString = QStringLiteral("already listening");
        return false;
    }
    if (!d->ensureEpoll())
        return false;

    sockaddr_storage storage {};
    socklen_t length = 0;
    int family = AF_INET;
    bool v6only = false;
    const bool any = address == QHostAddress(QHostAddress::Any);
    if (address.protocol() == QAbstractSocket::IPv4Protocol) {
        auto &in4 = reinterpret_cast<sockaddr_in &>(storage);
        in4.sin_family = AF_INET;
        in4.sin_port = htons(port);
        in4.sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof in4;
    } else if (address.protocol() == QAbstractSocket::IPv6Protocol || any) {
        auto &in6 = reinterpret_cast<sockaddr_in6 &>(storage);
        family = AF_INET6;
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(port);
        const Q_IPV6ADDR bytes = any ? Q_IPV6ADDR {} : address.toIPv6Address();
        std::memcpy(in6.sin6_addr.s6_addr, bytes.c, 16);
        bool ok = false;
        const uint scope = address.scopeId().toUInt(&ok);
        if (ok)
            in6.sin6_scope_id = scope;
        v6only = !any; // Any = dual stack
        length = sizeof in6;
    } else {
        d->errorString = QStringLiteral("unsupported address");
        return false;
    }

    int fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0 && any && errno == EAFNOSUPPORT) { // no IPv6 on this host
        family = AF_INET;
        storage = {};
        auto &in4 = reinterpret_cast<sockaddr_in &>(storage);
        in4.sin_family = AF_INET;
        in4.sin_port = htons(port);
        in4.sin_addr.s_addr = htonl(INADDR_ANY);
        length = sizeof in4;
        fd = ::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    }
    if (fd < 0) {
        d->errorString = errnoString(errno);
        return false;
    }
    const int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (family == AF_INET6) {
        const int flag = v6only ? 1 : 0;
        setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &flag, sizeof flag);
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) < 0
        || ::listen(fd, SOMAXCONN) < 0) {
        d->errorString = errnoString(errno);
        ::close(fd);
        return false;
    }
    epoll_event ev {};
    ev.events = EPOLLIN;
    ev.data.u64 = 0; // 0 is never a ConnectionId
    if (epoll_ctl(d->epollFd, EPOLL_CTL_ADD, fd, &ev) < 0) {
        d->errorString = errnoString(errno);
        ::close(fd);
        return false;
    }
    d->listenFd = fd;
    d->errorString.clear();
    return true;
}

void IoCore::close()
{
    assertOwnerThread(this, "IoCore::close");
    d->shutdownAll(true);
}

bool IoCore::isListening() const
{
    return d->listenFd >= 0;
}

quint16 IoCore::serverPort() const
{
    if (d->listenFd < 0)
        return 0;
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (getsockname(d->listenFd, reinterpret_cast<sockaddr *>(&storage), &length) < 0)
        return 0;
    if (storage.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(storage).sin_port);
    return ntohs(reinterpret_cast<const sockaddr_in6 &>(storage).sin6_port);
}

QHostAddress IoCore::serverAddress() const
{
    if (d->listenFd < 0)
        return {};
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (getsockname(d->listenFd, reinterpret_cast<sockaddr *>(&storage), &length) < 0)
        return {};
    return QHostAddress(reinterpret_cast<const sockaddr *>(&storage));
}

QString IoCore::errorString() const
{
    return d->errorString;
}

void IoCore::setMaxConnections(int max)
{
    d->maxConnections = qMax(0, max);
}

void IoCore::setMaxOutputBuffer(qint64 bytes)
{
    d->maxOutputBytes = qMax<qint64>(0, bytes);
}

void IoCore::setMaxMessageSize(qint64 bytes)
{
    d->maxMessageSize = qMax<qint64>(0, bytes);
}

bool IoCore::setTlsCertificate(const QString &certificateFile, const QString &keyFile)
{
    if (certificateFile.isEmpty() && keyFile.isEmpty()) {
        d->tls.reset();
        return true;
    }
    auto context = std::make_unique<TlsContext>();
    if (!context->load(certificateFile, keyFile)) {
        d->errorString = context->errorString();
        return false;
    }
    d->tls = std::move(context);
    return true;
}

bool IoCore::isSecure() const
{
    return d->tls != nullptr;
}

void IoCore::setHandshakeTimeout(int ms)
{
    assertOwnerThread(this, "IoCore::setHandshakeTimeout");
    d->timers.setDuration(d->handshakeQueue, qMax(0, ms));
    d->scheduleTimer();
}

void IoCore::sendText(ConnectionId id, QByteArrayView payload)
{
    assertOwnerThread(this, "IoCore::sendText");
    quint32 index;
    Slot *s = d->find(id, &index);
    if (s && s->state == SlotState::Open)
        d->queueFrame(index, WsFrameParser::Text, payload);
    else if (s && s->state == SlotState::Polling)
        d->queuePollPacket(index, payload, false);
}

void IoCore::sendBinary(ConnectionId id, QByteArrayView payload)
{
    assertOwnerThread(this, "IoCore::sendBinary");
    quint32 index;
    Slot *s = d->find(id, &index);
    if (s && s->state == SlotState::Open)
        d->queueFrame(index, WsFrameParser::Binary, payload);
    else if (s && s->state == SlotState::Polling)
        d->queuePollPacket(index, payload, true);
}

void IoCore::sendFrame(ConnectionId id, const QByteArray &frame)
{
    assertOwnerThread(this, "IoCore::sendFrame");
    quint32 index;
    Slot *s = d->find(id, &index);
    if (s && s->state == SlotState::Open) {
        d->queueBytes(index, frame);
    } else if (s && s->state == SlotState::Polling && frame.size() >= 2) {
        // A frame we built (unmasked, single): take its payload back out.
        const quint8 opcode = quint8(frame[0]) & 0x0F;
        qint64 length = quint8(frame[1]) & 0x7F;
        qsizetype header = 2;
        if (length == 126) {
            length = (qint64(quint8(frame[2])) << 8) | quint8(frame[3]);
            header = 4;
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; ++i)
                length = (length << 8) | quint8(frame[2 + i]);
            header = 10;
        }
        if (header + length <= frame.size())
            d->queuePollPacket(index, QByteArrayView(frame.constData() + header, length),
                opcode == WsFrameParser::Binary);
    }
}

QByteArray IoCore::buildFrame(QByteArrayView payload, bool binary)
{
    QByteArray frame;
    WsFrameParser::appendFrame(
        frame, binary ? WsFrameParser::Binary : WsFrameParser::Text, payload);
    return frame;
}

void IoCore::closeConnection(ConnectionId id, quint16 code, QByteArrayView reason)
{
    assertOwnerThread(this, "IoCore::closeConnection");
    quint32 index;
    Slot *s = d->find(id, &index);
    if (!s)
        return;
    Private::Batch batch(d.get()); // outside a wakeup: flushed before returning
    if (s->state == SlotState::Http || s->state == SlotState::Waiting)
        d->enterClosing(index); // refused before the upgrade: nothing to say, no onClosed
    else if (s->state == SlotState::Polling)
        d->closePolling(index, CloseReason::LocalClose, QString());
    else if (s->state == SlotState::Open)
        d->closeOpen(index, CloseReason::LocalClose, QString(), code, reason);
}

void IoCore::respond(ConnectionId httpId, const HttpResponse &response)
{
    quint32 index;
    Slot *s = d->find(httpId, &index);
    if (!s || s->state != SlotState::Waiting)
        return;
    const auto it = d->held.find(index);
    if (it == d->held.end() || it->second.session != 0)
        return; // a poll is answered by its session's output
    Private::Batch batch(d.get());
    if (response.status == 101 && !it->second.webSocketKey.isEmpty()) {
        // A held upgrade accepted late: open it now; frames that came meanwhile are read next.
        const QByteArray key = it->second.webSocketKey;
        const quint32 generation = s->generation;
        d->held.erase(it);
        d->queueBytes(index, HttpRequestParser::upgradeResponse(key));
        s->state = SlotState::Open;
        d->handler->onOpen(httpId);
        if (d->alive(index, generation) && s->state == SlotState::Open && !s->in.isEmpty())
            d->reparseLater(httpId);
        return;
    }
    if (response.status == 101) {
        d->answerHttp(index, HttpResponse(400, "text/plain", "Bad Request"), false);
        return;
    }
    d->answerHttp(index, response, it->second.keepAlive && response.keepAlive);
}

ConnectionId IoCore::openPollingSession(const QHostAddress &peer, quint16 port)
{
    const quint32 index = d->newSlot();
    Slot &s = d->slot(index);
    s.fd = -1;
    s.state = SlotState::Polling;
    s.flags = 0;
    s.peerPort = port;
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4) {
        s.peerFamily = 4;
        const quint32 net = htonl(v4);
        std::memcpy(s.peerAddress, &net, 4);
    } else {
        s.peerFamily = 6;
        const Q_IPV6ADDR bytes = peer.toIPv6Address();
        std::memcpy(s.peerAddress, bytes.c, 16);
    }
    return d->idOf(index);
}

bool IoCore::holdPoll(ConnectionId session, ConnectionId httpId, const QByteArray &headers)
{
    quint32 sessionIndex;
    quint32 httpIndex;
    Slot *s = d->find(session, &sessionIndex);
    Slot *h = d->find(httpId, &httpIndex);
    if (!s || !h || s->state != SlotState::Polling || d->polls.count(sessionIndex))
        return false;
    if (h->state == SlotState::Waiting) { // held by the handler first (allowRequest)
        const auto it = d->held.find(httpIndex);
        if (it == d->held.end() || it->second.session != 0)
            return false;
        it->second.session = session;
        it->second.headers = headers;
        d->polls[sessionIndex] = httpId;
        if (!s->out.isEmpty())
            d->markDirty(sessionIndex);
        return true;
    }
    if (h->state != SlotState::Http)
        return false;
    h->state = SlotState::Waiting;
    d->timers.disarm(httpIndex, 1);
    d->held[httpIndex] = Private::Held { session, false, headers, {} };
    d->polls[sessionIndex] = httpId;
    if (!s->out.isEmpty())
        d->markDirty(sessionIndex);
    return true;
}

bool IoCore::isPollingSession(ConnectionId id) const
{
    const Slot *s = d->find(id);
    return s && s->state == SlotState::Polling;
}

bool IoCore::upgradeSession(ConnectionId session, ConnectionId webSocket)
{
    quint32 pi;
    quint32 wi;
    Slot *p = d->find(session, &pi);
    Slot *w = d->find(webSocket, &wi);
    if (!p || !w || p->state != SlotState::Polling || w->state != SlotState::Open)
        return false;
    Private::Batch batch(d.get());
    // What waited for the next poll goes over the WebSocket; a held poll gets a noop.
    QByteArray pending = std::move(p->out);
    p->out = QByteArray();
    if (d->polls.count(pi)) {
        p->out = "6";
        d->answerPoll(pi);
    }
    p->fd = w->fd;
    w->fd = -1;
    p->flags = quint8(w->flags & ~(Dirty | Overflow));
    if (w->flags & IsTls) {
        d->tlsSession(pi) = d->tlsSession(wi);
        d->tlsSession(wi) = nullptr;
        w->flags &= quint8(~IsTls);
    }
    p->peerFamily = w->peerFamily;
    std::memcpy(p->peerAddress, w->peerAddress, sizeof p->peerAddress);
    p->peerPort = w->peerPort;
    p->out = std::move(w->out);
    w->out = QByteArray();
    p->outPos = w->outPos;
    w->outPos = 0;
    p->parser = w->parser;
    p->needed = 0;
    p->state = SlotState::Open;
    ++d->activeCount; // the WebSocket's socket, counted here now (and no longer for w below)
    epoll_event ev {};
    ev.events = EPOLLIN | ((p->flags & EpollOut) ? EPOLLOUT : 0u);
    ev.data.u64 = d->idOf(pi);
    epoll_ctl(d->epollFd, EPOLL_CTL_MOD, p->fd, &ev);
    if (!pending.isEmpty()) {
        QList<Protocol::EnginePayload::Packet> packets;
        QByteArray error;
        if (Protocol::EnginePayload::decode(pending, &packets, &error)) {
            for (const auto &packet : std::as_const(packets))
                d->queueFrame(
                    pi, packet.binary ? WsFrameParser::Binary : WsFrameParser::Text, packet.data);
        }
    }
    d->markDirty(pi);
    w->state = SlotState::Http; // not Open: freeing it tells nobody (and counts it out)
    if (d->busy == wi) {
        d->movedFrom = wi;
        d->movedTo = pi;
    }
    w->userData = nullptr;
    d->freeSlot(wi);
    return true;
}

bool IoCore::isValid(ConnectionId id) const
{
    const Slot *s = d->find(id);
    return s && isActive(s->state);
}

int IoCore::connectionCount() const
{
    return d->activeCount;
}

QHostAddress IoCore::peerAddress(ConnectionId id) const
{
    const Slot *s = d->find(id);
    if (!s)
        return {};
    if (s->peerFamily == 4) {
        quint32 v4;
        std::memcpy(&v4, s->peerAddress, 4);
        return QHostAddress(ntohl(v4));
    }
    return QHostAddress(s->peerAddress);
}

quint16 IoCore::peerPort(ConnectionId id) const
{
    const Slot *s = d->find(id);
    return s ? s->peerPort : 0;
}

void IoCore::setUserData(ConnectionId id, void *data)
{
    assertOwnerThread(this, "IoCore::setUserData");
    if (Slot *s = d->find(id))
        s->userData = data;
}

void *IoCore::userData(ConnectionId id) const
{
    const Slot *s = d->find(id);
    return s ? s->userData : nullptr;
}

int IoCore::createTimerQueue(int durationMs)
{
    assertOwnerThread(this, "IoCore::createTimerQueue");
    return d->timers.createQueue(qMax(0, durationMs));
}

void IoCore::setTimerQueueDuration(int queue, int durationMs)
{
    assertOwnerThread(this, "IoCore::setTimerQueueDuration");
    if (queue < d->firstUserQueue)
        return;
    d->timers.setDuration(queue, qMax(0, durationMs));
    d->scheduleTimer();
}

void IoCore::armTimer(ConnectionId id, int link, int queue)
{
    assertOwnerThread(this, "IoCore::armTimer");
    quint32 index;
    Slot *s = d->find(id, &index);
    if (!s || queue < d->firstUserQueue || queue >= d->timers.queueCount() || link < 0
        || link >= kLinks)
        return;
    if (s->state == SlotState::Closing || s->state == SlotState::Waiting
        || (s->state == SlotState::Http && link == 1))
        return; // link 1 holds the handshake timeout until onOpen
    const qint64 now = monotonicMs();
    d->timers.arm(index, link, queue, now);
    if (!d->timer->isActive() || now + d->timers.duration(queue) < d->timerDeadline)
        d->scheduleTimer();
}

void IoCore::disarmTimer(ConnectionId id, int link)
{
    assertOwnerThread(this, "IoCore::disarmTimer");
    quint32 index;
    Slot *s = d->find(id, &index);
    if (!s || s->state == SlotState::Closing || (s->state == SlotState::Http && link == 1))
        return;
    d->timers.disarm(index, link); // the QTimer may fire for nothing once; cheaper than
                                   // recomputing the earliest deadline here
}

IoCore::Stats IoCore::stats() const
{
    return d->stats;
}

} // namespace SmartSocket::Transport
