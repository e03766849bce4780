// smartsocket-bench-inspector: is the inspector's event log responsive under 1 000 events/s?
// Drives synthetic events (the admin protocol's event_received/event_sent shape, ~100-byte
// JSON arguments) at a steady rate into the real EventsPage (EventLogModel ring buffer with
// batched inserts, filter proxy, table view following the newest row) in a shown window, and
// measures the GUI thread's event-loop latency: how late a 1 ms precise timer fires. A
// baseline with no events is measured first, in the same process.
//
// Usage: smartsocket-bench-inspector [--rate N] [--seconds S] [--baseline-seconds S]
//          [--capacity N] [--flush-ms MS] [--filter TEXT] [--max-p99-ms MS]
// Prints one RESULT line of JSON; exits 1 when --max-p99-ms is given and the loaded p99 is
// above it. Run it with QT_QPA_PLATFORM=offscreen (or under Xvfb).

#include "eventfilterproxymodel.h"
#include "eventlogmodel.h"
#include "eventspage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMainWindow>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace Inspector;

namespace {

struct Stats
{
    double p50 = 0, p99 = 0, p999 = 0, max = 0;
    /// Sum of the lateness over the run time: roughly the share of the GUI thread's time
    /// spent in work other than the probe (model updates, repaints).
    double busy = 0;
    /// GUI thread CPU time over the run time.
    double cpu = 0;
    qsizetype samples = 0;
};

Stats summarize(std::vector<double> lateness)
{
    Stats s;
    if (lateness.empty())
        return s;
    std::sort(lateness.begin(), lateness.end());
    auto at = [&](double q) {
        return lateness[std::min(lateness.size() - 1, size_t(q * double(lateness.size())))];
    };
    s.p50 = at(0.50);
    s.p99 = at(0.99);
    s.p999 = at(0.999);
    s.max = lateness.back();
    double sum = 0;
    for (double l : lateness)
        sum += l;
    s.busy = sum;
    s.samples = qsizetype(lateness.size());
    return s;
}

QJsonObject toJson(const Stats &s)
{
    return { { QStringLiteral("p50_ms"), s.p50 }, { QStringLiteral("p99_ms"), s.p99 },
        { QStringLiteral("p999_ms"), s.p999 }, { QStringLiteral("max_ms"), s.max },
        { QStringLiteral("gui_cpu"), s.cpu }, { QStringLiteral("samples"), s.samples } };
}

// CPU time of the calling (GUI) thread, in seconds: what the work really costs, apart from
// the time the thread waits for a core on a shared machine (which the lateness includes).
double threadCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// Runs the event loop for `seconds`, recording how late each tick of a 1 ms timer is.
Stats measure(double seconds)
{
    Stats result;
    std::vector<double> lateness;
    lateness.reserve(size_t(seconds * 1100));
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(1);
    QElapsedTimer clock;
    qint64 last = -1;
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last >= 0)
            lateness.push_back(std::max(0.0, (now - last) / 1e6 - 1.0));
        last = now;
    });
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    const double cpuStart = threadCpuSeconds();
    clock.start();
    probe.start();
    loop.exec();
    probe.stop();
    result = summarize(std::move(lateness));
    result.busy /= seconds * 1000;
    result.cpu = (threadCpuSeconds() - cpuStart) / seconds;
    return result;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rateOpt(QStringLiteral("rate"), QStringLiteral("events per second"),
        QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"),
        QStringLiteral("loaded measurement"), QStringLiteral("s"), QStringLiteral("10"));
    const QCommandLineOption baselineOpt(QStringLiteral("baseline-seconds"),
        QStringLiteral("idle measurement first"), QStringLiteral("s"), QStringLiteral("3"));
    const QCommandLineOption capacityOpt(QStringLiteral("capacity"),
        QStringLiteral("ring buffer rows"), QStringLiteral("n"), QStringLiteral("10000"));
    const QCommandLineOption flushOpt(QStringLiteral("flush-ms"), QStringLiteral("batch interval"),
        QStringLiteral("ms"), QStringLiteral("50"));
    const QCommandLineOption filterOpt(QStringLiteral("filter"),
        QStringLiteral("text filter on the view"), QStringLiteral("text"));
    const QCommandLineOption maxOpt(QStringLiteral("max-p99-ms"),
        QStringLiteral("fail above this loaded p99"), QStringLiteral("ms"));
    parser.addOptions(
        { rateOpt, secondsOpt, baselineOpt, capacityOpt, flushOpt, filterOpt, maxOpt });
    parser.process(app);
    const int rate = parser.value(rateOpt).toInt();
    const double seconds = parser.value(secondsOpt).toDouble();
    const double baselineSeconds = parser.value(baselineOpt).toDouble();

    EventLogModel model;
    model.setCapacity(parser.value(capacityOpt).toInt());
    model.setFlushInterval(parser.value(flushOpt).toInt());
    QMainWindow window;
    auto *page = new EventsPage(&model, &window);
    window.setCentralWidget(page);
    window.resize(1280, 800);
    window.show();
    if (parser.isSet(filterOpt))
        page->proxy()->setTextFilter(parser.value(filterOpt));
    QApplication::processEvents();

    const Stats idle = baselineSeconds > 0 ? measure(baselineSeconds) : Stats();

    // The generator: every 10 ms, as many events as the elapsed time calls for (steady rate
    // even when a tick is late), shaped like the admin protocol's events.
    const QStringList sockets { QStringLiteral("gjPU-H_p6D7CrlbTAAAA"),
        QStringLiteral("mpuA4NVzsXMTx3MNAAAC"), QStringLiteral("RZdndUZXXAQ7lYwUAAAE"),
        QStringLiteral("PUS0lAHc1YdpSDtmAAAB") };
    qint64 generated = 0;
    QElapsedTimer genClock;
    QTimer generator;
    generator.setTimerType(Qt::PreciseTimer);
    generator.setInterval(10);
    QObject::connect(&generator, &QTimer::timeout, [&] {
        const qint64 due = genClock.elapsed() * rate / 1000;
        for (; generated < due; ++generated) {
            EventRecord r;
            r.time = QDateTime::currentDateTimeUtc();
            r.direction
                = generated % 2 ? EventRecord::Direction::Sent : EventRecord::Direction::Received;
            r.nsp = generated % 3 ? QStringLiteral("/") : QStringLiteral("/chat");
            r.socketId = sockets[generated % sockets.size()];
            r.event = QStringLiteral("message");
            r.args = { QVariantMap {
                { QStringLiteral("from"), QStringLiteral("bot-%1").arg(generated % 6) },
                { QStringLiteral("text"),
                    QStringLiteral("hello %1 from the benchmark").arg(generated) },
                { QStringLiteral("seq"), generated }, { QStringLiteral("ok"), true } } };
            model.append(std::move(r));
        }
    });
    genClock.start();
    generator.start();
    QElapsedTimer wall;
    wall.start();
    const Stats loaded = measure(seconds);
    generator.stop();
    const double elapsed = wall.nsecsElapsed() / 1e9;
    model.flush();

    const QJsonObject result {
        { QStringLiteral("rate"), rate },
        { QStringLiteral("seconds"), seconds },
        { QStringLiteral("generated"), generated },
        { QStringLiteral("achieved_rate"), generated / elapsed },
        { QStringLiteral("rows"), model.rowCount() },
        { QStringLiteral("visible_rows"), page->proxy()->rowCount() },
        { QStringLiteral("dropped"), model.droppedCount() },
        { QStringLiteral("capacity"), model.capacity() },
        { QStringLiteral("flush_ms"), model.flushInterval() },
        { QStringLiteral("filter"), parser.value(filterOpt) },
        { QStringLiteral("platform"), QGuiApplication::platformName() },
        { QStringLiteral("idle"), toJson(idle) },
        { QStringLiteral("loaded"), toJson(loaded) },
    };
    std::printf("RESULT %s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    std::printf(
        "event-loop lateness of a 1 ms timer: idle p99 %.2f ms (max %.2f); with %d events/s: "
        "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; GUI thread CPU %.0f %% "
        "(idle %.0f %%); %lld events, %d rows kept\n",
        idle.p99, idle.max, rate, loaded.p50, loaded.p99, loaded.p999, loaded.max, loaded.cpu * 100,
        idle.cpu * 100, static_cast<long long>(generated), model.rowCount());
    if (parser.isSet(maxOpt) && loaded.p99 > parser.value(maxOpt).toDouble()) {
        std::fprintf(stderr, "FAIL: loaded p99 %.2f ms > %s ms\n", loaded.p99,
            qPrintable(parser.value(maxOpt)));
        return 1;
    }
    // The rate must really have been driven (a stalled generator would make a fast loop).
    if (generated < qint64(rate * seconds * 0.9)) {
        std::fprintf(
            stderr, "FAIL: generated only %lld events\n", static_cast<long long>(generated));
        return 1;
    }
    return 0;
}
