#include "protocol/json.h"
#include "variantdump.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>
#include <QUrl>

#include <cmath>
#include <cstring>
#include <limits>

using namespace SmartSocket::Protocol;

class tst_Json : public QObject
{
    Q_OBJECT

private slots:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void depthLimit();
    void repeatedObjectShapes();
    void parseReplacesOutputOnError();
    void write_data();
    void write();
    void writeAttachments();
    void writeAttachmentsNumberFromZero();
    void writeString_data();
    void writeString();
    void roundTrip_data();
    void roundTrip();
    void doubleRoundTrip();
};

void tst_Json::parseValid_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");

    QTest::newRow("null") << QByteArray("null") << "null";
    QTest::newRow("true") << QByteArray("true") << "true";
    QTest::newRow("false") << QByteArray("false") << "false";
    QTest::newRow("zero") << QByteArray("0") << "int:0";
    QTest::newRow("minus zero") << QByteArray("-0") << "int:0";
    QTest::newRow("int") << QByteArray("42") << "int:42";
    QTest::newRow("negative int") << QByteArray("-17") << "int:-17";
    QTest::newRow("int max") << QByteArray("2147483647") << "int:2147483647";
    QTest::newRow("int max + 1") << QByteArray("2147483648") << "i64:2147483648";
    QTest::newRow("int min") << QByteArray("-2147483648") << "int:-2147483648";
    QTest::newRow("int min - 1") << QByteArray("-2147483649") << "i64:-2147483649";
    QTest::newRow("i64 max") << QByteArray("9223372036854775807") << "i64:9223372036854775807";
    QTest::newRow("i64 min") << QByteArray("-9223372036854775808") << "i64:-9223372036854775808";
    QTest::newRow("i64 max + 1") << QByteArray("9223372036854775808")
                                 << "dbl:9.2233720368547758e+18";
    QTest::newRow("i64 min - 1") << QByteArray("-9223372036854775809")
                                 << "dbl:-9.2233720368547758e+18";
    QTest::newRow("20 digits") << QByteArray("12345678901234567890")
                               << "dbl:1.2345678901234567e+19";
    QTest::newRow("fraction") << QByteArray("1.5") << "dbl:1.5";
    QTest::newRow("integral fraction") << QByteArray("1.0") << "dbl:1";
    QTest::newRow("exponent") << QByteArray("1e2") << "dbl:100";
    QTest::newRow("exponent upper plus") << QByteArray("1E+2") << "dbl:100";
    QTest::newRow("negative exponent") << QByteArray("25e-2") << "dbl:0.25";
    QTest::newRow("minus zero fraction") << QByteArray("-0.0") << "dbl:-0";
    QTest::newRow("tiny") << QByteArray("5e-324") << "dbl:4.9406564584124654e-324";
    QTest::newRow("overflow") << QByteArray("1e400") << "dbl:inf";
    QTest::newRow("negative overflow") << QByteArray("-1e400") << "dbl:-inf";
    QTest::newRow("long overflow") << QByteArray(QByteArray(400, '9')) << "dbl:inf";
    QTest::newRow("underflow") << QByteArray("1e-400") << "dbl:0";
    QTest::newRow("long underflow") << (QByteArray("0.") + QByteArray(400, '0') + "1") << "dbl:0";
    QTest::newRow("empty string") << QByteArray("\"\"") << "\"\"";
    QTest::newRow("ascii string") << QByteArray("\"hello\"") << "\"hello\"";
    QTest::newRow("simple escapes") << QByteArray(R"("a\"b\\c\/d\be\ff\ng\rh\ti")")
                                    << "\"a\\u0022b\\u005cc/d\\u0008e\\u000cf\\u000ag\\u000dh"
                                       "\\u0009i\"";
    QTest::newRow("unicode escape") << QByteArray(R"("\u00e9\u00C9")") << "\"\\u00e9\\u00c9\"";
    QTest::newRow("surrogate pair escape")
        << QByteArray(R"("\ud83d\ude00")") << "\"\\ud83d\\ude00\"";
    QTest::newRow("lone high surrogate kept") << QByteArray(R"("a\ud800b")") << "\"a\\ud800b\"";
    QTest::newRow("lone low surrogate kept") << QByteArray(R"("\udc00")") << "\"\\udc00\"";
    QTest::newRow("escaped nul") << QByteArray(R"("\u0000")") << "\"\\u0000\"";
    QTest::newRow("raw utf8") << QByteArray("\"h\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"")
                              << "\"h\\u00e9 \\u20ac \\ud83d\\ude00\"";
    QTest::newRow("raw utf8 with escape")
        << QByteArray("\"\xc3\xa9\\n\xe2\x82\xac\"") << "\"\\u00e9\\u000a\\u20ac\"";
    QTest::newRow("invalid utf8 byte -> U+FFFD") << QByteArray("\"a\xff"
                                                               "b\"")
                                                 << "\"a\\ufffdb\"";
    // QString::fromUtf8's rule: one U+FFFD per byte of a broken sequence.
    QTest::newRow("truncated utf8 -> U+FFFD each")
        << QByteArray("\"\xe2\x82\"") << "\"\\ufffd\\ufffd\"";
    QTest::newRow("invalid utf8 with escape -> U+FFFD")
        << QByteArray("\"\xc0\\t\"") << "\"\\ufffd\\u0009\"";
    QTest::newRow("DEL is allowed raw") << QByteArray("\"\x7f\"") << "\"\\u007f\"";
    QTest::newRow("empty array") << QByteArray("[]") << "[]";
    QTest::newRow("empty object") << QByteArray("{}") << "{}";
    QTest::newRow("array") << QByteArray(R"([1,"two",3.5,true,null,[],{}])")
                           << "[int:1,\"two\",dbl:3.5,true,null,[],{}]";
    QTest::newRow("object") << QByteArray(R"({"b":1,"a":{"c":[false]}})")
                            << "{a={c=[false]},b=int:1}";
    QTest::newRow("duplicate key: last wins") << QByteArray(R"({"a":1,"a":2})") << "{a=int:2}";
    QTest::newRow("unsorted keys, duplicates apart")
        << QByteArray(R"({"b":1,"c":2,"a":3,"b":4,"a":5})") << "{a=int:5,b=int:4,c=int:2}";
    QTest::newRow("whitespace everywhere")
        << QByteArray(" \t\r\n[ 1 , { \"a\" : null } ]\n ") << "[int:1,{a=null}]";
    QTest::newRow("key with escapes") << QByteArray(R"({"\u0041\n":1})") << "{A\n=int:1}";
}

