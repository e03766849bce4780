#include "connectdialog.h"

#include "valueformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace Inspector {

ConnectDialog::ConnectDialog(const QList<ConnectionProfile> &recent, QWidget *parent)
    : QDialog(parent)
    , m_recent(recent)
    , m_recentBox(new QComboBox(this))
    , m_admin(
          new QRadioButton(tr("Admin: inspect an instrumented server (/admin namespace)"), this))
    , m_client(new QRadioButton(tr("Client: connect to any Socket.IO v4 server as a client"), this))
    , m_url(new QLineEdit(this))
    , m_adminBox(new QGroupBox(tr("Admin"), this))
    , m_adminNamespace(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_clientBox(new QGroupBox(tr("Client"), this))
    , m_namespaces(new QLineEdit(this))
    , m_auth(new QPlainTextEdit(this))
    , m_query(new QPlainTextEdit(this))
    , m_headers(new QPlainTextEdit(this))
    , m_path(new QLineEdit(this))
    , m_ca(new QLineEdit(this))
    , m_insecure(new QCheckBox(tr("Accept any certificate (insecure)"), this))
    , m_multiplex(new QCheckBox(tr("One connection for all namespaces (multiplex)"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Connect"));
    setObjectName(QStringLiteral("connectDialog"));
    m_recentBox->addItem(tr("New connection"));
    for (const ConnectionProfile &p : recent)
        m_recentBox->addItem(p.displayName());

    m_url->setPlaceholderText(QStringLiteral("ws://localhost:3000"));
    m_adminNamespace->setText(QStringLiteral("/admin"));
    m_password->setEchoMode(QLineEdit::Password);
    m_user->setPlaceholderText(tr("empty when the server has auth: false"));
    m_namespaces->setText(QStringLiteral("/"));
    m_namespaces->setToolTip(tr("Several namespaces separated by commas: /, /chat"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : { m_auth, m_query, m_headers }) {
        edit->setFont(fixed);
        edit->setFixedHeight(fontMetrics().height() * 3 + 12);
        edit->setTabChangesFocus(true);
    }
    m_auth->setPlaceholderText(QStringLiteral("{\"token\": \"...\"}"));
    m_query->setPlaceholderText(tr("key=value, one a line"));
    m_headers->setPlaceholderText(tr("Name: value, one a line"));
    m_path->setText(QStringLiteral("/socket.io/"));
    m_multiplex->setChecked(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->setWordWrap(true);

    auto *adminForm = new QFormLayout(m_adminBox);
    adminForm->addRow(tr("Admin namespace:"), m_adminNamespace);
    adminForm->addRow(tr("User:"), m_user);
    adminForm->addRow(tr("Password:"), m_password);

    auto *clientForm = new QFormLayout(m_clientBox);
    clientForm->addRow(tr("Namespaces:"), m_namespaces);
    clientForm->addRow(tr("Auth (JSON):"), m_auth);
    clientForm->addRow(QString(), m_multiplex);

    auto *caRow = new QHBoxLayout;
    auto *browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    caRow->addWidget(m_ca, 1);
    caRow->addWidget(browse);
    auto *advanced = new QGroupBox(tr("Connection"), this);
    auto *advancedForm = new QFormLayout(advanced);
    advancedForm->addRow(tr("Path:"), m_path);
    advancedForm->addRow(tr("Query:"), m_query);
    advancedForm->addRow(tr("Headers:"), m_headers);
    advancedForm->addRow(tr("CA certificates (PEM):"), caRow);
    advancedForm->addRow(QString(), m_insecure);

    auto *top = new QFormLayout;
    top->addRow(tr("Recent:"), m_recentBox);
    top->addRow(tr("Server URL:"), m_url);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Connect"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_admin);
    layout->addWidget(m_client);
    layout->addWidget(m_adminBox);
    layout->addWidget(m_clientBox);
    layout->addWidget(advanced);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);
    connect(m_admin, &QRadioButton::toggled, this, &ConnectDialog::updateMode);
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA certificates"), {}, tr("PEM files (*.pem *.crt);;All files (*)"));
        if (!file.isEmpty())
            m_ca->setText(file);
    });
    connect(m_recentBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index > 0 && index <= m_recent.size())
            setProfile(m_recent.at(index - 1));
    });
    m_client->setChecked(true);
    if (!recent.isEmpty()) {
        m_recentBox->setCurrentIndex(1);
        setProfile(recent.first());
    }
    updateMode();
}

void ConnectDialog::updateMode()
{
    m_adminBox->setVisible(m_admin->isChecked());
    m_clientBox->setVisible(!m_admin->isChecked());
    adjustSize();
}

void ConnectDialog::setProfile(const ConnectionProfile &p)
{
    (p.mode == ConnectionProfile::Mode::Admin ? m_admin : m_client)->setChecked(true);
    m_url->setText(p.url.toString());
    m_adminNamespace->setText(p.adminNamespace);
    m_user->setText(p.username);
    m_namespaces->setText(p.namespaces.join(QStringLiteral(", ")));
    m_auth->setPlainText(p.authJson);
    m_query->setPlainText(p.query);
    m_headers->setPlainText(p.headers);
    m_path->setText(p.path);
    m_ca->setText(p.caCertificateFile);
    m_insecure->setChecked(p.ignoreSslErrors);
    m_multiplex->setChecked(p.multiplex);
    updateMode();
}

ConnectionProfile ConnectDialog::profile() const
{
    ConnectionProfile p;
    p.mode
        = m_admin->isChecked() ? ConnectionProfile::Mode::Admin : ConnectionProfile::Mode::Client;
    QString url = m_url->text().trimmed();
    if (!url.isEmpty() && !url.contains(QStringLiteral("://")))
        url.prepend(QStringLiteral("ws://"));
    p.url = QUrl(url);
    p.adminNamespace = m_adminNamespace->text().trimmed();
    p.username = m_user->text().trimmed();
    p.namespaces.clear();
    const QStringList parts = m_namespaces->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &n : parts)
        p.namespaces << n.trimmed();
    p.authJson = m_auth->toPlainText().trimmed();
    p.query = m_query->toPlainText().trimmed();
    p.headers = m_headers->toPlainText().trimmed();
    p.path = m_path->text().trimmed();
    p.caCertificateFile = m_ca->text().trimmed();
    p.ignoreSslErrors = m_insecure->isChecked();
    p.multiplex = m_multiplex->isChecked();
    return p;
}

QString ConnectDialog::password() const
{
    return m_password->text();
}

void ConnectDialog::accept()
{
    const ConnectionProfile p = profile();
    QString error;
    SmartSocket::ClientOptions options;
    QVariantMap auth;
    const QString scheme = p.url.scheme();
    if (!p.isValid()
        || !(scheme == QLatin1String("ws") || scheme == QLatin1String("wss")
            || scheme == QLatin1String("http") || scheme == QLatin1String("https"))) {
        error = tr("Enter a ws://, wss://, http:// or https:// URL with a host.");
    } else if (!p.applyTo(&options, &error)) {
        // error set
    } else if (p.mode == ConnectionProfile::Mode::Client && !p.authObject(&auth, &error)) {
        // error set
    }
    if (!error.isEmpty()) {
        m_error->setText(error);
        return;
    }
    QDialog::accept();
}

} // namespace Inspector
