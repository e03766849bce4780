#pragma once

#include <QMetaObject>
#include <QObject>

#include <memory>
#include <mutex>
#include <utility>

namespace SmartSocket::Internal {

/// Runs `function` later in the thread of `context` (a queued call; dropped if `context` is
/// deleted first). Used when an Ack or a Next is called from a worker thread.
///
/// The posting thread holds a lock while it posts, and the queued call takes the same lock
/// before it runs. Qt's event queue already orders the two, but through a futex inside QtCore
/// that ThreadSanitizer cannot see (Qt is not built with it); with the lock, everything the
/// worker wrote before posting (the captured arguments, Qt's event) visibly happens-before
/// the call, and the tsan preset reports no false race on every hop. It costs one small
/// allocation and an uncontended lock per hop, and only on the cross-thread path.
template<typename Function> void hopToThread(QObject *context, Function function)
{
    auto gate = std::make_shared<std::mutex>();
    const std::lock_guard<std::mutex> posting(*gate);
    QMetaObject::invokeMethod(
        context,
        [gate, function = std::move(function)]() mutable {
            {
                const std::lock_guard<std::mutex> posted(*gate);
            }
            function();
        },
        Qt::QueuedConnection);
}

} // namespace SmartSocket::Internal