void tst_Json::parseValid()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QVariant out;
    QString error;
    QVERIFY2(Json::parse(json, out, &error), qPrintable(error));
    QVERIFY(error.isEmpty());
    QCOMPARE(dumpVariant(out), expected);
}

void tst_Json::parseInvalid_data()
{
    QTest::addColumn<QByteArray>("json");

    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("only whitespace") << QByteArray(" \n ");
    QTest::newRow("leading zero") << QByteArray("01");
    QTest::newRow("negative leading zero") << QByteArray("-01");
    QTest::newRow("lone minus") << QByteArray("-");
    QTest::newRow("double minus") << QByteArray("--1");
    QTest::newRow("plus sign") << QByteArray("+1");
    QTest::newRow("no int part") << QByteArray(".5");
    QTest::newRow("no fraction digits") << QByteArray("1.");
    QTest::newRow("no exponent digits") << QByteArray("1e");
    QTest::newRow("no exponent digits after sign") << QByteArray("1e+");
    QTest::newRow("hex") << QByteArray("0x10");
    QTest::newRow("NaN") << QByteArray("NaN");
    QTest::newRow("Infinity") << QByteArray("Infinity");
    QTest::newRow("-Infinity") << QByteArray("-Infinity");
    QTest::newRow("truncated true") << QByteArray("tru");
    QTest::newRow("truncated null") << QByteArray("nul");
    QTest::newRow("capital True") << QByteArray("True");
    QTest::newRow("trailing comma array") << QByteArray("[1,]");
    QTest::newRow("trailing comma object") << QByteArray(R"({"a":1,})");
    QTest::newRow("leading comma") << QByteArray("[,1]");
    QTest::newRow("missing comma") << QByteArray("[1 2]");
    QTest::newRow("unquoted key") << QByteArray("{a:1}");
    QTest::newRow("single quotes") << QByteArray("{'a':1}");
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})");
    QTest::newRow("missing value") << QByteArray(R"({"a":})");
    QTest::newRow("number key") << QByteArray("{1:1}");
    QTest::newRow("unterminated string") << QByteArray("\"abc");
    QTest::newRow("unterminated array") << QByteArray("[1");
    QTest::newRow("unterminated object") << QByteArray(R"({"a":1)");
    QTest::newRow("unterminated nested") << QByteArray("[[[]]");
    QTest::newRow("unbalanced") << QByteArray("[}");
    QTest::newRow("bad escape") << QByteArray(R"("\x")");
    QTest::newRow("backslash at end") << QByteArray("\"\\");
    QTest::newRow("short unicode escape") << QByteArray(R"("\u12")");
    QTest::newRow("bad hex in escape") << QByteArray(R"("\u12G4")");
    QTest::newRow("raw tab in string") << QByteArray("\"a\tb\"");
    QTest::newRow("raw newline in string") << QByteArray("\"a\nb\"");
    QTest::newRow("raw nul in string") << QByteArray("\"a\0b\"", 5);
    QTest::newRow("trailing garbage") << QByteArray("[1]x");
    QTest::newRow("two values") << QByteArray("[1] [2]");
    QTest::newRow("two numbers") << QByteArray("1 2");
    QTest::newRow("utf8 BOM") << QByteArray("\xef\xbb\xbf[]");
    QTest::newRow("non-breaking space") << QByteArray("\xc2\xa0[]");
    QTest::newRow("comment") << QByteArray("[1/*x*/]");
    QTest::newRow("bare word") << QByteArray("undefined");
    QTest::newRow("nul byte after value") << QByteArray("1\0", 2);
}

