#include "savedrequest.h"

namespace Inspector {

QVariantMap SavedRequest::toVariant() const
{
    return { { QStringLiteral("name"), name }, { QStringLiteral("nsp"), nsp },
        { QStringLiteral("event"), event }, { QStringLiteral("args"), argsJson },
        { QStringLiteral("binaryFile"), binaryFile }, { QStringLiteral("ack"), wantAck },
        { QStringLiteral("timeout"), timeoutMs } };
}

SavedRequest SavedRequest::fromVariant(const QVariantMap &map)
{
    SavedRequest r;
    r.name = map.value(QStringLiteral("name")).toString();
    r.nsp = map.value(QStringLiteral("nsp"), r.nsp).toString();
    r.event = map.value(QStringLiteral("event")).toString();
    r.argsJson = map.value(QStringLiteral("args")).toString();
    r.binaryFile = map.value(QStringLiteral("binaryFile")).toString();
    r.wantAck = map.value(QStringLiteral("ack"), true).toBool();
    r.timeoutMs = map.value(QStringLiteral("timeout"), 5000).toInt();
    return r;
}

} // namespace Inspector
