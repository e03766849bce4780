#pragma once

#include <smartsocket/options.h>

#include <QCommandLineOption>
#include <QCommandLineParser>

/// The flags every demo server shares, spelled as in smartsocket-echo-server: --port, --host,
/// --encryption-key (or SMARTSOCKET_ENCRYPTION_KEY), --verbose.
class DemoServerFlags
{
public:
    /// `program` prefixes error messages; `defaultPort` is --port's default.
    DemoServerFlags(const QString &program, quint16 defaultPort);

    void addTo(QCommandLineParser &parser) const;
    /// Fills `options` from the parsed flags; false after printing the problem on stderr.
    bool apply(const QCommandLineParser &parser, SmartSocket::ServerOptions &options) const;
    bool verbose(const QCommandLineParser &parser) const { return parser.isSet(m_verbose); }

    /// Parses an integer flag within [min, max]; false after printing the problem.
    bool number(const QCommandLineParser &parser, const QCommandLineOption &option, qint64 min,
        qint64 max, qint64 *out) const;
    void error(const QString &message) const;

private:
    QString m_program;
    quint16 m_defaultPort;
    QCommandLineOption m_port;
    QCommandLineOption m_host;
    QCommandLineOption m_encryptionKey;
    QCommandLineOption m_verbose;
};