void tst_Json::parseInvalid()
{
    QFETCH(QByteArray, json);
    QVariant out;
    QString error;
    QVERIFY(!Json::parse(json, out, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(error.contains(QLatin1String("offset")), qPrintable(error));
    QVERIFY(!out.isValid());
    // Also without an error string pointer.
    QVERIFY(!Json::parse(json, out));
}

void tst_Json::depthLimit()
{
    auto nested = [](int depth) { return QByteArray(depth, '[') + QByteArray(depth, ']'); };
    QVariant out;
    QString error;
    QVERIFY(Json::parse(nested(Json::defaultMaxDepth), out, &error));
    QVERIFY(!Json::parse(nested(Json::defaultMaxDepth + 1), out, &error));
    QVERIFY(Json::parse(QByteArray(200, '[') + "1" + QByteArray(200, ']'), out, &error));
    QByteArray objects;
    for (int i = 0; i < Json::defaultMaxDepth; ++i)
        objects += "{\"k\":";
    objects += "1" + QByteArray(Json::defaultMaxDepth, '}');
    QVERIFY2(Json::parse(objects, out, &error), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("deep")), qPrintable(error));
    // Objects count as levels too.
    QVERIFY(Json::parse(R"({"a":{"b":[1]}})", out, nullptr, 3));
    QVERIFY(!Json::parse(R"({"a":{"b":[1]}})", out, nullptr, 2));
    // Scalars need no level at all.
    QVERIFY(Json::parse("1", out, nullptr, 0));
    QVERIFY(!Json::parse("[]", out, nullptr, 0));
    // A very deep input fails cleanly instead of overflowing the stack.
    QVERIFY(!Json::parse(nested(1000000), out, &error));
}

void tst_Json::parseReplacesOutputOnError()
{
    QVariant out = QVariant(5);
    QVERIFY(!Json::parse("[1,", out));
    QVERIFY(!out.isValid());
    QVERIFY(Json::parse("[1]", out));
    QCOMPARE(dumpVariant(out), QStringLiteral("[int:1]"));
}

void tst_Json::write_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QByteArray>("expected");

    const double inf = std::numeric_limits<double>::infinity();
    QTest::newRow("invalid") << QVariant() << QByteArray("null");
    QTest::newRow("nullptr") << QVariant::fromValue(nullptr) << QByteArray("null");
    QTest::newRow("true") << QVariant(true) << QByteArray("true");
    QTest::newRow("false") << QVariant(false) << QByteArray("false");
    QTest::newRow("int") << QVariant(-42) << QByteArray("-42");
    QTest::newRow("qint64") << QVariant(qint64(-9223372036854775807LL - 1))
                            << QByteArray("-9223372036854775808");
    QTest::newRow("uint") << QVariant(4294967295u) << QByteArray("4294967295");
    QTest::newRow("quint64") << QVariant(quint64(18446744073709551615ULL))
                             << QByteArray("18446744073709551615");
    QTest::newRow("3.0 as integer") << QVariant(3.0) << QByteArray("3");
    QTest::newRow("-0.0") << QVariant(-0.0) << QByteArray("0");
    QTest::newRow("0.1") << QVariant(0.1) << QByteArray("0.1");
    QTest::newRow("0.1 + 0.2") << QVariant(0.1 + 0.2) << QByteArray("0.30000000000000004");
    QTest::newRow("-123.456") << QVariant(-123.456) << QByteArray("-123.456");
    QTest::newRow("1e20 fixed") << QVariant(1e20) << QByteArray("100000000000000000000");
    QTest::newRow("1.2345678901234568e20")
        << QVariant(1.2345678901234568e20) << QByteArray("123456789012345680000");
    QTest::newRow("1e21 exponential") << QVariant(1e21) << QByteArray("1e+21");
    QTest::newRow("1.5e300") << QVariant(1.5e300) << QByteArray("1.5e+300");
    QTest::newRow("max double") << QVariant(std::numeric_limits<double>::max())
                                << QByteArray("1.7976931348623157e+308");
    QTest::newRow("1e-6 fixed") << QVariant(1e-6) << QByteArray("0.000001");
    QTest::newRow("1.234e-6 fixed") << QVariant(1.234e-6) << QByteArray("0.000001234");
    QTest::newRow("1e-7 exponential") << QVariant(1e-7) << QByteArray("1e-7");
    QTest::newRow("-1.5e-7") << QVariant(-1.5e-7) << QByteArray("-1.5e-7");
    QTest::newRow("denormal min") << QVariant(5e-324) << QByteArray("5e-324");
    QTest::newRow("2^53") << QVariant(9007199254740992.0) << QByteArray("9007199254740992");
    QTest::newRow("2^63 double") << QVariant(9223372036854775808.0)
                                 << QByteArray("9223372036854776000");
    QTest::newRow("float 0.5") << QVariant(0.5f) << QByteArray("0.5");
    QTest::newRow("NaN") << QVariant(std::nan("")) << QByteArray("null");
    QTest::newRow("+inf") << QVariant(inf) << QByteArray("null");
    QTest::newRow("-inf") << QVariant(-inf) << QByteArray("null");
    QTest::newRow("empty string") << QVariant(QString()) << QByteArray("\"\"");
    QTest::newRow("string escapes") << QVariant(QString::fromUtf8("q\"b\\s/\b\f\n\r\t"))
                                    << QByteArray(R"("q\"b\\s/\b\f\n\r\t")");
    QTest::newRow("control chars")
        << QVariant(QString::fromUtf8("\x01\x1f\x7f", 3)) << QByteArray("\"\\u0001\\u001f\x7f\"");
    QTest::newRow("nul char") << QVariant(QString(QChar(0))) << QByteArray("\"\\u0000\"");
    QTest::newRow("non-ascii raw utf8")
        << QVariant(QString::fromUtf8("h\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"))
        << QByteArray("\"h\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
    QTest::newRow("U+2028 raw") << QVariant(QString(QChar(0x2028)))
                                << QByteArray("\"\xe2\x80\xa8\"");
    QTest::newRow("lone high surrogate")
        << QVariant(QString(QChar(0xd800)) + u'x') << QByteArray("\"\\ud800x\"");
    QTest::newRow("lone low surrogate")
        << QVariant(QString(QChar(0xdfff))) << QByteArray("\"\\udfff\"");
    QTest::newRow("reversed pair")
        << QVariant(QString(QChar(0xdc00)) + QChar(0xd800)) << QByteArray("\"\\udc00\\ud800\"");
    QTest::newRow("bytes as base64")
        << QVariant(QByteArray("\x01\x02\x03\xff", 4)) << QByteArray("\"AQID/w==\"");
    QTest::newRow("list") << QVariant(QVariantList { 1, QStringLiteral("a"), QVariant(), 2.5 })
                          << QByteArray(R"([1,"a",null,2.5])");
    QTest::newRow("empty list") << QVariant(QVariantList()) << QByteArray("[]");
    QTest::newRow("string list") << QVariant(QStringList { QStringLiteral("a"),
        QStringLiteral("\"") }) << QByteArray(R"(["a","\""])");
    QTest::newRow("map sorted keys")
        << QVariant(QVariantMap { { QStringLiteral("b"), 1 }, { QStringLiteral("a"), true } })
        << QByteArray(R"({"a":true,"b":1})");
    QTest::newRow("empty map") << QVariant(QVariantMap()) << QByteArray("{}");
    QTest::newRow("key escaping") << QVariant(QVariantMap { { QStringLiteral("\"k\n"), 0 } })
                                  << QByteArray(R"({"\"k\n":0})");
    QTest::newRow("hash") << QVariant(QVariantHash { { QStringLiteral("k"), QVariantList { 1 } } })
                          << QByteArray(R"({"k":[1]})");
    QTest::newRow("nested") << QVariant(QVariantMap { { QStringLiteral("a"),
        QVariantList { QVariantMap { { QStringLiteral("b"), QVariant::fromValue(nullptr) } } } } })
                            << QByteArray(R"({"a":[{"b":null}]})");
    QTest::newRow("datetime utc like Date.toJSON")
        << QVariant(QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5, 6), Qt::UTC))
        << QByteArray("\"2024-01-02T03:04:05.006Z\"");
    QTest::newRow("datetime with offset converted to utc")
        << QVariant(QDateTime(QDate(2024, 1, 2), QTime(3, 4, 5), Qt::OffsetFromUTC, 3600))
        << QByteArray("\"2024-01-02T02:04:05.000Z\"");
    QTest::newRow("invalid datetime") << QVariant(QDateTime()) << QByteArray("null");
    QTest::newRow("json object") << QVariant(
        QJsonObject { { QStringLiteral("x"), QJsonArray { 1, QJsonValue::Null } } })
                                 << QByteArray(R"({"x":[1,null]})");
    QTest::newRow("json value string")
        << QVariant(QJsonValue(QStringLiteral("s"))) << QByteArray("\"s\"");
    QTest::newRow("url via string conversion")
        << QVariant(QUrl(QStringLiteral("http://h/p"))) << QByteArray("\"http://h/p\"");
    QTest::newRow("type without string conversion")
        << QVariant::fromValue(QList<QByteArray>()) << QByteArray("null");
}

