#include "scenarios.h"

#include "loop.h"
#include "measure.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

namespace bench {

namespace {

constexpr std::int64_t kSecond = 1000000000;

std::int64_t secondsNs(double s)
{
    return std::int64_t(s * 1e9);
}

// The Node bench's ~100-byte object, same keys in the same order:
// {"id":123456,"user":"user-000042","room":"bench-room","ts":1700000000000,"text":"xxx…"}
std::string makePayload(int targetBytes)
{
    const std::string head
        = R"({"id":123456,"user":"user-000042","room":"bench-room","ts":1700000000000,"text":")";
    const int fill = targetBytes - int(head.size()) - 2;
    return head + std::string(std::size_t(fill > 0 ? fill : 0), 'x') + "\"}";
}

// The broadcast payload: a sequence number to match deliveries, padded to the target size.
std::string makeBroadcast(int seq, int targetBytes)
{
    std::string s = R"({"seq":)" + std::to_string(seq) + R"(,"ts":1700000000000,"text":")";
    const int fill = targetBytes - int(s.size()) - 2;
    return s + std::string(std::size_t(fill > 0 ? fill : 0), 'x') + "\"}";
}

// Parses "3[/nsp,]<id>..." (an ACK packet): the id, and where its data starts.
bool parseAck(const char *data, std::size_t size, std::uint64_t *id, std::size_t *dataPos)
{
    if (size < 2 || data[0] != '3')
        return false;
    std::size_t i = 1;
    if (data[i] == '/') {
        while (i < size && data[i] != ',')
            ++i;
        ++i;
    }
    std::uint64_t v = 0;
    const std::size_t start = i;
    while (i < size && data[i] >= '0' && data[i] <= '9')
        v = v * 10 + std::uint64_t(data[i++] - '0');
    if (i == start)
        return false;
    *id = v;
    *dataPos = i;
    return true;
}

// Shared by all scenarios: opening connections with L handshakes in flight, and counting what
// became of them.
class Base : public Handler
{
public:
    enum Role : std::uint8_t { None, Connecting, Ready, Leaving };

    explicit Base(const Options &o) : opt(o) { }

    bool makeLoop(Protocol protocol, std::uint32_t capacity)
    {
        std::string error;
        if (!parseTarget(opt.url, protocol, &target, &error)) {
            std::fprintf(stderr, "smartsocket-bench: %s\n", error.c_str());
            return false;
        }
        loop = std::make_unique<Loop>(this, protocol, target, opt.nsp, capacity, opt.sources);
        loop->setCoalesce(opt.coalesce);
        role.assign(capacity, None);
        if (!loop->valid()) {
            std::fprintf(stderr, "smartsocket-bench: epoll_create1 failed\n");
            return false;
        }
        return true;
    }

    void onReady(std::uint32_t i) override
    {
        if (role[i] == Connecting) {
            --pending;
            ++connected;
            handshake.record(loop->now() - loop->conn(i).startedNs);
        }
        role[i] = Ready;
        ready(i);
    }

    void onClosed(std::uint32_t i, const char *why) override
    {
        const Role was = Role(role[i]);
        role[i] = None;
        if (was == Connecting) {
            --pending;
            ++failed;
            ++errors[why];
        } else if (was == Ready) {
            ++dropped;
            ++drops[why];
        }
        closed(i, was, why);
    }

    virtual void ready(std::uint32_t) { }
    virtual void closed(std::uint32_t, Role, const char *) { }

    bool openOne(std::uint32_t i)
    {
        const char *why = nullptr;
        if (!loop->open(i, &why)) {
            ++failed;
            ++errors[why];
            return false;
        }
        role[i] = Connecting;
        ++pending;
        return true;
    }

    /// Opens slots [from, to) with at most `inFlight` handshakes at a time; true when all
    /// connected before the deadline.
    bool connectRange(std::uint32_t from, std::uint32_t to, int inFlight, std::int64_t deadline)
    {
        std::uint32_t next = from;
        const std::uint64_t failedBefore = failed;
        loop->runUntil(deadline, [&] {
            while (pending < inFlight && next < to)
                openOne(next++);
            return next >= to && pending == 0;
        });
        // Whatever is still handshaking at the deadline counts as failed.
        for (std::uint32_t i = from; i < to; ++i) {
            if (role[i] == Connecting) {
                loop->close(i);
                role[i] = None;
                --pending;
                ++failed;
                ++errors["handshake timeout"];
            }
        }
        failed += to - next; // never started
        return failed == failedBefore;
    }

