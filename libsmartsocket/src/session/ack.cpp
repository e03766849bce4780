#include <smartsocket/ack.h>

#include <QPointer>
#include <QThread>

#include <atomic>

namespace SmartSocket {

struct Ack::State
{
    Sender sender;
    QPointer<QObject> context;
    bool requested = false;
    std::atomic<bool> answered { false };
};

Ack::Ack(Sender sender, QObject *context) : d(std::make_shared<State>())
{
    d->requested = bool(sender);
    d->sender = std::move(sender);
    d->context = context;
}

bool Ack::isRequested() const
{
    return d && d->requested;
}

bool Ack::isAnswered() const
{
    return d && d->answered.load();
}

void Ack::operator()(const QVariantList &args) const
{
    if (!d || !d->requested || d->answered.exchange(true))
        return;
    QObject *context = d->context.data();
    if (context && context->thread() != QThread::currentThread()) {
        // Answered from a worker thread: send from the owner's thread.
        QMetaObject::invokeMethod(
            context,
            [state = d, args] {
                const Sender sender = std::move(state->sender);
                state->sender = nullptr;
                if (sender)
                    sender(args);
            },
            Qt::QueuedConnection);
        return;
    }
    // Release the captured state once used: the reply goes out exactly once.
    const Sender sender = std::move(d->sender);
    d->sender = nullptr;
    if (sender)
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
