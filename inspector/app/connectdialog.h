#pragma once

#include "connectionprofile.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace Inspector {

/// Asks where and how to connect: mode (admin or client), URL, admin namespace, user and
/// password, or namespaces and auth JSON; advanced: query, headers, path, TLS. Offers the
/// recent servers with their settings.
class ConnectDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectDialog(const QList<ConnectionProfile> &recent, QWidget *parent = nullptr);

    void setProfile(const ConnectionProfile &profile);
    ConnectionProfile profile() const;
    QString password() const;

    void accept() override;

private:
    void updateMode();

    QList<ConnectionProfile> m_recent;
    QComboBox *m_recentBox;
    QRadioButton *m_admin;
    QRadioButton *m_client;
    QLineEdit *m_url;
    QGroupBox *m_adminBox;
    QLineEdit *m_adminNamespace;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QGroupBox *m_clientBox;
    QLineEdit *m_namespaces;
    QPlainTextEdit *m_auth;
    QPlainTextEdit *m_query;
    QPlainTextEdit *m_headers;
    QLineEdit *m_path;
    QLineEdit *m_ca;
    QCheckBox *m_insecure;
    QCheckBox *m_multiplex;
    QLabel *m_error;
};

} // namespace Inspector
