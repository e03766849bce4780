// SMARTSOCKET_SKIP_OR_FAIL as CI and a developer see it: the probe (a QtTest executable whose
// only test has a missing peer) is run with and without CI=true and judged by its exit code and
// its QtTest output.
#include <QProcess>
#include <QtTest>

class tst_SkipOrFail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void missingPeer_data()
    {
        QTest::addColumn<QString>("ci"); // empty: CI unset
        QTest::addColumn<bool>("fails");
        QTest::newRow("CI unset") << QString() << false;
        QTest::newRow("CI=false") << QStringLiteral("false") << false;
        QTest::newRow("CI=true") << QStringLiteral("true") << true;
    }

    void missingPeer()
    {
        QFETCH(QString, ci);
        QFETCH(bool, fails);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("CI"));
        if (!ci.isEmpty())
            env.insert(QStringLiteral("CI"), ci);
        QProcess probe;
        probe.setProcessEnvironment(env);
        probe.setProcessChannelMode(QProcess::MergedChannels);
        probe.start(QStringLiteral(SMARTSOCKET_SKIPORFAIL_PROBE),
            { QStringLiteral("-o"), QStringLiteral("-,txt") });
        QVERIFY2(probe.waitForStarted(), qPrintable(probe.errorString()));
        QVERIFY2(probe.waitForFinished(60000), "the probe did not finish within 60 s");
        const QString output = QString::fromUtf8(probe.readAll());
        QCOMPARE(probe.exitStatus(), QProcess::NormalExit);
        QVERIFY2(output.contains(QStringLiteral("probe: the peer is missing")), qPrintable(output));
        QVERIFY2(!output.contains(QStringLiteral("returned to its caller")), qPrintable(output));
        if (fails) {
            QVERIFY2(probe.exitCode() != 0, qPrintable(output));
            QVERIFY2(output.contains(QStringLiteral("FAIL!  : SkipOrFailProbe::missingPeer()")),
                qPrintable(output));
            QVERIFY2(output.contains(QStringLiteral("Totals: 2 passed, 1 failed, 0 skipped")),
                qPrintable(output));
        } else {
            QVERIFY2(probe.exitCode() == 0, qPrintable(output));
            QVERIFY2(output.contains(QStringLiteral("SKIP   : SkipOrFailProbe::missingPeer()")),
                qPrintable(output));
            QVERIFY2(output.contains(QStringLiteral("Totals: 2 passed, 0 failed, 1 skipped")),
                qPrintable(output));
        }
    }
};

QTEST_GUILESS_MAIN(tst_SkipOrFail)
#include "tst_skiporfail.moc"
