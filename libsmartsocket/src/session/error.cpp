#include <smartsocket/error.h>

namespace SmartSocket {

QVariantMap Error::toMap() const
{
    QVariantMap map { { QStringLiteral("message"), m_message } };
    if (m_data.isValid())
        map.insert(QStringLiteral("data"), m_data);
    return map;
}

Error Error::fromVariant(const QVariant &value)
{
    if (value.typeId() == QMetaType::QString)
        return Error(value.toString());
    const QVariantMap map = value.toMap();
    return Error(map.value(QStringLiteral("message")).toString(), map.value(QStringLiteral("data")),
        map.value(QStringLiteral("code")).toString());
}

} // namespace SmartSocket
