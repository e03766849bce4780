// Run by the tsan build's ctest (tests/sanitizers/CMakeLists.txt): data races on purpose, in
// instrumented code, that ThreadSanitizer must report with the tsan test preset's options and
// suppressions. If it stays silent, the preset has stopped checking.
//   threads: two QThreads write one int without a lock.
//   queued:  a worker posts a queued call to the main thread (as Ack and Next do) and keeps
//            writing what that call reads: the event queue orders nothing after the post.
#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {
int g_counter = 0; // the raced int

void bump()
{
    for (int i = 0; i < 1000; ++i)
        g_counter = g_counter + 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool queued = argc > 1 && std::strcmp(argv[1], "queued") == 0;
    if (!queued) {
        std::unique_ptr<QThread> a(QThread::create(bump));
        std::unique_ptr<QThread> b(QThread::create(bump));
        a->start();
        b->start();
        a->wait();
        b->wait();
    } else {
        std::unique_ptr<QThread> worker(QThread::create([&app] {
            QMetaObject::invokeMethod(
                &app,
                [&app] {
                    bump();
                    app.quit();
                },
                Qt::QueuedConnection);
            bump();
        }));
        worker->start();
        app.exec();
        worker->wait();
    }
    std::printf("counter %d\n", g_counter);
    return 0;
}
