#include <smartsocket/ack.h>

namespace SmartSocket {

struct Ack::State
{
    Sender sender;
    bool answered = false;
};

Ack::Ack(Sender sender) : d(std::make_shared<State>())
{
    d->sender = std::move(sender);
}

bool Ack::isRequested() const
{
    return d && d->sender;
}

bool Ack::isAnswered() const
{
    return d && d->answered;
}

void Ack::operator()(const QVariantList &args) const
{
    if (!d || d->answered || !d->sender)
        return;
    d->answered = true;
    // Release the captured state once used: the reply goes out exactly once.
    const Sender sender = std::move(d->sender);
    d->sender = nullptr;
    sender(args);
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
