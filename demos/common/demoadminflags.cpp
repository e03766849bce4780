#include "demoadminflags.h"

#include <cstdio>

DemoAdminFlags::DemoAdminFlags(const QString &program)
    : m_program(program)
    , m_admin(QStringLiteral("admin"),
          QStringLiteral("Serve the admin namespace (Socket.IO Admin UI, inspector)."))
    , m_namespace(QStringLiteral("admin-namespace"),
          QStringLiteral("Name of the admin namespace (/admin)."), QStringLiteral("ns"))
    , m_user(QStringLiteral("admin-user"),
          QStringLiteral("Admin login name; needs --admin-password-hash."), QStringLiteral("user"))
    , m_hash(QStringLiteral("admin-password-hash"),
          QStringLiteral("bcrypt hash of the admin password ($2b$...)."), QStringLiteral("bcrypt"))
    , m_readonly(QStringLiteral("admin-readonly"),
          QStringLiteral("Admins may watch but not join, leave, disconnect or emit."))
    , m_mode(QStringLiteral("admin-mode"),
          QStringLiteral("development (every event) or production (aggregates only); "
                         "development."),
          QStringLiteral("mode"))
    , m_serverId(QStringLiteral("server-id"),
          QStringLiteral("Name of this server in the admin UI (the host name)."),
          QStringLiteral("id"))
{ }

void DemoAdminFlags::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({ m_admin, m_namespace, m_user, m_hash, m_readonly, m_mode, m_serverId });
}

bool DemoAdminFlags::parse(const QCommandLineParser &parser)
{
    const QByteArray program = m_program.toLocal8Bit();
    if (parser.isSet(m_namespace))
        m_options.namespaceName = parser.value(m_namespace);
    m_options.username = parser.value(m_user);
    m_options.passwordHash = parser.value(m_hash).toUtf8();
    m_options.readonly = parser.isSet(m_readonly);
    m_options.serverId = parser.value(m_serverId);
    const QString mode = parser.value(m_mode);
    if (mode == QLatin1String("production")) {
        m_options.mode = SmartSocket::InstrumentOptions::Mode::Production;
    } else if (!mode.isEmpty() && mode != QLatin1String("development")) {
        std::fprintf(
            stderr, "%s: --admin-mode is development or production\n", program.constData());
        return false;
    }
    if (parser.isSet(m_user) != parser.isSet(m_hash)) {
        std::fprintf(stderr, "%s: --admin-user and --admin-password-hash go together\n",
            program.constData());
        return false;
    }
    m_wanted = parser.isSet(m_admin) || parser.isSet(m_namespace) || parser.isSet(m_user)
        || parser.isSet(m_hash) || parser.isSet(m_readonly) || parser.isSet(m_mode)
        || parser.isSet(m_serverId);
    return true;
}

bool DemoAdminFlags::apply(SmartSocket::Server &server) const
{
    if (!m_wanted || server.instrument(m_options))
        return true;
    std::fprintf(
        stderr, "%s: --admin: %s\n", qPrintable(m_program), qPrintable(server.errorString()));
    return false;
}
