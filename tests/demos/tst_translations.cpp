// The GUI translations: German and French text in the main windows (as with --lang de|fr),
// switching at run time, and the .ts files themselves (at least 90 % finished, placeholders
// kept, plural forms present).

#include "apptranslator.h"
#include "chatsession.h"
#include "chatwindow.h"
#include "syncsession.h"
#include "syncwindow.h"

#include <QDomDocument>
#include <QLabel>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QtTest>

class tst_Translations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanChatWindow();
    void switchAtRunTime();
    void germanSyncWindow();
    void otherLocalesGetEnglish();
    void unknownLanguageRefused();
    void tsFiles_data();
    void tsFiles();

private:
    AppTranslator m_translator;
};

void tst_Translations::germanChatWindow()
{
    QVERIFY(m_translator.setLanguage(QStringLiteral("de")));
    QCOMPARE(m_translator.effectiveLanguage(), QStringLiteral("de"));
    ChatSession session;
    ChatWindow window(&session, &m_translator);
    window.show();
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("sendButton"))->text(),
        QStringLiteral("&Senden"));
    QCOMPARE(window.findChild<QPushButton *>(QStringLiteral("joinButton"))->text(),
        QStringLiteral("Bei&treten"));
    QCOMPARE(window.connectionText(), QStringLiteral("Nicht verbunden."));
    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus.append(action->text());
    QCOMPARE(menus,
        QStringList(
            { QStringLiteral("&Chat"), QStringLiteral("Sp&rache"), QStringLiteral("&Hilfe") }));
    // Qt's own strings follow (qtbase_de.qm), when the Qt installation has them.
    QCOMPARE(QLocale().language(), QLocale::German);
}

void tst_Translations::switchAtRunTime()
{
    QVERIFY(m_translator.setLanguage(QStringLiteral("en")));
    ChatSession session;
    ChatWindow window(&session, &m_translator);
    auto *send = window.findChild<QPushButton *>(QStringLiteral("sendButton"));
    QCOMPARE(send->text(), QStringLiteral("&Send"));
    QVERIFY(m_translator.setLanguage(QStringLiteral("fr")));
    // installTranslator() posts LanguageChange: the window follows once the event loop runs.
    QTRY_COMPARE(send->text(), QStringLiteral("&Envoyer"));
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("roomHeader"))->text(),
        QStringLiteral("Aucun salon rejoint : choisissez-en un à gauche"));
    QVERIFY(m_translator.setLanguage(QStringLiteral("de")));
    QTRY_COMPARE(send->text(), QStringLiteral("&Senden"));
    QVERIFY(m_translator.setLanguage(QStringLiteral("en")));
    QTRY_COMPARE(send->text(), QStringLiteral("&Send"));
    // English plural forms come from smartsocket_en.ts.
    QCOMPARE(QCoreApplication::translate(
                 "ChatWindow", "Connection lost. Reconnecting in %n second(s)…", nullptr, 1),
        QStringLiteral("Connection lost. Reconnecting in 1 second…"));
    QCOMPARE(QCoreApplication::translate(
                 "ChatWindow", "Connection lost. Reconnecting in %n second(s)…", nullptr, 3),
        QStringLiteral("Connection lost. Reconnecting in 3 seconds…"));
}

void tst_Translations::germanSyncWindow()
{
    QVERIFY(m_translator.setLanguage(QStringLiteral("de")));
    SyncSession session;
    SyncWindow window(&session, &m_translator);
    QCOMPARE(window.windowTitle(), QStringLiteral("SmartSocket-Sync"));
    QCOMPARE(window.statusText(), QStringLiteral("Nicht verbunden."));
    QVERIFY(m_translator.setLanguage(QStringLiteral("fr")));
    QTRY_COMPARE(window.windowTitle(), QStringLiteral("Synchro SmartSocket"));
    QVERIFY(m_translator.setLanguage(QStringLiteral("en")));
}

void tst_Translations::otherLocalesGetEnglish()
{
    // The system language when it has no translation (C in a bare environment) gets English,
    // plural forms included.
    const QLocale::Language system = QLocale::system().language();
    if (system == QLocale::German || system == QLocale::French)
        QSKIP("the system language has a translation of its own");
    QVERIFY(m_translator.setLanguage(QString()));
    QCOMPARE(m_translator.effectiveLanguage(), QStringLiteral("en"));
    QCOMPARE(QCoreApplication::translate(
                 "ChatWindow", "Connection lost. Reconnecting in %n second(s)…", nullptr, 1),
        QStringLiteral("Connection lost. Reconnecting in 1 second…"));
}

void tst_Translations::unknownLanguageRefused()
{
    QVERIFY(m_translator.setLanguage(QStringLiteral("de")));
    QVERIFY(!m_translator.setLanguage(QStringLiteral("xx")));
    QCOMPARE(m_translator.effectiveLanguage(), QStringLiteral("de")); // unchanged
    QVERIFY(m_translator.setLanguage(QStringLiteral("en")));
}

void tst_Translations::tsFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("de") << QStringLiteral("smartsocket_de.ts");
    QTest::newRow("fr") << QStringLiteral("smartsocket_fr.ts");
}

void tst_Translations::tsFiles()
{
    QFETCH(QString, file);
    QFile ts(QStringLiteral(SMARTSOCKET_SOURCE_DIR "/translations/") + file);
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QDomDocument doc;
    QVERIFY(doc.setContent(&ts));
    const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
    auto placeholders = [&](const QString &text) {
        QStringList found;
        auto it = placeholder.globalMatch(text);
        while (it.hasNext())
            found.append(it.next().captured());
        found.sort();
        found.removeDuplicates();
        return found;
    };
    int total = 0;
    int finished = 0;
    const QDomNodeList messages = doc.elementsByTagName(QStringLiteral("message"));
    for (int i = 0; i < messages.size(); ++i) {
        const QDomElement message = messages.at(i).toElement();
        const QString source = message.firstChildElement(QStringLiteral("source")).text();
        const QDomElement translation = message.firstChildElement(QStringLiteral("translation"));
        const QString type = translation.attribute(QStringLiteral("type"));
        if (type == QLatin1String("vanished") || type == QLatin1String("obsolete"))
            continue;
        ++total;
        if (type == QLatin1String("unfinished"))
            continue;
        ++finished;
        QStringList forms;
        if (message.attribute(QStringLiteral("numerus")) == QLatin1String("yes")) {
            for (QDomElement f = translation.firstChildElement(QStringLiteral("numerusform"));
                 !f.isNull(); f = f.nextSiblingElement(QStringLiteral("numerusform")))
                forms.append(f.text());
            QVERIFY2(forms.size() == 2, qPrintable(source)); // German and French: one, other
        } else {
            forms.append(translation.text());
        }
        for (const QString &form : std::as_const(forms)) {
            QVERIFY2(!form.isEmpty(), qPrintable(source));
            QVERIFY2(placeholders(form) == placeholders(source),
                qPrintable(source + QStringLiteral(" -> ") + form));
        }
    }
    QVERIFY(total > 50);
    QVERIFY2(finished * 10 >= total * 9,
        qPrintable(QStringLiteral("%1 of %2 finished").arg(finished).arg(total)));
}

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
