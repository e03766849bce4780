#pragma once

#include "chatsession.h"

#include <QMainWindow>
#include <QSet>
#include <QTimer>

class AppTranslator;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QToolButton;

/// The chat's main window: rooms (join, leave, create, unread counts) on the left, the
/// current room's messages and the input in the middle, its users on the right; banners for
/// the connection state (with the reconnection countdown) and for notices.
class ChatWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ChatWindow(ChatSession *session, AppTranslator *translator, QWidget *parent = nullptr);

    ChatSession *session() const { return m_session; }
    /// The connection banner's text ("" while connected).
    QString connectionText() const;
    /// The notice shown ("" when none).
    QString noticeText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateConnection();
    void updateRoomHeader();
    void updateButtons();
    void showNotice(ChatSession::NoticeKind kind, const QString &text);
    void send();
    void joinSelected();
    void leaveSelected();
    void createRoom();
    QString selectedRoom() const;
    void showRoom(const QString &room);

    ChatSession *m_session;
    QListView *m_roomView;
    QListView *m_messageView;
    QListView *m_userView;
    QLabel *m_roomsLabel;
    QLabel *m_usersLabel;
    QLabel *m_roomHeader;
    QLabel *m_connectionBanner;
    QWidget *m_noticeBar;
    QLabel *m_noticeLabel;
    QToolButton *m_noticeClose;
    QLineEdit *m_input;
    QPushButton *m_sendButton;
    QPushButton *m_joinButton;
    QPushButton *m_leaveButton;
    QPushButton *m_newRoomButton;
    QLabel *m_statusLabel;
    QMenu *m_chatMenu;
    QMenu *m_helpMenu;
    QAction *m_newRoomAction;
    QAction *m_leaveAction;
    QAction *m_quitAction;
    QAction *m_aboutAction;
    QTimer m_noticeTimer;
    QSet<QObject *> m_followed;
};