    /// Runs the loop for `seconds` (pings answered meanwhile).
    void idleFor(double seconds)
    {
        loop->runUntil(monotonicNs() + secondsNs(seconds), [] { return false; });
    }

    std::string mapJson(const std::map<std::string, std::uint64_t> &m) const
    {
        Json j;
        for (const auto &[k, v] : m)
            j.add(k, v);
        return j.str();
    }

    /// Fields every RESULT has.
    void common(Json &j) const
    {
        j.add("mode", opt.scenario);
        if (!opt.label.empty())
            j.add("server", opt.label);
        j.add("url", opt.url);
        if (opt.nsp != "/")
            j.add("namespace", opt.nsp);
        j.add("server_pid", opt.serverPid);
        j.add("client_writes", opt.coalesce ? "per-wakeup" : "per-message");
    }

    void emitResult(const Json &j) const
    {
        std::printf("RESULT %s\n", j.str().c_str());
        std::fflush(stdout);
    }

    const Options &opt;
    Target target;
    std::unique_ptr<Loop> loop;
    std::vector<std::uint8_t> role;
    int pending = 0;
    std::uint64_t connected = 0;
    std::uint64_t failed = 0;
    std::uint64_t dropped = 0;
    std::map<std::string, std::uint64_t> errors;
    std::map<std::string, std::uint64_t> drops;
    Histogram handshake;
};

// Control socket helper: `stats` with an ack (Node forces a GC there), bounded in time.
class StatsCall
{
public:
    std::uint64_t nextId = 900000000;
    std::uint64_t waitingFor = 0;
    bool answered = false;
    std::string reply;

    void ask(Loop &loop, std::uint32_t index)
    {
        waitingFor = nextId++;
        answered = false;
        loop.emitEvent(index, R"("stats")", std::int64_t(waitingFor));
    }
    bool onMessage(const char *data, std::size_t size)
    {
        std::uint64_t id;
        std::size_t pos;
        if (!parseAck(data, size, &id, &pos) || id != waitingFor)
            return false;
        answered = true;
        reply.assign(data + pos, size - pos);
        return true;
    }
};

// ---------------------------------------------------------------------------------------------
// ack: C clients x W acked emits in flight (closed loop), warm-up, measured window, drain.
// idle-scaling runs it twice: without and with K idle connections held by the same process.
class AckScenario : public Base
{
public:
    explicit AckScenario(const Options &o) : Base(o) { }

    enum Phase { Idle, Warmup, Measure, Drain };

