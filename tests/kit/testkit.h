#pragma once

#include <QObject>
#include <QString>
#include <QTest>

#include <functional>

namespace TestKit {
/// Directory holding the npm peers (tests/interop); empty when unknown.
QString interopDir();

/// True when the environment says CI=true (what .ci/run exports): a test whose peer is missing
/// then fails instead of skipping, so that CI cannot pass by skipping.
bool isCi();

/// Runs `function` later in the thread of `context` (a queued call), like
/// QMetaObject::invokeMethod(context, function), for a test that hands work to another thread.
/// The difference: the handoff is also ordered through a lock that ThreadSanitizer sees. Qt's
/// event queue orders it through a futex inside QtCore, which is not built with TSan, so under
/// the tsan preset everything the calling thread wrote before invokeMethod (a captured QString,
/// an object built there and moved) would be reported as racing with its use in the other
/// thread. The library does the same for Ack and Next (hopToThread).
void runInThreadOf(QObject *context, std::function<void()> function);

/// runInThreadOf(), then waits (without running this thread's event loop) until `function` has
/// returned in the other thread, like Qt::BlockingQueuedConnection, whose semaphore TSan cannot
/// see either. False when it did not finish within timeoutMs (the context was deleted, or its
/// thread is not running an event loop). Must not be called from `context`'s own thread.
bool runInThreadOfAndWait(QObject *context, std::function<void()> function, int timeoutMs = 30000);
} // namespace TestKit

/// For a test that cannot run because a peer is missing (Node.js, an npm package, openssl or a
/// TLS backend, a demo binary): QSKIP with `reason` on a developer's machine, QFAIL under CI=true.
/// Like QSKIP, it returns from the (void) test function. `reason` is a const char *.
#define SMARTSOCKET_SKIP_OR_FAIL(reason)                                                           \
    do {                                                                                           \
        if (TestKit::isCi())                                                                       \
            QFAIL(qPrintable(QStringLiteral("CI=true: a skip is a failure here: ")                 \
                + QString::fromUtf8(reason)));                                                     \
        QSKIP(reason);                                                                             \
    } while (false)
