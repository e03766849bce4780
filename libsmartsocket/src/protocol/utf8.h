#pragma once

// UTF-8 validation: the one check for all text that arrives, in a WebSocket text frame
// (transport/wsframeparser) or unwrapped from an extension frame (features/envelope). Text
// the server relays goes out as the exact bytes that came in (the JSON relay cache), so
// whatever reaches a plain peer's text frame must have passed here.

#include <QByteArrayView>

namespace SmartSocket::Protocol {

/// True when `data` is well-formed UTF-8 (RFC 3629): no overlong forms, no UTF-16
/// surrogates, nothing above U+10FFFF, no truncated sequence at the end.
bool isValidUtf8(QByteArrayView data);

} // namespace SmartSocket::Protocol