    int run()
    {
        const bool scaling = opt.scenario == "idle-scaling";
        const std::uint32_t C = std::uint32_t(opt.clients);
        const std::uint32_t W = std::uint32_t(opt.window);
        const std::uint32_t K = scaling ? std::uint32_t(opt.idle) : 0;
        if (!makeLoop(Protocol::SocketIo, C + K))
            return 2;
        payload = makePayload(opt.payloadBytes);
        body = R"("echo",)" + payload;
        expectedReply = "[" + payload + "]";
        sendNs.assign(std::size_t(C) * W, 0);
        expectId.assign(std::size_t(C) * W, 0);
        checked.assign(C, 0);
        if (!connectRange(0, C, 50, monotonicNs() + 30 * kSecond)) {
            std::fprintf(stderr, "smartsocket-bench: %llu of %u clients failed to connect\n",
                (unsigned long long)failed, C);
            return fail("connect failures");
        }
        for (std::uint32_t i = 0; i < C * W; ++i)
            expectId[i] = i % W; // slot s of client c starts with ack id s
        Json j;
        common(j);
        j.add("clients", C).add("window", W).add("payload_json_bytes", payload.size());
        if (!scaling) {
            if (!measure(j))
                return fail("ack phase failed");
        } else {
            // without idle connections, with K, then without again (the K closed): the ratio
            // divides by the mean of the two runs without, so a drift of the machine's load
            // during the run cancels out.
            Json none;
            if (!measure(none))
                return fail("ack phase without idle connections failed");
            const double perAck0 = lastPerAck;
            const std::int64_t t0 = monotonicNs();
            const std::uint64_t failedBefore = failed;
            connectRange(C, C + K, opt.concurrency, t0 + 120 * kSecond);
            const double connectS = double(monotonicNs() - t0) / 1e9;
            std::fprintf(stderr, "idle-scaling: %u idle connections in %.1f s (%llu failed)\n", K,
                connectS, (unsigned long long)(failed - failedBefore));
            const std::uint64_t idleConnected = connected - C;
            idleFor(1.0);
            Json with;
            if (!measure(with))
                return fail("ack phase with idle connections failed");
            const double perAckK = lastPerAck;
            const std::int64_t rssWith = processRss(opt.serverPid);
            for (std::uint32_t i = C; i < C + K; ++i) {
                if (role[i] == Ready) {
                    loop->close(i);
                    role[i] = None;
                }
            }
            idleFor(1.0);
            Json after;
            if (!measure(after))
                return fail("ack phase after closing the idle connections failed");
            const double perAck0b = lastPerAck;
            const double base = (perAck0 + perAck0b) / 2;
            j.add("idle", K).add("idle_connected", idleConnected).add("idle_connect_s", connectS);
            j.add("rss_with_idle", rssWith);
            j.addRaw("without_idle", none.str()).addRaw("with_idle", with.str());
            j.addRaw("without_idle_after", after.str());
            j.add("server_cpu_us_per_op_without_idle", base);
            j.add("server_cpu_us_per_op_without_idle_first", perAck0);
            j.add("server_cpu_us_per_op_without_idle_after", perAck0b);
            j.add("server_cpu_us_per_op_with_idle", perAckK);
            j.add("ratio", base > 0 ? perAckK / base : 0.0);
        }
        j.add("ack_payload_exact", payloadExact);
        if (!payloadExact)
            j.add("ack_payload_sample", mismatchSample.substr(0, 200));
        j.add("dropped", dropped).add("pings_answered", loop->pingsAnswered());
        emitResult(j);
        return 0;
    }

private:
    int fail(const char *what)
    {
        Json j;
        common(j);
        j.add("error", what).addRaw("errors", mapJson(errors)).addRaw("drops", mapJson(drops));
        emitResult(j);
        return 1;
    }

    void fire(std::uint32_t client, std::uint32_t slot, std::int64_t now)
    {
        if (budget == 0)
            return;
        if (budget > 0)
            --budget;
        const std::size_t k = std::size_t(client) * std::uint32_t(opt.window) + slot;
        sendNs[k] = now;
        loop->emitEvent(client, body, std::int64_t(expectId[k]));
        ++inflight;
    }

    // One warm-up + measured window + drain; appends its figures to `j`.
    bool measure(Json &j)
    {
        const std::uint32_t C = std::uint32_t(opt.clients);
        const std::uint32_t W = std::uint32_t(opt.window);
        const std::uint64_t droppedBefore = dropped;
        latency.clear();
        measured = 0;
        const bool exact = opt.exact >= 0;
        budget = opt.exact;
        phase = exact ? Measure : Warmup;
        Window window(opt.serverPid);
        if (exact)
            window.start();
        const std::int64_t now = monotonicNs();
        for (std::uint32_t c = 0; c < C; ++c) {
            if (role[c] == Ready)
                for (std::uint32_t s = 0; s < W; ++s)
                    fire(c, s, now);
        }
        std::uint64_t measuredStart = 0;
        if (exact) {
            // A fixed workload (for callgrind): exactly --exact acks, no warm-up.
            loop->runUntil(monotonicNs() + secondsNs(opt.duration),
                [&] { return budget == 0 && inflight == 0; });
        } else {
            idleFor(opt.warmup);
            window.start();
            measuredStart = measured;
            latency.clear();
            phase = Measure;
            idleFor(opt.duration);
        }
        phase = Drain;
        window.stop();
        const std::uint64_t done = measured - measuredStart;
        loop->runUntil(monotonicNs() + 10 * kSecond, [&] { return inflight == 0; });
        phase = Idle;
        j.add("completed", done).add("rate_per_s", double(done) / window.seconds());
        j.addRaw("latency", latency.json());
        window.appendJson(j.body(), double(done), "op");
        j.add("undrained", inflight).add("mismatched_acks", mismatched);
        // schedstat when readable (ns), else utime+stime (10 ms ticks)
        const double serverUs
            = window.serverRunUs() >= 0 ? window.serverRunUs() : window.serverUs();
        lastPerAck = window.hasServer() && done ? serverUs / double(done) : 0;
        if (dropped != droppedBefore) {
            std::fprintf(stderr, "smartsocket-bench: %llu clients dropped during the ack run\n",
                (unsigned long long)(dropped - droppedBefore));
            return false;
        }
        if (inflight != 0) {
            std::fprintf(stderr, "smartsocket-bench: %llu acks never came back\n",
                (unsigned long long)inflight);
            return false;
        }
        return done > 0 || opt.exact == 0;
    }

