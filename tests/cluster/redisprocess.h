#pragma once

// A throw-away redis-server for tests that must stop and restart Redis: loopback, a free
// port, no persistence, foreground (so QProcess owns it).

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QUrl>

class RedisProcess
{
public:
    RedisProcess()
    {
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, 0))
            m_port = probe.serverPort();
    }
    ~RedisProcess() { stop(); }

    static QString executable()
    {
        return QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    }
    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("redis://127.0.0.1:%1").arg(m_port)); }

    /// Starts it and waits (up to 5 s) until it accepts connections.
    bool start()
    {
        m_process.setProgram(executable());
        m_process.setArguments({ QStringLiteral("--port"), QString::number(m_port),
            QStringLiteral("--bind"), QStringLiteral("127.0.0.1"), QStringLiteral("--save"),
            QString(), QStringLiteral("--appendonly"), QStringLiteral("no"),
            QStringLiteral("--daemonize"), QStringLiteral("no") });
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 5000) {
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_port);
            if (s.waitForConnected(200))
                return true;
            QThread::msleep(20);
        }
        return false;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QProcess m_process;
    quint16 m_port = 0;
};
