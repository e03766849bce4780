#pragma once

#include <QObject>
#include <QSocketNotifier>

#include <memory>

struct redisAsyncContext;

namespace SmartSocket::Cluster {

/// Drives one hiredis async context from the Qt event loop with two socket notifiers.
/// hiredis' own adapters/qt.h (0.14.1 in Debian 12) connects to QSocketNotifier's Qt 5
/// signal `activated(int)`, which Qt 6 no longer has, so it never reads; this is the same
/// idea against Qt 6's signal. It deletes itself (later) when hiredis frees the context.
class RedisEventBridge : public QObject
{
    Q_OBJECT
public:
    explicit RedisEventBridge(redisAsyncContext *ctx, QObject *parent = nullptr);
    ~RedisEventBridge() override;

private:
    static void addRead(void *self);
    static void delRead(void *self);
    static void addWrite(void *self);
    static void delWrite(void *self);
    static void cleanup(void *self);

    redisAsyncContext *m_ctx;
    std::unique_ptr<QSocketNotifier> m_read;
    std::unique_ptr<QSocketNotifier> m_write;
    bool m_dispatching = false; ///< inside redisAsyncHandleRead/Write, called from a notifier
};

} // namespace SmartSocket::Cluster