    void onMessage(std::uint32_t i, const char *data, std::size_t size) override
    {
        if (i >= std::uint32_t(opt.clients))
            return; // an idle connection: nothing but pings expected
        std::uint64_t id;
        std::size_t pos;
        if (!parseAck(data, size, &id, &pos))
            return;
        const std::uint32_t W = std::uint32_t(opt.window);
        const std::uint32_t slot = std::uint32_t(id % W);
        const std::size_t k = std::size_t(i) * W + slot;
        if (expectId[k] != id) {
            ++mismatched;
            return;
        }
        if (!checked[i]) {
            checked[i] = 1;
            if (std::string_view(data + pos, size - pos) != expectedReply) {
                payloadExact = false;
                mismatchSample.assign(data + pos, size - pos);
            }
        }
        const std::int64_t now = loop->now();
        --inflight;
        if (phase == Measure) {
            latency.record(now - sendNs[k]);
            ++measured;
        }
        expectId[k] = id + W;
        if (phase == Warmup || phase == Measure)
            fire(i, slot, now);
    }

    void closed(std::uint32_t i, Role was, const char *why) override
    {
        // Its acks never come back: the drain runs into its time limit and the run fails.
        if (was == Ready && i < std::uint32_t(opt.clients))
            std::fprintf(stderr, "smartsocket-bench: client %u closed: %s\n", i, why);
    }

    std::string payload, body, expectedReply, mismatchSample;
    std::vector<std::int64_t> sendNs;
    std::vector<std::uint64_t> expectId;
    std::vector<std::uint8_t> checked;
    Histogram latency;
    Phase phase = Idle;
    std::uint64_t inflight = 0;
    std::uint64_t measured = 0;
    std::uint64_t mismatched = 0;
    bool payloadExact = true;
    std::int64_t budget = -1; ///< sends left in --exact mode; -1 = no limit
    double lastPerAck = 0;
};

// ---------------------------------------------------------------------------------------------
// wsecho: raw WebSocket echo, C clients x W messages in flight, replies matched FIFO.
class WsEchoScenario : public Base
{
public:
    explicit WsEchoScenario(const Options &o) : Base(o) { }
    enum Phase { Idle, Warmup, Measure, Drain };

    int run()
    {
        const std::uint32_t C = std::uint32_t(opt.clients);
        const std::uint32_t W = std::uint32_t(opt.window);
        if (!makeLoop(Protocol::RawWebSocket, C))
            return 2;
        payload = makePayload(opt.payloadBytes);
        ring.assign(std::size_t(C) * W, 0);
        head.assign(C, 0);
        count.assign(C, 0);
        Json j;
        common(j);
        if (!connectRange(0, C, 50, monotonicNs() + 30 * kSecond)) {
            j.add("error", "connect failures").addRaw("errors", mapJson(errors));
            emitResult(j);
            return 1;
        }
        const bool exact = opt.exact >= 0;
        budget = opt.exact;
        phase = exact ? Measure : Warmup;
        Window window(opt.serverPid);
        if (exact)
            window.start();
        const std::int64_t now = monotonicNs();
        for (std::uint32_t c = 0; c < C; ++c)
            for (std::uint32_t s = 0; s < W; ++s)
                fire(c, now);
        std::uint64_t start = 0;
        if (exact) {
            loop->runUntil(monotonicNs() + secondsNs(opt.duration),
                [&] { return budget == 0 && inflight == 0; });
        } else {
            idleFor(opt.warmup);
            window.start();
            latency.clear();
            start = measured;
            phase = Measure;
            idleFor(opt.duration);
        }
        phase = Drain;
        window.stop();
        const std::uint64_t done = measured - start;
        loop->runUntil(monotonicNs() + 10 * kSecond, [&] { return inflight == 0; });
        j.add("clients", C).add("window", W).add("payload_json_bytes", payload.size());
        j.add("completed", done).add("rate_per_s", double(done) / window.seconds());
        j.addRaw("latency", latency.json());
        window.appendJson(j.body(), double(done), "op");
        j.add("undrained", inflight).add("bad_replies", badReplies).add("dropped", dropped);
        if (dropped || inflight || (!done && opt.exact != 0) || badReplies) {
            j.add("error", dropped ? "clients dropped" : (badReplies ? "bad replies" : "no echo"));
            emitResult(j);
            return 1;
        }
        emitResult(j);
        return 0;
    }

private:
    void fire(std::uint32_t c, std::int64_t now)
    {
        if (budget == 0)
            return;
        if (budget > 0)
            --budget;
        const std::uint32_t W = std::uint32_t(opt.window);
        const std::size_t base = std::size_t(c) * W;
        ring[base + (head[c] + count[c]) % W] = now;
        ++count[c];
        ++inflight;
        loop->sendText(c, { payload });
    }