void tst_Json::write()
{
    QFETCH(QVariant, value);
    QFETCH(QByteArray, expected);
    QByteArray out("prefix:");
    Json::write(value, out);
    QCOMPARE(out, QByteArray("prefix:") + expected);
}

void tst_Json::writeAttachments()
{
    const QByteArray a("\x00\x01", 2), b("bb"), c("c");
    const QVariant value = QVariantList {
        QStringLiteral("ev"),
        a,
        QVariantMap { { QStringLiteral("z"), c }, { QStringLiteral("y"), QVariantList { b } } },
    };
    QByteArray out;
    QList<QByteArray> attachments;
    Json::write(value, out, &attachments);
    // Depth-first in output order: map keys are written sorted, so "y" comes before "z".
    QCOMPARE(out,
        QByteArray(R"(["ev",{"_placeholder":true,"num":0},)"
                   R"({"y":[{"_placeholder":true,"num":1}],)"
                   R"("z":{"_placeholder":true,"num":2}}])"));
    QCOMPARE(attachments, (QList<QByteArray> { a, b, c }));
}

void tst_Json::writeAttachmentsNumberFromZero()
{
    QByteArray out;
    QList<QByteArray> attachments { QByteArray("old") };
    Json::write(QVariantList { QByteArray("new") }, out, &attachments);
    QCOMPARE(out, QByteArray(R"([{"_placeholder":true,"num":0}])"));
    QCOMPARE(attachments, (QList<QByteArray> { QByteArray("old"), QByteArray("new") }));
}

