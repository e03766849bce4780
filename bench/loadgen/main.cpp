// smartsocket-bench: a load generator that speaks WebSocket, Engine.IO v4 and Socket.IO v5
// itself on raw sockets and one epoll loop, so that it is not the bottleneck. Loopback only.
// Options mirror shared/anchors/node-socketio/bench.js; see docs/benchmarks.md.

#include "scenarios.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <unistd.h>

namespace {

const char kUsage[] = R"(Usage: smartsocket-bench SCENARIO --url URL [options]

Scenarios (each prints one line "RESULT {json}" on stdout):
  ack           C clients x W acked emits of "echo" in flight: acks/s, latency, server CPU/ack
  wsecho        the same over raw WebSocket echo frames (for echo servers), FIFO matching
  fanout        N receivers + 1 sender; "broadcast" -> "bcast" to all (--mode lockstep|burst)
  connect       N idle Socket.IO connections, L handshakes in flight; server RSS per
                connection; --hold S keeps them S seconds with heartbeats answered
  idle-scaling  ack without, then with K idle connections (--idle K) in this process
  churn         connect + CONNECT + disconnect over and over for --duration seconds

Options:
  --url URL            ws:// or http://127.x.x.x:PORT[/path] (loopback only)
  --clients N          clients (ack, wsecho, idle-scaling), receivers (fanout), conns (connect)
  --window W           acks / messages in flight per client (1)
  --warmup S           warm-up seconds, not measured (1)
  --duration S         measured seconds (5); connect: time limit for connecting; churn: length;
                       fanout: time limit (60)
  --count N            fanout: broadcasts (200); churn: maximum cycles
  --mode M             fanout: lockstep | burst
  --concurrency L      handshakes in flight (64)
  --idle K             idle-scaling: idle connections (10000)
  --hold S             connect: hold the connections S seconds
  --settle S           connect: wait before reading the RSS (3)
  --sources N          use source addresses 127.0.0.1..127.0.0.N (1)
  --server-pid PID     server whose CPU and RSS are read from /proc
  --payload-bytes B    JSON payload size (100)
  --namespace NSP      Socket.IO namespace (/)
  --exact N            ack, wsecho: exactly N round trips (0 = connect only), no warm-up;
                       --duration is then only the time limit (callgrind workloads)
  --label NAME         copied into the RESULT (which server)
  --coalesce           send what a client queued during one wakeup with one send(); the
                       default is one send() per message, as socket.io-client does
  --timeout S          hard limit for the whole run (derived from the others by default)
)";

void onAlarm(int)
{
    static const char message[] = "smartsocket-bench: hard time limit reached\n";
    [[maybe_unused]] const auto n = ::write(2, message, sizeof message - 1);
    std::_Exit(3);
}

bool parseInt(const char *text, int min, int max, int *out)
{
    char *end = nullptr;
    const long v = std::strtol(text, &end, 10);
    if (!end || *end || v < min || v > max)
        return false;
    *out = int(v);
    return true;
}

bool parseSeconds(const char *text, double *out)
{
    char *end = nullptr;
    const double v = std::strtod(text, &end);
    if (!end || *end || !(v >= 0) || v > 86400)
        return false;
    *out = v;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    bench::Options o;
    o.scenario = argv[1];
    bool durationSet = false;
    for (int i = 2; i < argc; ++i) {
        const std::string key = argv[i];
        if (key == "--coalesce") {
            o.coalesce = true;
            continue;
        }
        if (i + 1 >= argc) {
            std::fprintf(stderr, "smartsocket-bench: %s needs a value\n", key.c_str());
            return 2;
        }
        const char *value = argv[++i];
        bool ok = true;
        if (key == "--url")
            o.url = value;
        else if (key == "--namespace")
            o.nsp = value;
        else if (key == "--mode")
            o.mode = value;
        else if (key == "--label")
            o.label = value;
        else if (key == "--clients")
            ok = parseInt(value, 1, 1000000, &o.clients);
        else if (key == "--window")
            ok = parseInt(value, 1, 100000, &o.window);
        else if (key == "--count")
            ok = parseInt(value, 1, 100000000, &o.count);
        else if (key == "--server-pid")
            ok = parseInt(value, 0, 1 << 30, &o.serverPid);
        else if (key == "--payload-bytes")
            ok = parseInt(value, 1, 1 << 24, &o.payloadBytes);
        else if (key == "--concurrency")
            ok = parseInt(value, 1, 100000, &o.concurrency);
        else if (key == "--idle")
            ok = parseInt(value, 0, 1000000, &o.idle);
        else if (key == "--exact")
            ok = parseInt(value, 0, 1 << 30, &o.exact);
        else if (key == "--sources")
            ok = parseInt(value, 1, 250, &o.sources);
        else if (key == "--warmup")
            ok = parseSeconds(value, &o.warmup);
        else if (key == "--duration")
            ok = parseSeconds(value, &o.duration), durationSet = true;
        else if (key == "--hold")
            ok = parseSeconds(value, &o.hold);
        else if (key == "--settle")
            ok = parseSeconds(value, &o.settle);
        else if (key == "--timeout")
            ok = parseSeconds(value, &o.timeout);
        else {
            std::fprintf(stderr, "smartsocket-bench: unknown option %s\n%s", key.c_str(), kUsage);
            return 2;
        }
        if (!ok) {
            std::fprintf(stderr, "smartsocket-bench: bad value for %s: %s\n", key.c_str(), value);
            return 2;
        }
    }
    if (o.url.empty()) {
        std::fprintf(stderr, "smartsocket-bench: --url is required\n");
        return 2;
    }
    if (!durationSet) {
        if (o.scenario == "connect")
            o.duration = 120;
        else if (o.scenario == "fanout")
            o.duration = 60;
    }
    if (o.scenario == "fanout" && o.count > 1000000) {
        std::fprintf(stderr, "smartsocket-bench: --count at most 1000000 for fanout\n");
        return 2;
    }

    // As many sockets as the hard limit allows (19 000 connections need it).
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
    std::signal(SIGPIPE, SIG_IGN);

    // Every run is bounded: a hard limit on top of the scenario's own deadlines.
    double hard = o.timeout;
    if (hard <= 0) {
        hard = 60 + 2 * (o.warmup + o.duration) + o.hold + 2 * o.settle;
        if (o.scenario == "idle-scaling")
            hard += 180;
    }
    std::signal(SIGALRM, onAlarm);
    alarm(unsigned(hard) + 1);

    return bench::runScenario(o);
}
