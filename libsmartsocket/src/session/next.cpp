#include <smartsocket/middleware.h>

namespace SmartSocket {

struct Next::State
{
    Continuation continuation;
};

Next::Next(Continuation continuation) : d(std::make_shared<State>())
{
    d->continuation = std::move(continuation);
}

void Next::operator()() const
{
    if (!d || !d->continuation)
        return;
    const Continuation c = std::move(d->continuation);
    d->continuation = nullptr;
    c(nullptr);
}

void Next::operator()(const Error &error) const
{
    if (!d || !d->continuation)
        return;
    const Continuation c = std::move(d->continuation);
    d->continuation = nullptr;
    c(&error);
}

} // namespace SmartSocket
