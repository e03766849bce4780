#pragma once

#include <string>

namespace bench {

struct Options
{
    std::string scenario;
    std::string url;
    std::string nsp = "/";
    std::string mode = "burst"; ///< fanout: lockstep | burst
    std::string label; ///< copied into the RESULT line (which server this was)
    int clients = 1;
    int window = 1;
    int count = 200; ///< fanout broadcasts; churn: maximum cycles
    int serverPid = 0;
    int payloadBytes = 100;
    int concurrency = 64; ///< handshakes in flight (connect, churn, idle-scaling)
    int idle = 10000; ///< idle-scaling: idle connections
    int sources = 1;
    int exact = -1; ///< ack, wsecho: exactly this many round trips, no warm-up (-1 = timed) ///<
                    ///< source addresses 127.0.0.1 .. 127.0.0.N
    double warmup = 1;
    double duration = 5;
    double hold = 0; ///< connect: keep the connections this long (heartbeats running)
    double settle = 3; ///< connect: wait before reading the RSS after connecting
    bool coalesce = false; ///< one send() per connection per wakeup instead of per message
    double timeout = 0; ///< hard limit for the whole run; 0 = derived from the others
};

/// Runs one scenario; prints progress on stderr and one "RESULT {json}" line on stdout.
/// Returns the process exit code.
int runScenario(const Options &options);

} // namespace bench
