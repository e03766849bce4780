#pragma once

#include <smartsocket/ack.h>

#include <QPointer>

#include <atomic>

namespace SmartSocket {

/// The reply channel of an Ack. The library derives one per use (the server's holds the
/// socket, namespace and ack id), so an Ack costs a single allocation.
struct Ack::State
{
    virtual ~State() = default;
    /// Sends the reply, in the context's thread.
    virtual void send(const QVariantList &args) = 0;

    /// The socket or client replying; the reply is sent from its thread.
    QPointer<QObject> context;
    std::atomic<bool> answered { false };
};

} // namespace SmartSocket
