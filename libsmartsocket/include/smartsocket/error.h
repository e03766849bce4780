#pragma once

#include <smartsocket/smartsocket_export.h>

#include <QMetaType>
#include <QString>
#include <QVariant>

namespace SmartSocket {

/// An application-level error: what a middleware passes to `next(error)`, what a connect
/// refusal carries to the client (CONNECT_ERROR `{message, data}`), and what the
/// `errorOccurred` signals report. `code` is free text (the seed's `error.code`).
class SMARTSOCKET_EXPORT Error
{
public:
    Error() = default;
    explicit Error(const QString &message, const QVariant &data = {}, const QString &code = {})
        : m_message(message), m_data(data), m_code(code)
    { }

    bool isNull() const { return m_message.isEmpty() && m_code.isEmpty(); }
    QString message() const { return m_message; }
    QVariant data() const { return m_data; }
    QString code() const { return m_code; }

    /// The JSON object sent on the wire: `{message, data?}` (CONNECT_ERROR) or
    /// `{event, message, code}` for `__error__` (see Server::errorOccurred).
    QVariantMap toMap() const;
    static Error fromVariant(const QVariant &value);

    friend bool operator==(const Error &a, const Error &b)
    {
        return a.m_message == b.m_message && a.m_code == b.m_code && a.m_data == b.m_data;
    }

private:
    QString m_message;
    QVariant m_data;
    QString m_code;
};

} // namespace SmartSocket

Q_DECLARE_METATYPE(SmartSocket::Error)
