#include "demoserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

namespace TestKit {

DemoServer::DemoServer(const QString &program, const QStringList &arguments)
    : m_program(program), m_arguments(arguments)
{ }

DemoServer::~DemoServer()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QString DemoServer::binary(const QString &program)
{
    return QDir(QCoreApplication::applicationDirPath()).filePath(program);
}

bool DemoServer::isBuilt(const QString &program)
{
    return QFileInfo(binary(program)).isExecutable();
}

bool DemoServer::start(int timeoutMs)
{
    m_process.setProcessEnvironment(m_environment);
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(binary(m_program),
        QStringList { QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
            QStringLiteral("--port"), QStringLiteral("0") }
            + m_arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = m_process.errorString();
        return false;
    }
    QByteArray output;
    const QRegularExpression listening(
        QStringLiteral("^listening on (\\d+)$"), QRegularExpression::MultilineOption);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        output += m_process.readAllStandardOutput();
        const QRegularExpressionMatch match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_port = quint16(match.captured(1).toUInt());
            return m_port != 0;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
        QTest::qWait(10);
    }
    m_error = QStringLiteral("%1 did not print 'listening on PORT'; stdout: %2 stderr: %3")
                  .arg(m_program, QString::fromUtf8(output), standardError());
    return false;
}

int DemoServer::terminate(int timeoutMs)
{
    m_process.terminate();
    if (!m_process.waitForFinished(timeoutMs) || m_process.exitStatus() != QProcess::NormalExit)
        return -1;
    return m_process.exitCode();
}

QString DemoServer::standardError()
{
    m_stderr += m_process.readAllStandardError();
    return QString::fromUtf8(m_stderr);
}

} // namespace TestKit
