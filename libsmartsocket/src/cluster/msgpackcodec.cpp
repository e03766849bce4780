#include "msgpackcodec.h"

#include <QDateTime>
#include <QVariantList>
#include <QVariantMap>

#include <msgpack.h>

#include <cmath>
#include <limits>

namespace SmartSocket::Cluster {

namespace {

int writeToByteArray(void *data, const char *buf, size_t len)
{
    static_cast<QByteArray *>(data)->append(buf, qsizetype(len));
    return 0;
}

void packString(msgpack_packer *pk, const QString &s)
{
    const QByteArray utf8 = s.toUtf8();
    msgpack_pack_str(pk, size_t(utf8.size()));
    msgpack_pack_str_body(pk, utf8.constData(), size_t(utf8.size()));
}

void pack(msgpack_packer *pk, const QVariant &v, int depth)
{
    if (depth > MsgPackCodec::maxDepth) { // a cycle cannot occur in QVariant; depth is a bound
        msgpack_pack_nil(pk);
        return;
    }
    switch (v.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        msgpack_pack_nil(pk);
        return;
    case QMetaType::Bool:
        v.toBool() ? msgpack_pack_true(pk) : msgpack_pack_false(pk);
        return;
    case QMetaType::Int:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::SChar:
        msgpack_pack_int64(pk, v.toLongLong());
        return;
    case QMetaType::UInt:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::UChar:
        msgpack_pack_uint64(pk, v.toULongLong());
        return;
    case QMetaType::Double:
    case QMetaType::Float: {
        // JavaScript has one number type; notepack writes integral values as integers.
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9007199254740992.0)
            msgpack_pack_int64(pk, qint64(d));
        else
            msgpack_pack_double(pk, d);
        return;
    }
    case QMetaType::QString:
        packString(pk, v.toString());
        return;
    case QMetaType::QByteArray: {
        const QByteArray b = v.toByteArray();
        msgpack_pack_bin(pk, size_t(b.size()));
        msgpack_pack_bin_body(pk, b.constData(), size_t(b.size()));
        return;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        const QVariantList list = v.toList();
        msgpack_pack_array(pk, size_t(list.size()));
        for (const QVariant &item : list)
            pack(pk, item, depth + 1);
        return;
    }
    case QMetaType::QVariantMap: {
        const QVariantMap map = v.toMap();
        msgpack_pack_map(pk, size_t(map.size()));
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            packString(pk, it.key());
            pack(pk, it.value(), depth + 1);
        }
        return;
    }
    case QMetaType::QVariantHash: {
        const QVariantHash map = v.toHash();
        msgpack_pack_map(pk, size_t(map.size()));
        for (auto it = map.cbegin(); it != map.cend(); ++it) {
            packString(pk, it.key());
            pack(pk, it.value(), depth + 1);
        }
        return;
    }
    case QMetaType::QDateTime: {
        // notepack's Date: fixext 8, type 0, milliseconds as a big-endian double.
        const double ms = double(v.toDateTime().toMSecsSinceEpoch());
        quint64 bits;
        static_assert(sizeof bits == sizeof ms);
        memcpy(&bits, &ms, sizeof bits);
        char body[8];
        for (int i = 0; i < 8; ++i)
            body[i] = char(bits >> (56 - 8 * i));
        msgpack_pack_ext(pk, 8, 0);
        msgpack_pack_ext_body(pk, body, 8);
        return;
    }
    default:
        if (v.typeId() == qMetaTypeId<MsgPackOrderedMap>()) {
            const auto &map = *static_cast<const MsgPackOrderedMap *>(v.constData());
            msgpack_pack_map(pk, size_t(map.entries.size()));
            for (const auto &[key, value] : map.entries) {
                packString(pk, key);
                pack(pk, value, depth + 1);
            }
            return;
        }
        if (v.canConvert<QString>())
            packString(pk, v.toString());
        else
            msgpack_pack_nil(pk);
        return;
    }
}

QString keyOf(const msgpack_object &o)
{
    switch (o.type) {
    case MSGPACK_OBJECT_STR:
        return QString::fromUtf8(o.via.str.ptr, qsizetype(o.via.str.size));
    case MSGPACK_OBJECT_POSITIVE_INTEGER:
        return QString::number(o.via.u64);
    case MSGPACK_OBJECT_NEGATIVE_INTEGER:
        return QString::number(o.via.i64);
    default:
        return {};
    }
}

