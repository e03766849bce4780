#pragma once

#include <smartsocket/client.h>

#include "features/envelope.h"
#include "protocol/engineio.h"
#include "protocol/socketio.h"

#include <QList>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

QT_BEGIN_NAMESPACE
class QWebSocket;
QT_END_NAMESPACE

namespace SmartSocket::Internal {

/// One Engine.IO v4 connection over WebSocket, shared by the Clients (namespace sockets) of
/// the same server in the same thread: socket.io-client's Manager. It opens the connection
/// when a client wants it, answers the server's pings, routes decoded packets by namespace,
/// reconnects with exponential backoff after an unexpected loss, and closes the connection
/// when no client needs it any more. It deletes itself once the last client is gone.
class Manager : public QObject
{
    Q_OBJECT
public:
    /// The Manager serving `client`: the shared one for its URL (options.multiplex), or a new
    /// one when multiplexing is off or that Manager already has a client for the same
    /// namespace. Returns nullptr with `error` set for an unusable URL.
    static Manager *acquire(Client::Private *client, QString *error);

    /// Builds the WebSocket URL of the Engine.IO endpoint; an invalid QUrl when unusable.
    static QUrl engineUrl(const QUrl &url, const ClientOptions &options, QString *error = nullptr);

    /// The Manager a client currently uses (nullptr when none); for tests and diagnostics.
    static Manager *of(const Client *client);

    ~Manager() override;

    /// The client stops using this Manager (it is being destroyed).
    void release(Client::Private *client);
    /// The client wants to be connected: opens the connection if needed, or tells the client
    /// at once (onManagerOpen) when it is open.
    void activate(Client::Private *client);
    /// The client no longer wants a connection: closes it when no client does.
    void deactivate(Client::Private *client);

    bool isOpen() const { return m_state == State::Open; }
    /// Sends a packet (and its binary attachments) when open; false otherwise.
    bool sendPacket(const Protocol::Packet &packet);

    QUrl url() const { return m_url; }
    QString engineId() const { return m_open.sid; }

private:
    enum class State { Closed, Opening, Open, WaitingToReconnect };

    Manager(const QUrl &engineUrl, const ClientOptions &options, const QString &key);

    void openConnection();
    /// wss://: verification against the system CAs plus caCertificateFile, or none at all
    /// with ignoreSslErrors.
    void configureTls();
    void closeConnection();
    void dropSocket(bool graceful);
    void onSocketConnected();
    void onTextMessage(const QString &message);
    void onBinaryMessage(const QByteArray &message);
    void onSocketDisconnected();
    void onSocketError();
    void onOpenPacket(QByteArrayView json);
    /// Acts on what the decoder made of a message: dispatch, wait, or drop the connection.
    void onDecoded(Protocol::Decoder::Status status);
    void onEngineMessage(QByteArrayView payload);
    void dispatch(const Protocol::Packet &packet);
    // Compression and encryption extensions (clientextensions.cpp).
    /// Sets up what the open packet granted; false (connection given up) when encryption
    /// was wanted and not granted, or the key is unusable.
    bool setupExtensions(QByteArrayView openJson, const QString &sid);
    void sendExtended(QByteArrayView text, const QList<QByteArray> &attachments);
    /// Ends the connection for a frame that failed to open ("decryption failed", ...).
    void extensionFailed(Features::Envelope::Error error);
    /// Gives up the connection for good: the clients get errorOccurred(message), no reconnect.
    void refuseConnection(const QString &message);
    /// Clients with different extension settings (level, key) do not share a connection.
    static QString registrySuffix(const ClientOptions &options);
    /// The connection ended (or could not be opened) for a reason other than our own close.
    void connectionLost(const QString &reason, const QString &detail);
    void scheduleReconnect();
    void onReconnectTimer();
    int reconnectDelay(int attempt) const;
    bool hasActiveClients() const;
    QList<QPointer<Client>> clientsSnapshot() const;
    Client::Private *clientFor(const QString &nsp) const;
    bool isAttached(const QPointer<Client> &client) const;
    void maybeDelete();

    /// Counts nested entries from Qt signals: while > 0, the Manager must not be deleted
    /// synchronously (its QWebSocket or timer may still be on the stack).
    struct Entry;
    int m_depth = 0;
    bool m_dying = false;

    const QUrl m_url;
    const ClientOptions m_options;
    const QString m_key; // registry key; empty when not shared
    QList<Client::Private *> m_clients;
    /// Namespaces whose client went away while its CONNECT was pending: a late CONNECT reply is
    /// answered with DISCONNECT so that the server does not keep a socket nobody uses.
    QSet<QString> m_abandoned;

    State m_state = State::Closed;
    QWebSocket *m_socket = nullptr;
    QString m_sslErrors; ///< why the current attempt's certificate was refused
    Protocol::OpenInfo m_open;
    Protocol::Decoder m_decoder;
    std::unique_ptr<Features::Envelope> m_ext; ///< null unless an extension was granted
    Features::Deflater m_deflater;
    Features::Inflater m_inflater;
    QTimer m_connectTimer;
    QTimer m_pingTimer;
    QTimer m_reconnectTimer;
    int m_attempts = 0;
    bool m_reconnecting = false;
};

} // namespace SmartSocket::Internal
