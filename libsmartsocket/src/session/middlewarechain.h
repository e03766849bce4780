#pragma once

#include <smartsocket/error.h>
#include <smartsocket/middleware.h>

#include <functional>
#include <memory>
#include <vector>

namespace SmartSocket::Internal {

/// Runs a list of middlewares in order. `invoke(middleware, next)` calls one of them with
/// its context (socket, event, args...); `done(nullptr)` runs after the last one called
/// next(), `done(&error)` as soon as one calls next(error). A middleware that never calls
/// next stops the chain silently (as in socket.io). The list is a snapshot: middlewares
/// added while a chain runs apply to the next one.
template<typename Middleware> class MiddlewareChain
{
public:
    using List = std::vector<Middleware>;
    using Invoke = std::function<void(const Middleware &, const Next &)>;
    using Done = std::function<void(const Error *)>;

    /// `context`: the object whose thread continues the chain when a middleware calls next
    /// from another thread.
    static void run(
        std::shared_ptr<const List> list, Invoke invoke, Done done, QObject *context = nullptr)
    {
        auto state = std::make_shared<State>();
        state->context = context;
        state->list = std::move(list);
        state->invoke = std::move(invoke);
        state->done = std::move(done);
        step(state);
    }

private:
    struct State
    {
        std::shared_ptr<const List> list;
        Invoke invoke;
        Done done;
        QObject *context = nullptr;
        size_t index = 0;
    };

    static void step(const std::shared_ptr<State> &state)
    {
        if (!state->list || state->index >= state->list->size()) {
            state->done(nullptr);
            return;
        }
        const Middleware &mw = (*state->list)[state->index++];
        // The context goes into every Next: a middleware that calls next() from a worker
        // thread must not run the rest of the chain (and the handler) on that worker.
        state->invoke(mw,
            Next(
                [state](const Error *error) {
                    if (error)
                        state->done(error);
                    else
                        step(state);
                },
                state->context));
    }
};

} // namespace SmartSocket::Internal
