#include "emitpage.h"

#include "adminconnection.h"
#include "clientsession.h"
#include "inspectorsettings.h"
#include "valueformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QVBoxLayout>

namespace Inspector {

EmitPage::EmitPage(
    ClientSession *client, AdminConnection *admin, InspectorSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_admin(admin)
    , m_settings(settings)
    , m_nsp(new QComboBox(this))
    , m_targetLabel(new QLabel(tr("To socket or room:"), this))
    , m_target(new QLineEdit(this))
    , m_event(new QLineEdit(this))
    , m_args(new QPlainTextEdit(this))
    , m_binary(new QLineEdit(this))
    , m_ack(new QCheckBox(tr("Wait for the acknowledgement"), this))
    , m_timeout(new QSpinBox(this))
    , m_send(new QPushButton(tr("Send"), this))
    , m_result(new QLabel(this))
    , m_rtt(new QLabel(this))
    , m_reply(new QPlainTextEdit(this))
    , m_saved(new QListWidget(this))
{
    setObjectName(QStringLiteral("emitPage"));
    m_nsp->setObjectName(QStringLiteral("emitNamespace"));
    m_target->setObjectName(QStringLiteral("emitTarget"));
    m_event->setObjectName(QStringLiteral("emitEvent"));
    m_args->setObjectName(QStringLiteral("emitArgs"));
    m_binary->setObjectName(QStringLiteral("emitBinaryFile"));
    m_ack->setObjectName(QStringLiteral("emitAck"));
    m_timeout->setObjectName(QStringLiteral("emitTimeout"));
    m_send->setObjectName(QStringLiteral("emitSend"));
    m_result->setObjectName(QStringLiteral("emitResult"));
    m_rtt->setObjectName(QStringLiteral("emitRtt"));
    m_reply->setObjectName(QStringLiteral("emitReply"));
    m_saved->setObjectName(QStringLiteral("emitSaved"));

    m_nsp->setEditable(true);
    m_nsp->addItem(QStringLiteral("/"));
    m_target->setPlaceholderText(tr("empty: every socket of the namespace"));
    m_event->setPlaceholderText(tr("event name, e.g. message"));
    m_args->setPlaceholderText(
        tr("Arguments as JSON. An array holds several arguments: [\"hello\", {\"n\": 1}]; any "
           "other value is the only argument."));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_args->setFont(fixed);
    m_reply->setFont(fixed);
    m_reply->setReadOnly(true);
    m_binary->setPlaceholderText(tr("optional: a file sent as a binary last argument"));
    m_timeout->setRange(100, 600000);
    m_timeout->setValue(5000);
    m_timeout->setSuffix(tr(" ms"));
    m_ack->setChecked(true);
    m_send->setIcon(QIcon(QStringLiteral(":/inspector/icons/emit.svg")));
    m_send->setDefault(true);
    m_rtt->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setWordWrap(true);

    auto *format = new QToolButton(this);
    format->setText(tr("Format JSON"));
    auto *browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    auto *binaryRow = new QHBoxLayout;
    binaryRow->addWidget(m_binary, 1);
    binaryRow->addWidget(browse);
    auto *ackRow = new QHBoxLayout;
    ackRow->addWidget(m_ack);
    ackRow->addWidget(new QLabel(tr("timeout:"), this));
    ackRow->addWidget(m_timeout);
    ackRow->addStretch(1);
    ackRow->addWidget(format);
    ackRow->addWidget(m_send);

    auto *form = new QFormLayout;
    form->addRow(tr("Namespace:"), m_nsp);
    form->addRow(m_targetLabel, m_target);
    form->addRow(tr("Event:"), m_event);
    form->addRow(tr("Arguments:"), m_args);
    form->addRow(tr("Binary:"), binaryRow);
    form->addRow(QString(), ackRow);

    auto *request = new QGroupBox(tr("Request"), this);
    request->setLayout(form);

    auto *resultBox = new QGroupBox(tr("Reply"), this);
    auto *resultLayout = new QVBoxLayout(resultBox);
    auto *resultRow = new QHBoxLayout;
    resultRow->addWidget(m_result, 1);
    resultRow->addWidget(m_rtt);
    resultLayout->addLayout(resultRow);
    resultLayout->addWidget(m_reply, 1);

    auto *savedBox = new QGroupBox(tr("Saved requests"), this);
    auto *savedLayout = new QVBoxLayout(savedBox);
    auto *saveButton = new QPushButton(tr("Save current…"), savedBox);
    auto *deleteButton = new QPushButton(tr("Delete"), savedBox);
    auto *savedButtons = new QHBoxLayout;
    savedButtons->addWidget(saveButton);
    savedButtons->addWidget(deleteButton);
    savedLayout->addWidget(m_saved, 1);
    savedLayout->addLayout(savedButtons);
    m_saved->setToolTip(tr("Double-click to load"));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(request, 3);
    leftLayout->addWidget(resultBox, 2);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(savedBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_send, &QPushButton::clicked, this, &EmitPage::send);
    connect(format, &QToolButton::clicked, this, [this] {
        QVariantList args;
        QString error;
        if (!ValueFormat::parseArguments(m_args->toPlainText(), &args, &error)) {
            m_result->setText(tr("Invalid JSON: %1").arg(error));
            return;
        }
        const QString text = m_args->toPlainText().trimmed();
        m_args->setPlainText(text.startsWith(QLatin1Char('['))
                ? ValueFormat::pretty(args)
                : ValueFormat::pretty(args.value(0)));
    });
    connect(browse, &QToolButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Binary argument"));
        if (!file.isEmpty())
            m_binary->setText(file);
    });
    connect(m_ack, &QCheckBox::toggled, m_timeout, &QSpinBox::setEnabled);
    connect(saveButton, &QPushButton::clicked, this, &EmitPage::saveCurrent);
    connect(deleteButton, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_saved->currentItem()) {
            m_settings->removeRequest(item->text());
            reloadSaved();
        }
    });
    connect(m_saved, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        const QList<SavedRequest> requests = m_settings->savedRequests();
        for (const SavedRequest &r : requests) {
            if (r.name == item->text())
                loadRequest(r);
        }
    });
    if (client)
        connect(client, &ClientSession::ackFinished, this, &EmitPage::onAckFinished);
    reloadSaved();
    setAdminMode(false);
}

