#pragma once

#include <smartsocket/client.h>

namespace TestKit {

/// Emits with an ack and waits (running the event loop) for the result; a Timeout failure
/// "test gave up" when nothing came within timeoutMs + 5 s.
SmartSocket::AckResult ask(SmartSocket::Client &client, const QString &event,
    const QVariantList &args, int timeoutMs = 5000);

/// Opens the client and waits for connected() (running the event loop).
bool connectClient(SmartSocket::Client &client, int timeoutMs = 10000);

} // namespace TestKit
