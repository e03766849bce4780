#include "pendingrequests.h"

namespace SmartSocket::Cluster {

void PendingRequests::add(const QString &requestId, int expected, int timeoutMs, Done done)
{
    if (expected <= 0) {
        if (done)
            done({}, false);
        return;
    }
    auto request = std::make_shared<Request>();
    request->expected = expected;
    request->done = std::move(done);
    request->timer = std::make_unique<QTimer>();
    request->timer->setSingleShot(true);
    connect(request->timer.get(), &QTimer::timeout, this,
        [this, requestId] { finish(requestId, true); });
    request->timer->start(timeoutMs);
    m_requests.insert(requestId, std::move(request));
}

bool PendingRequests::respond(const QString &requestId, const QVariant &response)
{
    auto it = m_requests.find(requestId);
    if (it == m_requests.end())
        return false;
    (*it)->responses.append(response);
    if ((*it)->responses.size() >= (*it)->expected)
        finish(requestId, false);
    return true;
}

void PendingRequests::finish(const QString &requestId, bool timedOut)
{
    // Taken out first: `done` may start new requests or delete the owner's objects.
    std::shared_ptr<Request> request = m_requests.take(requestId);
    if (!request)
        return;
    request->timer->stop();
    // We may be inside this timer's timeout(): it is deleted once that has returned.
    request->timer.release()->deleteLater();
    Done done = std::move(request->done);
    const QVariantList responses = std::move(request->responses);
    if (done)
        done(responses, timedOut);
}

void PendingRequests::failAll()
{
    const QStringList ids = m_requests.keys();
    for (const QString &id : ids)
        finish(id, true);
}

} // namespace SmartSocket::Cluster
