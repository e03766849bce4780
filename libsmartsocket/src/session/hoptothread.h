#pragma once

#include <QMetaObject>
#include <QObject>

#include <mutex>
#include <utility>

namespace SmartSocket::Internal {

/// Runs `function` later in the thread of `context` (a queued call; dropped if `context` is
/// deleted first). Used when an Ack or a Next is called from a worker thread.
///
/// The posting thread holds a lock while it posts, and the queued call takes the same lock
/// before it touches anything it captured. Qt's event queue already orders the two, but
/// through a futex inside QtCore that ThreadSanitizer cannot see (Qt is not built with it);
/// with the lock, everything the worker wrote before posting (the captured arguments, Qt's
/// event) visibly happens-before the call, and the tsan preset reports no false race on every
/// hop. One process-wide mutex, constant-initialised (std::mutex's constructor is constexpr)
/// and touched only by hops: the queued call must not read anything the worker wrote, a
/// captured lock included, before it holds the lock. Held for the time of a post; only the
/// cross-thread path pays for it.
inline std::mutex &hopGate()
{
    static std::mutex gate;
    return gate;
}

template<typename Function> void hopToThread(QObject *context, Function function)
{
    const std::lock_guard<std::mutex> posting(hopGate());
    QMetaObject::invokeMethod(
        context,
        [function = std::move(function)]() mutable {
            {
                const std::lock_guard<std::mutex> posted(hopGate());
            }
            function();
        },
        Qt::QueuedConnection);
}

} // namespace SmartSocket::Internal
