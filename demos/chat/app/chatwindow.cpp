#include "chatwindow.h"

#include "apptranslator.h"
#include "languagemenu.h"
#include "messagedelegate.h"
#include "messagemodel.h"
#include "roomlistmodel.h"
#include "userlistmodel.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStatusBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace {

QLabel *heading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

ChatWindow::ChatWindow(ChatSession *session, AppTranslator *translator, QWidget *parent)
    : QMainWindow(parent), m_session(session)
{
    setObjectName(QStringLiteral("chatWindow"));
    auto *central = new QWidget(this);
    auto *outer = new QVBoxLayout(central);
    outer->setContentsMargins(6, 6, 6, 6);

    m_connectionBanner = new QLabel(central);
    m_connectionBanner->setObjectName(QStringLiteral("connectionBanner"));
    m_connectionBanner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff8e1; color: #6d4c00; border: 1px solid #ffcc80; "
                       "padding: 6px; }"));
    outer->addWidget(m_connectionBanner);

    m_noticeBar = new QWidget(central);
    m_noticeBar->setObjectName(QStringLiteral("noticeBar"));
    m_noticeBar->setAutoFillBackground(true);
    auto *noticeLayout = new QHBoxLayout(m_noticeBar);
    noticeLayout->setContentsMargins(6, 4, 4, 4);
    m_noticeLabel = new QLabel(m_noticeBar);
    m_noticeLabel->setObjectName(QStringLiteral("noticeLabel"));
    m_noticeLabel->setWordWrap(true);
    m_noticeClose = new QToolButton(m_noticeBar);
    m_noticeClose->setText(QStringLiteral("×"));
    m_noticeClose->setAutoRaise(true);
    noticeLayout->addWidget(m_noticeLabel, 1);
    noticeLayout->addWidget(m_noticeClose);
    m_noticeBar->hide();
    outer->addWidget(m_noticeBar);
    connect(m_noticeClose, &QToolButton::clicked, m_noticeBar, &QWidget::hide);
    m_noticeTimer.setSingleShot(true);
    connect(&m_noticeTimer, &QTimer::timeout, m_noticeBar, &QWidget::hide);

    auto *splitter = new QSplitter(central);
    outer->addWidget(splitter, 1);

    // Rooms.
    auto *roomPane = new QWidget(splitter);
    auto *roomLayout = new QVBoxLayout(roomPane);
    roomLayout->setContentsMargins(0, 0, 0, 0);
    m_roomsLabel = heading(roomPane);
    m_roomView = new QListView(roomPane);
    m_roomView->setObjectName(QStringLiteral("roomView"));
    m_roomView->setModel(session->rooms());
    m_roomView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *roomButtons = new QHBoxLayout;
    m_joinButton = new QPushButton(roomPane);
    m_leaveButton = new QPushButton(roomPane);
    m_newRoomButton = new QPushButton(roomPane);
    m_joinButton->setObjectName(QStringLiteral("joinButton"));
    m_leaveButton->setObjectName(QStringLiteral("leaveButton"));
    m_newRoomButton->setObjectName(QStringLiteral("newRoomButton"));
    roomButtons->addWidget(m_joinButton);
    roomButtons->addWidget(m_leaveButton);
    roomLayout->addWidget(m_roomsLabel);
    roomLayout->addWidget(m_roomView, 1);
    roomLayout->addLayout(roomButtons);
    roomLayout->addWidget(m_newRoomButton);

    // Messages and input.
    auto *chatPane = new QWidget(splitter);
    auto *chatLayout = new QVBoxLayout(chatPane);
    chatLayout->setContentsMargins(0, 0, 0, 0);
    m_roomHeader = heading(chatPane);
    m_roomHeader->setObjectName(QStringLiteral("roomHeader"));
    m_messageView = new QListView(chatPane);
    m_messageView->setObjectName(QStringLiteral("messageView"));
    m_messageView->setItemDelegate(new MessageDelegate(m_messageView));
    m_messageView->setResizeMode(QListView::Adjust);
    m_messageView->setUniformItemSizes(false);
    m_messageView->setWordWrap(true);
    m_messageView->setSelectionMode(QAbstractItemView::NoSelection);
    m_messageView->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto *inputRow = new QHBoxLayout;
    m_input = new QLineEdit(chatPane);
    m_input->setObjectName(QStringLiteral("messageInput"));
    m_sendButton = new QPushButton(chatPane);
    m_sendButton->setObjectName(QStringLiteral("sendButton"));
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_sendButton);
    chatLayout->addWidget(m_roomHeader);
    chatLayout->addWidget(m_messageView, 1);
    chatLayout->addLayout(inputRow);

    // Users.
    auto *userPane = new QWidget(splitter);
    auto *userLayout = new QVBoxLayout(userPane);
    userLayout->setContentsMargins(0, 0, 0, 0);
    m_usersLabel = heading(userPane);
    m_userView = new QListView(userPane);
    m_userView->setObjectName(QStringLiteral("userView"));
    m_userView->setModel(session->users());
    m_userView->setSelectionMode(QAbstractItemView::NoSelection);
    userLayout->addWidget(m_usersLabel);
    userLayout->addWidget(m_userView, 1);

    splitter->addWidget(roomPane);
    splitter->addWidget(chatPane);
    splitter->addWidget(userPane);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({ 170, 460, 150 });
    setCentralWidget(central);

    // Menus.
    m_chatMenu = menuBar()->addMenu(QString());
    m_newRoomAction = m_chatMenu->addAction(QString(), this, &ChatWindow::createRoom);
    m_newRoomAction->setShortcut(QKeySequence::New);
    m_leaveAction = m_chatMenu->addAction(QString(), this, &ChatWindow::leaveSelected);
    m_chatMenu->addSeparator();
    m_quitAction = m_chatMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    if (translator)
        menuBar()->addMenu(new LanguageMenu(translator, this));
    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, tr("About SmartSocket Chat"),
            tr("A chat over Socket.IO, made with the SmartSocket library and Qt %1.")
                .arg(QString::fromLatin1(qVersion())));
    });

    m_statusLabel = new QLabel(this);
    statusBar()->addWidget(m_statusLabel, 1);

    connect(m_input, &QLineEdit::returnPressed, this, &ChatWindow::send);
    connect(m_sendButton, &QPushButton::clicked, this, &ChatWindow::send);
    connect(m_joinButton, &QPushButton::clicked, this, &ChatWindow::joinSelected);
    connect(m_leaveButton, &QPushButton::clicked, this, &ChatWindow::leaveSelected);
    connect(m_newRoomButton, &QPushButton::clicked, this, &ChatWindow::createRoom);
    connect(m_roomView, &QListView::activated, this, [this](const QModelIndex &index) {
        const QString room = index.data(RoomListModel::NameRole).toString();
        if (m_session->rooms()->isJoined(room))
            m_session->setCurrentRoom(room);
        else
            m_session->joinRoom(room);
    });
    connect(m_roomView->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex &index) {
            const QString room = index.data(RoomListModel::NameRole).toString();
            if (m_session->rooms()->isJoined(room))
                m_session->setCurrentRoom(room);
            updateButtons();
        });
    connect(session->rooms(), &QAbstractItemModel::dataChanged, this, &ChatWindow::updateButtons);
    connect(session->rooms(), &QAbstractItemModel::rowsInserted, this, &ChatWindow::updateButtons);
    connect(session, &ChatSession::stateChanged, this, &ChatWindow::updateConnection);
    connect(session, &ChatSession::reconnectCountdownChanged, this, &ChatWindow::updateConnection);
    connect(session, &ChatSession::currentRoomChanged, this, &ChatWindow::showRoom);
    connect(session, &ChatSession::notice, this, &ChatWindow::showNotice);
    connect(session, &ChatSession::roomJoined, this, &ChatWindow::updateRoomHeader);
    connect(session, &ChatSession::roomLeft, this, &ChatWindow::updateRoomHeader);

    retranslate();
    showRoom(session->currentRoom());
    updateConnection();
    resize(860, 560);
    m_input->setFocus();
}

