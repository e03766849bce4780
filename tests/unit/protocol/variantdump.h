#pragma once

// Test helper: a typed, readable dump of a QVariant tree, so QCOMPARE checks both the values
// and the exact types the JSON reader chose (int vs qint64 vs double, null vs invalid).

#include <QByteArray>
#include <QString>
#include <QVariant>

#include <cmath>

inline QString dumpVariant(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::UnknownType:
        return QStringLiteral("invalid");
    case QMetaType::Nullptr:
        return QStringLiteral("null");
    case QMetaType::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QMetaType::Int:
        return QStringLiteral("int:") + QString::number(v.toInt());
    case QMetaType::LongLong:
        return QStringLiteral("i64:") + QString::number(v.toLongLong());
    case QMetaType::Double: {
        const double d = v.toDouble();
        if (d == 0 && std::signbit(d))
            return QStringLiteral("dbl:-0");
        return QStringLiteral("dbl:") + QString::number(d, 'g', 17);
    }
    case QMetaType::QString: {
        QString out = QStringLiteral("\"");
        for (QChar c : v.toString()) {
            if (c.unicode() < 0x20 || c.unicode() > 0x7e || c == u'"' || c == u'\\')
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
        return out + u'"';
    }
    case QMetaType::QByteArray:
        return QStringLiteral("bytes:") + QString::fromLatin1(v.toByteArray().toHex());
    case QMetaType::QVariantList: {
        QStringList parts;
        for (const QVariant &item : v.toList())
            parts << dumpVariant(item);
        return u'[' + parts.join(u',') + u']';
    }
    case QMetaType::QVariantMap: {
        QStringList parts;
        const QVariantMap map = v.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            parts << it.key() + u'=' + dumpVariant(it.value());
        return u'{' + parts.join(u',') + u'}';
    }
    default:
        return QStringLiteral("other:") + QString::fromLatin1(v.typeName());
    }
}
