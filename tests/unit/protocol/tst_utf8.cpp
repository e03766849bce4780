// The UTF-8 check shared by the WebSocket frame parser and the extension envelope.
#include "protocol/utf8.h"

#include <QTest>

using SmartSocket::Protocol::isValidUtf8;

class tst_Utf8 : public QObject
{
    Q_OBJECT

private slots:
    void utf8_data();
    void utf8();
};

void tst_Utf8::utf8_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << QByteArray("plain ascii text, long enough for the fast path") << true;
    QTest::newRow("2-byte") << QByteArray("\xC2\xA2") << true;
    QTest::newRow("3-byte") << QByteArray("\xE2\x82\xAC") << true;
    QTest::newRow("4-byte") << QByteArray("\xF0\x90\x8D\x88") << true;
    QTest::newRow("max code point") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::newRow("above max") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("overlong 2") << QByteArray("\xC0\xAF") << false;
    QTest::newRow("overlong 3") << QByteArray("\xE0\x80\xAF") << false;
    QTest::newRow("overlong 4") << QByteArray("\xF0\x80\x80\xAF") << false;
    QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("lone continuation") << QByteArray("abc\x80") << false;
    QTest::newRow("truncated") << QByteArray("abcdefgh\xE2\x82") << false;
    QTest::newRow("F5") << QByteArray("\xF5\x80\x80\x80") << false;
    QTest::newRow("FF") << QByteArray("\xFF") << false;
    QTest::newRow("empty") << QByteArray() << true;
    QTest::newRow("after the fast path") << QByteArray("12345678\xC3\xA9 and more ascii") << true;
    QTest::newRow("invalid after the fast path") << QByteArray("12345678abcdefgh\xC3") << false;
    QTest::newRow("invalid inside a word") << QByteArray("abc\xFE-defghijk") << false;
}

void tst_Utf8::utf8()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(isValidUtf8(text), valid);
}

QTEST_APPLESS_MAIN(tst_Utf8)
#include "tst_utf8.moc"
