#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace TestKit {

/// A demo server program (smartsocket-chat-server, smartsocket-sync-server, ...) run as a user
/// runs it: started with QProcess from the directory the test runs from (build/bin) with
/// `--host 127.0.0.1 --port 0` and the given arguments; ready once it printed
/// "listening on PORT". Killed when destroyed.
class DemoServer
{
public:
    explicit DemoServer(const QString &program, const QStringList &arguments = {});
    ~DemoServer();
    DemoServer(const DemoServer &) = delete;
    DemoServer &operator=(const DemoServer &) = delete;

    /// The program's path next to the test executable.
    static QString binary(const QString &program);
    /// True when the program was built (SMARTSOCKET_DEMOS=ON).
    static bool isBuilt(const QString &program);

    void setEnvironment(const QProcessEnvironment &environment) { m_environment = environment; }
    /// Starts and waits for the "listening on PORT" line; false with errorString() otherwise.
    bool start(int timeoutMs = 10000);
    /// SIGTERM and wait; returns the exit code (-1 when it crashed or did not stop).
    int terminate(int timeoutMs = 10000);

    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port)); }
    QString errorString() const { return m_error; }
    /// What it printed on stderr so far.
    QString standardError();
    QProcess *process() { return &m_process; }

private:
    QString m_program;
    QStringList m_arguments;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    QProcess m_process;
    QByteArray m_stderr;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace TestKit
