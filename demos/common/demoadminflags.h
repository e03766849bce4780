#pragma once

#include <smartsocket/instrumentation.h>
#include <smartsocket/server.h>

#include <QCommandLineOption>
#include <QCommandLineParser>

/// The admin-namespace flags of the demo servers (the Socket.IO Admin UI and the desktop
/// inspector watch a server through them): --admin, --admin-namespace, --admin-user with
/// --admin-password-hash, --admin-readonly, --admin-mode, --server-id. Any of them implies
/// --admin, so a password given without it does not go unnoticed.
class DemoAdminFlags
{
public:
    /// `program` prefixes error messages.
    explicit DemoAdminFlags(const QString &program);

    void addTo(QCommandLineParser &parser) const;
    /// Reads and checks the flags; false after printing the problem on stderr.
    bool parse(const QCommandLineParser &parser);
    /// Instruments `server` when an admin flag was given; false after printing why not.
    bool apply(SmartSocket::Server &server) const;

private:
    QString m_program;
    QCommandLineOption m_admin;
    QCommandLineOption m_namespace;
    QCommandLineOption m_user;
    QCommandLineOption m_hash;
    QCommandLineOption m_readonly;
    QCommandLineOption m_mode;
    QCommandLineOption m_serverId;
    SmartSocket::InstrumentOptions m_options;
    bool m_wanted = false;
};