    void onMessage(std::uint32_t c, const char *, std::size_t size) override
    {
        const std::uint32_t W = std::uint32_t(opt.window);
        if (count[c] == 0 || size != payload.size()) {
            ++badReplies;
            return;
        }
        const std::int64_t now = loop->now();
        const std::int64_t sent = ring[std::size_t(c) * W + head[c]];
        head[c] = (head[c] + 1) % W;
        --count[c];
        --inflight;
        if (phase == Measure) {
            latency.record(now - sent);
            ++measured;
        }
        if (phase == Warmup || phase == Measure)
            fire(c, now);
    }

    std::string payload;
    std::vector<std::int64_t> ring;
    std::vector<std::uint32_t> head, count;
    Histogram latency;
    Phase phase = Idle;
    std::int64_t budget = -1;
    std::uint64_t inflight = 0, measured = 0, badReplies = 0;
};

// ---------------------------------------------------------------------------------------------
// fanout: slot 0 is the sender, slots 1..N the receivers; the server's `bcast` reaches all
// N + 1 (the sender too, as io.emit does).
class FanoutScenario : public Base
{
public:
    explicit FanoutScenario(const Options &o) : Base(o) { }

    int run()
    {
        const std::uint32_t N = std::uint32_t(opt.clients);
        total = N + 1;
        broadcasts = std::uint32_t(opt.count);
        lockstep = opt.mode == "lockstep";
        if (!lockstep && opt.mode != "burst") {
            std::fprintf(stderr, "smartsocket-bench: --mode is lockstep or burst\n");
            return 2;
        }
        if (!makeLoop(Protocol::SocketIo, total))
            return 2;
        frames.reserve(broadcasts);
        for (std::uint32_t s = 0; s < broadcasts; ++s)
            frames.push_back(R"("broadcast",)" + makeBroadcast(int(s), opt.payloadBytes));
        sentNs.assign(broadcasts, 0);
        got.assign(broadcasts, 0);
        Json j;
        common(j);
        j.add("fanout_mode", opt.mode).add("receivers", N).add("connections", total);
        j.add("broadcasts", broadcasts);
        if (!connectRange(0, total, opt.concurrency, monotonicNs() + 60 * kSecond)) {
            j.add("error", "connect failures").addRaw("errors", mapJson(errors));
            emitResult(j);
            return 1;
        }
        idleFor(0.2);
        const std::uint64_t expected = std::uint64_t(broadcasts) * total;
        Window window(opt.serverPid);
        window.start();
        if (lockstep) {
            send(0);
        } else {
            for (std::uint32_t s = 0; s < broadcasts; ++s)
                send(s);
        }
        const double limit = opt.duration > 0 ? opt.duration : 60;
        loop->runUntil(
            monotonicNs() + secondsNs(limit), [&] { return received >= expected || dropped > 0; });
        window.stop();
        j.add("received", received).add("expected", expected);
        j.add("deliveries_per_s", double(received) / window.seconds());
        j.addRaw("latency", perDelivery.json());
        j.addRaw("latency_complete", completion.json());
        window.appendJson(j.body(), double(received), "delivery");
        j.add("dropped", dropped).add("bad_packets", bad);
        if (received < expected) {
            j.add("error", dropped ? "clients dropped" : "not all deliveries arrived in time");
            j.addRaw("drops", mapJson(drops));
            emitResult(j);
            return 1;
        }
        emitResult(j);
        return 0;
    }

private:
    void send(std::uint32_t s)
    {
        sentNs[s] = monotonicNs();
        loop->emitEvent(0, frames[s], -1);
    }

