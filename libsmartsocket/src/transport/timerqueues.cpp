#include "timerqueues.h"

#include <QObject>
#include <QThread>

namespace SmartSocket::Transport {

TimerQueues::TimerQueues(int linksPerSlot) : m_links(linksPerSlot) { }

// Nothing here is locked; see IoCore. Compiled out of release builds.
void TimerQueues::assertOwnerThread(const char *where) const
{
    Q_ASSERT_X(!m_owner || m_owner->thread() == QThread::currentThread(), where,
        "called outside the thread that owns the timer queues");
    Q_UNUSED(where);
}

int TimerQueues::createQueue(qint64 durationMs)
{
    assertOwnerThread("TimerQueues::createQueue");
    Queue queue;
    queue.duration = qMax<qint64>(0, durationMs);
    m_queues.push_back(queue);
    return int(m_queues.size()) - 1;
}

qint64 TimerQueues::duration(int queue) const
{
    return queue >= 0 && queue < queueCount() ? m_queues[size_t(queue)].duration : 0;
}

void TimerQueues::setDuration(int queue, qint64 durationMs)
{
    assertOwnerThread("TimerQueues::setDuration");
    if (queue < 0 || queue >= queueCount())
        return;
    Queue &q = m_queues[size_t(queue)];
    durationMs = qMax<qint64>(0, durationMs);
    const qint64 delta = durationMs - q.duration;
    q.duration = durationMs;
    for (quint32 n = q.head; n != None; n = m_nodes[n].next)
        m_nodes[n].deadline += delta;
}

qsizetype TimerQueues::size(int queue) const
{
    return queue >= 0 && queue < queueCount() ? m_queues[size_t(queue)].count : 0;
}

void TimerQueues::ensureSlots(quint32 count)
{
    assertOwnerThread("TimerQueues::ensureSlots");
    const size_t nodes = size_t(count) * size_t(m_links);
    if (m_nodes.size() < nodes)
        m_nodes.resize(nodes);
}

void TimerQueues::unlink(quint32 n)
{
    Node &node = m_nodes[n];
    Queue &q = m_queues[size_t(node.queue)];
    if (node.prev != None)
        m_nodes[node.prev].next = node.next;
    else
        q.head = node.next;
    if (node.next != None)
        m_nodes[node.next].prev = node.prev;
    else
        q.tail = node.prev;
    node.prev = node.next = None;
    node.queue = -1;
    --q.count;
}

void TimerQueues::arm(quint32 slot, int link, int queue, qint64 nowMs)
{
    assertOwnerThread("TimerQueues::arm");
    if (queue < 0 || queue >= queueCount() || link < 0 || link >= m_links)
        return;
    const quint32 n = slot * quint32(m_links) + quint32(link);
    ensureSlots(slot + 1);
    if (m_nodes[n].queue >= 0)
        unlink(n);
    Queue &q = m_queues[size_t(queue)];
    Node &node = m_nodes[n];
    node.queue = queue;
    node.deadline = nowMs + q.duration;
    node.prev = q.tail;
    node.next = None;
    if (q.tail != None)
        m_nodes[q.tail].next = n;
    else
        q.head = n;
    q.tail = n;
    ++q.count;
}

void TimerQueues::disarm(quint32 slot, int link)
{
    assertOwnerThread("TimerQueues::disarm");
    if (link < 0 || link >= m_links)
        return;
    const size_t n = size_t(slot) * size_t(m_links) + size_t(link);
    if (n < m_nodes.size() && m_nodes[n].queue >= 0)
        unlink(quint32(n));
}

void TimerQueues::disarmAll(quint32 slot)
{
    for (int link = 0; link < m_links; ++link)
        disarm(slot, link);
}

int TimerQueues::queueOf(quint32 slot, int link) const
{
    const size_t n = size_t(slot) * size_t(m_links) + size_t(link);
    return link >= 0 && link < m_links && n < m_nodes.size() ? m_nodes[n].queue : -1;
}

qint64 TimerQueues::deadline(quint32 slot, int link) const
{
    const size_t n = size_t(slot) * size_t(m_links) + size_t(link);
    return queueOf(slot, link) >= 0 ? m_nodes[n].deadline : NoDeadline;
}

qint64 TimerQueues::nextDeadline() const
{
    assertOwnerThread("TimerQueues::nextDeadline");
    qint64 next = NoDeadline;
    for (const Queue &q : m_queues) {
        if (q.head != None)
            next = qMin(next, m_nodes[q.head].deadline);
    }
    return next;
}

bool TimerQueues::takeExpired(qint64 nowMs, Expired *expired)
{
    assertOwnerThread("TimerQueues::takeExpired");
    int best = -1;
    qint64 bestDeadline = NoDeadline;
    for (int i = 0; i < queueCount(); ++i) {
        const Queue &q = m_queues[size_t(i)];
        if (q.head != None && m_nodes[q.head].deadline <= nowMs
            && m_nodes[q.head].deadline < bestDeadline) {
            best = i;
            bestDeadline = m_nodes[q.head].deadline;
        }
    }
    if (best < 0)
        return false;
    const quint32 n = m_queues[size_t(best)].head;
    unlink(n);
    expired->slot = n / quint32(m_links);
    expired->link = int(n % quint32(m_links));
    expired->queue = best;
    return true;
}

} // namespace SmartSocket::Transport
