#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QVariant>

#include <utility>

namespace SmartSocket::Cluster {

/// A map written with its keys in the given order (a QVariantMap sorts them). Lets the
/// adapter write exactly the bytes notepack writes for a JavaScript object literal.
struct MsgPackOrderedMap
{
    QList<std::pair<QString, QVariant>> entries;
};

/// MessagePack as notepack.io (the encoder of @socket.io/redis-adapter) writes it, to and from
/// the QVariant shapes the library's JSON layer uses: null is QVariant::fromValue(nullptr),
/// Buffer is QByteArray (bin), objects are QVariantMap, arrays QVariantList, integers qint64
/// (quint64 above INT64_MAX), non-integers double. notepack's `undefined` (ext 0, one zero
/// byte) reads as null; a Date (fixext 8, type 0) reads as a UTC QDateTime.
/// Built on the msgpack-c C library (libmsgpack-dev: msgpack.h, libmsgpackc).
class MsgPackCodec
{
public:
    static QByteArray encode(const QVariant &value);

    /// Decodes exactly one object filling all of `bytes`. On malformed input, trailing bytes
    /// or nesting deeper than maxDepth: returns an invalid QVariant and sets *error.
    static QVariant decode(const QByteArray &bytes, QString *error = nullptr);

    static constexpr int maxDepth = 64;
};

} // namespace SmartSocket::Cluster

Q_DECLARE_METATYPE(SmartSocket::Cluster::MsgPackOrderedMap)
