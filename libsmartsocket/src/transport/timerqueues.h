#pragma once

// FIFO timer queues for many connections. Each queue has one duration, so arming appends at
// the tail and the head always has the earliest deadline: arm, disarm and "what is due" are
// O(1) (per queue). Entries are intrusive: per slot and link a node of prev/next indices
// kept in one flat array beside the I/O core's slots, nothing allocated per timer.

#include <QtGlobal>

QT_BEGIN_NAMESPACE
class QObject;
QT_END_NAMESPACE

#include <limits>
#include <vector>

namespace SmartSocket::Transport {

class TimerQueues
{
public:
    static constexpr qint64 NoDeadline = std::numeric_limits<qint64>::max();

    explicit TimerQueues(int linksPerSlot = 2);

    /// The object whose thread may use the queues (the I/O core); Debug builds assert it at
    /// every entry point. None set: no check.
    void setOwner(const QObject *owner) { m_owner = owner; }

    int createQueue(qint64 durationMs);
    int queueCount() const { return int(m_queues.size()); }
    qint64 duration(int queue) const;
    /// Changes the duration; armed entries move by the difference, so the order stays valid.
    void setDuration(int queue, qint64 durationMs);
    qsizetype size(int queue) const;

    /// Makes room for slots [0, count).
    void ensureSlots(quint32 count);
    /// (Re)arms: the entry moves to the tail of `queue` with deadline now + duration.
    void arm(quint32 slot, int link, int queue, qint64 nowMs);
    void disarm(quint32 slot, int link);
    void disarmAll(quint32 slot);
    /// The queue (slot, link) sits in, or -1.
    int queueOf(quint32 slot, int link) const;
    qint64 deadline(quint32 slot, int link) const;

    /// Earliest deadline over all queues, NoDeadline when all are empty.
    qint64 nextDeadline() const;

    struct Expired
    {
        quint32 slot = 0;
        int link = 0;
        int queue = -1;
    };
    /// Removes one entry with deadline <= now (earliest first) and returns true, or false
    /// when nothing is due.
    bool takeExpired(qint64 nowMs, Expired *expired);

private:
    static constexpr quint32 None = std::numeric_limits<quint32>::max();
    struct Node
    {
        quint32 prev = None;
        quint32 next = None;
        qint32 queue = -1;
        qint64 deadline = 0;
    };
    struct Queue
    {
        qint64 duration = 0;
        quint32 head = None;
        quint32 tail = None;
        qsizetype count = 0;
    };
    void unlink(quint32 node);
    void assertOwnerThread(const char *where) const;

    std::vector<Node> m_nodes; // index = slot * links + link
    std::vector<Queue> m_queues;
    int m_links;
    const QObject *m_owner = nullptr;
};

} // namespace SmartSocket::Transport
