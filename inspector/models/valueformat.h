#pragma once

#include <QJsonValue>
#include <QString>
#include <QVariant>

namespace Inspector {

/// Turns Socket.IO event arguments (QVariant trees; QByteArray = binary attachment) into text
/// for the views and files, and user-typed JSON back into arguments.
class ValueFormat
{
public:
    /// One line of JSON for a table cell; binary shows as "<binary N bytes>". Cut after
    /// maxLength characters (with an ellipsis) so one huge payload cannot slow a view down.
    static QString compact(const QVariantList &args, int maxLength = 512);
    /// Indented JSON for a details pane; binary shows as a hex dump.
    static QString pretty(const QVariant &value);
    static QString prettyArguments(const QVariantList &args);
    /// For files (JSON lines): binary becomes {"_binary": "<hex>"}.
    static QJsonValue toJson(const QVariant &value);
    /// "de ad be ef ..." with 16 bytes a line and an offset column.
    static QString hexDump(const QByteArray &bytes, int maxBytes = 65536);

    /// Parses the emit panel's text: a JSON array holds the arguments, any other JSON value
    /// is the only argument, empty text means no arguments. On error returns false and sets
    /// *error (with the position).
    static bool parseArguments(const QString &text, QVariantList *args, QString *error);
    /// Parses a JSON object ({} for empty text); false with *error otherwise.
    static bool parseObject(const QString &text, QVariantMap *object, QString *error);
};

} // namespace Inspector
