#pragma once

// bcrypt password checks for the admin namespace's basic auth, through libxcrypt's crypt_r
// (libcrypt1 on Debian 12: glibc 2.36 there has no crypt of its own). The hash formats are
// the ones bcryptjs and Node's bcrypt produce: $2a$, $2b$ and $2y$, cost 04-31.

#include <QByteArray>

namespace SmartSocket::Internal::Bcrypt {

/// True when `hash` is a well-formed bcrypt hash ($2a$/$2b$/$2y$, cost 04-31, 53 characters
/// of salt and digest).
bool isValidHash(const QByteArray &hash);
/// The cost factor of a valid hash; -1 otherwise.
int cost(const QByteArray &hash);
/// True when `password` matches `hash` (compared in constant time). Slow by design (tens of
/// ms at cost 10): call it off the event loop's thread. Safe from any thread.
bool verify(const QByteArray &password, const QByteArray &hash);

} // namespace SmartSocket::Internal::Bcrypt
