// The client's reconnection: after a server restart, giving up, not after a kick, and the
// backoff delays between attempts.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"
#include "testkit.h"

#include <QTcpServer>
#include <QThread>

#include <QtTest>
#include <atomic>

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::ownConnection;
using TestKit::startEchoServer;
using TestKit::urlOf;

namespace {

// A port that was free a moment ago: connections to it are refused at once.
quint16 refusingPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

QString toText(const QList<qint64> &values)
{
    QStringList parts;
    for (qint64 v : values)
        parts.append(QString::number(v));
    return parts.join(QLatin1Char(' '));
}

} // namespace

class tst_Reconnect : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kickedClientDoesNotReconnect()
    {
        auto server = startEchoServer();
        server->on(QStringLiteral("close-me"),
            [](Socket *s, const QVariantList &) { s->disconnectFromClient(true); });
        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = 50;
        Client client(urlOf(*server), options);
        QSignalSpy reconnecting(&client, &Client::reconnecting);
        QVERIFY(connectClient(client));
        client.emitEvent(QStringLiteral("close-me"));
        QTRY_VERIFY(!client.isConnected());
        // A fixed wait on purpose: the claim is that no reconnect happens. With
        // reconnectDelay 50 and jitter 0.5 a first attempt would start within 75 ms.
        QTest::qWait(400);
        QVERIFY(!client.isConnected());
        QCOMPARE(reconnecting.size(), 0);
    }

    void reconnectsAfterServerRestart()
    {
        auto server = startEchoServer();
        const quint16 port = server->port();
        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = 100;
        options.reconnectDelayMax = 300;
        options.auth = { { QStringLiteral("token"), QStringLiteral("again") } };
        Client client(urlOf(*server), options);
        QSignalSpy disconnected(&client, &Client::disconnected);
        QSignalSpy reconnecting(&client, &Client::reconnecting);
        QSignalSpy reconnected(&client, &Client::reconnected);
        QVERIFY(connectClient(client));

        server.reset(); // stop the server
        QTRY_COMPARE(disconnected.size(), 1);
        QTRY_VERIFY(reconnecting.size() >= 2); // attempts fail while nobody listens

        ServerOptions again;
        again.port = port;
        QString seenToken;
        auto restarted = std::make_unique<Server>(again);
        restarted->useConnect([&](Socket *s, const Next &next) {
            seenToken = s->handshake().auth().value(QStringLiteral("token")).toString();
            next();
        });
        restarted->on(QStringLiteral("echo"),
            [](Socket *, const QVariantList &a, const Ack &ack) { ack(a); });
        QVERIFY(restarted->listen());
        QTRY_VERIFY_WITH_TIMEOUT(client.isConnected(), 10000);
        QTRY_COMPARE(reconnected.size(), 1);
        QCOMPARE(seenToken, QStringLiteral("again"));
        QVERIFY(ask(client, QStringLiteral("echo"), { 1 }).isOk());
    }

    void reconnectGivesUp()
    {
        auto server = startEchoServer();
        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = 50;
        options.reconnectDelayMax = 100;
        options.maxReconnectAttempts = 2;
        Client client(urlOf(*server), options);
        QSignalSpy failed(&client, &Client::reconnectFailed);
        QSignalSpy reconnecting(&client, &Client::reconnecting);
        QVERIFY(connectClient(client));
        server.reset();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 10000);
        QCOMPARE(reconnecting.size(), 2);
    }

    // The delay before reconnect attempt n (n = 0, 1, ...) is documented in ClientOptions as
    // min(reconnectDelay * 2^n, reconnectDelayMax), randomised by +-jitter. Measured against
    // a port where nobody listens: each attempt is refused at once, so the time from one
    // failure (errorOccurred) to the next attempt (reconnecting) is the delay itself.
    void reconnectBackoffWithinBounds_data()
    {
        QTest::addColumn<int>("delay");
        QTest::addColumn<int>("delayMax");
        QTest::addColumn<double>("jitter");
        QTest::addColumn<int>("attempts");
        // 200, 400, then capped at 800 (4 samples at the cap, to see the jitter spread).
        QTest::newRow("jitter 0.25") << 200 << 800 << 0.25 << 6;
        // Without jitter the delays are exact: 100, 200, 400, 400.
        QTest::newRow("no jitter") << 100 << 400 << 0.0 << 4;
    }
    void reconnectBackoffWithinBounds()
    {
        QFETCH(int, delay);
        QFETCH(int, delayMax);
        QFETCH(double, jitter);
        QFETCH(int, attempts);

        const quint16 port = refusingPort();
        QVERIFY(port != 0);

        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = delay;
        options.reconnectDelayMax = delayMax;
        options.jitter = jitter;
        options.maxReconnectAttempts = attempts;
        Client client(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)), options);
        QElapsedTimer clock;
        clock.start();
        QList<qint64> failures; // each failed open, initial one included
        QList<qint64> starts; // each reconnect attempt
        QList<int> attemptNumbers;
        connect(&client, &Client::errorOccurred, this,
            [&](const Error &) { failures.append(clock.elapsed()); });
        connect(&client, &Client::reconnecting, this, [&](int attempt) {
            starts.append(clock.elapsed());
            attemptNumbers.append(attempt);
        });
        QSignalSpy failed(&client, &Client::reconnectFailed);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);

        QCOMPARE(starts.size(), attempts);
        QCOMPARE(failures.size(), attempts + 1);
        QList<int> expectedNumbers;
        for (int n = 1; n <= attempts; ++n)
            expectedNumbers.append(n);
        QCOMPARE(attemptNumbers, expectedNumbers);

        QList<qint64> measured;
        for (int n = 0; n < attempts; ++n) {
            const qint64 waited = starts.at(n) - failures.at(n);
            measured.append(waited);
            const double nominal = std::min(double(delay) * std::pow(2.0, n), double(delayMax));
            // QTimer's default (coarse) timers may fire up to 5 % early or late; the upper
            // side also allows for this machine's scheduling latency.
            const double low = nominal * (1.0 - jitter) * 0.95 - 2;
            const double high = nominal * (1.0 + jitter) * 1.05 + 100;
            QVERIFY2(waited >= low && waited <= high,
                qPrintable(QStringLiteral("attempt %1 waited %2 ms, outside [%3, %4]; all: %5")
                               .arg(n + 1)
                               .arg(waited)
                               .arg(low)
                               .arg(high)
                               .arg(toText(measured))));
        }
        if (jitter > 0) {
            // The delays at the cap are randomised: four samples uniform over 400 ms are not
            // all within 10 ms of each other (odds about 1 in 16 000).
            const QList<qint64> capped = measured.mid(2);
            const auto [lo, hi] = std::minmax_element(capped.cbegin(), capped.cend());
            QVERIFY2(*hi - *lo > 10, qPrintable(toText(measured)));
        }
    }

    // reconnectScheduled(attempt, delayMs) reports the delay the client really waits (jitter
    // included): the time from the signal to reconnecting(attempt) is delayMs, and delayMs
    // lies within the bounds documented in client.h.
    void reconnectScheduledReportsTheDelay()
    {
        const int delay = 150;
        const int delayMax = 600;
        const double jitter = 0.5;
        const int attempts = 6;
        const quint16 port = refusingPort();
        QVERIFY(port != 0);

        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = delay;
        options.reconnectDelayMax = delayMax;
        options.jitter = jitter;
        options.maxReconnectAttempts = attempts;
        Client client(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)), options);
        QElapsedTimer clock;
        clock.start();
        struct Scheduled
        {
            int attempt;
            int delayMs;
            qint64 at;
        };
        QList<Scheduled> scheduled;
        QList<qint64> starts;
        QList<QThread *> threads;
        connect(&client, &Client::reconnectScheduled, this, [&](int attempt, int delayMs) {
            scheduled.append({ attempt, delayMs, clock.elapsed() });
            threads.append(QThread::currentThread());
        });
        connect(&client, &Client::reconnecting, this, [&](int attempt) {
            starts.append(clock.elapsed());
            // Scheduled first, then started.
            QCOMPARE(scheduled.size(), attempt);
        });
        QSignalSpy failed(&client, &Client::reconnectFailed);
        client.open();
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);

        QCOMPARE(scheduled.size(), attempts);
        QCOMPARE(starts.size(), attempts);
        QCOMPARE(threads, QList<QThread *>(attempts, QThread::currentThread()));
        QList<qint64> reported;
        int offNominal = 0;
        for (int n = 0; n < attempts; ++n) {
            const Scheduled &s = scheduled.at(n);
            QCOMPARE(s.attempt, n + 1);
            reported.append(s.delayMs);
            const double base = std::min(double(delay) * std::pow(2.0, n), double(delayMax));
            QVERIFY2(s.delayMs >= std::floor(base * (1.0 - jitter))
                    && s.delayMs <= std::ceil(base * (1.0 + jitter)),
                qPrintable(QStringLiteral("attempt %1: %2 ms, base %3")
                               .arg(n + 1)
                               .arg(s.delayMs)
                               .arg(base)));
            if (std::abs(s.delayMs - base) > 1)
                ++offNominal;
            const qint64 waited = starts.at(n) - s.at;
            // Coarse timers fire up to 5 % early or late, plus scheduling latency.
            QVERIFY2(waited >= s.delayMs * 0.95 - 2 && waited <= s.delayMs * 1.05 + 100,
                qPrintable(QStringLiteral("attempt %1: reported %2 ms, waited %3 ms; reported: %4")
                               .arg(n + 1)
                               .arg(s.delayMs)
                               .arg(waited)
                               .arg(toText(reported))));
        }
        // The jittered delay, not the nominal one: six uniform draws over +-50 % all within
        // 1 ms of the nominal value would be a wonder.
        QVERIFY2(offNominal > 0, qPrintable(toText(reported)));
    }

    // The signal comes in the thread that owns the client.
    void reconnectScheduledInOwnersThread()
    {
        const quint16 port = refusingPort();
        QVERIFY(port != 0);
        QThread worker;
        worker.start();
        ClientOptions options;
        options.multiplex = false;
        options.reconnectDelay = 50;
        options.maxReconnectAttempts = 2;
        // Made in the worker: a client belongs to the thread that creates it.
        QObject inWorker;
        inWorker.moveToThread(&worker);
        Client *client = nullptr;
        QVERIFY(TestKit::runInThreadOfAndWait(&inWorker, [&] {
            client = new Client(QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(port)), options);
        }));
        QVERIFY(client);
        QCOMPARE(client->thread(), &worker);
        QMutex mutex;
        QList<QThread *> threads;
        connect(
            client, &Client::reconnectScheduled, client,
            [&](int, int) {
                QMutexLocker lock(&mutex);
                threads.append(QThread::currentThread());
            },
            Qt::DirectConnection);
        // Counted in the worker (a QSignalSpy there would append while this thread reads it).
        std::atomic<int> failed { 0 };
        connect(
            client, &Client::reconnectFailed, client, [&failed] { ++failed; },
            Qt::DirectConnection);
        TestKit::runInThreadOf(client, [client] { client->open(); });
        QTRY_COMPARE_WITH_TIMEOUT(failed.load(), 1, 10000);
        QVERIFY(TestKit::runInThreadOfAndWait(client, [client] { delete client; }));
        worker.quit();
        QVERIFY(worker.wait(5000));
        QMutexLocker lock(&mutex);
        QCOMPARE(threads, QList<QThread *>(2, &worker));
    }
};

QTEST_MAIN(tst_Reconnect)
#include "tst_reconnect.moc"
