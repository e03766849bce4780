#pragma once

// Server::instrument(): the admin namespace of @socket.io/admin-ui 0.5 (auth, config,
// all_sockets, server_stats, the live socket/room/event stream and the join/leave/
// _disconnect/emit actions) plus SmartSocket's extension events for the desktop inspector
// (docs/inspector-protocol.md). It learns what happens in the server through the internal
// observer interface, and attaches itself to the server only while an admin client is
// connected: with none, the server runs exactly as if it were not instrumented.

#include "adminobserver.h"
#include "aggregatedevents.h"

#include <smartsocket/instrumentation.h>

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QTimer>
#include <QVariantMap>

#include <deque>
#include <memory>

namespace SmartSocket {

class Namespace;
class Server;
class Socket;

namespace Internal {

class ServerCore;

class Instrumentation : public QObject
{
    Q_OBJECT
public:
    Instrumentation(Server *server, ServerCore *core, const InstrumentOptions &options);
    ~Instrumentation() override;

    /// Checks the options; false with a message when they cannot work.
    static bool validate(const InstrumentOptions &options, QString *error);
    /// Creates the admin namespace and its handlers.
    void start();

    const InstrumentOptions &options() const { return m_options; }
    Namespace *adminNamespace() const { return m_admin; }
    bool isDevelopment() const { return m_options.mode == InstrumentOptions::Mode::Development; }
    /// True while at least one admin client is connected (the observer is attached).
    bool isActive() const { return m_active; }
    QStringList supportedFeatures() const { return m_features; }
    ServerObserver *observer() const { return m_observer.get(); }
    Namespace *findNamespace(const QString &name) const;
    /// Sends a SmartSocket extension event to every admin client.
    void broadcastExtension(const QString &event, const QVariant &payload)
    {
        broadcast(event, { payload });
    }

    // What the observer reports (only while active).
    void connectionOpened();
    void connectionClosed(const QString &reason);
    void packetsIn(qint64 count, qint64 bytes)
    {
        m_events.addPackets(AggregatedEvents::PacketsIn, AggregatedEvents::BytesIn, count, bytes);
    }
    void packetsOut(qint64 count, qint64 bytes)
    {
        m_events.addPackets(AggregatedEvents::PacketsOut, AggregatedEvents::BytesOut, count, bytes);
    }
    void socketConnected(Socket *socket);
    void socketDisconnected(Socket *socket, const QString &reason);
    void roomJoined(Socket *socket, const QString &room);
    void roomLeft(Socket *socket, const QString &room);
    void eventReceived(Socket *socket, const QString &event, const QVariantList &args);
    void eventSent(Socket *socket, const QString &event, const QVariantList &args);

    /// A time as JavaScript's Date.toISOString() writes it: "2026-12-02T17:03:40.716Z".
    static QString isoTimestamp(qint64 msecsSinceEpoch);
    /// admin-ui's SerializedSocket.
    QVariantMap serialize(Socket *socket) const;
    QVariantMap serverStats();

private:
    void authenticate(Socket *socket, const std::function<void(const QString *)> &done);
    void onAdminConnected(Socket *socket);
    void onAdminDisconnected();
    void setActive(bool active);
    void emitStats();
    void checkDataUpdates();
    void broadcast(const QString &event, const QVariantList &args);
    QList<Namespace *> sortedNamespaces() const;
    void registerActions();
    bool isAdminSocket(const Socket *socket) const;

    Server *m_server;
    ServerCore *m_core;
    InstrumentOptions m_options;
    Namespace *m_admin = nullptr;
    QStringList m_features;
    QString m_hostname;
    qint64 m_processStartMs = 0; // for `uptime`, as Node's process.uptime()
    bool m_active = false;
    QTimer m_statsTimer;
    AggregatedEvents m_events;
    // Admin sessions (ids given after a credential login), oldest first; bounded.
    QSet<QString> m_sessions;
    std::deque<QString> m_sessionOrder;
    QHash<QString, QString> m_pendingSessions; // socket id -> session id to send once connected
    // Development mode: the last `data` sent per socket, to report changes (socket_updated).
    QHash<Socket *, QVariantMap> m_dataSnapshots;
    std::unique_ptr<AdminObserver> m_observer;
};

} // namespace Internal
} // namespace SmartSocket
