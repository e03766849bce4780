// Run by the tsan build's ctest (tests/sanitizers/CMakeLists.txt): a data race on purpose, in
// instrumented code on two QThreads, that ThreadSanitizer must report with the tsan test
// preset's options and suppressions. If it stays silent, the preset has stopped checking.
#include <QCoreApplication>
#include <QThread>

#include <memory>

namespace {
int g_counter = 0; // written by both threads without a lock: the race

void bump()
{
    for (int i = 0; i < 1000; ++i)
        g_counter = g_counter + 1;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::unique_ptr<QThread> a(QThread::create(bump));
    std::unique_ptr<QThread> b(QThread::create(bump));
    a->start();
    b->start();
    a->wait();
    b->wait();
    return g_counter > 0 ? 0 : 1;
}
