// Threads, through the public API: every signal, handler and callback runs in the thread that
// owns the server or the client. A middleware's Next and an Ack may be called from any thread;
// the library goes back to the owner's thread before it touches a socket or a timer.
//
// Which thread performs the server's writes is observed at the system call: this executable
// interposes send(2), which the server's I/O core uses for every write (Qt's sockets, the
// clients here, use write(2)), and counts the sends on the server's sockets made outside the
// thread that owns the server. In Debug builds the I/O core also asserts its owner thread at
// every entry point (send, close, timers), so a send queued from a worker aborts the test.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"
#include "testkit.h"

#include <QScopeGuard>
#include <QThread>
#include <QtTest>

#include <arpa/inet.h>
#include <dlfcn.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::ownConnection;
using TestKit::urlOf;

namespace {

std::atomic<pthread_t> g_ownerThread {};
std::atomic<int> g_serverPort { 0 };
std::atomic<int> g_serverSends { 0 };
std::atomic<int> g_foreignSends { 0 };

int localPort(int fd)
{
    sockaddr_storage address {};
    socklen_t length = sizeof address;
    if (getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return -1;
    if (address.ss_family == AF_INET)
        return ntohs(reinterpret_cast<const sockaddr_in &>(address).sin_port);
    if (address.ss_family == AF_INET6)
        return ntohs(reinterpret_cast<const sockaddr_in6 &>(address).sin6_port);
    return -1;
}

} // namespace

extern "C" ssize_t send(int fd, const void *buffer, size_t length, int flags)
{
    using Send = ssize_t (*)(int, const void *, size_t, int);
    static const auto real = reinterpret_cast<Send>(dlsym(RTLD_NEXT, "send"));
    const int port = g_serverPort.load();
    if (port != 0 && localPort(fd) == port) {
        ++g_serverSends;
        if (!pthread_equal(pthread_self(), g_ownerThread.load()))
            ++g_foreignSends;
    }
    return real(fd, buffer, length, flags);
}

namespace {

// Counts the server's send(2) calls from now on (the server must live in this thread).
class WriteWatch
{
public:
    explicit WriteWatch(const Server &server)
    {
        g_ownerThread = pthread_self();
        g_serverSends = 0;
        g_foreignSends = 0;
        g_serverPort = server.port();
    }
    ~WriteWatch() { g_serverPort = 0; }
    int writes() const { return g_serverSends.load(); }
    int foreignWrites() const { return g_foreignSends.load(); }
};

// Where each callback ran. Filled from any thread.
class ThreadLog
{
public:
    void note(const QString &what)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_entries.push_back({ what, QThread::currentThread() });
    }
    int count(const QString &what) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return int(std::count_if(
            m_entries.begin(), m_entries.end(), [&](const Entry &e) { return e.what == what; }));
    }
    int size() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return int(m_entries.size());
    }
    /// The entries that ran outside `owner`, e.g. "handler x3".
    QStringList outside(const QThread *owner) const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        QMap<QString, int> counts;
        for (const Entry &e : m_entries) {
            if (e.thread != owner)
                ++counts[e.what];
        }
        QStringList out;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            out += QStringLiteral("%1 x%2").arg(it.key()).arg(it.value());
        return out;
    }

private:
    struct Entry
    {
        QString what;
        const QThread *thread;
    };
    mutable std::mutex m_mutex;
    std::vector<Entry> m_entries;
};

// Plain std::threads (no Qt event loop), joined before the test ends.
class Workers
{
public:
    ~Workers() { join(); }
    void run(std::function<void()> job)
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_threads.emplace_back(std::move(job));
    }
    void join()
    {
        std::vector<std::thread> threads;
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            threads.swap(m_threads);
        }
        for (std::thread &t : threads)
            t.join();
    }

private:
    std::mutex m_mutex;
    std::vector<std::thread> m_threads;
};

} // namespace

