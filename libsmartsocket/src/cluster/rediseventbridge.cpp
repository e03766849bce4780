#include "rediseventbridge.h"

#include <hiredis/async.h>

namespace SmartSocket::Cluster {

RedisEventBridge::RedisEventBridge(redisAsyncContext *ctx, QObject *parent)
    : QObject(parent), m_ctx(ctx)
{
    ctx->ev.data = this;
    ctx->ev.addRead = &RedisEventBridge::addRead;
    ctx->ev.delRead = &RedisEventBridge::delRead;
    ctx->ev.addWrite = &RedisEventBridge::addWrite;
    ctx->ev.delWrite = &RedisEventBridge::delWrite;
    ctx->ev.cleanup = &RedisEventBridge::cleanup;
}

RedisEventBridge::~RedisEventBridge()
{
    if (m_ctx)
        m_ctx->ev.data = nullptr;
}

namespace {
// hiredis may drop a notifier from inside that notifier's own slot: disable it now, delete
// it once the slot has returned.
void drop(std::unique_ptr<QSocketNotifier> &notifier, bool dispatching)
{
    if (!notifier)
        return;
    notifier->setEnabled(false);
    if (dispatching)
        notifier.release()->deleteLater();
    else
        notifier.reset();
}
} // namespace

void RedisEventBridge::addRead(void *self)
{
    auto *b = static_cast<RedisEventBridge *>(self);
    if (!b || !b->m_ctx || b->m_read)
        return;
    b->m_read = std::make_unique<QSocketNotifier>(b->m_ctx->c.fd, QSocketNotifier::Read);
    QObject::connect(b->m_read.get(), &QSocketNotifier::activated, b, [b] {
        // The read may end in a disconnect that frees the context (and calls cleanup()).
        if (b->m_ctx) {
            b->m_dispatching = true;
            redisAsyncHandleRead(b->m_ctx);
            b->m_dispatching = false;
        }
    });
}

void RedisEventBridge::delRead(void *self)
{
    if (auto *b = static_cast<RedisEventBridge *>(self))
        drop(b->m_read, b->m_dispatching);
}

void RedisEventBridge::addWrite(void *self)
{
    auto *b = static_cast<RedisEventBridge *>(self);
    if (!b || !b->m_ctx || b->m_write)
        return;
    b->m_write = std::make_unique<QSocketNotifier>(b->m_ctx->c.fd, QSocketNotifier::Write);
    QObject::connect(b->m_write.get(), &QSocketNotifier::activated, b, [b] {
        if (b->m_ctx) {
            b->m_dispatching = true;
            redisAsyncHandleWrite(b->m_ctx);
            b->m_dispatching = false;
        }
    });
}

void RedisEventBridge::delWrite(void *self)
{
    if (auto *b = static_cast<RedisEventBridge *>(self))
        drop(b->m_write, b->m_dispatching);
}

void RedisEventBridge::cleanup(void *self)
{
    auto *b = static_cast<RedisEventBridge *>(self);
    if (!b)
        return;
    // The context is being freed (often from inside our own read slot): the bridge goes too.
    drop(b->m_read, b->m_dispatching);
    drop(b->m_write, b->m_dispatching);
    b->m_ctx = nullptr;
    if (b->m_dispatching)
        b->deleteLater();
    else
        delete b;
}

} // namespace SmartSocket::Cluster
