#pragma once

#include <QObject>

class QSocketNotifier;

/// Turns SIGINT and SIGTERM into a Qt signal (a self-pipe: the handler only writes a byte, the
/// event loop does the rest), so a demo server can close its Server and leave exec() cleanly.
/// One instance per process.
class ShutdownSignals : public QObject
{
    Q_OBJECT
public:
    explicit ShutdownSignals(QObject *parent = nullptr);
    ~ShutdownSignals() override;

    /// False (with errno set) when the pipe or the handlers could not be installed.
    bool isValid() const { return m_notifier != nullptr; }

Q_SIGNALS:
    /// SIGINT or SIGTERM arrived; emitted once.
    void received();

private:
    QSocketNotifier *m_notifier = nullptr;
};
