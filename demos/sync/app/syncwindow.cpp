#include "syncwindow.h"

#include "apptranslator.h"
#include "languagemenu.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSlider>
#include <QStatusBar>
#include <QTextCursor>
#include <QVBoxLayout>

SyncWindow::SyncWindow(SyncSession *session, AppTranslator *translator, QWidget *parent)
    : QMainWindow(parent), m_session(session)
{
    setObjectName(QStringLiteral("syncWindow"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_intro = new QLabel(central);
    m_intro->setWordWrap(true);
    m_notice = new QLabel(central);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->setStyleSheet(QStringLiteral("QLabel { background: #fff3e0; color: #e65100; border: "
                                           "1px solid #ffcc80; padding: 6px; }"));
    m_notice->hide();

    m_title = new QLineEdit(central);
    m_title->setObjectName(QStringLiteral("title"));
    m_title->setMaxLength(200);
    m_notes = new QPlainTextEdit(central);
    m_notes->setObjectName(QStringLiteral("notes"));
    m_done = new QCheckBox(central);
    m_done->setObjectName(QStringLiteral("done"));
    m_progress = new QSlider(Qt::Horizontal, central);
    m_progress->setObjectName(QStringLiteral("progress"));
    m_progress->setRange(0, 100);
    m_progressValue = new QLabel(central);
    m_progressValue->setMinimumWidth(
        m_progressValue->fontMetrics().horizontalAdvance(QStringLiteral("100 %")));
    m_titleLabel = new QLabel(central);
    m_notesLabel = new QLabel(central);
    m_progressLabel = new QLabel(central);
    m_titleLabel->setBuddy(m_title);
    m_notesLabel->setBuddy(m_notes);
    m_progressLabel->setBuddy(m_progress);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_progressValue);
    auto *form = new QFormLayout;
    form->addRow(m_titleLabel, m_title);
    form->addRow(m_notesLabel, m_notes);
    form->addRow(QString(), m_done);
    form->addRow(m_progressLabel, progressRow);
    layout->addWidget(m_intro);
    layout->addWidget(m_notice);
    layout->addLayout(form, 1);
    setCentralWidget(central);

    m_fileMenu = menuBar()->addMenu(QString());
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    if (translator)
        menuBar()->addMenu(new LanguageMenu(translator, this));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    statusBar()->addWidget(m_status, 1);

    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, &SyncWindow::flush);
    m_noticeTimer.setSingleShot(true);
    connect(&m_noticeTimer, &QTimer::timeout, m_notice, &QWidget::hide);

    connect(m_title, &QLineEdit::textEdited, this,
        [this](const QString &text) { edited(QStringLiteral("title"), text, 300); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_applying)
            edited(QStringLiteral("notes"), m_notes->toPlainText(), 400);
    });
    connect(m_done, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_applying)
            edited(QStringLiteral("done"), on, 0);
    });
    connect(m_progress, &QSlider::valueChanged, this, [this](int value) {
        m_progressValue->setText(tr("%1 %").arg(value));
        if (!m_applying)
            edited(QStringLiteral("progress"), value, 150);
    });

    connect(session, &SyncSession::stateReplaced, this,
        [this](const QVariantMap &state) { applyState(state); });
    connect(session, &SyncSession::versionChanged, this, &SyncWindow::updateStatus);
    connect(session, &SyncSession::connectionStateChanged, this, &SyncWindow::updateStatus);
    connect(session, &SyncSession::notice, this, &SyncWindow::showNotice);

    retranslate();
    applyState(session->state());
    resize(520, 420);
}

QString SyncWindow::noticeText() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

QString SyncWindow::statusText() const
{
    return m_status->text();
}

void SyncWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void SyncWindow::retranslate()
{
    setWindowTitle(tr("SmartSocket Sync"));
    m_intro->setText(tr("Everyone connected to the same server edits this form together: "
                        "changes appear in every window."));
    m_titleLabel->setText(tr("&Title:"));
    m_notesLabel->setText(tr("&Notes:"));
    m_progressLabel->setText(tr("&Progress:"));
    m_done->setText(tr("&Done"));
    m_fileMenu->setTitle(tr("&File"));
    m_quitAction->setText(tr("&Quit"));
    m_progressValue->setText(tr("%1 %").arg(m_progress->value()));
    updateStatus();
}

void SyncWindow::applyState(const QVariantMap &state)
{
    m_applying = true;
    // Fields with unsent edits keep what the user typed: their update follows.
    if (state.contains(QStringLiteral("title")) && !m_dirty.contains(QStringLiteral("title"))) {
        const QString title = state.value(QStringLiteral("title")).toString();
        if (m_title->text() != title) {
            const int cursor = m_title->cursorPosition();
            m_title->setText(title);
            m_title->setCursorPosition(std::min(cursor, int(title.size())));
        }
    }
    if (state.contains(QStringLiteral("notes")) && !m_dirty.contains(QStringLiteral("notes"))) {
        const QString notes = state.value(QStringLiteral("notes")).toString();
        if (m_notes->toPlainText() != notes) {
            const int cursor = m_notes->textCursor().position();
            m_notes->setPlainText(notes);
            QTextCursor c = m_notes->textCursor();
            c.setPosition(std::min(cursor, int(notes.size())));
            m_notes->setTextCursor(c);
        }
    }
    if (state.contains(QStringLiteral("done")) && !m_dirty.contains(QStringLiteral("done")))
        m_done->setChecked(state.value(QStringLiteral("done")).toBool());
    if (state.contains(QStringLiteral("progress")) && !m_dirty.contains(QStringLiteral("progress")))
        m_progress->setValue(state.value(QStringLiteral("progress")).toInt());
    m_progressValue->setText(tr("%1 %").arg(m_progress->value()));
    m_applying = false;
}

void SyncWindow::edited(const QString &field, const QVariant &value, int delayMs)
{
    m_dirty.insert(field, value);
    if (delayMs == 0)
        flush();
    else
        m_flushTimer.start(delayMs);
}

void SyncWindow::flush()
{
    m_flushTimer.stop();
    if (m_dirty.isEmpty())
        return;
    m_session->update(std::exchange(m_dirty, {}));
}

void SyncWindow::updateStatus()
{
    const QString server = m_session->url().toDisplayString();
    switch (m_session->connectionState()) {
    case SyncSession::State::Connected:
        m_status->setText(tr("Connected to %1; version %2").arg(server).arg(m_session->version()));
        break;
    case SyncSession::State::Connecting:
        m_status->setText(tr("Connecting to %1…").arg(server));
        break;
    case SyncSession::State::Reconnecting:
        m_status->setText(tr("Connection lost; reconnecting…"));
        break;
    case SyncSession::State::Disconnected:
        m_status->setText(tr("Not connected."));
        break;
    }
}

void SyncWindow::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->show();
    m_noticeTimer.start(8000);
}
