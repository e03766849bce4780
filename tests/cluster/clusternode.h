#pragma once

// One node of a test cluster: `smartsocket-echo-server --redis URL --server-id ID` (from the
// directory the test runs from) or the Node peer tests/interop/node/cluster-node.js (socket.io
// 4.8 + @socket.io/redis-adapter 8). Both answer the same client-driven events.

#include "nodeprocess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QTest>
#include <QUrl>

#include <memory>

class ClusterNode
{
public:
    enum Kind { SmartSocketNode, NodeJsNode };

    ClusterNode(Kind kind, const QUrl &redis, const QString &id)
        : m_kind(kind), m_redis(redis), m_id(id)
    { }
    ~ClusterNode() { stop(); }

    static QString echoServer()
    {
        return QDir(QCoreApplication::applicationDirPath())
            .filePath(QStringLiteral("smartsocket-echo-server"));
    }
    static QString interopDir() { return QStringLiteral(SMARTSOCKET_INTEROP_DIR); }

    Kind kind() const { return m_kind; }
    QString id() const { return m_id; }
    quint16 port() const { return m_port; }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1").arg(m_port)); }
    QString errorString() const { return m_error; }

    bool start()
    {
        if (m_kind == NodeJsNode) {
            m_node = std::make_unique<TestKit::NodeProcess>(QStringLiteral(SMARTSOCKET_NODE),
                interopDir() + QStringLiteral("/node/cluster-node.js"),
                QStringList { QStringLiteral("--redis"), m_redis.toString(),
                    QStringLiteral("--server-id"), m_id });
            m_node->setWorkingDirectory(interopDir());
            if (!m_node->start()) {
                m_error = m_node->errorString();
                return false;
            }
            m_port = m_node->port();
            return true;
        }
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        m_process->start(echoServer(),
            { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--redis"),
                m_redis.toString(), QStringLiteral("--server-id"), m_id });
        if (!m_process->waitForStarted(5000)) {
            m_error = m_process->errorString();
            return false;
        }
        QDeadlineTimer deadline(10000);
        QByteArray out;
        while (!out.contains('\n') && !deadline.hasExpired()
            && m_process->state() == QProcess::Running) {
            m_process->waitForReadyRead(100);
            out += m_process->readAllStandardOutput();
        }
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        if (!line.startsWith("listening on ")) {
            m_error = QStringLiteral("echo server: %1 %2")
                          .arg(QString::fromUtf8(out),
                              QString::fromUtf8(m_process->readAllStandardError()));
            return false;
        }
        m_port = quint16(line.mid(13).toUInt());
        return true;
    }

    void stop()
    {
        if (m_node)
            m_node->stop();
        m_node.reset();
        if (m_process && m_process->state() != QProcess::NotRunning) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000)) {
                m_process->kill();
                m_process->waitForFinished(5000);
            }
        }
        m_process.reset();
    }

    /// What the echo server printed on stderr so far (its cluster errors).
    QString standardError()
    {
        if (m_process)
            m_stderr += QString::fromUtf8(m_process->readAllStandardError());
        return m_stderr;
    }

private:
    Kind m_kind;
    QUrl m_redis;
    QString m_id;
    quint16 m_port = 0;
    QString m_error;
    QString m_stderr;
    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<TestKit::NodeProcess> m_node;
};
