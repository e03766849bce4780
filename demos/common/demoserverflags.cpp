#include "demoserverflags.h"

#include <cstdio>

DemoServerFlags::DemoServerFlags(const QString &program, quint16 defaultPort)
    : m_program(program)
    , m_defaultPort(defaultPort)
    , m_port(QStringLiteral("port"),
          QStringLiteral("TCP port; 0 picks a free one (%1).").arg(defaultPort),
          QStringLiteral("port"))
    , m_host(QStringLiteral("host"), QStringLiteral("Address to listen on (127.0.0.1)."),
          QStringLiteral("address"))
    , m_encryptionKey(QStringLiteral("encryption-key"),
          QStringLiteral("AES-256-GCM key: 32 bytes as 64 hex digits or base64 (or the "
                         "SMARTSOCKET_ENCRYPTION_KEY environment variable); enables encryption "
                         "for clients that ask for it."),
          QStringLiteral("key"))
    , m_verbose(QStringList { QStringLiteral("v"), QStringLiteral("verbose") },
          QStringLiteral("Log connects, disconnects and refused events on stderr."))
{ }

void DemoServerFlags::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({ m_port, m_host, m_encryptionKey, m_verbose });
}

void DemoServerFlags::error(const QString &message) const
{
    std::fprintf(stderr, "%s: %s\n", qPrintable(m_program), qPrintable(message));
}

bool DemoServerFlags::number(const QCommandLineParser &parser, const QCommandLineOption &option,
    qint64 min, qint64 max, qint64 *out) const
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < min || value > max) {
        error(QStringLiteral("invalid value for --%1: %2 (%3 to %4)")
                  .arg(option.names().constFirst(), parser.value(option))
                  .arg(min)
                  .arg(max));
        return false;
    }
    *out = value;
    return true;
}

bool DemoServerFlags::apply(
    const QCommandLineParser &parser, SmartSocket::ServerOptions &options) const
{
    qint64 port = m_defaultPort;
    if (!number(parser, m_port, 0, 65535, &port))
        return false;
    options.port = quint16(port);
    if (parser.isSet(m_host)) {
        const QString host = parser.value(m_host);
        if (host == QLatin1String("localhost")) {
            options.host = QHostAddress(QHostAddress::LocalHost);
        } else if (!options.host.setAddress(host)) {
            error(QStringLiteral("invalid --host: %1").arg(host));
            return false;
        }
    }
    QByteArray key = parser.value(m_encryptionKey).toUtf8();
    if (key.isEmpty())
        key = qgetenv("SMARTSOCKET_ENCRYPTION_KEY");
    // An invalid key makes Server::listen() fail with a clear message (never showing the key).
    options.enableEncryption = !key.isEmpty();
    options.encryptionKey = key;
    return true;
}
