#pragma once

#include <smartsocket/options.h>

#include <QObject>
#include <QUrl>
#include <QVariantMap>

#include <memory>

namespace SmartSocket {
class Client;
}

/// The sync client without widgets: one SmartSocket::Client on /sync holding the shared state
/// and its version (see syncservice.h). Local changes go out one update at a time, each based
/// on the version last seen; changes made meanwhile are merged into the next update. A stale
/// update means someone else was first: the state is reloaded from the reply.
class SyncSession : public QObject
{
    Q_OBJECT
public:
    enum class State { Disconnected, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    explicit SyncSession(QObject *parent = nullptr);
    ~SyncSession() override;

    static SmartSocket::ClientOptions defaultOptions();
    void start(const QUrl &url, const SmartSocket::ClientOptions &options = defaultOptions());
    void stop();

    State connectionState() const { return m_connection; }
    QUrl url() const { return m_url; }
    QVariantMap state() const { return m_state; }
    qint64 version() const { return m_version; }
    /// True while local changes wait for the server.
    bool hasPendingChanges() const { return m_inFlight || !m_pending.isEmpty(); }

    /// Applies `changes` locally at once and sends them.
    void update(const QVariantMap &changes);

Q_SIGNALS:
    void connectionStateChanged(SyncSession::State state);
    /// The state changed from elsewhere (a load, another client, a reload after a refusal).
    void stateReplaced(const QVariantMap &state, qint64 version);
    void versionChanged(qint64 version);
    /// Something the user should know (translated).
    void notice(const QString &text);

private:
    void setConnection(State state);
    void load();
    void sendNext();
    void replace(const QVariantMap &state, qint64 version);

    std::unique_ptr<SmartSocket::Client> m_client;
    QUrl m_url;
    State m_connection = State::Disconnected;
    QVariantMap m_state;
    qint64 m_version = 0;
    QVariantMap m_pending;
    bool m_inFlight = false;
};