void EmitPage::setAdminMode(bool admin)
{
    m_adminMode = admin;
    m_targetLabel->setVisible(admin);
    m_target->setVisible(admin);
    m_ack->setVisible(!admin);
    m_timeout->setVisible(!admin);
    m_send->setToolTip(admin ? tr("The server emits the event (admin EMIT feature)")
                             : tr("Our client emits the event"));
    updateEnabled();
}

void EmitPage::setNamespaces(const QStringList &namespaces)
{
    const QString current = m_nsp->currentText();
    m_nsp->clear();
    m_nsp->addItems(namespaces.isEmpty() ? QStringList { QStringLiteral("/") } : namespaces);
    if (!current.isEmpty() && namespaces.contains(current))
        m_nsp->setCurrentText(current);
}

void EmitPage::updateEnabled()
{
    if (m_adminMode && m_admin && m_admin->hasConfig()
        && !m_admin->hasFeature(AdminConnection::FeatureEmit)) {
        m_send->setEnabled(false);
        m_result->setText(
            tr("This server does not allow emitting (read-only or EMIT not announced)."));
    } else {
        m_send->setEnabled(true);
    }
}

bool EmitPage::currentRequest(SavedRequest *request, QVariantList *args, QString *error) const
{
    request->nsp = m_nsp->currentText().trimmed();
    request->event = m_event->text().trimmed();
    request->argsJson = m_args->toPlainText();
    request->binaryFile = m_binary->text().trimmed();
    request->wantAck = m_ack->isChecked();
    request->timeoutMs = m_timeout->value();
    if (request->event.isEmpty()) {
        *error = tr("Enter an event name.");
        return false;
    }
    QString parseError;
    if (!ValueFormat::parseArguments(request->argsJson, args, &parseError)) {
        *error = tr("Invalid JSON arguments: %1").arg(parseError);
        return false;
    }
    if (!request->binaryFile.isEmpty()) {
        QFile file(request->binaryFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("Cannot read %1: %2").arg(request->binaryFile, file.errorString());
            return false;
        }
        args->append(file.readAll());
    }
    return true;
}

void EmitPage::loadRequest(const SavedRequest &request)
{
    m_nsp->setCurrentText(request.nsp);
    m_event->setText(request.event);
    m_args->setPlainText(request.argsJson);
    m_binary->setText(request.binaryFile);
    m_ack->setChecked(request.wantAck);
    m_timeout->setValue(request.timeoutMs);
}

void EmitPage::send()
{
    SavedRequest request;
    QVariantList args;
    QString error;
    if (!currentRequest(&request, &args, &error)) {
        m_result->setText(error);
        return;
    }
    m_reply->clear();
    m_rtt->clear();
    if (m_adminMode) {
        if (!m_admin->emitTo(request.nsp, m_target->text().trimmed(), request.event, args)) {
            m_result->setText(m_admin->errorString());
            return;
        }
        m_result->setText(
            tr("Sent by the server to %1 in %2.")
                .arg(m_target->text().trimmed().isEmpty() ? tr("every socket")
                                                          : m_target->text().trimmed(),
                    request.nsp));
        return;
    }
    m_pendingRequest
        = m_client->emitEvent(request.nsp, request.event, args, request.wantAck, request.timeoutMs);
    if (m_pendingRequest == 0) {
        m_result->setText(tr("Not connected to namespace %1.").arg(request.nsp));
        return;
    }
    m_result->setText(request.wantAck ? tr("Sent; waiting for the acknowledgement…") : tr("Sent."));
}

void EmitPage::onAckFinished(
    quint64 requestId, bool ok, const QVariantList &reply, const QString &error, double roundTripMs)
{
    if (requestId != m_pendingRequest)
        return;
    m_rtt->setText(tr("round trip %1 ms").arg(roundTripMs, 0, 'f', 2));
    if (ok) {
        m_result->setText(tr("Acknowledged with %n argument(s).", nullptr, reply.size()));
        m_reply->setPlainText(ValueFormat::prettyArguments(reply));
    } else {
        m_result->setText(tr("No acknowledgement: %1").arg(error));
    }
}

void EmitPage::reloadSaved()
{
    m_saved->clear();
    const QList<SavedRequest> requests = m_settings->savedRequests();
    for (const SavedRequest &r : requests)
        m_saved->addItem(r.name);
}

void EmitPage::saveCurrent()
{
    SavedRequest request;
    QVariantList args;
    QString error;
    if (!currentRequest(&request, &args, &error)) {
        m_result->setText(error);
        return;
    }
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save request"), tr("Name:"), QLineEdit::Normal, request.event, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    request.name = name.trimmed();
    m_settings->saveRequest(request);
    reloadSaved();
}

} // namespace Inspector
