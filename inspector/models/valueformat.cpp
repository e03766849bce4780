#include "valueformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace Inspector {

namespace {

// Mode of the JSON conversion: how binary attachments are written.
enum class BinaryAs { Placeholder, HexObject, HexDumpMarker };

QJsonValue convert(const QVariant &value, BinaryAs binary)
{
    switch (value.typeId()) {
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        if (binary == BinaryAs::HexObject)
            return QJsonObject { { QStringLiteral("_binary"),
                QString::fromLatin1(bytes.toHex()) } };
        return QCoreApplication::translate("Inspector::ValueFormat", "<binary %1 bytes>")
            .arg(bytes.size());
    }
    case QMetaType::QVariantMap: {
        QJsonObject object;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            object.insert(it.key(), convert(it.value(), binary));
        return object;
    }
    case QMetaType::QVariantHash: {
        QJsonObject object;
        const QVariantHash hash = value.toHash();
        for (auto it = hash.cbegin(); it != hash.cend(); ++it)
            object.insert(it.key(), convert(it.value(), binary));
        return object;
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        QJsonArray array;
        const QVariantList list = value.toList();
        for (const QVariant &item : list)
            array.append(convert(item, binary));
        return array;
    }
    case QMetaType::Nullptr:
    case QMetaType::UnknownType:
        return QJsonValue(QJsonValue::Null);
    case QMetaType::QDateTime:
        return value.toDateTime().toString(Qt::ISODateWithMs);
    default:
        return QJsonValue::fromVariant(value);
    }
}

// Collects the binary attachments of a value, in order, so the pretty view can list them.
void collectBinaries(const QVariant &value, QList<QByteArray> *out)
{
    switch (value.typeId()) {
    case QMetaType::QByteArray:
        out->append(value.toByteArray());
        break;
    case QMetaType::QVariantMap: {
        const QVariantMap map = value.toMap();
        for (const QVariant &v : map)
            collectBinaries(v, out);
        break;
    }
    case QMetaType::QVariantList: {
        const QVariantList list = value.toList();
        for (const QVariant &v : list)
            collectBinaries(v, out);
        break;
    }
    default:
        break;
    }
}

QString jsonText(const QJsonValue &value, QJsonDocument::JsonFormat format)
{
    // QJsonDocument holds only arrays and objects: wrap scalars and cut the brackets off.
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(format)).trimmed();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(format)).trimmed();
    const QString wrapped
        = QString::fromUtf8(QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact));
    return wrapped.mid(1, wrapped.size() - 2);
}

QString positionError(const QString &text, const QJsonParseError &error, int shift)
{
    const int offset = qMax(0, error.offset - shift);
    const QString before = text.left(offset);
    const int line = before.count(QLatin1Char('\n')) + 1;
    const int column = offset - before.lastIndexOf(QLatin1Char('\n'));
    return QCoreApplication::translate("Inspector::ValueFormat", "%1 (line %2, column %3)")
        .arg(error.errorString())
        .arg(line)
        .arg(column);
}

} // namespace

QString ValueFormat::compact(const QVariantList &args, int maxLength)
{
    QString text = jsonText(convert(args, BinaryAs::Placeholder), QJsonDocument::Compact);
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
        text = text.mid(1, text.size() - 2);
    if (maxLength > 0 && text.size() > maxLength)
        text = text.left(maxLength) + QChar(0x2026);
    return text;
}

QString ValueFormat::pretty(const QVariant &value)
{
    QString text = jsonText(convert(value, BinaryAs::Placeholder), QJsonDocument::Indented);
    QList<QByteArray> binaries;
    collectBinaries(value, &binaries);
    for (int i = 0; i < binaries.size(); ++i) {
        text
            += QCoreApplication::translate("Inspector::ValueFormat", "\n\nbinary #%1 (%2 bytes):\n")
                   .arg(i + 1)
                   .arg(binaries[i].size());
        text += hexDump(binaries[i]);
    }
    return text;
}

QString ValueFormat::prettyArguments(const QVariantList &args)
{
    return pretty(args);
}

QJsonValue ValueFormat::toJson(const QVariant &value)
{
    return convert(value, BinaryAs::HexObject);
}

QString ValueFormat::hexDump(const QByteArray &bytes, int maxBytes)
{
    QString out;
    const int n = qMin<qsizetype>(bytes.size(), maxBytes);
    for (int offset = 0; offset < n; offset += 16) {
        out += QStringLiteral("%1  ").arg(offset, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (int i = offset; i < offset + 16; ++i) {
            if (i < n) {
                const auto c = static_cast<unsigned char>(bytes[i]);
                out += QStringLiteral("%1 ").arg(c, 2, 16, QLatin1Char('0'));
                ascii += (c >= 0x20 && c < 0x7f) ? QChar(c) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    if (bytes.size() > n)
        out += QCoreApplication::translate("Inspector::ValueFormat", "... %1 more bytes\n")
                   .arg(bytes.size() - n);
    return out.trimmed();
}

bool ValueFormat::parseArguments(const QString &text, QVariantList *args, QString *error)
{
    args->clear();
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return true;
    if (trimmed.startsWith(QLatin1Char('['))) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
            if (error)
                *error = positionError(trimmed, parseError, 0);
            return false;
        }
        *args = doc.array().toVariantList();
        return true;
    }
    // One value of any type: parse it inside an array (QJsonDocument takes no scalars).
    QJsonParseError parseError;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray("[") + trimmed.toUtf8() + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1) {
        if (error) {
            *error = parseError.error != QJsonParseError::NoError
                ? positionError(trimmed, parseError, 1)
                : QCoreApplication::translate("Inspector::ValueFormat",
                    "one JSON value expected (use an array for several arguments)");
        }
        return false;
    }
    *args = doc.array().toVariantList();
    return true;
}

bool ValueFormat::parseObject(const QString &text, QVariantMap *object, QString *error)
{
    object->clear();
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(trimmed.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = positionError(trimmed, parseError, 0);
        return false;
    }
    if (!doc.isObject()) {
        if (error)
            *error = QCoreApplication::translate(
                "Inspector::ValueFormat", "a JSON object {...} expected");
        return false;
    }
    *object = doc.object().toVariantMap();
    return true;
}

} // namespace Inspector
