#pragma once

#include <smartsocket/error.h>
#include <smartsocket/smartsocket_export.h>

#include <QObject>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace SmartSocket {

class Socket;

/// The continuation a middleware calls: `next()` runs the next middleware (and finally the
/// handler); `next(error)` stops the chain. Copyable; may be called later (asynchronous
/// middleware) and from any thread (the chain then continues in the thread that owns the
/// server), but only the first call counts.
class SMARTSOCKET_EXPORT Next
{
public:
    using Continuation = std::function<void(const Error *error)>;

    Next() = default;
    /// `context` is the object whose thread runs the continuation.
    explicit Next(Continuation continuation, QObject *context = nullptr);

    void operator()() const;
    void operator()(const Error &error) const;
    void operator()(const QString &message) const { (*this)(Error(message)); }

private:
    void call(const Error *error) const;
    struct State;
    std::shared_ptr<State> d;
};

/// Connect-time middleware (socket.io's `io.use`): runs once per socket before it joins its
/// namespace; `socket->handshake().auth()` holds the client's auth payload. `next(error)`
/// refuses the connection with a CONNECT_ERROR `{message, data}`.
using ConnectMiddleware = std::function<void(Socket *socket, const Next &next)>;

/// Per-event middleware (the seed's `server.use((socket, event, data, next))`): runs for every
/// incoming event, server-level first, then namespace-level, in registration order. It may
/// modify `args` before calling next(). `next(error)` drops the event, emits
/// Server::errorOccurred and sends the client `__error__` `{event, message, code}`.
using EventMiddleware = std::function<void(
    Socket *socket, const QString &event, QVariantList &args, const Next &next)>;

} // namespace SmartSocket
