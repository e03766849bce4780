#pragma once

#include "adapter.h"

#include "cluster/pendingrequests.h"
#include "cluster/redisconnection.h"

#include <QObject>
#include <QPointer>

namespace SmartSocket::Internal {

/// The @socket.io/redis-adapter 8.x protocol for one namespace (see docs: protocol.md §5):
/// broadcasts as msgpack [uid, packet, opts] on `<key>#<nsp>#[<room>#]`, requests as JSON on
/// `<key>-request#<nsp>#`, answers on `<key>-response#<nsp>#`. Local work goes through the
/// in-memory base; while Redis is down everything stays local (the connection reports the
/// outage once and reconnects by itself).
class RedisAdapter : public Adapter
{
public:
    RedisAdapter(Namespace *nsp, Cluster::RedisConnection *redis, const QString &key,
        const QString &uid, int requestsTimeout);
    ~RedisAdapter() override;

    int broadcast(const BroadcastOperator &op, const Protocol::Packet &packet) override;
    void addSockets(const BroadcastOperator &op, const QStringList &rooms) override;
    void delSockets(const BroadcastOperator &op, const QStringList &rooms) override;
    void disconnectSockets(const BroadcastOperator &op, bool close) override;
    void fetchSockets(const BroadcastOperator &op, FetchSocketsCallback done) override;
    void serverSideEmit(const QVariantList &data, ServerSideEmitCallback done) override;
    void allRooms(RoomsCallback done) override;
    void serverCount(CountCallback done) override;

    QString uid() const { return m_uid; }

private:
    void onMessage(const QByteArray &channel, const QByteArray &payload);
    void onBroadcast(const QByteArray &room, const QByteArray &payload);
    void onRequest(const QByteArray &payload);
    void onResponse(const QByteArray &payload);
    void publishRequest(const QVariantMap &request);
    void publishResponse(const QVariantMap &response);
    /// Asks NUMSUB, then sends `request` (given a fresh requestId) and waits for count-1
    /// answers; `done` gets them (and whether the deadline passed), or ready=false when Redis
    /// could not be asked.
    void request(QVariantMap request,
        std::function<void(bool ready, const QVariantList &responses, bool timedOut)> done);
    QVariantMap optsOf(const BroadcastOperator &op) const;
    BroadcastOperator operatorFrom(const QVariantMap &opts) const;
    QVariantList socketsResponse(const BroadcastOperator &op) const;

    QPointer<Cluster::RedisConnection> m_redis;
    QString m_key;
    QString m_uid;
    int m_timeout;
    QByteArray m_channel;
    QByteArray m_requestChannel;
    QByteArray m_responseChannel;
    Cluster::PendingRequests m_pending;
    QObject m_context; ///< receiver of the connection's signals; disconnects with us
};

} // namespace SmartSocket::Internal