void tst_Json::writeString_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("\"abc\"");
    QTest::newRow("escape at start and end") << QStringLiteral("\"x\\") << QByteArray(R"("\"x\\")");
    QTest::newRow("two-byte utf8") << QString(QChar(0x7ff)) << QByteArray("\"\xdf\xbf\"");
    QTest::newRow("three-byte utf8") << QString(QChar(0xffff)) << QByteArray("\"\xef\xbf\xbf\"");
    QTest::newRow("max code point")
        << QString::fromUcs4(U"\U0010FFFF") << QByteArray("\"\xf4\x8f\xbf\xbf\"");
    QTest::newRow("high surrogate at end")
        << QStringLiteral("a") + QChar(0xdbff) << QByteArray("\"a\\udbff\"");
}

void tst_Json::writeString()
{
    QFETCH(QString, input);
    QFETCH(QByteArray, expected);
    QByteArray out;
    Json::writeString(input, out);
    QCOMPARE(out, expected);
}

void tst_Json::roundTrip_data()
{
    QTest::addColumn<QByteArray>("json");
    // Canonical texts (compact, sorted keys, shortest numbers) must come back byte-exact.
    QTest::newRow("event") << QByteArray(R"(["echo",{"a":1,"b":[true,false,null],"c":"x"}])");
    QTest::newRow("numbers") << QByteArray(
        "[0,-1,2147483648,-9223372036854775808,1.5,1e+21,1e-7,0.000001,"
        "9223372036854776000,123456789.123]");
    QTest::newRow("strings") << QByteArray(R"(["\"\\\n\u0001","h)"
                                           "\xc3\xa9"
                                           R"(","\ud800","\ud83d","\ude00x"])");
    QTest::newRow("emoji raw") << QByteArray("\"\xf0\x9f\x98\x80\"");
    QTest::newRow("nested empty") << QByteArray(R"([[],{},[[{}]],{"":""}])");
}

