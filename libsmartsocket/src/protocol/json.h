#pragma once

// A compact JSON reader/writer working directly on QVariant (no QJsonDocument round trip):
// this is on the per-message path.
//
// Mapping: null <-> QVariant::fromValue(nullptr); true/false <-> bool; integers that fit
// <-> int / qint64; other numbers <-> double; strings <-> QString; arrays <-> QVariantList;
// objects <-> QVariantMap. On writing, an invalid QVariant is null, QVariantHash/QStringList/
// QJson* are accepted, QDateTime is an ISO-8601 string, other types use QVariant's string
// conversion (or null when there is none).
//
// Reading details: a number written without fraction or exponent is an int when it fits,
// else a qint64 when it fits, else a double; any other number is a double (out of range gives
// +-infinity or +-0, as JSON.parse does). `\uXXXX` escapes yield UTF-16 units as in JSON.parse,
// so a lone surrogate is kept (and written back as `\uXXXX`). Invalid UTF-8 inside a string is
// not an error: it is decoded by QString::fromUtf8, which puts U+FFFD for each offending byte
// (Node, decoding an HTTP body, also substitutes U+FFFD; over WebSocket the transport must
// already have refused the frame). Duplicate keys: the last one wins.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QVarLengthArray>
#include <QVariant>

#include <utility>

namespace SmartSocket::Protocol::Json {

/// Nesting accepted by default: deeper than any real payload (Node serves 200 levels and more;
/// so do we), shallow enough for the recursive parser's stack on any thread.
constexpr int defaultMaxDepth = 512;

/// Byte ranges [begin, end) of the elements of a top-level JSON array, as offsets into the
/// parsed text (filled by parse() when asked for).
using ElementSpans = QVarLengthArray<std::pair<qsizetype, qsizetype>, 8>;

/// Appends the compact JSON text of `value` to `out`. When `attachments` is non-null,
/// every QByteArray is written as `{"_placeholder":true,"num":N}` and appended to
/// `attachments` (depth-first order); when it is null, QByteArray values are written as
/// base64 strings.
void write(const QVariant &value, QByteArray &out, QList<QByteArray> *attachments = nullptr);

/// Appends `s` as a JSON string literal (quotes included), escaped like JSON.stringify:
/// `"`, `\` and control characters escaped, lone surrogates as `\uXXXX`, the rest UTF-8.
void writeString(QStringView s, QByteArray &out);

/// Parses one complete JSON text (surrounding whitespace allowed, nothing else after it).
/// Returns false with a message (position included) on error. Nesting is limited to
/// maxDepth levels.
bool parse(QByteArrayView text, QVariant &out, QString *error = nullptr,
    int maxDepth = defaultMaxDepth, ElementSpans *topLevelElements = nullptr);

/// The relay cache. A server very often sends on exactly what it received (an echo, an ack
/// with the request's payload, a chat message broadcast to a room). The decoder remembers
/// the JSON text of the objects and arrays it has just parsed (`rememberText`); when write()
/// meets the very same container again inside the value it writes (not as that value itself:
/// a packet's top-level array is always built by the sender) — still implicitly shared with the
/// remembered copy, hence unmodified — it copies the remembered text instead of serialising it once
/// more. The copy kept here makes any modification detach, so a changed container never matches.
/// Thread-local, a few entries, texts of at most 4 KiB; the text must be valid JSON without
/// binary placeholders.
void rememberText(const QVariant &container, QByteArrayView json);
/// Empties this thread's relay cache (tests).
void forgetTexts();

} // namespace SmartSocket::Protocol::Json
