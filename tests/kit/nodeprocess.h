#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace TestKit {

/// A Node.js peer for interop tests: runs `node <script> <args...>` with QProcess, waits for
/// the line "READY <port>" on stdout, and kills the process when destroyed. stdout and
/// stderr are kept (and forwarded to qDebug when SMARTSOCKET_NODE_VERBOSE is set).
///
///     TestKit::NodeProcess node(QStringLiteral(SMARTSOCKET_NODE), dir + "/node/server.js");
///     QVERIFY2(node.start(), qPrintable(node.errorString()));
///     QUrl url(QStringLiteral("ws://127.0.0.1:%1").arg(node.port()));
class NodeProcess
{
public:
    NodeProcess(
        const QString &nodeExecutable, const QString &script, const QStringList &arguments = {});
    ~NodeProcess();
    NodeProcess(const NodeProcess &) = delete;
    NodeProcess &operator=(const NodeProcess &) = delete;

    /// Extra environment for the process (default: the current one).
    void setEnvironment(const QProcessEnvironment &environment);
    void setWorkingDirectory(const QString &dir);

    /// Starts the script and waits up to timeoutMs for its READY line. False (with
    /// errorString()) when it fails to start, exits, or is not ready in time.
    bool start(int timeoutMs = 20000);
    /// Starts again with the same script and arguments, with `--port <port>` appended: for
    /// restarting a peer on the port it had.
    bool restartOnSamePort(int timeoutMs = 20000);
    /// Kills the process (SIGKILL: the peer's connections drop like in a crash) and waits.
    void kill();
    /// Asks it to stop (SIGTERM) and waits; kills it after timeoutMs.
    void stop(int timeoutMs = 5000);

    bool isRunning() const;
    /// The port from the READY line; 0 before it.
    quint16 port() const { return m_port; }
    QString errorString() const { return m_error; }
    /// Everything the process printed on stdout, line by line (drains pending output).
    QStringList outputLines();
    /// Waits until a stdout line containing `text` appears (searching all lines so far).
    bool waitForOutput(const QString &text, int timeoutMs = 10000);

    /// True when `<dir>/node_modules/<package>` exists.
    static bool hasPackage(const QString &dir, const QString &package);

private:
    bool launch(const QStringList &arguments, int timeoutMs);
    void readOutput();

    QString m_node;
    QString m_script;
    QStringList m_arguments;
    QString m_workingDirectory;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QProcess *m_process = nullptr;
    QByteArray m_partial;
    QStringList m_lines;
    QString m_error;
    quint16 m_port = 0;
};

/// Runs `node <script> <arguments...>` in `workingDirectory` to its end (at most timeoutMs),
/// keeping this thread's event loop running meanwhile (a server under test may live in it),
/// and returns everything it printed (stdout and stderr merged), trimmed; a "FAIL ..." line
/// when node could not start.
QString runNodeScript(const QString &nodeExecutable, const QString &workingDirectory,
    const QString &script, const QStringList &arguments, int timeoutMs = 30000);

} // namespace TestKit
