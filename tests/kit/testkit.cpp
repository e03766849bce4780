#include "testkit.h"

#include <QMetaObject>
#include <QProcessEnvironment>
#include <QThread>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace TestKit {
QString interopDir()
{
    return QProcessEnvironment::systemEnvironment().value(
        QStringLiteral("SMARTSOCKET_INTEROP_DIR"));
}

bool isCi()
{
    return qEnvironmentVariable("CI") == QStringLiteral("true");
}

void runInThreadOf(QObject *context, std::function<void()> function)
{
    // Process-wide and constant-initialised (std::mutex's constructor is constexpr): the queued
    // call must not read anything the posting thread wrote, a captured lock included, before
    // it holds the lock.
    static std::mutex gate;
    const std::lock_guard<std::mutex> posting(gate);
    QMetaObject::invokeMethod(
        context,
        [function = std::move(function)] {
            {
                const std::lock_guard<std::mutex> posted(gate);
            }
            function();
        },
        Qt::QueuedConnection);
}

bool runInThreadOfAndWait(QObject *context, std::function<void()> function, int timeoutMs)
{
    Q_ASSERT_X(context->thread() != QThread::currentThread(), "runInThreadOfAndWait",
        "would wait for itself");
    // Shared with the queued call: it may still run after a timeout returned.
    struct Done
    {
        std::mutex mutex;
        std::condition_variable condition;
        bool done = false;
    };
    auto state = std::make_shared<Done>();
    runInThreadOf(context, [state, function = std::move(function)] {
        function();
        {
            const std::lock_guard<std::mutex> lock(state->mutex);
            state->done = true;
        }
        state->condition.notify_all();
    });
    std::unique_lock<std::mutex> lock(state->mutex);
    return state->condition.wait_for(
        lock, std::chrono::milliseconds(timeoutMs), [&state] { return state->done; });
}
} // namespace TestKit
