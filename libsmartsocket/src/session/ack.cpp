#include "ack_p.h"
#include "hoptothread.h"

#include <QThread>

namespace SmartSocket {

namespace {
struct FunctionState final : Ack::State
{
    void send(const QVariantList &args) override
    {
        // Release the captured state once used: the reply goes out exactly once.
        const Ack::Sender s = std::move(sender);
        sender = nullptr;
        if (s)
            s(args);
    }
    Ack::Sender sender;
};
} // namespace

Ack::Ack(Sender sender, QObject *context)
{
    if (!sender)
        return; // not requested
    auto state = std::make_shared<FunctionState>();
    state->sender = std::move(sender);
    state->context = context;
    d = std::move(state);
}

Ack::Ack(std::shared_ptr<State> state) : d(std::move(state)) { }

bool Ack::isRequested() const
{
    return bool(d);
}

bool Ack::isAnswered() const
{
    return d && d->answered.load();
}

void Ack::operator()(const QVariantList &args) const
{
    if (!d || d->answered.exchange(true))
        return;
    QObject *context = d->context.data();
    if (context && context->thread() != QThread::currentThread()) {
        // Answered from a worker thread: send from the owner's thread.
        Internal::hopToThread(context, [state = d, args] { state->send(args); });
        return;
    }
    d->send(args);
}

AckResult AckResult::ok(const QVariantList &args)
{
    AckResult r;
    r.m_args = args;
    return r;
}

AckResult AckResult::failure(Status status, const QString &message)
{
    AckResult r;
    r.m_status = status;
    r.m_error = message;
    return r;
}

} // namespace SmartSocket
