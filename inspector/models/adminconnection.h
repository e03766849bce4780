#pragma once

#include "connectionprofile.h"
#include "connectionstate.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QVariantList>

namespace SmartSocket {
class Client;
class Error;
} // namespace SmartSocket

namespace Inspector {

class InspectorModels;

/// A client of the admin namespace of an instrumented server (@socket.io/admin-ui 0.5.1
/// protocol, plus the SmartSocket extensions of docs/inspector-protocol.md) that turns the
/// server's admin events into model updates, and the user's actions into admin events.
///
/// Authentication: {username, password}, then the `session` id the server hands out, which
/// later reconnects use instead of the password (falling back to the password once when
/// the server forgot the session). Reconnection is done here (with backoff, 0.5 s to 5 s)
/// rather than by the client library, because the auth payload changes between attempts.
class AdminConnection : public QObject
{
    Q_OBJECT
public:
    /// Feature names announced in `config.supportedFeatures`.
    static const QString FeatureEmit, FeatureJoin, FeatureLeave, FeatureDisconnect,
        FeatureAggregatedEvents, FeatureAllEvents, FeatureAcks, FeatureRateLimits, FeatureStats;

    explicit AdminConnection(InspectorModels *models, QObject *parent = nullptr);
    ~AdminConnection() override;

    /// Connects; a known session id is tried first. Models are cleared.
    void open(
        const ConnectionProfile &profile, const QString &password, const QString &sessionId = {});
    void close();

    ConnectionState state() const { return m_state; }
    QString errorString() const { return m_error; }
    QString sessionId() const { return m_sessionId; }
    QString adminSocketId() const;
    const ConnectionProfile &profile() const { return m_profile; }

    QStringList supportedFeatures() const { return m_features; }
    bool hasFeature(const QString &feature) const { return m_features.contains(feature); }
    bool hasConfig() const { return m_hasConfig; }
    /// No action feature (EMIT, JOIN, LEAVE, DISCONNECT) announced.
    bool isReadonly() const;
    /// ALL_EVENTS announced: sockets and events are sent (development mode).
    bool isDevelopmentMode() const { return hasFeature(FeatureAllEvents); }
    /// Latest `smartsocket:stats` payload per server id.
    QVariantMap extensionStats() const { return m_extensionStats; }

    /// Actions; false (with errorString()) when not connected or not announced by the
    /// server. `filter` is a room (a socket id for one socket); empty = every socket of nsp.
    bool joinRoom(const QString &nsp, const QString &room, const QString &filter);
    bool leaveRoom(const QString &nsp, const QString &room, const QString &filter);
    bool disconnectSockets(const QString &nsp, const QString &filter, bool closeConnection);
    bool emitTo(
        const QString &nsp, const QString &filter, const QString &event, const QVariantList &args);

Q_SIGNALS:
    void stateChanged(Inspector::ConnectionState state);
    void configReceived(const QStringList &features);
    void sessionReceived(const QString &sessionId);
    void authenticationFailed(const QString &message);
    void errorOccurred(const QString &message);
    void extensionStatsChanged();

private:
    void startClient();
    void scheduleReconnect();
    void setState(ConnectionState state);
    void setError(const QString &message);
    bool checkAction(const QString &feature);
    void registerHandlers(SmartSocket::Client *client);
    void onClientError(const SmartSocket::Error &error);
    void onServerStats(const QVariant &stats);
    void onEventRecord(const QVariantList &args, bool received);
    void onLifecycle(const QString &nsp, const QString &id, const QString &what,
        const QVariantList &args, const QVariant &date);
    void dropClient();

    InspectorModels *m_models;
    QPointer<SmartSocket::Client> m_client;
    ConnectionProfile m_profile;
    QString m_password;
    QString m_sessionId;
    bool m_usingSession = false;
    bool m_closing = false;
    bool m_hasConfig = false;
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_error;
    QStringList m_features;
    QVariantMap m_extensionStats;
    QTimer m_reconnectTimer;
    int m_attempt = 0;
};

} // namespace Inspector
