#include "startdialog.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

StartDialog::StartDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_urlLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(QStringLiteral("ws://127.0.0.1:3000"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_name->setObjectName(QStringLiteral("userName"));
    m_url->setObjectName(QStringLiteral("serverUrl"));
    m_name->setMaxLength(32);
    m_intro->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_nameLabel->setBuddy(m_name);
    m_urlLabel->setBuddy(m_url);

    auto *form = new QFormLayout;
    form->addRow(m_nameLabel, m_name);
    form->addRow(m_urlLabel, m_url);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &StartDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, &StartDialog::validate);
    retranslate();
    validate();
    resize(420, sizeHint().height());
}

QString StartDialog::userName() const
{
    return m_name->text().trimmed();
}

QUrl StartDialog::serverUrl() const
{
    return QUrl(m_url->text().trimmed(), QUrl::StrictMode);
}

void StartDialog::setUserName(const QString &name)
{
    m_name->setText(name);
}

void StartDialog::setServerUrl(const QUrl &url)
{
    m_url->setText(url.toString());
}

QString StartDialog::checkUrl(const QUrl &url)
{
    static const QStringList schemes { QStringLiteral("ws"), QStringLiteral("wss"),
        QStringLiteral("http"), QStringLiteral("https") };
    if (!url.isValid() || url.host().isEmpty() || !schemes.contains(url.scheme()))
        return tr("The server address must look like ws://host:port.");
    return {};
}

void StartDialog::validate()
{
    QString problem;
    if (userName().isEmpty())
        problem = tr("Enter a name.");
    else
        problem = checkUrl(serverUrl());
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void StartDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        validate();
    }
    QDialog::changeEvent(event);
}

void StartDialog::retranslate()
{
    setWindowTitle(tr("SmartSocket Chat"));
    m_intro->setText(tr("Choose a name and the chat server to connect to."));
    m_nameLabel->setText(tr("&Name:"));
    m_urlLabel->setText(tr("&Server:"));
    m_name->setPlaceholderText(tr("e.g. Alice"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
}
