#pragma once

// A compact JSON reader/writer working directly on QVariant (no QJsonDocument round trip):
// this is on the per-message path.
//
// Mapping: null <-> QVariant::fromValue(nullptr); true/false <-> bool; integers that fit
// <-> int / qint64; other numbers <-> double; strings <-> QString; arrays <-> QVariantList;
// objects <-> QVariantMap. On writing, an invalid QVariant is null, QVariantHash/QStringList/
// QJson* are accepted, QDateTime is an ISO-8601 string, other types use QVariant's string
// conversion (or null when there is none).

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QVariant>

namespace SmartSocket::Protocol::Json {

/// Appends the compact JSON text of `value` to `out`. When `attachments` is non-null,
/// every QByteArray is written as `{"_placeholder":true,"num":N}` and appended to
/// `attachments` (depth-first order); when it is null, QByteArray values are written as
/// base64 strings.
void write(const QVariant &value, QByteArray &out, QList<QByteArray> *attachments = nullptr);

/// Parses one complete JSON text (surrounding whitespace allowed, nothing else after it).
/// Returns false with a message (position included) on error. Nesting is limited to
/// maxDepth levels.
bool parse(QByteArrayView text, QVariant &out, QString *error = nullptr, int maxDepth = 128);

} // namespace SmartSocket::Protocol::Json
