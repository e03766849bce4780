#include "syncsession.h"

#include <smartsocket/client.h>

using SmartSocket::AckResult;
using SmartSocket::Client;

SyncSession::SyncSession(QObject *parent) : QObject(parent) { }

SyncSession::~SyncSession() = default;

SmartSocket::ClientOptions SyncSession::defaultOptions()
{
    SmartSocket::ClientOptions options;
    options.namespaceName = QStringLiteral("/sync");
    options.reconnectDelay = 1000;
    options.reconnectDelayMax = 8000;
    options.ackTimeout = 10000;
    options.enableErrorHandling = false;
    const QByteArray key = qgetenv("SMARTSOCKET_ENCRYPTION_KEY");
    if (!key.isEmpty()) {
        options.enableEncryption = true;
        options.encryptionKey = key;
    }
    return options;
}

void SyncSession::start(const QUrl &url, const SmartSocket::ClientOptions &options)
{
    stop();
    m_url = url;
    m_client = std::make_unique<Client>(url, options);
    connect(m_client.get(), &Client::connected, this, [this] {
        setConnection(State::Connected);
        load();
    });
    connect(m_client.get(), &Client::disconnected, this, [this](const QString &reason) {
        m_inFlight = false;
        setConnection(reason == QLatin1String("io client disconnect") ? State::Disconnected
                                                                      : State::Reconnecting);
    });
    connect(m_client.get(), &Client::errorOccurred, this, [this](const SmartSocket::Error &error) {
        if (m_connection != State::Connected) {
            setConnection(State::Reconnecting);
            Q_EMIT notice(
                tr("Cannot connect to %1: %2").arg(m_url.toDisplayString(), error.message()));
        }
    });
    m_client->on(QStringLiteral("state-updated"), [this](const QVariantList &args) {
        const QVariantMap update = args.value(0).toMap();
        const qint64 version = update.value(QStringLiteral("version")).toLongLong();
        // Our own update comes back too; anything not newer than what we have is old news.
        if (version > m_version && !m_inFlight)
            replace(update.value(QStringLiteral("state")).toMap(), version);
    });
    setConnection(State::Connecting);
    m_client->open();
}

void SyncSession::stop()
{
    if (!m_client)
        return;
    m_client->close();
    m_client.reset();
    m_inFlight = false;
    setConnection(State::Disconnected);
}

void SyncSession::setConnection(State state)
{
    if (state == m_connection)
        return;
    m_connection = state;
    Q_EMIT connectionStateChanged(state);
}

void SyncSession::replace(const QVariantMap &state, qint64 version)
{
    m_state = state;
    m_version = version;
    Q_EMIT stateReplaced(m_state, m_version);
    Q_EMIT versionChanged(m_version);
}

void SyncSession::load()
{
    m_client->emitEvent(
        QStringLiteral("get-state"), { QVariantMap() }, [this](const AckResult &result) {
            if (!result.isOk())
                return;
            const QVariantMap reply = result.value().toMap();
            replace(reply.value(QStringLiteral("state")).toMap(),
                reply.value(QStringLiteral("version")).toLongLong());
            sendNext(); // changes made before the state arrived
        });
}

void SyncSession::update(const QVariantMap &changes)
{
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        m_state.insert(it.key(), it.value());
        m_pending.insert(it.key(), it.value());
    }
    sendNext();
}

void SyncSession::sendNext()
{
    if (m_inFlight || m_pending.isEmpty() || m_connection != State::Connected || m_version == 0)
        return;
    const QVariantMap changes = std::exchange(m_pending, {});
    m_inFlight = true;
    m_client->emitEvent(QStringLiteral("update-state"),
        { QVariantMap {
            { QStringLiteral("version"), m_version }, { QStringLiteral("changes"), changes } } },
        [this, changes](const AckResult &result) {
            m_inFlight = false;
            if (!result.isOk()) {
                // Not known to be applied: send it again with whatever came meanwhile.
                for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
                    if (!m_pending.contains(it.key()))
                        m_pending.insert(it.key(), it.value());
                }
                if (m_connection == State::Connected)
                    sendNext();
                return;
            }
            const QVariantMap reply = result.value().toMap();
            if (reply.value(QStringLiteral("success")).toBool()) {
                m_version = reply.value(QStringLiteral("version")).toLongLong();
                Q_EMIT versionChanged(m_version);
                sendNext();
                return;
            }
            const QString error = reply.value(QStringLiteral("error")).toString();
            m_pending.clear();
            if (error == QLatin1String("stale")) {
                Q_EMIT notice(tr("Someone else changed the form first: your last change was not "
                                 "saved and the form was reloaded."));
                replace(reply.value(QStringLiteral("state")).toMap(),
                    reply.value(QStringLiteral("version")).toLongLong());
            } else {
                Q_EMIT notice(tr("The server refused the change: %1")
                                  .arg(reply.value(QStringLiteral("message")).toString()));
                load();
            }
        });
}
