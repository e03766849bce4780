#include "measure.h"

#include "loop.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <dirent.h>
#include <sys/resource.h>
#include <unistd.h>

namespace bench {

namespace {

// Reads a small /proc file into `buffer` (NUL-terminated); false when it cannot.
bool readSmallFile(const char *path, char *buffer, std::size_t size)
{
    FILE *f = std::fopen(path, "re");
    if (!f)
        return false;
    const std::size_t n = std::fread(buffer, 1, size - 1, f);
    std::fclose(f);
    buffer[n] = '\0';
    return n > 0;
}

double ticksToUs(unsigned long long ticks)
{
    static const double tick = double(sysconf(_SC_CLK_TCK));
    return double(ticks) * 1e6 / tick;
}

void appendNumber(std::string &out, double value)
{
    if (!std::isfinite(value)) {
        out += "null";
        return;
    }
    char buffer[64];
    if (value == std::floor(value) && std::fabs(value) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.6g", value);
    out += buffer;
}

} // namespace

CpuTimes processCpu(int pid)
{
    CpuTimes t;
    if (pid <= 0)
        return t;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/stat", pid);
    char buffer[2048];
    if (!readSmallFile(path, buffer, sizeof buffer))
        return t;
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const char *p = std::strrchr(buffer, ')');
    if (!p)
        return t;
    p += 2; // field 3 (state)
    unsigned long long utime = 0, stime = 0;
    // Fields 3..13 are skipped, 14 = utime, 15 = stime.
    for (int field = 3; field < 14 && *p; ++field) {
        p = std::strchr(p, ' ');
        if (!p)
            return t;
        ++p;
    }
    if (std::sscanf(p, "%llu %llu", &utime, &stime) != 2)
        return t;
    t.userUs = ticksToUs(utime);
    t.sysUs = ticksToUs(stime);
    t.valid = true;
    return t;
}

double processRunUs(int pid)
{
    if (pid <= 0)
        return -1;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/task", pid);
    DIR *dir = opendir(path);
    if (!dir)
        return -1;
    double total = 0;
    while (const dirent *entry = readdir(dir)) {
        if (entry->d_name[0] < '0' || entry->d_name[0] > '9')
            continue;
        char file[320];
        std::snprintf(file, sizeof file, "/proc/%d/task/%s/schedstat", pid, entry->d_name);
        char buffer[128];
        unsigned long long ns = 0;
        if (readSmallFile(file, buffer, sizeof buffer) && std::sscanf(buffer, "%llu", &ns) == 1)
            total += double(ns) / 1000.0;
    }
    closedir(dir);
    return total;
}

std::int64_t processRss(int pid)
{
    if (pid <= 0)
        return -1;
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/status", pid);
    char buffer[8192];
    if (!readSmallFile(path, buffer, sizeof buffer))
        return -1;
    const char *p = std::strstr(buffer, "VmRSS:");
    long long kb = 0;
    if (!p || std::sscanf(p + 6, "%lld", &kb) != 1)
        return -1;
    return kb * 1024;
}

CpuTimes selfCpu()
{
    rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    CpuTimes t;
    t.userUs = double(ru.ru_utime.tv_sec) * 1e6 + double(ru.ru_utime.tv_usec);
    t.sysUs = double(ru.ru_stime.tv_sec) * 1e6 + double(ru.ru_stime.tv_usec);
    t.valid = true;
    return t;
}

MachineCpu machineCpu()
{
    MachineCpu m;
    char buffer[4096];
    if (!readSmallFile("/proc/stat", buffer, sizeof buffer))
        return m;
    unsigned long long f[8] = {};
    if (std::sscanf(buffer, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &f[0], &f[1], &f[2],
            &f[3], &f[4], &f[5], &f[6], &f[7])
        < 8)
        return m;
    // user nice system idle iowait irq softirq steal
    m.busyUs = ticksToUs(f[0] + f[1] + f[2] + f[5] + f[6] + f[7]);
    m.irqUs = ticksToUs(f[5] + f[6]);
    m.stealUs = ticksToUs(f[7]);
    return m;
}

void Window::start()
{
    r0_ = processRunUs(pid_);
    s0_ = processCpu(pid_);
    c0_ = selfCpu();
    m0_ = machineCpu();
    t0_ = monotonicNs();
}

void Window::stop()
{
    t1_ = monotonicNs();
    s1_ = processCpu(pid_);
    r1_ = processRunUs(pid_);
    c1_ = selfCpu();
    m1_ = machineCpu();
}

void Window::appendJson(std::string &json, double ops, std::string_view unit) const
{
    Json j;
    const double ms = seconds() * 1000.0;
    j.add("elapsed_s", seconds());
    if (hasServer()) {
        j.add("server_cpu_pct", 100.0 * serverUs() / 1000.0 / ms);
        j.add("server_user_pct", 100.0 * serverUserUs() / 1000.0 / ms);
        j.add("server_sys_pct", 100.0 * serverSysUs() / 1000.0 / ms);
        j.add("server_cpu_ms", serverUs() / 1000.0);
        if (ops > 0) {
            j.add(std::string("server_cpu_us_per_") + std::string(unit), serverUs() / ops);
            j.add(std::string("server_user_us_per_") + std::string(unit), serverUserUs() / ops);
            j.add(std::string("server_sys_us_per_") + std::string(unit), serverSysUs() / ops);
        } else {
            j.addNull(std::string("server_cpu_us_per_") + std::string(unit));
        }
        // The same from schedstat: finer grained, no user/sys split (threads that ended
        // during the window are missed).
        if (serverRunUs() >= 0 && ops > 0)
            j.add(std::string("server_sched_us_per_") + std::string(unit), serverRunUs() / ops);
    } else {
        j.addNull("server_cpu_pct");
        j.addNull(std::string("server_cpu_us_per_") + std::string(unit));
    }
    j.add("client_cpu_pct", 100.0 * clientUs() / 1000.0 / ms);
    j.add("machine_busy_pct", 100.0 * machineUs() / 1000.0 / ms);
    j.add("irq_cpu_pct", 100.0 * (m1_.irqUs - m0_.irqUs) / 1000.0 / ms);
    j.add("steal_pct", 100.0 * (m1_.stealUs - m0_.stealUs) / 1000.0 / ms);
    // Busy time of everything else: other processes on this shared machine, kernel threads,
    // and the part of softirq (loopback TCP) not charged to either process. Approximate.
    j.add("other_cpu_pct",
        100.0 * (machineUs() - (hasServer() ? serverUs() : 0) - clientUs()) / 1000.0 / ms);
    if (!json.empty())
        json += ",";
    json += j.body();
}

Histogram::Histogram() : buckets_(128 + 64 * 58, 0) { }

std::size_t Histogram::bucketOf(std::uint64_t ns)
{
    if (ns < 128)
        return std::size_t(ns);
    const int e = 63 - __builtin_clzll(ns); // >= 7
    const int shift = e - 6;
    const std::uint64_t mantissa = ns >> shift; // 64..127
    return 128 + std::size_t(e - 7) * 64 + std::size_t(mantissa - 64);
}

double Histogram::midpointOf(std::size_t bucket)
{
    if (bucket < 128)
        return double(bucket);
    const std::size_t e = (bucket - 128) / 64 + 7;
    const std::uint64_t mantissa = (bucket - 128) % 64 + 64;
    const int shift = int(e) - 6;
    const double low = double(mantissa << shift);
    return low + double(1ull << shift) / 2.0;
}

void Histogram::record(std::int64_t ns)
{
    const std::uint64_t v = ns < 0 ? 0 : std::uint64_t(ns);
    std::size_t b = bucketOf(v);
    if (b >= buckets_.size())
        b = buckets_.size() - 1;
    ++buckets_[b];
    ++count_;
    sumNs_ += v;
    if (v > maxNs_)
        maxNs_ = v;
}

void Histogram::clear()
{
    std::fill(buckets_.begin(), buckets_.end(), 0);
    count_ = sumNs_ = maxNs_ = 0;
}

double Histogram::percentileMs(double p) const
{
    if (count_ == 0)
        return 0;
    if (p >= 100)
        return maxMs();
    // The same rank rule as the Node bench: ceil(p/100 * n), 1-based.
    auto rank = std::uint64_t(std::ceil(p / 100.0 * double(count_)));
    if (rank < 1)
        rank = 1;
    std::uint64_t seen = 0;
    for (std::size_t b = 0; b < buckets_.size(); ++b) {
        seen += buckets_[b];
        if (seen >= rank) {
            const double mid = midpointOf(b);
            return (mid > double(maxNs_) ? double(maxNs_) : mid) / 1e6;
        }
    }
    return maxMs();
}

std::string Histogram::json() const
{
    Json j;
    j.add("samples", count_);
    if (count_ == 0) {
        j.addNull("p50_ms").addNull("p90_ms").addNull("p99_ms").addNull("max_ms");
        j.addNull("mean_ms");
    } else {
        j.add("p50_ms", percentileMs(50)).add("p90_ms", percentileMs(90));
        j.add("p99_ms", percentileMs(99)).add("max_ms", maxMs()).add("mean_ms", meanMs());
    }
    return j.str();
}

std::string jsonEscape(std::string_view text)
{
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += char(c);
        } else if (c < 0x20) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
            out += buffer;
        } else {
            out += char(c);
        }
    }
    out += '"';
    return out;
}

void Json::key(std::string_view k)
{
    if (!body_.empty())
        body_ += ',';
    body_ += jsonEscape(k);
    body_ += ':';
}

Json &Json::add(std::string_view k, double value)
{
    key(k);
    appendNumber(body_, value);
    return *this;
}

Json &Json::add(std::string_view k, std::int64_t value)
{
    key(k);
    body_ += std::to_string(value);
    return *this;
}

Json &Json::add(std::string_view k, bool value)
{
    key(k);
    body_ += value ? "true" : "false";
    return *this;
}

Json &Json::add(std::string_view k, std::string_view value)
{
    key(k);
    body_ += jsonEscape(value);
    return *this;
}

Json &Json::addNull(std::string_view k)
{
    key(k);
    body_ += "null";
    return *this;
}

Json &Json::addRaw(std::string_view k, std::string_view raw)
{
    key(k);
    body_ += raw;
    return *this;
}

} // namespace bench
