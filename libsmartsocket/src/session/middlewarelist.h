#pragma once

// Middleware lists as the server keeps them: copy-on-write snapshots (a running chain keeps
// the list it started with), the server's list followed by the namespace's, and middleware
// scoped to one event. MiddlewareChain runs them.

#include <smartsocket/middleware.h>

#include <memory>
#include <vector>

namespace SmartSocket::Internal {

using EventMiddlewareList = std::vector<EventMiddleware>;
using ConnectMiddlewareList = std::vector<ConnectMiddleware>;

/// Wraps a middleware so that it runs for one event only.
inline EventMiddleware forEvent(const QString &event, EventMiddleware middleware)
{
    return [event, middleware = std::move(middleware)](
               Socket *socket, const QString &name, QVariantList &args, const Next &next) {
        if (name == event)
            middleware(socket, name, args, next);
        else
            next();
    };
}

/// The server-level middlewares followed by the namespace's; null when there are none.
template<typename T>
std::shared_ptr<const std::vector<T>> concatenated(
    const std::shared_ptr<const std::vector<T>> &first,
    const std::shared_ptr<const std::vector<T>> &second)
{
    if (!first || !second)
        return first ? first : second;
    auto both = std::make_shared<std::vector<T>>(*first);
    both->insert(both->end(), second->begin(), second->end());
    return both;
}

/// Appends to a copy-on-write middleware list (a running chain keeps its snapshot).
template<typename T> void appendShared(std::shared_ptr<const std::vector<T>> &list, T value)
{
    auto copy = list ? std::make_shared<std::vector<T>>(*list) : std::make_shared<std::vector<T>>();
    copy->push_back(std::move(value));
    list = std::move(copy);
}

} // namespace SmartSocket::Internal
