#include "connectionprofile.h"

#include "valueformat.h"

#include <QCoreApplication>

namespace Inspector {

QString ConnectionProfile::modeName(Mode mode)
{
    return mode == Mode::Admin ? QStringLiteral("admin") : QStringLiteral("client");
}

QString ConnectionProfile::key() const
{
    QString k = modeName(mode) + QLatin1Char(' ') + url.toString();
    if (mode == Mode::Admin)
        k += QLatin1Char(' ') + adminNamespace;
    return k;
}

QString ConnectionProfile::displayName() const
{
    if (mode == Mode::Admin) {
        return QCoreApplication::translate("Inspector::ConnectionProfile", "%1 (admin %2)")
            .arg(url.toString(), adminNamespace);
    }
    return QCoreApplication::translate("Inspector::ConnectionProfile", "%1 (client %2)")
        .arg(url.toString(), namespaces.join(QStringLiteral(", ")));
}

QVariantMap ConnectionProfile::toVariant() const
{
    return {
        { QStringLiteral("mode"), modeName(mode) },
        { QStringLiteral("url"), url.toString() },
        { QStringLiteral("namespaces"), namespaces },
        { QStringLiteral("adminNamespace"), adminNamespace },
        { QStringLiteral("username"), username },
        { QStringLiteral("auth"), authJson },
        { QStringLiteral("query"), query },
        { QStringLiteral("headers"), headers },
        { QStringLiteral("path"), path },
        { QStringLiteral("ca"), caCertificateFile },
        { QStringLiteral("insecure"), ignoreSslErrors },
        { QStringLiteral("multiplex"), multiplex },
    };
}

ConnectionProfile ConnectionProfile::fromVariant(const QVariantMap &map)
{
    ConnectionProfile p;
    p.mode = map.value(QStringLiteral("mode")).toString() == QLatin1String("admin") ? Mode::Admin
                                                                                    : Mode::Client;
    p.url = QUrl(map.value(QStringLiteral("url")).toString());
    const QStringList namespaces = map.value(QStringLiteral("namespaces")).toStringList();
    if (!namespaces.isEmpty())
        p.namespaces = namespaces;
    p.adminNamespace = map.value(QStringLiteral("adminNamespace"), p.adminNamespace).toString();
    p.username = map.value(QStringLiteral("username")).toString();
    p.authJson = map.value(QStringLiteral("auth")).toString();
    p.query = map.value(QStringLiteral("query")).toString();
    p.headers = map.value(QStringLiteral("headers")).toString();
    p.path = map.value(QStringLiteral("path"), p.path).toString();
    p.caCertificateFile = map.value(QStringLiteral("ca")).toString();
    p.ignoreSslErrors = map.value(QStringLiteral("insecure")).toBool();
    p.multiplex = map.value(QStringLiteral("multiplex"), true).toBool();
    return p;
}

bool ConnectionProfile::authObject(QVariantMap *auth, QString *error) const
{
    QString parseError;
    if (!ValueFormat::parseObject(authJson, auth, &parseError)) {
        if (error)
            *error = QCoreApplication::translate("Inspector::ConnectionProfile", "Auth: %1")
                         .arg(parseError);
        return false;
    }
    return true;
}

bool ConnectionProfile::applyTo(SmartSocket::ClientOptions *options, QString *error) const
{
    options->path = path.isEmpty() ? QStringLiteral("/socket.io/") : path;
    options->caCertificateFile = caCertificateFile;
    options->ignoreSslErrors = ignoreSslErrors;
    options->multiplex = multiplex;
    options->query.clear();
    const QStringList pairs = QString(query)
                                  .replace(QLatin1Char('&'), QLatin1Char('\n'))
                                  .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const QString trimmed = pair.trimmed();
        if (trimmed.isEmpty())
            continue;
        const int eq = trimmed.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            if (error) {
                *error = QCoreApplication::translate(
                    "Inspector::ConnectionProfile", "Query: \"%1\" is not key=value")
                             .arg(trimmed);
            }
            return false;
        }
        options->query.insert(trimmed.left(eq).trimmed(), trimmed.mid(eq + 1).trimmed());
    }
    options->extraHeaders.clear();
    const QStringList lines = headers.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue;
        const int colon = trimmed.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            if (error) {
                *error = QCoreApplication::translate(
                    "Inspector::ConnectionProfile", "Headers: \"%1\" is not Name: value")
                             .arg(trimmed);
            }
            return false;
        }
        options->extraHeaders.append(
            { trimmed.left(colon).trimmed().toUtf8(), trimmed.mid(colon + 1).trimmed().toUtf8() });
    }
    return true;
}

} // namespace Inspector
