#include "servercore_p.h"

#include "adapter.h"

#include <QPromise>

#include <stdexcept>

#include "session/enginemessage.h"

namespace SmartSocket {

using Protocol::Packet;
using Protocol::PacketType;

BroadcastOperator::BroadcastOperator(Namespace *nsp) : m_nsp(nsp) { }

BroadcastOperator BroadcastOperator::to(const QString &room) const
{
    BroadcastOperator op(*this);
    op.m_rooms.insert(room);
    return op;
}

BroadcastOperator BroadcastOperator::to(const QStringList &rooms) const
{
    BroadcastOperator op(*this);
    for (const QString &room : rooms)
        op.m_rooms.insert(room);
    return op;
}

BroadcastOperator BroadcastOperator::except(const QString &room) const
{
    BroadcastOperator op(*this);
    op.m_except.insert(room);
    return op;
}

BroadcastOperator BroadcastOperator::except(const QStringList &rooms) const
{
    BroadcastOperator op(*this);
    for (const QString &room : rooms)
        op.m_except.insert(room);
    return op;
}

int BroadcastOperator::emitEvent(const QString &event, const QVariantList &args) const
{
    if (!m_nsp)
        return 0;
    if (Protocol::isReservedEventName(event)) {
        qWarning("SmartSocket: \"%s\" is a reserved event name; not sent", qPrintable(event));
        return 0;
    }
    QVariantList data;
    data.reserve(args.size() + 1);
    data.append(event);
    data.append(args);
    return m_nsp->d->adapter->broadcast(
        *this, Packet { PacketType::Event, m_nsp->name(), -1, data });
}

BroadcastOperator BroadcastOperator::local() const
{
    BroadcastOperator op(*this);
    op.m_local = true;
    return op;
}

QList<Socket *> BroadcastOperator::sockets() const
{
    QList<Socket *> result;
    if (m_nsp)
        m_nsp->d->registry.forEachSelected(m_rooms, m_except, [&](Socket *s) { result.append(s); });
    return result;
}

void BroadcastOperator::fetchSockets(FetchSocketsCallback done) const
{
    if (!m_nsp) {
        if (done)
            done({}, QStringLiteral("no namespace"));
        return;
    }
    m_nsp->d->adapter->fetchSockets(*this, std::move(done));
}

QFuture<QList<RemoteSocket>> BroadcastOperator::fetchSockets() const
{
    auto promise = std::make_shared<QPromise<QList<RemoteSocket>>>();
    QFuture<QList<RemoteSocket>> future = promise->future();
    promise->start();
    fetchSockets([promise](const QList<RemoteSocket> &sockets, const QString &error) {
        if (!error.isEmpty())
            promise->setException(std::make_exception_ptr(std::runtime_error(error.toStdString())));
        else
            promise->addResult(sockets);
        promise->finish();
    });
    return future;
}

void BroadcastOperator::socketsJoin(const QString &room) const
{
    socketsJoin(QStringList { room });
}

void BroadcastOperator::socketsJoin(const QStringList &rooms) const
{
    if (m_nsp)
        m_nsp->d->adapter->addSockets(*this, rooms);
}

void BroadcastOperator::socketsLeave(const QString &room) const
{
    socketsLeave(QStringList { room });
}

void BroadcastOperator::socketsLeave(const QStringList &rooms) const
{
    if (m_nsp)
        m_nsp->d->adapter->delSockets(*this, rooms);
}

void BroadcastOperator::disconnectSockets(bool close) const
{
    if (m_nsp)
        m_nsp->d->adapter->disconnectSockets(*this, close);
}

namespace Internal {

int ServerCore::broadcast(const BroadcastOperator &op, const Protocol::Packet &packet)
{
    Namespace *nsp = op.nsp();
    if (!nsp)
        return 0;
    QByteArray textFrame;
    QList<QByteArray> binaryFrames;
    QByteArray out; // the Engine.IO message, encoded once
    QList<QByteArray> attachments;
    std::unique_ptr<BroadcastCache> extCache; // compressed once for extended targets
    int count = 0;
    nsp->d->registry.forEachSelected(op.rooms(), op.exceptRooms(), [&](Socket *socket) {
        EngineSession *session = socket->d->session;
        if (!session || session->closed)
            return;
        if (out.isEmpty()) { // encode once, on the first target
            out.reserve(128);
            Session::EngineMessage::encode(packet, out, attachments);
        }
        if (Q_UNLIKELY(session->ext != nullptr)) {
            if (!extCache)
                extCache = std::make_unique<BroadcastCache>();
            broadcastExtended(session, *extCache, out, attachments);
            ++count;
            return;
        }
        if (textFrame.isEmpty()) { // frame once, on the first plain target
            textFrame = Transport::IoCore::buildFrame(out, false);
            for (const QByteArray &attachment : std::as_const(attachments))
                binaryFrames.append(Transport::IoCore::buildFrame(attachment, true));
        }
        io->sendFrame(session->conn, textFrame);
        for (const QByteArray &frame : std::as_const(binaryFrames))
            io->sendFrame(session->conn, frame);
        ++count;
    });
    if (Q_UNLIKELY(observer) && count > 0)
        observeBroadcast(op, packet, out.size() - 1, attachments, count);
    return count;
}

} // namespace Internal
} // namespace SmartSocket
