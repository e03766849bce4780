#pragma once

#include "savedrequest.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace Inspector {

class AdminConnection;
class ClientSession;
class InspectorSettings;

/// Sends any event with JSON arguments (and a binary file as a last argument). In client
/// mode it goes from our client on the chosen namespace, optionally waiting for the ack (the
/// reply and the round trip are shown); in admin mode the server emits it to a socket, a
/// room or a whole namespace (EMIT feature; no ack). Requests can be saved and reloaded.
class EmitPage : public QWidget
{
    Q_OBJECT
public:
    EmitPage(ClientSession *client, AdminConnection *admin, InspectorSettings *settings,
        QWidget *parent = nullptr);

    void setAdminMode(bool admin);
    /// The namespaces offered (client mode: the session's).
    void setNamespaces(const QStringList &namespaces);
    /// Builds the request from the form; false with *error when the JSON or file is bad.
    bool currentRequest(SavedRequest *request, QVariantList *args, QString *error) const;
    void loadRequest(const SavedRequest &request);

public Q_SLOTS:
    void send();

private:
    void onAckFinished(quint64 requestId, bool ok, const QVariantList &reply, const QString &error,
        double roundTripMs);
    void reloadSaved();
    void saveCurrent();
    void updateEnabled();

    ClientSession *m_client;
    AdminConnection *m_admin;
    InspectorSettings *m_settings;
    bool m_adminMode = false;
    quint64 m_pendingRequest = 0;

    QComboBox *m_nsp;
    QLabel *m_targetLabel;
    QLineEdit *m_target;
    QLineEdit *m_event;
    QPlainTextEdit *m_args;
    QLineEdit *m_binary;
    QCheckBox *m_ack;
    QSpinBox *m_timeout;
    QPushButton *m_send;
    QLabel *m_result;
    QLabel *m_rtt;
    QPlainTextEdit *m_reply;
    QListWidget *m_saved;
};

} // namespace Inspector
