#include <smartsocket/middleware.h>

#include "hoptothread.h"

#include <QPointer>
#include <QThread>

#include <atomic>
#include <optional>

namespace SmartSocket {

struct Next::State
{
    Continuation continuation;
    QPointer<QObject> context;
    bool hasContext = false;
    std::atomic<bool> called { false };

    void run(const Error *error)
    {
        const Continuation c = std::move(continuation);
        continuation = nullptr;
        if (c)
            c(error);
    }
};

Next::Next(Continuation continuation, QObject *context) : d(std::make_shared<State>())
{
    d->continuation = std::move(continuation);
    d->context = context;
    d->hasContext = context != nullptr;
}

void Next::call(const Error *error) const
{
    if (!d || d->called.exchange(true))
        return;
    QObject *context = d->context.data();
    if (d->hasContext && !context)
        return; // the owner is gone: the rest of the chain belonged to it
    if (context && context->thread() != QThread::currentThread()) {
        // Called from a worker thread: continue the chain in the owner's thread.
        std::optional<Error> copy;
        if (error)
            copy = *error;
        Internal::hopToThread(context, [state = d, copy] { state->run(copy ? &*copy : nullptr); });
        return;
    }
    d->run(error);
}

void Next::operator()() const
{
    call(nullptr);
}

void Next::operator()(const Error &error) const
{
    call(&error);
}

} // namespace SmartSocket
