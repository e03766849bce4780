#pragma once

// Client::Private: the state of one namespace socket. The Manager owning the connection calls
// the on*() methods; everything runs in the thread that owns the Client.

#include <smartsocket/client.h>

#include "protocol/packet.h"
#include "session/acktracker.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

namespace SmartSocket {

class Client::Private
{
public:
    enum class State {
        Idle, ///< not wanting a connection: never opened, closed, refused, or given up
        Connecting, ///< open() called; waiting for the connection and the CONNECT reply
        Connected,
    };

    Private(Client *q, const QUrl &url, const ClientOptions &options);
    ~Private();

    // Called by the Manager.
    void onManagerOpen();
    void onPacket(const Protocol::Packet &packet);
    /// The connection ended; `reason` as in socket.io-client. The client stays Connecting when
    /// the Manager will reconnect, and turns Idle otherwise.
    void onTransportClosed(const QString &reason, bool willReconnect);
    /// The connection could not be opened (while this client waited for it).
    void onOpenFailed(const Error &error, bool willReconnect);
    void onReconnecting(int attempt);
    void onReconnectScheduled(int attempt, int delayMs);
    void onReconnected(int attempts);
    void onReconnectFailed();
    void onManagerDestroyed();
    /// The Client is about to move to another thread.
    void onThreadChange();

    bool isActive() const { return state != State::Idle; }

    // Used by Client.
    void open();
    void close();
    void send(const QString &event, const QVariantList &args, qint64 ackId);
    void queueError(const Error &error);

    Client *const q;
    const QUrl url;
    const ClientOptions options;
    const QString nsp;
    Internal::Manager *manager = nullptr;
    Internal::AckTracker acks;

    State state = State::Idle;
    bool connectSent = false;
    QString sid;
    QString errorString;
    QVariantMap data;
    /// Reconnect attempts that preceded the current connection, reported with connected().
    int reconnectAttempts = 0;
    /// Bumped on every connect: an Ack handed to a handler only answers on its own connection.
    quint64 generation = 0;
    QTimer connectTimer;

    QHash<QString, ClientEventHandler> handlers;
    ClientAnyHandler anyHandler;

    struct Buffered
    {
        Protocol::Packet packet;
        qint64 ackId = -1;
    };
    /// Events emitted while not connected (socket.io's sendBuffer), sent after CONNECT.
    QList<Buffered> sendBuffer;
    /// Ack ids of events already on the wire: failed when the connection drops. Acks of
    /// buffered events keep waiting, as in socket.io-client.
    QSet<qint64> sentAcks;
    /// Events that arrived between our CONNECT and its reply, delivered after the reply.
    QList<Protocol::Packet> receiveBuffer;

private:
    void sendConnect();
    void onConnectReply(const QVariant &data);
    void onConnectError(const QVariant &data);
    void onServerDisconnect();
    void onEvent(const Protocol::Packet &packet);
    void onAck(const Protocol::Packet &packet);
    void onConnectTimeout();
    void failSentAcks();
    void flushSendBuffer();
    void setIdle();
};

} // namespace SmartSocket
