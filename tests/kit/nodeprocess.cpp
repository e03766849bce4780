#include "nodeprocess.h"

#include <QDeadlineTimer>
#include <QDebug>
#include <QDir>
#include <QFileInfo>
#include <QTest>

namespace TestKit {

static bool verbose()
{
    return qEnvironmentVariableIsSet("SMARTSOCKET_NODE_VERBOSE");
}

NodeProcess::NodeProcess(
    const QString &nodeExecutable, const QString &script, const QStringList &arguments)
    : m_node(nodeExecutable)
    , m_script(script)
    , m_arguments(arguments)
    , m_workingDirectory(QFileInfo(script).absolutePath())
{ }

NodeProcess::~NodeProcess()
{
    kill();
}

void NodeProcess::setEnvironment(const QProcessEnvironment &environment)
{
    m_environment = environment;
}

void NodeProcess::setWorkingDirectory(const QString &dir)
{
    m_workingDirectory = dir;
}

bool NodeProcess::hasPackage(const QString &dir, const QString &package)
{
    return QFileInfo(
        dir + QStringLiteral("/node_modules/") + package + QStringLiteral("/package.json"))
        .exists();
}

bool NodeProcess::start(int timeoutMs)
{
    return launch(m_arguments, timeoutMs);
}

bool NodeProcess::restartOnSamePort(int timeoutMs)
{
    const quint16 port = m_port;
    kill();
    QStringList arguments = m_arguments;
    if (port)
        arguments << QStringLiteral("--port") << QString::number(port);
    // The port may stay busy for a moment after the kill: retry briefly.
    QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (launch(arguments, int(qMax<qint64>(1000, deadline.remainingTime()))))
            return true;
        if (deadline.hasExpired() || !m_error.contains(QStringLiteral("EADDRINUSE")))
            return false;
        QTest::qWait(200);
    }
}

bool NodeProcess::launch(const QStringList &arguments, int timeoutMs)
{
    kill();
    m_error.clear();
    m_port = 0;
    m_lines.clear();
    m_partial.clear();
    if (m_node.isEmpty()) {
        m_error = QStringLiteral("node executable not found");
        return false;
    }
    m_process = new QProcess;
    m_process->setProcessEnvironment(m_environment);
    m_process->setWorkingDirectory(m_workingDirectory);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->start(m_node, QStringList { m_script } + arguments);
    if (!m_process->waitForStarted(timeoutMs)) {
        m_error = QStringLiteral("cannot start %1: %2").arg(m_node, m_process->errorString());
        kill();
        return false;
    }
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        readOutput();
        if (m_port)
            return true;
        if (m_process->state() != QProcess::Running) {
            readOutput();
            m_error = QStringLiteral("%1 exited before READY: %2")
                          .arg(m_script, QString::fromLocal8Bit(m_process->readAllStandardError()));
            kill();
            return false;
        }
        m_process->waitForReadyRead(50);
    }
    m_error = QStringLiteral("%1: no READY line within %2 ms").arg(m_script).arg(timeoutMs);
    kill();
    return false;
}

void NodeProcess::readOutput()
{
    if (!m_process)
        return;
    const QByteArray err = m_process->readAllStandardError();
    if (!err.isEmpty() && verbose())
        qDebug().noquote() << "[node stderr]" << QString::fromLocal8Bit(err).trimmed();
    m_partial += m_process->readAllStandardOutput();
    qsizetype nl;
    while ((nl = m_partial.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_partial.left(nl)).trimmed();
        m_partial.remove(0, nl + 1);
        if (verbose())
            qDebug().noquote() << "[node]" << line;
        m_lines.append(line);
        if (!m_port && line.startsWith(QLatin1String("READY ")))
            m_port = quint16(line.mid(6).trimmed().toUInt());
    }
}

void NodeProcess::kill()
{
    if (!m_process)
        return;
    readOutput();
    if (m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    delete m_process;
    m_process = nullptr;
}

void NodeProcess::stop(int timeoutMs)
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(timeoutMs))
            m_process->kill();
    }
    kill();
}

bool NodeProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QStringList NodeProcess::outputLines()
{
    readOutput();
    return m_lines;
}

bool NodeProcess::waitForOutput(const QString &text, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    do {
        readOutput();
        for (const QString &line : std::as_const(m_lines)) {
            if (line.contains(text))
                return true;
        }
        // Keep the event loop turning: the peer may wait for our side to act.
        QTest::qWait(20);
    } while (!deadline.hasExpired());
    return false;
}

QString runNodeScript(const QString &nodeExecutable, const QString &workingDirectory,
    const QString &script, const QStringList &arguments, int timeoutMs)
{
    QProcess node;
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.setWorkingDirectory(workingDirectory);
    node.start(nodeExecutable, QStringList { script } + arguments);
    if (!node.waitForStarted(10000))
        return QStringLiteral("FAIL could not start node: ") + node.errorString();
    QDeadlineTimer deadline(timeoutMs);
    while (node.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(10);
    if (node.state() != QProcess::NotRunning) {
        node.kill();
        node.waitForFinished();
    }
    return QString::fromUtf8(node.readAll()).trimmed();
}

} // namespace TestKit
