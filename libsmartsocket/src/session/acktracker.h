#pragma once

#include <smartsocket/ack.h>

#include <QHash>
#include <QObject>
#include <QTimer>

#include <map>
#include <optional>

namespace SmartSocket::Internal {

/// Pending acknowledgements of one emitter (a client namespace socket, or a server socket
/// using emitWithAck): ids counted from 0, at most one reply each, timeouts on one QTimer
/// for all of them. Callbacks run in the owner's thread, never from inside add().
class AckTracker : public QObject
{
    Q_OBJECT
public:
    explicit AckTracker(QObject *parent = nullptr);
    ~AckTracker() override;

    /// Registers a callback and returns its ack id. timeoutMs <= 0: no timeout.
    qint64 add(AckCallback callback, int timeoutMs);
    /// Delivers a reply; false when the id is unknown (already answered, timed out, never
    /// asked): such replies are ignored.
    bool resolve(qint64 id, const QVariantList &args);
    /// Fails one pending ack (e.g. its packet could not be sent).
    bool fail(qint64 id, AckResult::Status status, const QString &message);
    /// Fails every pending ack (disconnect).
    void failAll(AckResult::Status status, const QString &message);
    int pendingCount() const { return int(m_pending.size()); }
    /// The id the next add() returns.
    qint64 nextId() const { return m_nextId; }

private:
    struct Entry
    {
        AckCallback callback;
        qint64 deadline = 0; // ms on the monotonic clock, 0 = none
        int timeoutMs = 0;
    };
    /// Removes a pending entry (and its deadline).
    std::optional<Entry> take(qint64 id);
    void onTimeout();
    void rearm();

    QHash<qint64, Entry> m_pending;
    std::multimap<qint64, qint64> m_deadlines; // deadline -> id
    QTimer m_timer;
    qint64 m_nextId = 0;
};

} // namespace SmartSocket::Internal
