#pragma once

#include <QMenu>

class AppTranslator;
class QActionGroup;

/// A "Language" menu: the system language or one of AppTranslator::languages(); switching
/// retranslates the running program.
class LanguageMenu : public QMenu
{
    Q_OBJECT
public:
    explicit LanguageMenu(AppTranslator *translator, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateChecks();

    AppTranslator *m_translator;
    QActionGroup *m_group;
    QAction *m_system;
};
