#pragma once

#include <QString>
#include <QTest>

namespace TestKit {
/// Directory holding the npm peers (tests/interop); empty when unknown.
QString interopDir();

/// True when the environment says CI=true (what .ci/run exports): a test whose peer is missing
/// then fails instead of skipping, so that CI cannot pass by skipping.
bool isCi();
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