bool unpack(const msgpack_object &o, QVariant &out, int depth, QString &error)
{
    if (depth > MsgPackCodec::maxDepth) {
        error = QStringLiteral("msgpack: nesting deeper than %1").arg(MsgPackCodec::maxDepth);
        return false;
    }
    switch (o.type) {
    case MSGPACK_OBJECT_NIL:
        out = QVariant::fromValue(nullptr);
        return true;
    case MSGPACK_OBJECT_BOOLEAN:
        out = o.via.boolean;
        return true;
    case MSGPACK_OBJECT_POSITIVE_INTEGER:
        if (o.via.u64 > quint64(std::numeric_limits<qint64>::max()))
            out = quint64(o.via.u64);
        else
            out = qint64(o.via.u64);
        return true;
    case MSGPACK_OBJECT_NEGATIVE_INTEGER:
        out = qint64(o.via.i64);
        return true;
    case MSGPACK_OBJECT_FLOAT32:
    case MSGPACK_OBJECT_FLOAT64:
        out = o.via.f64;
        return true;
    case MSGPACK_OBJECT_STR:
        out = QString::fromUtf8(o.via.str.ptr, qsizetype(o.via.str.size));
        return true;
    case MSGPACK_OBJECT_BIN:
        out = QByteArray(o.via.bin.ptr, qsizetype(o.via.bin.size));
        return true;
    case MSGPACK_OBJECT_EXT:
        if (o.via.ext.type == 0 && o.via.ext.size == 8) { // notepack Date
            quint64 bits = 0;
            for (int i = 0; i < 8; ++i)
                bits = (bits << 8) | quint8(o.via.ext.ptr[i]);
            double ms;
            memcpy(&ms, &bits, sizeof ms);
            out = QDateTime::fromMSecsSinceEpoch(qint64(ms), Qt::UTC);
            return true;
        }
        if (o.via.ext.type == 0 && o.via.ext.size == 1) { // notepack undefined
            out = QVariant::fromValue(nullptr);
            return true;
        }
        // Other typed arrays (ext 0 of other sizes) arrive as their raw bytes.
        out = QByteArray(o.via.ext.ptr, qsizetype(o.via.ext.size));
        return true;
    case MSGPACK_OBJECT_ARRAY: {
        QVariantList list;
        list.reserve(qsizetype(o.via.array.size));
        for (uint32_t i = 0; i < o.via.array.size; ++i) {
            QVariant item;
            if (!unpack(o.via.array.ptr[i], item, depth + 1, error))
                return false;
            list.append(std::move(item));
        }
        out = std::move(list);
        return true;
    }
    case MSGPACK_OBJECT_MAP: {
        QVariantMap map;
        for (uint32_t i = 0; i < o.via.map.size; ++i) {
            const msgpack_object_kv &kv = o.via.map.ptr[i];
            if (kv.key.type != MSGPACK_OBJECT_STR && kv.key.type != MSGPACK_OBJECT_POSITIVE_INTEGER
                && kv.key.type != MSGPACK_OBJECT_NEGATIVE_INTEGER) {
                error = QStringLiteral("msgpack: map key is not a string");
                return false;
            }
            QVariant value;
            if (!unpack(kv.val, value, depth + 1, error))
                return false;
            map.insert(keyOf(kv.key), std::move(value));
        }
        out = std::move(map);
        return true;
    }
    }
    error = QStringLiteral("msgpack: unknown object type");
    return false;
}

} // namespace

QByteArray MsgPackCodec::encode(const QVariant &value)
{
    QByteArray out;
    msgpack_packer pk;
    msgpack_packer_init(&pk, &out, writeToByteArray);
    pack(&pk, value, 0);
    return out;
}

QVariant MsgPackCodec::decode(const QByteArray &bytes, QString *error)
{
    QString err;
    QVariant result;
    if (bytes.isEmpty()) {
        err = QStringLiteral("msgpack: empty input");
    } else {
        msgpack_unpacked unpacked;
        msgpack_unpacked_init(&unpacked);
        size_t offset = 0;
        const msgpack_unpack_return ret
            = msgpack_unpack_next(&unpacked, bytes.constData(), size_t(bytes.size()), &offset);
        if (ret != MSGPACK_UNPACK_SUCCESS) {
            err = ret == MSGPACK_UNPACK_CONTINUE ? QStringLiteral("msgpack: truncated input")
                                                 : QStringLiteral("msgpack: malformed input");
        } else if (offset != size_t(bytes.size())) {
            err = QStringLiteral("msgpack: %1 trailing bytes")
                      .arg(qsizetype(bytes.size()) - qsizetype(offset));
        } else if (!unpack(unpacked.data, result, 0, err)) {
            result = QVariant();
        }
        msgpack_unpacked_destroy(&unpacked);
    }
    if (!err.isEmpty()) {
        result = QVariant();
        if (error)
            *error = err;
    }
    return result;
}

} // namespace SmartSocket::Cluster
