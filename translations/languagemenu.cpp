#include "languagemenu.h"

#include "apptranslator.h"

#include <QActionGroup>
#include <QEvent>

LanguageMenu::LanguageMenu(AppTranslator *translator, QWidget *parent)
    : QMenu(parent), m_translator(translator), m_group(new QActionGroup(this))
{
    m_system = addAction(QString());
    m_system->setCheckable(true);
    m_system->setData(QString());
    m_group->addAction(m_system);
    addSeparator();
    for (const QString &language : AppTranslator::languages()) {
        // Each language in its own name: findable by someone who cannot read the current one.
        QAction *action = addAction(AppTranslator::nativeName(language));
        action->setCheckable(true);
        action->setData(language);
        m_group->addAction(action);
    }
    connect(m_group, &QActionGroup::triggered, this,
        [this](QAction *action) { m_translator->setLanguage(action->data().toString()); });
    connect(m_translator, &AppTranslator::languageChanged, this, &LanguageMenu::updateChecks);
    retranslate();
    updateChecks();
}

void LanguageMenu::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMenu::changeEvent(event);
}

void LanguageMenu::retranslate()
{
    setTitle(tr("&Language"));
    m_system->setText(tr("System language"));
}

void LanguageMenu::updateChecks()
{
    for (QAction *action : m_group->actions())
        action->setChecked(action->data().toString() == m_translator->language());
}
