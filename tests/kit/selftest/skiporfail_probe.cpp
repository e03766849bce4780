// Run by tst_skiporfail: a test whose peer is "missing", to see what SMARTSOCKET_SKIP_OR_FAIL
// makes of it with and without CI=true.
#include "testkit.h"

#include <QtTest>

class SkipOrFailProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingPeer()
    {
        SMARTSOCKET_SKIP_OR_FAIL("probe: the peer is missing");
        QFAIL("SMARTSOCKET_SKIP_OR_FAIL returned to its caller");
    }
};

QTEST_GUILESS_MAIN(SkipOrFailProbe)
#include "skiporfail_probe.moc"
