#pragma once

#include <QDialog>
#include <QUrl>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// Asks for the user name and the server URL before the chat window opens.
class StartDialog : public QDialog
{
    Q_OBJECT
public:
    explicit StartDialog(QWidget *parent = nullptr);

    QString userName() const;
    QUrl serverUrl() const;
    void setUserName(const QString &name);
    void setServerUrl(const QUrl &url);

    /// Empty when the URL is one the chat can use; otherwise why not (translated).
    static QString checkUrl(const QUrl &url);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void validate();

    QLabel *m_intro;
    QLabel *m_nameLabel;
    QLabel *m_urlLabel;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
