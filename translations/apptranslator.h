#pragma once

#include <QObject>
#include <QStringList>

class QTranslator;

/// Loads the SmartSocket GUI translations (smartsocket_<lang>.qm, compiled into the program
/// under :/i18n) and Qt's own (qtbase_<lang>.qm from the Qt installation) into the
/// application, and switches them at run time: widgets then get QEvent::LanguageChange.
class AppTranslator : public QObject
{
    Q_OBJECT
public:
    /// The languages there are translations for, as codes: "en", "de", "fr".
    static QStringList languages();
    /// The language's own name ("Deutsch"), for menus.
    static QString nativeName(const QString &language);

    explicit AppTranslator(QObject *parent = nullptr);
    ~AppTranslator() override;

    /// "" follows the system locale; otherwise one of languages(). False for an unknown code
    /// (nothing changes). Also makes QLocale's default the language, for dates and numbers.
    bool setLanguage(const QString &language);
    /// The code asked for ("" = system).
    QString language() const { return m_language; }
    /// The language in effect ("en" when no translation matched the system locale).
    QString effectiveLanguage() const { return m_effective; }

    /// The instance created by the program, if any (for menus).
    static AppTranslator *instance();

Q_SIGNALS:
    void languageChanged(const QString &language);

private:
    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
    QString m_language;
    QString m_effective = QStringLiteral("en");
};
