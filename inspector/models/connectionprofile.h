#pragma once

#include <smartsocket/options.h>

#include <QStringList>
#include <QUrl>
#include <QVariantMap>

namespace Inspector {

/// Everything needed to connect to a server in either mode, as the connect dialog edits it
/// and the settings remember it (never the password).
struct ConnectionProfile
{
    enum class Mode { Admin, Client };

    Mode mode = Mode::Client;
    QUrl url;
    /// Client mode: the namespaces to join (one client each, sharing one connection unless
    /// multiplex is off).
    QStringList namespaces = { QStringLiteral("/") };
    /// Admin mode: the admin namespace and user name (the password is asked for).
    QString adminNamespace = QStringLiteral("/admin");
    QString username;
    /// Client mode: the auth payload as JSON text (an object).
    QString authJson;
    /// "key=value" pairs, one a line (or separated by &).
    QString query;
    /// "Name: value", one a line.
    QString headers;
    QString path = QStringLiteral("/socket.io/");
    QString caCertificateFile;
    bool ignoreSslErrors = false;
    bool multiplex = true;

    bool isValid() const { return url.isValid() && !url.host().isEmpty(); }
    /// Identity in the recent list: mode + URL (+ admin namespace).
    QString key() const;
    QString displayName() const;

    QVariantMap toVariant() const;
    static ConnectionProfile fromVariant(const QVariantMap &map);

    /// Options shared by both modes (path, query, headers, TLS); false with *error when the
    /// query, headers or auth text is malformed.
    bool applyTo(SmartSocket::ClientOptions *options, QString *error) const;
    /// Client mode's auth object; false with *error when not a JSON object.
    bool authObject(QVariantMap *auth, QString *error) const;
    static QString modeName(Mode mode);
};

} // namespace Inspector