    void onMessage(std::uint32_t, const char *data, std::size_t size) override
    {
        // 2["bcast",{"seq":N,...}]
        static constexpr std::string_view key = R"("seq":)";
        const std::string_view view(data, size);
        if (size < 2 || data[0] != '2')
            return;
        const auto at = view.find(key);
        if (at == std::string_view::npos) {
            ++bad;
            return;
        }
        std::uint32_t seq = 0;
        for (std::size_t i = at + key.size(); i < size && data[i] >= '0' && data[i] <= '9'; ++i)
            seq = seq * 10 + std::uint32_t(data[i] - '0');
        if (seq >= broadcasts) {
            ++bad;
            return;
        }
        const std::int64_t now = loop->now();
        perDelivery.record(now - sentNs[seq]);
        ++received;
        if (++got[seq] == total) {
            completion.record(now - sentNs[seq]);
            if (lockstep && seq + 1 < broadcasts)
                send(seq + 1);
        }
    }

    std::uint32_t total = 0, broadcasts = 0;
    bool lockstep = false;
    std::vector<std::string> frames;
    std::vector<std::int64_t> sentNs;
    std::vector<std::uint32_t> got;
    Histogram perDelivery, completion;
    std::uint64_t received = 0, bad = 0;
};

// ---------------------------------------------------------------------------------------------
// connect: a control socket, then N idle connections with L handshakes in flight; RSS before
// and after; optionally held for S seconds with heartbeats answered.
class ConnectScenario : public Base
{
public:
    explicit ConnectScenario(const Options &o) : Base(o) { }

    int run()
    {
        const std::uint32_t N = std::uint32_t(opt.clients);
        if (!makeLoop(Protocol::SocketIo, N + 1))
            return 2;
        Json j;
        common(j);
        j.add("clients", N).add("concurrency", opt.concurrency).add("sources", opt.sources);
        if (!connectRange(0, 1, 1, monotonicNs() + 10 * kSecond)) {
            j.add("error", "control connection failed").addRaw("errors", mapJson(errors));
            emitResult(j);
            return 1;
        }
        controlReady = true;
        idleFor(std::min(1.0, opt.settle));
        const std::int64_t rssBeforeNoGc = processRss(opt.serverPid);
        stats();
        idleFor(0.5);
        const std::int64_t rssBefore = processRss(opt.serverPid);

        handshake.clear();
        Window window(opt.serverPid);
        window.start();
        connectRange(1, N + 1, opt.concurrency, monotonicNs() + secondsNs(opt.duration));
        window.stop();
        const std::uint64_t ok = connected - 1;
        j.add("connected", ok).add("failed", failed).addRaw("errors", mapJson(errors));
        j.add("connect_s", window.seconds()).add("conns_per_s", double(ok) / window.seconds());
        j.addRaw("handshake_latency", handshake.json());
        window.appendJson(j.body(), double(ok), "conn");

        idleFor(opt.settle);
        const std::int64_t rssAfterNoGc = processRss(opt.serverPid);
        const bool statsOk = stats();
        idleFor(0.5);
        const std::int64_t rssAfter = processRss(opt.serverPid);
        j.add("rss_before_nogc", rssBeforeNoGc).add("rss_before", rssBefore);
        j.add("rss_after_nogc", rssAfterNoGc).add("rss_after", rssAfter);
        if (ok > 0 && rssBefore > 0) {
            j.add("bytes_per_conn_rss_nogc", double(rssAfterNoGc - rssBefore) / double(ok));
            j.add("bytes_per_conn_rss", double(rssAfter - rssBefore) / double(ok));
        }
        j.add("stats_answered", statsOk);
        if (statsOk)
            j.addRaw("server_stats", call.reply.size() > 2 ? call.reply : "null");

        if (opt.hold > 0) {
            const std::uint64_t droppedBefore = dropped;
            const std::uint64_t pingsBefore = loop->pingsAnswered();
            Window hold(opt.serverPid);
            hold.start();
            idleFor(opt.hold);
            hold.stop();
            const std::int64_t rssHeld = processRss(opt.serverPid);
            Json h;
            h.add("seconds", hold.seconds()).add("dropped", dropped - droppedBefore);
            h.add("pings_answered", loop->pingsAnswered() - pingsBefore);
            h.add("server_cpu_pct",
                hold.hasServer() ? 100.0 * hold.serverUs() / 1e6 / hold.seconds() : 0.0);
            h.add("rss_end", rssHeld).addRaw("drops", mapJson(drops));
            h.add("still_connected", connected - 1 - (dropped - droppedBefore));
            j.addRaw("hold", h.str());
            j.add("hold_dropped", dropped - droppedBefore);
        }
        for (std::uint32_t i = 0; i <= N; ++i)
            loop->close(i);
        if (ok == 0 || failed > 0 || (opt.hold > 0 && dropped > 0)) {
            j.add("error",
                ok == 0 ? "no connection" : (failed ? "connect failures" : "drops while held"));
            emitResult(j);
            return 1;
        }
        emitResult(j);
        return 0;
    }

private:
    bool stats()
    {
        if (role[0] != Ready)
            return false;
        call.ask(*loop, 0);
        return loop->runUntil(monotonicNs() + 10 * kSecond, [&] { return call.answered; });
    }

