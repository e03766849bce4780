#pragma once

#include "syncsession.h"

#include <QMainWindow>
#include <QTimer>
#include <QVariantMap>

class AppTranslator;
class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSlider;

/// A shared form (title, notes, a checkbox, a slider) kept in sync with every other window on
/// the same smartsocket-sync-server. Typing is sent after a short pause; a change from
/// elsewhere replaces the fields not being edited.
class SyncWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit SyncWindow(SyncSession *session, AppTranslator *translator, QWidget *parent = nullptr);

    QString noticeText() const;
    QString statusText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyState(const QVariantMap &state);
    void edited(const QString &field, const QVariant &value, int delayMs);
    void flush();
    void updateStatus();
    void showNotice(const QString &text);

    SyncSession *m_session;
    QLabel *m_intro;
    QLabel *m_titleLabel;
    QLabel *m_notesLabel;
    QLabel *m_progressLabel;
    QLineEdit *m_title;
    QPlainTextEdit *m_notes;
    QCheckBox *m_done;
    QSlider *m_progress;
    QLabel *m_progressValue;
    QLabel *m_notice;
    QLabel *m_status;
    QMenu *m_fileMenu;
    QAction *m_quitAction;
    QVariantMap m_dirty;
    QTimer m_flushTimer;
    QTimer m_noticeTimer;
    bool m_applying = false;
};
