#pragma once

namespace SmartSocket {

/// A rate limit: at most maxRequests events in any window of `window` milliseconds (a
/// sliding window, exact at its edges; see docs/ratelimiting.md). A limit with window <= 0 or
/// maxRequests <= 0 is not valid and limits nothing.
struct RateLimit
{
    int window = 60000;
    int maxRequests = 100;

    bool isValid() const { return window > 0 && maxRequests > 0; }
    friend bool operator==(const RateLimit &a, const RateLimit &b)
    {
        return a.window == b.window && a.maxRequests == b.maxRequests;
    }
    friend bool operator!=(const RateLimit &a, const RateLimit &b) { return !(a == b); }
};

} // namespace SmartSocket
