#include "apptranslator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include <functional>

namespace {
QPointer<AppTranslator> theInstance;
}

QStringList AppTranslator::languages()
{
    return { QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("fr") };
}

QString AppTranslator::nativeName(const QString &language)
{
    if (language == QLatin1String("de"))
        return QStringLiteral("Deutsch");
    if (language == QLatin1String("fr"))
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

AppTranslator::AppTranslator(QObject *parent) : QObject(parent)
{
    if (!theInstance)
        theInstance = this;
}

AppTranslator::~AppTranslator()
{
    for (QTranslator *translator : { m_app, m_qt }) {
        if (translator)
            QCoreApplication::removeTranslator(translator);
    }
}

AppTranslator *AppTranslator::instance()
{
    return theInstance;
}

bool AppTranslator::setLanguage(const QString &language)
{
    if (!language.isEmpty() && !languages().contains(language))
        return false;
    // The C locale of a bare environment means "no preference": English.
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);

    for (QTranslator *&translator : { std::ref(m_app), std::ref(m_qt) }) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
            translator = nullptr;
        }
    }
    m_effective = QStringLiteral("en");
    auto *app = new QTranslator(this);
    // No translation for the locale (C, Italian, ...): English, whose file holds the plural
    // forms ("1 second", "2 seconds").
    if (app->load(
            locale, QStringLiteral("smartsocket"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || app->load(QStringLiteral(":/i18n/smartsocket_en.qm"))) {
        QCoreApplication::installTranslator(app);
        m_app = app;
        m_effective = app->language().section(QLatin1Char('_'), 0, 0);
    } else {
        delete app;
    }
    auto *qt = new QTranslator(this);
    if (m_effective != QLatin1String("en")
        && qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        m_qt = qt;
    } else {
        delete qt;
    }
    QLocale::setDefault(language.isEmpty() ? QLocale::system() : locale);
    m_language = language;
    Q_EMIT languageChanged(m_effective);
    return true;
}