QString ChatWindow::connectionText() const
{
    return m_connectionBanner->isVisibleTo(this) ? m_connectionBanner->text() : QString();
}

QString ChatWindow::noticeText() const
{
    return m_noticeBar->isVisibleTo(this) ? m_noticeLabel->text() : QString();
}

void ChatWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void ChatWindow::retranslate()
{
    m_chatMenu->setTitle(tr("&Chat"));
    m_newRoomAction->setText(tr("&New room…"));
    m_leaveAction->setText(tr("&Leave room"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About"));
    m_roomsLabel->setText(tr("Rooms"));
    m_usersLabel->setText(tr("Users"));
    m_joinButton->setText(tr("&Join"));
    m_leaveButton->setText(tr("L&eave"));
    m_newRoomButton->setText(tr("New room…"));
    m_sendButton->setText(tr("&Send"));
    m_input->setPlaceholderText(tr("Write a message and press Enter"));
    m_noticeClose->setToolTip(tr("Hide"));
    updateRoomHeader();
    updateConnection();
    // The models translate on the fly: repaint them in the new language.
    m_roomView->viewport()->update();
    m_messageView->viewport()->update();
    m_userView->viewport()->update();
}

void ChatWindow::updateConnection()
{
    const QString server = m_session->url().toDisplayString();
    QString banner;
    QString status;
    switch (m_session->state()) {
    case ChatSession::State::Connected:
        status = tr("Connected to %1 as %2").arg(server, m_session->username());
        break;
    case ChatSession::State::Connecting:
        banner = tr("Connecting to %1…").arg(server);
        status = banner;
        break;
    case ChatSession::State::Reconnecting: {
        const int seconds = m_session->reconnectSecondsLeft();
        banner = seconds > 0
            ? tr("Connection lost. Reconnecting in %n second(s)…", nullptr, seconds)
            : tr("Connection lost. Reconnecting (attempt %1)…").arg(m_session->reconnectAttempt());
        status = tr("Offline; messages you send now go out once the connection is back");
        break;
    }
    case ChatSession::State::Disconnected:
        banner = tr("Not connected.");
        status = banner;
        break;
    }
    m_connectionBanner->setText(banner);
    m_connectionBanner->setVisible(!banner.isEmpty());
    m_statusLabel->setText(status);
    setWindowTitle(m_session->username().isEmpty()
            ? tr("SmartSocket Chat")
            : tr("%1 – SmartSocket Chat").arg(m_session->username()));
}

void ChatWindow::showRoom(const QString &room)
{
    m_messageView->setModel(room.isEmpty() ? nullptr : m_session->messages(room));
    if (!room.isEmpty()) {
        MessageModel *model = m_session->messages(room);
        // Follow new messages, as chat programs do (one connection per model).
        if (!m_followed.contains(model)) {
            m_followed.insert(model);
            const auto follow = [this, model] {
                if (m_messageView->model() == model)
                    m_messageView->scrollToBottom();
            };
            connect(model, &QAbstractItemModel::rowsInserted, m_messageView, follow);
            connect(model, &QAbstractItemModel::modelReset, m_messageView, follow);
        }
        m_messageView->scrollToBottom();
        const int row = m_session->rooms()->rowOf(room);
        if (row >= 0)
            m_roomView->setCurrentIndex(m_session->rooms()->index(row));
    }
    updateRoomHeader();
    updateButtons();
}

void ChatWindow::updateRoomHeader()
{
    const QString room = m_session->currentRoom();
    m_roomHeader->setText(
        room.isEmpty() ? tr("No room joined: pick one on the left") : tr("Room: %1").arg(room));
    m_input->setEnabled(!room.isEmpty());
    m_sendButton->setEnabled(!room.isEmpty());
}

void ChatWindow::updateButtons()
{
    const QString room = selectedRoom();
    const bool joined = !room.isEmpty() && m_session->rooms()->isJoined(room);
    m_joinButton->setEnabled(!room.isEmpty() && !joined);
    m_leaveButton->setEnabled(joined);
    m_leaveAction->setEnabled(joined);
}

QString ChatWindow::selectedRoom() const
{
    return m_roomView->currentIndex().data(RoomListModel::NameRole).toString();
}

void ChatWindow::showNotice(ChatSession::NoticeKind kind, const QString &text)
{
    QPalette palette = m_noticeBar->palette();
    const bool error = kind == ChatSession::NoticeKind::Error;
    palette.setColor(QPalette::Window, error ? QColor(0xff, 0xeb, 0xee) : QColor(0xff, 0xf3, 0xe0));
    palette.setColor(
        QPalette::WindowText, error ? QColor(0xb7, 0x1c, 0x1c) : QColor(0xe6, 0x51, 0x00));
    m_noticeBar->setPalette(palette);
    m_noticeLabel->setText(text);
    m_noticeBar->show();
    m_noticeTimer.start(8000);
}

void ChatWindow::send()
{
    const QString text = m_input->text();
    if (text.isEmpty())
        return;
    if (m_session->sendMessage(text))
        m_input->clear();
}

void ChatWindow::joinSelected()
{
    const QString room = selectedRoom();
    if (!room.isEmpty())
        m_session->joinRoom(room);
}

void ChatWindow::leaveSelected()
{
    const QString room = selectedRoom().isEmpty() ? m_session->currentRoom() : selectedRoom();
    if (!room.isEmpty())
        m_session->leaveRoom(room);
}

void ChatWindow::createRoom()
{
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("New room"), tr("Name of the room to create or join:"), QLineEdit::Normal, {}, &ok)
                             .trimmed();
    if (ok && !name.isEmpty())
        m_session->joinRoom(name);
}
