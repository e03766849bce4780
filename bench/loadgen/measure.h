#pragma once

// What the scenarios measure besides their own counts: the server's CPU time and RSS read from
// /proc/<pid> (outside the server), this process's CPU, the whole machine's busy time from
// /proc/stat, a latency histogram, and the JSON of the RESULT line.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

struct CpuTimes
{
    double userUs = 0;
    double sysUs = 0;
    bool valid = false;
    double totalUs() const { return userUs + sysUs; }
};

/// utime and stime of a process (all its threads), 0 = none.
CpuTimes processCpu(int pid);
/// Time on CPU of all the process's threads in µs, from /proc/<pid>/task/*/schedstat: ns
/// resolution (utime/stime come in clock ticks of 10 ms). -1 when unknown.
double processRunUs(int pid);
/// VmRSS in bytes, -1 when unknown.
std::int64_t processRss(int pid);
/// This process (getrusage).
CpuTimes selfCpu();

/// Machine-wide CPU time from /proc/stat, in µs summed over all CPUs.
struct MachineCpu
{
    double busyUs = 0; ///< user + nice + system + irq + softirq + steal
    double irqUs = 0; ///< irq + softirq
    double stealUs = 0;
};
MachineCpu machineCpu();

/// One measuring window: CPU of the server, of this process and of the machine.
class Window
{
public:
    explicit Window(int serverPid) : pid_(serverPid) { }
    void start();
    void stop();
    double seconds() const { return double(t1_ - t0_) / 1e9; }
    bool hasServer() const { return s0_.valid && s1_.valid; }
    double serverUserUs() const { return s1_.userUs - s0_.userUs; }
    double serverSysUs() const { return s1_.sysUs - s0_.sysUs; }
    double serverUs() const { return serverUserUs() + serverSysUs(); }
    double clientUs() const { return c1_.totalUs() - c0_.totalUs(); }
    double machineUs() const { return m1_.busyUs - m0_.busyUs; }
    double serverRunUs() const { return r0_ >= 0 && r1_ >= 0 ? r1_ - r0_ : -1; }
    /// Appends server/client/machine CPU fields and per-op figures for `ops` operations,
    /// named `<unit>` (server_cpu_us_per_<unit>, ...).
    void appendJson(std::string &json, double ops, std::string_view unit) const;

private:
    int pid_;
    std::int64_t t0_ = 0, t1_ = 0;
    CpuTimes s0_, s1_, c0_, c1_;
    double r0_ = -1, r1_ = -1;
    MachineCpu m0_, m1_;
};

/// Log-linear latency histogram in ns: 64 sub-buckets per power of two (< 1.6 % error),
/// fixed size, no allocation when recording.
class Histogram
{
public:
    Histogram();
    void record(std::int64_t ns);
    void clear();
    std::uint64_t count() const { return count_; }
    /// Percentile in ms (p in 0..100); the bucket's midpoint, the exact max for 100.
    double percentileMs(double p) const;
    double meanMs() const { return count_ ? double(sumNs_) / double(count_) / 1e6 : 0; }
    double maxMs() const { return double(maxNs_) / 1e6; }
    /// {"samples":..,"p50_ms":..,"p90_ms":..,"p99_ms":..,"max_ms":..,"mean_ms":..}
    std::string json() const;

private:
    static std::size_t bucketOf(std::uint64_t ns);
    static double midpointOf(std::size_t bucket);
    std::vector<std::uint32_t> buckets_;
    std::uint64_t count_ = 0;
    std::uint64_t sumNs_ = 0;
    std::uint64_t maxNs_ = 0;
};

/// A flat JSON object written by hand: "key":value pairs.
class Json
{
public:
    Json &add(std::string_view key, double value);
    Json &add(std::string_view key, std::int64_t value);
    Json &add(std::string_view key, int value) { return add(key, std::int64_t(value)); }
    Json &add(std::string_view key, std::uint64_t value) { return add(key, std::int64_t(value)); }
    Json &add(std::string_view key, std::uint32_t value) { return add(key, std::int64_t(value)); }
    Json &add(std::string_view key, bool value);
    Json &add(std::string_view key, std::string_view value);
    Json &add(std::string_view key, const char *value) { return add(key, std::string_view(value)); }
    Json &addNull(std::string_view key);
    /// `raw` must be valid JSON (an object, an array).
    Json &addRaw(std::string_view key, std::string_view raw);
    std::string str() const { return "{" + body_ + "}"; }
    std::string &body() { return body_; }

private:
    void key(std::string_view k);
    std::string body_;
};

std::string jsonEscape(std::string_view text);

} // namespace bench
