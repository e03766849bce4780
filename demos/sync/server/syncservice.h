#pragma once

#include <QObject>
#include <QVariantMap>

namespace SmartSocket {
class Ack;
class Namespace;
class Socket;
} // namespace SmartSocket

/// The seed's data-sync example (Example 2) on one namespace (normally /sync): one shared
/// state, versioned, so that a client cannot overwrite changes it has not seen.
///
///   get-state    {}                   ack {state, version}
///   update-state {version, changes}   ack {success: true, version}
///                                     or  {success: false, error: "stale", state, version}
///                                     or  {success: false, error: "invalid", message}
///   state-updated {state, version}    to the whole namespace after every accepted update
///
/// `changes` is a partial state merged into the whole; `version` is the version the client
/// based it on, and anything but the current one is refused as stale (the reply carries the
/// current state to reload). The state is a small form: title (text, at most 200
/// characters), notes (text, at most 10000), done (bool) and progress (integer 0 to 100);
/// unknown fields and wrong types are invalid.
class SyncService : public QObject
{
    Q_OBJECT
public:
    explicit SyncService(SmartSocket::Namespace *nsp, QObject *parent = nullptr);
    ~SyncService() override;

    QVariantMap state() const { return m_state; }
    qint64 version() const { return m_version; }
    /// Why `changes` cannot be merged, or "" when it can.
    static QString validate(const QVariantMap &changes);

Q_SIGNALS:
    void stateChanged(const QVariantMap &state, qint64 version);

private:
    void onUpdate(
        SmartSocket::Socket *socket, const QVariantList &args, const SmartSocket::Ack &ack);

    SmartSocket::Namespace *m_nsp;
    QVariantMap m_state;
    qint64 m_version = 1;
};