class tst_Threads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        // "QObject::startTimer: Timers cannot be started from another thread" and the like.
        QTest::failOnWarning(QRegularExpression(
            QStringLiteral("thread"), QRegularExpression::CaseInsensitiveOption));
    }

    void connectMiddlewareNextFromWorker()
    {
        Server server;
        QVERIFY(server.listen());
        WriteWatch writes(server);
        Workers workers;
        ThreadLog log;
        server.useConnect([&](Socket *, const Next &next) {
            log.note(QStringLiteral("middleware"));
            workers.run([next] { next(); });
        });
        QObject::connect(
            &server, &Server::connected, [&](Socket *) { log.note(QStringLiteral("connected")); });
        QObject::connect(server.defaultNamespace(), &Namespace::connected,
            [&](Socket *) { log.note(QStringLiteral("namespace connected")); });
        server.on(QStringLiteral("echo"), [&](Socket *, const QVariantList &args, const Ack &ack) {
            log.note(QStringLiteral("handler"));
            ack(args);
        });

        Client client(urlOf(server), ownConnection());
        QVERIFY(connectClient(client));
        QTRY_COMPARE(log.count(QStringLiteral("connected")), 1);
        QCOMPARE(log.count(QStringLiteral("namespace connected")), 1);
        const AckResult r = ask(client, QStringLiteral("echo"), { 7 });
        QVERIFY2(r.isOk(), qPrintable(r.errorString()));
        QCOMPARE(r.value().toInt(), 7);
        workers.join();

        QVERIFY2(log.outside(server.thread()).isEmpty(),
            qPrintable(log.outside(server.thread()).join(QStringLiteral(", "))));
        QVERIFY(writes.writes() > 0);
        QCOMPARE(writes.foreignWrites(), 0);
    }

    void eventMiddlewareNextFromWorker()
    {
        constexpr int kEvents = 50;
        Server server;
        QVERIFY(server.listen());
        WriteWatch writes(server);
        Workers workers;
        ThreadLog log;
        server.use([&](Socket *, const QString &, QVariantList &, const Next &next) {
            workers.run([next] { next(); });
        });
        server.on(
            QStringLiteral("work"), [&](Socket *socket, const QVariantList &args, const Ack &ack) {
                log.note(QStringLiteral("handler"));
                const int n = args.value(0).toInt();
                // What a handler does: send (queues output, arms the flush), ask the client with
                // a deadline (arms a timer), answer.
                socket->emitEvent(QStringLiteral("progress"), { n });
                socket->emitWithAck(
                    QStringLiteral("confirm"), { n },
                    [&log](const AckResult &result) {
                        log.note(result.isOk() ? QStringLiteral("confirm callback")
                                               : QStringLiteral("confirm failed"));
                    },
                    5000);
                ack({ n + 1 });
            });

        Client client(urlOf(server), ownConnection());
        QList<int> progress;
        client.on(QStringLiteral("progress"),
            [&](const QVariantList &args) { progress.append(args.value(0).toInt()); });
        client.on(QStringLiteral("confirm"),
            [](const QVariantList &args, const Ack &ack) { ack({ args.value(0) }); });
        QVERIFY(connectClient(client));

        QList<int> replies;
        for (int i = 0; i < kEvents; ++i) {
            client.emitEvent(QStringLiteral("work"), { i }, [&replies](const AckResult &r) {
                replies.append(r.isOk() ? r.value().toInt() : -1);
            });
        }
        QTRY_COMPARE(replies.size(), kEvents);
        QTRY_COMPARE(progress.size(), kEvents);
        QTRY_COMPARE(log.count(QStringLiteral("confirm callback")), kEvents);
        workers.join();
        std::sort(replies.begin(), replies.end());
        for (int i = 0; i < kEvents; ++i)
            QCOMPARE(replies.at(i), i + 1);
        QCOMPARE(log.count(QStringLiteral("handler")), kEvents);

        QVERIFY2(log.outside(server.thread()).isEmpty(),
            qPrintable(log.outside(server.thread()).join(QStringLiteral(", "))));
        QVERIFY(writes.writes() > 0);
        QCOMPARE(writes.foreignWrites(), 0);
        QVERIFY(client.isConnected());
    }

    void ackFromWorker()
    {
        Server server;
        QVERIFY(server.listen());
        WriteWatch writes(server);
        Workers workers;
        ThreadLog log;
        server.on(QStringLiteral("work"), [&](Socket *, const QVariantList &args, const Ack &ack) {
            log.note(QStringLiteral("handler"));
            workers.run([ack, args] { ack({ args.value(0).toInt() * 2 }); });
        });
        Client client(urlOf(server), ownConnection());
        QVERIFY(connectClient(client));
        for (int i = 1; i <= 5; ++i) {
            const int before = writes.writes();
            const AckResult r = ask(client, QStringLiteral("work"), { i });
            QVERIFY2(r.isOk(), qPrintable(r.errorString()));
            QCOMPARE(r.value().toInt(), 2 * i);
            QVERIFY(writes.writes() > before); // the reply went out of the server's sockets
        }
        workers.join();
        QVERIFY2(log.outside(server.thread()).isEmpty(),
            qPrintable(log.outside(server.thread()).join(QStringLiteral(", "))));
        QCOMPARE(writes.foreignWrites(), 0);
    }

    void clientInItsOwnThread_data()
    {
        QTest::addColumn<bool>("moved");
        QTest::newRow("created in the thread") << false;
        QTest::newRow("moved to the thread before open()") << true;
    }

    void clientInItsOwnThread()
    {
        QFETCH(bool, moved);
        Server server;
        QVERIFY(server.listen());
        ThreadLog serverLog;
        server.on(QStringLiteral("echo"), [&](Socket *, const QVariantList &args, const Ack &ack) {
            serverLog.note(QStringLiteral("server handler"));
            ack(args);
        });
        QObject::connect(&server, &Server::connected, [&](Socket *socket) {
            serverLog.note(QStringLiteral("server connected"));
            socket->emitEvent(QStringLiteral("welcome"), { socket->id() });
            socket->emitWithAck(QStringLiteral("question"), { 20 }, [&](const AckResult &r) {
                serverLog.note(r.isOk() && r.value().toInt() == 21
                        ? QStringLiteral("server ack callback")
                        : QStringLiteral("server ack wrong"));
            });
        });

        QThread thread;
        thread.setObjectName(QStringLiteral("client thread"));
        QObject anchor; // runs code in the client's thread; destroyed after it stopped
        anchor.moveToThread(&thread);
        thread.start();
        auto stopThread = qScopeGuard([&] {
            thread.quit();
            thread.wait();
        });

        ThreadLog log; // everything the client calls back
        std::atomic<Client *> client { nullptr };
        std::atomic<bool> done { false };
        const QUrl url = urlOf(server);
        const auto setUp = [&log, &client, &done](Client *c) {
            QObject::connect(c, &Client::connected, [&log, c, &done] {
                log.note(QStringLiteral("connected"));
                c->emitEvent(QStringLiteral("echo"), { QStringLiteral("hi") },
                    [&log, c](const AckResult &r) {
                        log.note(r.isOk() && r.value().toString() == QStringLiteral("hi")
                                ? QStringLiteral("ack callback")
                                : QStringLiteral("ack wrong"));
                        c->close();
                    });
            });
            QObject::connect(c, &Client::disconnected, [&log, &done](const QString &) {
                log.note(QStringLiteral("disconnected"));
                done = true;
            });
            QObject::connect(c, &Client::errorOccurred,
                [&log](const Error &) { log.note(QStringLiteral("errorOccurred")); });
            QObject::connect(
                c, &Client::eventReceived, [&log](const QString &, const QVariantList &) {
                    log.note(QStringLiteral("eventReceived"));
                });
            c->onAny([&log](const QString &, const QVariantList &) {
                log.note(QStringLiteral("onAny"));
            });
            c->on(QStringLiteral("welcome"), [&log, c](const QVariantList &args) {
                log.note(args.value(0).toString() == c->id() ? QStringLiteral("welcome")
                                                             : QStringLiteral("welcome wrong"));
            });
            c->on(QStringLiteral("question"), [&log](const QVariantList &args, const Ack &ack) {
                log.note(QStringLiteral("question"));
                ack({ args.value(0).toInt() + 1 });
            });
            client = c;
            c->open();
        };

        if (moved) {
            auto *c = new Client(url, ownConnection());
            c->moveToThread(&thread);
            TestKit::runInThreadOf(&anchor, [c, setUp] { setUp(c); });
        } else {
            TestKit::runInThreadOf(
                &anchor, [url, setUp] { setUp(new Client(url, ownConnection())); });
        }

        QTRY_VERIFY_WITH_TIMEOUT(done.load(), 10000);
        QTRY_COMPARE(serverLog.count(QStringLiteral("server ack callback")), 1);
        // Deleted in its own thread.
        QVERIFY(
            TestKit::runInThreadOfAndWait(&anchor, [&client] { delete client.exchange(nullptr); }));

        QCOMPARE(log.count(QStringLiteral("connected")), 1);
        QCOMPARE(log.count(QStringLiteral("welcome")), 1);
        QCOMPARE(log.count(QStringLiteral("question")), 1);
        QCOMPARE(log.count(QStringLiteral("ack callback")), 1);
        QCOMPARE(log.count(QStringLiteral("onAny")), 2);
        QCOMPARE(log.count(QStringLiteral("eventReceived")), 2);
        QCOMPARE(log.count(QStringLiteral("disconnected")), 1);
        QCOMPARE(log.count(QStringLiteral("errorOccurred")), 0);
        QVERIFY2(log.outside(&thread).isEmpty(),
            qPrintable(log.outside(&thread).join(QStringLiteral(", "))));
        QCOMPARE(serverLog.count(QStringLiteral("server handler")), 1);
        QVERIFY2(serverLog.outside(server.thread()).isEmpty(),
            qPrintable(serverLog.outside(server.thread()).join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(tst_Threads)
#include "tst_threads.moc"