    void onMessage(std::uint32_t i, const char *data, std::size_t size) override
    {
        if (i == 0)
            call.onMessage(data, size);
    }

    StatsCall call;
    bool controlReady = false;
};

// ---------------------------------------------------------------------------------------------
// churn: L lanes, each connecting, joining the namespace and disconnecting (41 + close frame,
// then the server's close) over and over, for D seconds or --count cycles.
class ChurnScenario : public Base
{
public:
    explicit ChurnScenario(const Options &o) : Base(o) { }

    int run()
    {
        const std::uint32_t L = std::uint32_t(opt.concurrency);
        if (!makeLoop(Protocol::SocketIo, L))
            return 2;
        reopen.reserve(L);
        Json j;
        common(j);
        j.add("concurrency", L).add("sources", opt.sources).add("max_cycles", opt.count);
        Window window(opt.serverPid);
        window.start();
        const std::int64_t stopAt = monotonicNs() + secondsNs(opt.duration);
        for (std::uint32_t i = 0; i < L && started < std::uint64_t(opt.count); ++i) {
            if (openOne(i))
                ++started;
        }
        loop->runUntil(stopAt + 10 * kSecond, [&] {
            const bool more = monotonicNs() < stopAt && started < std::uint64_t(opt.count);
            for (const std::uint32_t lane : reopen) {
                if (more && openOne(lane))
                    ++started;
            }
            reopen.clear();
            return !more && pending == 0 && leaving == 0;
        });
        window.stop();
        j.add("cycles", cycles).add("failed", failed).addRaw("errors", mapJson(errors));
        j.add("cycles_per_s", double(cycles) / window.seconds());
        j.addRaw("handshake_latency", handshake.json());
        window.appendJson(j.body(), double(cycles), "cycle");
        for (std::uint32_t i = 0; i < L; ++i)
            loop->close(i);
        if (cycles == 0 || failed > 0) {
            j.add("error", cycles == 0 ? "no cycle completed" : "failures");
            emitResult(j);
            return 1;
        }
        emitResult(j);
        return 0;
    }

private:
    void ready(std::uint32_t i) override
    {
        role[i] = Leaving;
        ++leaving;
        loop->disconnect(i);
    }

    void closed(std::uint32_t i, Role was, const char *why) override
    {
        if (was == Leaving) {
            --leaving;
            if (std::strcmp(why, "closed") == 0 || std::strcmp(why, "eof") == 0) {
                ++cycles;
            } else {
                ++failed;
                ++errors[why];
            }
        }
        reopen.push_back(i);
    }

    void onMessage(std::uint32_t, const char *, std::size_t) override { }

    std::vector<std::uint32_t> reopen;
    std::uint64_t cycles = 0, started = 0;
    int leaving = 0;
};

} // namespace

int runScenario(const Options &o)
{
    if (o.scenario == "ack" || o.scenario == "idle-scaling")
        return AckScenario(o).run();
    if (o.scenario == "wsecho")
        return WsEchoScenario(o).run();
    if (o.scenario == "fanout")
        return FanoutScenario(o).run();
    if (o.scenario == "connect")
        return ConnectScenario(o).run();
    if (o.scenario == "churn")
        return ChurnScenario(o).run();
    std::fprintf(stderr, "smartsocket-bench: unknown scenario %s\n", o.scenario.c_str());
    return 2;
}

} // namespace bench
