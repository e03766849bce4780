#pragma once

#include "connectionprofile.h"
#include "connectionstate.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QVariantList>

namespace SmartSocket {
class Client;
}

namespace Inspector {

class InspectorModels;

/// Client mode: ordinary Socket.IO clients of any v4 server, one per namespace (sharing one
/// connection unless the profile turns multiplex off). Every event received is logged
/// (onAny); emits are logged and their acks timed. Reconnection is the client library's.
class ClientSession : public QObject
{
    Q_OBJECT
public:
    explicit ClientSession(InspectorModels *models, QObject *parent = nullptr);
    ~ClientSession() override;

    /// Connects every namespace of the profile; false with *error when the profile's auth,
    /// query or headers are malformed (nothing is started then). Models are cleared.
    bool open(const ConnectionProfile &profile, QString *error);
    void close();

    ConnectionState state() const { return m_state; }
    QStringList namespaces() const;
    int connectedCount() const;
    QString socketId(const QString &nsp) const;
    const ConnectionProfile &profile() const { return m_profile; }
    QString errorString() const { return m_error; }

    /// Sends an event on a namespace of this session; with an ack, a pending row goes into
    /// the acks model and ackFinished() follows with the reply or the timeout. Returns a
    /// request id (> 0), or 0 when the namespace is not part of the session.
    quint64 emitEvent(const QString &nsp, const QString &event, const QVariantList &args,
        bool wantAck, int timeoutMs);

Q_SIGNALS:
    void stateChanged(Inspector::ConnectionState state);
    void errorOccurred(const QString &message);
    /// The result of emitEvent(..., wantAck = true): ok with the reply, or not with the error.
    void ackFinished(quint64 requestId, bool ok, const QVariantList &reply, const QString &error,
        double roundTripMs);

private:
    void updateState();
    void onConnected(SmartSocket::Client *client);
    void onDisconnected(SmartSocket::Client *client);
    SmartSocket::Client *clientFor(const QString &nsp) const;

    InspectorModels *m_models;
    ConnectionProfile m_profile;
    QList<QPointer<SmartSocket::Client>> m_clients;
    QStringList m_socketIds;
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_error;
    QTimer m_sampler;
    quint64 m_nextRequest = 1;
    bool m_reconnecting = false;
};

} // namespace Inspector
