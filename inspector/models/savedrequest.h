#pragma once

#include <QString>
#include <QVariantMap>

namespace Inspector {

/// An emit the user saved in the emit panel.
struct SavedRequest
{
    QString name;
    QString nsp = QStringLiteral("/");
    QString event;
    QString argsJson;
    QString binaryFile;
    bool wantAck = true;
    int timeoutMs = 5000;

    QVariantMap toVariant() const;
    static SavedRequest fromVariant(const QVariantMap &map);
};

} // namespace Inspector
