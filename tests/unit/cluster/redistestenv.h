#pragma once

// Where the cluster tests find Redis: SMARTSOCKET_REDIS_URL, exported by scripts/test.sh and
// .ci/run after they start a throw-away redis-server (no persistence) on a loopback port.

#include <QUrl>
#include <QtTest/QTest>

#include <cstdlib>

// TODO(merge ci): tests/kit's SMARTSOCKET_SKIP_OR_FAIL (QSKIP locally, QFAIL under CI=true)
// lands with branch `ci`; until then the same rule, locally.
#ifndef SMARTSOCKET_SKIP_OR_FAIL
#define SMARTSOCKET_SKIP_OR_FAIL(reason)                                                           \
    do {                                                                                           \
        if (qgetenv("CI") == "true")                                                               \
            QFAIL(reason);                                                                         \
        QSKIP(reason);                                                                             \
    } while (false)
#endif

namespace RedisTestEnv {
inline QUrl redisUrl()
{
    return QUrl(QString::fromLocal8Bit(qgetenv("SMARTSOCKET_REDIS_URL")));
}
} // namespace RedisTestEnv

#define REQUIRE_REDIS()                                                                            \
    do {                                                                                           \
        if (RedisTestEnv::redisUrl().isEmpty())                                                    \
            SMARTSOCKET_SKIP_OR_FAIL("SMARTSOCKET_REDIS_URL not set (scripts/test.sh starts "      \
                                     "a redis-server and sets it)");                               \
    } while (false)
