#include "redisadapter.h"

#include "servercore_p.h"

#include "cluster/redisadaptermessage.h"

#include <QLoggingCategory>

namespace SmartSocket::Internal {

using Cluster::RedisAdapterMessage;
using Protocol::Packet;
using Protocol::PacketType;

Q_LOGGING_CATEGORY(lcAdapter, "smartsocket.redisadapter", QtWarningMsg)

namespace {
const QString kUid = QStringLiteral("uid");
const QString kType = QStringLiteral("type");
const QString kRequestId = QStringLiteral("requestId");
const QString kOpts = QStringLiteral("opts");
const QString kRooms = QStringLiteral("rooms");
const QString kExcept = QStringLiteral("except");
const QString kData = QStringLiteral("data");
const QString kSockets = QStringLiteral("sockets");

QStringList stringList(const QVariant &v)
{
    QStringList out;
    const QVariantList list = v.toList();
    for (const QVariant &item : list)
        out.append(item.toString());
    return out;
}

QVariantList variantList(const QSet<QString> &set)
{
    QVariantList out;
    for (const QString &s : set)
        out.append(s);
    return out;
}
} // namespace

RedisAdapter::RedisAdapter(Namespace *nsp, Cluster::RedisConnection *redis, const QString &key,
    const QString &uid, int requestsTimeout)
    : Adapter(nsp), m_redis(redis), m_key(key), m_uid(uid), m_timeout(requestsTimeout)
{
    m_channel = RedisAdapterMessage::broadcastChannel(key, nsp->name());
    m_requestChannel = RedisAdapterMessage::requestChannel(key, nsp->name());
    m_responseChannel = RedisAdapterMessage::responseChannel(key, nsp->name());
    redis->psubscribe(m_channel + '*');
    redis->subscribe(m_requestChannel);
    redis->subscribe(m_responseChannel);
    // Answers for us alone (a Node peer with publishOnSpecificResponseChannel).
    redis->subscribe(m_responseChannel + m_uid.toUtf8() + '#');
    QObject::connect(redis, &Cluster::RedisConnection::messageReceived, &m_context,
        [this](
            const QByteArray &channel, const QByteArray &payload) { onMessage(channel, payload); });
}

RedisAdapter::~RedisAdapter()
{
    // Requests in flight end now, as timed out (their callbacks may still want an answer).
    m_pending.failAll();
}

// --- outgoing -------------------------------------------------------------------------

QVariantMap RedisAdapter::optsOf(const BroadcastOperator &op) const
{
    return { { kRooms, variantList(op.rooms()) }, { kExcept, variantList(op.exceptRooms()) } };
}

BroadcastOperator RedisAdapter::operatorFrom(const QVariantMap &opts) const
{
    return BroadcastOperator(m_nsp)
        .to(stringList(opts.value(kRooms)))
        .except(stringList(opts.value(kExcept)))
        .local();
}

void RedisAdapter::publishRequest(const QVariantMap &request)
{
    if (m_redis)
        m_redis->publish(m_requestChannel, RedisAdapterMessage::encodeRequest(request));
}

void RedisAdapter::publishResponse(const QVariantMap &response)
{
    if (m_redis)
        m_redis->publish(m_responseChannel, RedisAdapterMessage::encodeRequest(response));
}

int RedisAdapter::broadcast(const BroadcastOperator &op, const Packet &packet)
{
    if (!op.isLocal() && m_redis && m_redis->isReady()) {
        RedisAdapterMessage::BroadcastMessage m;
        m.uid = m_uid;
        m.packetType = int(PacketType::Event);
        m.data = packet.data.toList();
        m.nsp = m_nsp->name();
        m.rooms = QStringList(op.rooms().cbegin(), op.rooms().cend());
        m.except = QStringList(op.exceptRooms().cbegin(), op.exceptRooms().cend());
        m_redis->publish(RedisAdapterMessage::broadcastChannel(m_key, m.nsp, m.rooms),
            RedisAdapterMessage::encodeBroadcast(m));
    }
    return Adapter::broadcast(op, packet);
}

void RedisAdapter::addSockets(const BroadcastOperator &op, const QStringList &rooms)
{
    Adapter::addSockets(op, rooms);
    if (!op.isLocal())
        publishRequest({ { kUid, m_uid }, { kType, int(RedisAdapterMessage::RemoteJoin) },
            { kOpts, optsOf(op) }, { kRooms, QVariant(rooms) } });
}

void RedisAdapter::delSockets(const BroadcastOperator &op, const QStringList &rooms)
{
    Adapter::delSockets(op, rooms);
    if (!op.isLocal())
        publishRequest({ { kUid, m_uid }, { kType, int(RedisAdapterMessage::RemoteLeave) },
            { kOpts, optsOf(op) }, { kRooms, QVariant(rooms) } });
}

void RedisAdapter::disconnectSockets(const BroadcastOperator &op, bool close)
{
    if (!op.isLocal())
        publishRequest({ { kUid, m_uid }, { kType, int(RedisAdapterMessage::RemoteDisconnect) },
            { kOpts, optsOf(op) }, { QStringLiteral("close"), close } });
    Adapter::disconnectSockets(op, close);
}

void RedisAdapter::serverCount(CountCallback done)
{
    if (!m_redis || !m_redis->isReady()) {
        done(1, QStringLiteral("Redis unavailable"));
        return;
    }
    const bool sent = m_redis->command(
        { "PUBSUB", "NUMSUB", m_requestChannel }, [done](const Cluster::RedisReply &r) {
            if (!r.ok || r.elements.size() < 2)
                done(1, r.error.isEmpty() ? QStringLiteral("PUBSUB NUMSUB failed") : r.error);
            else
                done(int(r.elements.at(1).integer), QString());
        });
    if (!sent)
        done(1, QStringLiteral("Redis unavailable"));
}

void RedisAdapter::request(QVariantMap request,
    std::function<void(bool ready, const QVariantList &responses, bool timedOut)> done)
{
    QPointer<Namespace> guard(m_nsp);
    serverCount([this, guard, request, done](int count, const QString &error) mutable {
        if (!guard) // the namespace (and this adapter) went away meanwhile
            return;
        if (!error.isEmpty()) {
            done(false, {}, false);
            return;
        }
        const QString id = RedisAdapterMessage::randomId();
        request.insert(kRequestId, id);
        m_pending.add(
            id, count - 1, m_timeout, [done](const QVariantList &responses, bool timedOut) {
                done(true, responses, timedOut);
            });
        if (count > 1)
            publishRequest(request);
    });
}

void RedisAdapter::fetchSockets(const BroadcastOperator &op, FetchSocketsCallback done)
{
    if (op.isLocal()) {
        Adapter::fetchSockets(op, std::move(done));
        return;
    }
    QPointer<Namespace> nsp(m_nsp);
    const QVariantMap req { { kUid, m_uid }, { kType, int(RedisAdapterMessage::RemoteFetch) },
        { kOpts, optsOf(op) } };
    request(req, [this, nsp, op, done](bool ready, const QVariantList &responses, bool timedOut) {
        QList<RemoteSocket> sockets = nsp ? localSockets(op) : QList<RemoteSocket>();
        for (const QVariant &response : responses) {
            const QVariantList list = response.toMap().value(kSockets).toList();
            for (const QVariant &v : list) {
                const QVariantMap s = v.toMap();
                sockets.append(RemoteSocket(nsp, s.value(QStringLiteral("id")).toString(),
                    s.value(QStringLiteral("handshake")).toMap(), stringList(s.value(kRooms)),
                    s.value(kData).toMap(), false));
            }
        }
        QString error;
        if (!ready)
            error = QStringLiteral("Redis unavailable: only this node's sockets");
        else if (timedOut)
            error = QStringLiteral("timeout reached while waiting for fetchSockets response");
        done(sockets, error);
    });
}

void RedisAdapter::serverSideEmit(const QVariantList &data, ServerSideEmitCallback done)
{
    QVariantMap req { { kUid, m_uid }, { kType, int(RedisAdapterMessage::ServerSideEmit) },
        { kData, data } };
    if (!done) {
        publishRequest(req);
        return;
    }
    request(req, [done](bool ready, const QVariantList &responses, bool timedOut) {
        QVariantList values;
        for (const QVariant &r : responses)
            values.append(r.toMap().value(kData));
        QString error;
        if (!ready)
            error = QStringLiteral("Redis unavailable");
        else if (timedOut)
            error
                = QStringLiteral("timeout reached: only %1 responses received").arg(values.size());
        done(values, error);
    });
}

void RedisAdapter::allRooms(RoomsCallback done)
{
    QPointer<Namespace> nsp(m_nsp);
    const QVariantMap req { { kUid, m_uid }, { kType, int(RedisAdapterMessage::AllRooms) } };
    request(req, [this, nsp, done](bool ready, const QVariantList &responses, bool timedOut) {
        QSet<QString> rooms;
        if (nsp) {
            const QStringList local = localRooms();
            rooms = QSet<QString>(local.cbegin(), local.cend());
        }
        for (const QVariant &r : responses) {
            const QStringList list = stringList(r.toMap().value(kRooms));
            rooms.unite(QSet<QString>(list.cbegin(), list.cend()));
        }
        QString error;
        if (!ready)
            error = QStringLiteral("Redis unavailable: only this node's rooms");
        else if (timedOut)
            error = QStringLiteral("timeout reached while waiting for allRooms response");
        done(QStringList(rooms.cbegin(), rooms.cend()), error);
    });
}

// --- incoming -------------------------------------------------------------------------

void RedisAdapter::onMessage(const QByteArray &channel, const QByteArray &payload)
{
    if (channel == m_requestChannel) {
        onRequest(payload);
    } else if (channel.startsWith(m_responseChannel)) {
        onResponse(payload);
    } else if (channel.startsWith(m_channel) && channel.endsWith('#')) {
        onBroadcast(channel.mid(m_channel.size(), channel.size() - m_channel.size() - 1), payload);
    }
}

void RedisAdapter::onBroadcast(const QByteArray &room, const QByteArray &payload)
{
    // A single-room channel: nothing to do without a local member (as the Node adapter).
    if (!room.isEmpty()) {
        const QString name = QString::fromUtf8(room);
        if (!m_nsp->d->registry.rooms().contains(name) && !m_nsp->d->registry.member(name))
            return;
    }
    QString error;
    const auto m = RedisAdapterMessage::decodeBroadcast(payload, &error);
    if (!m) {
        qCWarning(lcAdapter) << "ignoring a malformed broadcast:" << error;
        return;
    }
    if (m->uid == m_uid || m->nsp != m_nsp->name())
        return;
    if (m->packetType != int(PacketType::Event) && m->packetType != int(PacketType::BinaryEvent))
        return;
    const BroadcastOperator op = BroadcastOperator(m_nsp).to(m->rooms).except(m->except).local();
    Adapter::broadcast(op, Packet { PacketType::Event, m_nsp->name(), -1, m->data });
}

QVariantList RedisAdapter::socketsResponse(const BroadcastOperator &op) const
{
    QVariantList out;
    const QList<RemoteSocket> sockets = localSockets(op);
    for (const RemoteSocket &s : sockets)
        out.append(QVariantMap { { QStringLiteral("id"), s.id() },
            { QStringLiteral("handshake"), s.handshake() }, { kRooms, QVariant(s.rooms()) },
            { kData, s.data() } });
    return out;
}

void RedisAdapter::onRequest(const QByteArray &payload)
{
    QString error;
    const QVariantMap r = RedisAdapterMessage::decodeRequest(payload, &error);
    if (r.isEmpty()) {
        qCWarning(lcAdapter) << "ignoring a malformed request:" << error;
        return;
    }
    const int type = r.value(kType).toInt();
    const QString requestId = r.value(kRequestId).toString();
    const bool ours = r.value(kUid).toString() == m_uid;
    const QVariantMap opts = r.value(kOpts).toMap();
    switch (type) {
    case RedisAdapterMessage::Sockets: {
        if (m_pending.contains(requestId))
            return;
        QVariantList ids;
        const auto list
            = BroadcastOperator(m_nsp).to(stringList(r.value(kRooms))).local().sockets();
        for (Socket *s : list)
            ids.append(s->id());
        publishResponse({ { kRequestId, requestId }, { kSockets, ids } });
        return;
    }
    case RedisAdapterMessage::AllRooms:
        if (ours || m_pending.contains(requestId))
            return;
        publishResponse({ { kRequestId, requestId }, { kRooms, QVariant(localRooms()) } });
        return;
    case RedisAdapterMessage::RemoteJoin:
    case RedisAdapterMessage::RemoteLeave:
    case RedisAdapterMessage::RemoteDisconnect: {
        if (ours) // applied locally when sent
            return;
        if (r.contains(kOpts)) {
            const BroadcastOperator op = operatorFrom(opts);
            if (type == RedisAdapterMessage::RemoteJoin)
                Adapter::addSockets(op, stringList(r.value(kRooms)));
            else if (type == RedisAdapterMessage::RemoteLeave)
                Adapter::delSockets(op, stringList(r.value(kRooms)));
            else
                Adapter::disconnectSockets(op, r.value(QStringLiteral("close")).toBool());
            return;
        }
        // Legacy form (adapter 6.x): one socket by id, answered.
        Socket *s = m_nsp->socket(r.value(QStringLiteral("sid")).toString());
        if (!s)
            return;
        const QString room = r.value(QStringLiteral("room")).toString();
        if (type == RedisAdapterMessage::RemoteJoin)
            s->join(room);
        else if (type == RedisAdapterMessage::RemoteLeave)
            s->leave(room);
        else
            s->disconnectFromClient(r.value(QStringLiteral("close")).toBool());
        publishResponse({ { kRequestId, requestId } });
        return;
    }
    case RedisAdapterMessage::RemoteFetch:
        if (ours || m_pending.contains(requestId))
            return;
        publishResponse(
            { { kRequestId, requestId }, { kSockets, socketsResponse(operatorFrom(opts)) } });
        return;
    case RedisAdapterMessage::ServerSideEmit: {
        if (ours)
            return;
        const QVariantList data = r.value(kData).toList();
        if (data.isEmpty())
            return;
        const QString event = data.first().toString();
        const ServerSideHandler handler = m_nsp->d->serverSideHandlers.value(event);
        if (!handler)
            return; // as in Node: no listener, no answer (the requester times out)
        ServerSideAck ack;
        if (r.contains(kRequestId)) {
            auto called = std::make_shared<bool>(false);
            QPointer<Namespace> nsp(m_nsp);
            ack = [this, nsp, called, requestId](const QVariant &value) {
                if (*called || !nsp)
                    return;
                *called = true;
                publishResponse({ { kType, int(RedisAdapterMessage::ServerSideEmit) },
                    { kRequestId, requestId }, { kData, value } });
            };
        } else {
            ack = [](const QVariant &) {};
        }
        handler(data.mid(1), ack);
        return;
    }
    case RedisAdapterMessage::Broadcast: {
        // A Node peer's broadcast with acknowledgements (msgpack). We deliver it without an
        // ack id and tell the peer to expect no acknowledgement from our clients.
        if (ours)
            return;
        const QVariantMap packet = r.value(QStringLiteral("packet")).toMap();
        if (packet.value(QStringLiteral("nsp"), QStringLiteral("/")).toString() != m_nsp->name())
            return;
        Adapter::broadcast(operatorFrom(opts),
            Packet { PacketType::Event, m_nsp->name(), -1, packet.value(kData).toList() });
        publishResponse({ { kType, int(RedisAdapterMessage::BroadcastClientCount) },
            { kRequestId, requestId }, { QStringLiteral("clientCount"), 0 } });
        return;
    }
    default:
        return;
    }
}

void RedisAdapter::onResponse(const QByteArray &payload)
{
    QString error;
    const QVariantMap r = RedisAdapterMessage::decodeRequest(payload, &error);
    if (r.isEmpty())
        return;
    m_pending.respond(r.value(kRequestId).toString(), r);
}

} // namespace SmartSocket::Internal
