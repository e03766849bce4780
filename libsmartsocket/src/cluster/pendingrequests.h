#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>

#include <functional>
#include <memory>

namespace SmartSocket::Cluster {

/// Requests sent to the other nodes and waiting for their answers, as the Redis adapter keeps
/// them: each waits for `expected` responses (the other nodes counted by PUBSUB NUMSUB) for
/// at most `timeout` ms. `done` runs exactly once: with every response, or at the deadline
/// with what came (timedOut = true). A node that never answers costs the requester the
/// timeout, as with the Node adapter.
class PendingRequests : public QObject
{
    Q_OBJECT
public:
    using Done = std::function<void(const QVariantList &responses, bool timedOut)>;

    explicit PendingRequests(QObject *parent = nullptr) : QObject(parent) { }

    /// Registers a request under `requestId`. With expected <= 0, done runs at once.
    void add(const QString &requestId, int expected, int timeoutMs, Done done);
    bool contains(const QString &requestId) const { return m_requests.contains(requestId); }
    /// Records one response; returns false for an unknown (finished, foreign) request.
    bool respond(const QString &requestId, const QVariant &response);
    int size() const { return int(m_requests.size()); }
    /// Ends every request now as timed out (the adapter is going away).
    void failAll();

private:
    struct Request
    {
        int expected = 0;
        QVariantList responses;
        Done done;
        std::unique_ptr<QTimer> timer;
    };
    void finish(const QString &requestId, bool timedOut);

    QHash<QString, std::shared_ptr<Request>> m_requests;
};

} // namespace SmartSocket::Cluster