void tst_Json::roundTrip()
{
    QFETCH(QByteArray, json);
    QVariant value;
    QString error;
    QVERIFY2(Json::parse(json, value, &error), qPrintable(error));
    QByteArray out;
    Json::write(value, out);
    QCOMPARE(out, json);
}

void tst_Json::doubleRoundTrip()
{
    // Shortest form must still read back as the very same double (bit pattern included).
    QRandomGenerator rng(20240601);
    int checked = 0;
    for (int i = 0; i < 20000; ++i) {
        quint64 bits = rng.generate64();
        double d;
        std::memcpy(&d, &bits, sizeof d);
        if (!std::isfinite(d))
            continue;
        if (i % 2)
            d = std::ldexp(double(rng.generate64() % 1000000) / 1000.0, int(rng.bounded(-80, 80)));
        QByteArray out;
        Json::write(QVariant(d), out);
        QVariant back;
        QVERIFY2(Json::parse(out, back), out.constData());
        const double r = back.toDouble();
        if (d == 0) {
            QCOMPARE(r, 0.0);
        } else {
            QVERIFY2(std::memcmp(&r, &d, sizeof d) == 0,
                qPrintable(QStringLiteral("%1 -> %2").arg(d, 0, 'g', 17).arg(QLatin1String(out))));
        }
        ++checked;
    }
    QVERIFY(checked > 15000);
}

QTEST_GUILESS_MAIN(tst_Json)
#include "tst_json.moc"

// Objects of one shape repeat (same keys, same order): the parser reuses their key order.
// Whatever it reuses, every map must come out right, with sorted keys and last-wins values.
void tst_Json::repeatedObjectShapes()
{
    struct Case
    {
        QByteArray text;
        QStringList keys;
        QVariantList values;
    };
    const QString longKey(40, QLatin1Char('k')); // longer than the key cache takes
    const QList<Case> cases = {
        { R"({"b":1,"a":2,"c":3})", { "a", "b", "c" }, { 2, 1, 3 } },
        { R"({"a":1,"b":2,"c":3})", { "a", "b", "c" }, { 1, 2, 3 } },
        { R"({"c":1,"b":2,"a":3})", { "a", "b", "c" }, { 3, 2, 1 } },
        { R"({"b":1,"a":2,"b":3})", { "a", "b" }, { 2, 3 } },
        { R"({"b":1,"a":2})", { "a", "b" }, { 2, 1 } },
        { "{\"" + longKey.toLatin1() + "\":1,\"a\":2}", { "a", longKey }, { 2, 1 } },
        { R"({"z":1,"y":2,"x":3,"w":4,"v":5,"u":6,"t":7,"s":8,"r":9})",
            { "r", "s", "t", "u", "v", "w", "x", "y", "z" }, { 9, 8, 7, 6, 5, 4, 3, 2, 1 } },
    };
    for (int round = 0; round < 3; ++round) {
        for (const Case &c : cases) {
            QVariant out;
            QVERIFY2(Json::parse(c.text, out), c.text.constData());
            const QVariantMap map = out.toMap();
            QCOMPARE(map.keys(), c.keys);
            QCOMPARE(map.values(), c.values);
        }
    }
}
