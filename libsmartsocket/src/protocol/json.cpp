#include "json.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <map>

namespace SmartSocket::Protocol::Json {

namespace {

// ---------------------------------------------------------------------------------------
// Writer
// ---------------------------------------------------------------------------------------

constexpr char hexDigits[] = "0123456789abcdef";

// Bytes that need an escape inside a JSON string literal (ASCII only: the rest is UTF-8).
constexpr bool needsEscape(char16_t c)
{
    return c < 0x20 || c == u'"' || c == u'\\';
}

void writeEscapedUnit(char16_t c, QByteArray &out)
{
    switch (c) {
    case u'"':
        out.append("\\\"", 2);
        return;
    case u'\\':
        out.append("\\\\", 2);
        return;
    case u'\b':
        out.append("\\b", 2);
        return;
    case u'\f':
        out.append("\\f", 2);
        return;
    case u'\n':
        out.append("\\n", 2);
        return;
    case u'\r':
        out.append("\\r", 2);
        return;
    case u'\t':
        out.append("\\t", 2);
        return;
    default: {
        const char esc[6] = { '\\', 'u', hexDigits[(c >> 12) & 0xf], hexDigits[(c >> 8) & 0xf],
            hexDigits[(c >> 4) & 0xf], hexDigits[c & 0xf] };
        out.append(esc, 6);
        return;
    }
    }
}

void writeInteger(qint64 v, QByteArray &out)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr - buf);
}

void writeUnsigned(quint64 v, QByteArray &out)
{
    char buf[24];
    const auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr - buf);
}

// ECMAScript Number::toString: shortest round-trip digits, fixed notation for 1e-7 <= |v| <
// 1e21, exponential ("1e+21", "1.5e-7") otherwise. NaN and infinities become null.
void writeDouble(double v, QByteArray &out)
{
    if (!std::isfinite(v)) {
        out.append("null", 4);
        return;
    }
    if (v == 0) { // also -0, which JS prints as "0"
        out.append('0');
        return;
    }
    // Integral values that fit exactly take the integer path: the common case ("3.0" -> "3").
    if (std::abs(v) < 9007199254740992.0 && v == std::trunc(v)) {
        writeInteger(static_cast<qint64>(v), out);
        return;
    }
    char sci[40];
    const auto res = std::to_chars(sci, sci + sizeof sci, v, std::chars_format::scientific);
    const char *p = sci;
    const char *end = res.ptr;
    if (*p == '-') {
        out.append('-');
        ++p;
    }
    char digits[24];
    int k = 0;
    for (; p < end && *p != 'e'; ++p) {
        if (*p != '.')
            digits[k++] = *p;
    }
    int exp10 = 0;
    std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), end, exp10); // scientific: always "e[+-]dd"
    const int n = exp10 + 1; // value = 0.digits * 10^n
    if (k <= n && n <= 21) {
        out.append(digits, k);
        out.append(n - k, '0');
    } else if (0 < n && n <= 21) {
        out.append(digits, n);
        out.append('.');
        out.append(digits + n, k - n);
    } else if (-6 < n && n <= 0) {
        out.append("0.", 2);
        out.append(-n, '0');
        out.append(digits, k);
    } else {
        out.append(digits[0]);
        if (k > 1) {
            out.append('.');
            out.append(digits + 1, k - 1);
        }
        out.append('e');
        out.append(n - 1 < 0 ? '-' : '+');
        writeInteger(std::abs(n - 1), out);
    }
}

// The relay cache (see json.h).
struct RelayCache
{
    static constexpr int size = 16;
    static constexpr qsizetype maxText = 4096;

    /// What identifies a container's data: the address of its first element (a list) or of
    /// its first node's value (a map). Copies share it; a modified copy has detached and has
    /// its own. Null for empty and non-container values, which are never remembered.
    static const void *identity(const QVariant &v)
    {
        switch (v.metaType().id()) {
        case QMetaType::QVariantMap: {
            const auto &map = *static_cast<const QVariantMap *>(v.constData());
            return map.isEmpty() ? nullptr : &map.constBegin().value();
        }
        case QMetaType::QVariantList: {
            const auto &list = *static_cast<const QVariantList *>(v.constData());
            return list.isEmpty() ? nullptr : list.constData();
        }
        default:
            return nullptr;
        }
    }

    bool append(const void *id, QByteArray &out) const
    {
        // The entries pin their data, so an equal address is the same, unmodified data.
        for (int i = 0; i < used; ++i) {
            if (ids[i] == id) {
                out.append(texts[i]);
                return true;
            }
        }
        return false;
    }

    QVariant containers[size];
    const void *ids[size] = {};
    QByteArray texts[size];
    int next = 0;
    int used = 0;
};
thread_local RelayCache relayCache;

class Writer
{
public:
    Writer(QByteArray &out, QList<QByteArray> *attachments)
        : m_out(out)
        , m_relay(relayCache.used ? &relayCache : nullptr)
        , m_attachments(attachments)
        , m_firstAttachment(attachments ? attachments->size() : 0)
    { }

    void value(const QVariant &v);

private:
    // The relay cache is consulted below the top level only: the top-level array of a packet
    // is built by the sender, never received as such.
    bool relayed(const QVariant &v)
    {
        const void *id = RelayCache::identity(v);
        return id && m_relay->append(id, m_out);
    }

    void list(const QVariantList &l)
    {
        ++m_depth;
        m_out.append('[');
        bool first = true;
        for (const QVariant &item : l) {
            if (!first)
                m_out.append(',');
            first = false;
            value(item);
        }
        m_out.append(']');
        --m_depth;
    }

    template<typename Map> void map(const Map &m)
    {
        ++m_depth;
        m_out.append('{');
        bool first = true;
        for (auto it = m.cbegin(), end = m.cend(); it != end; ++it) {
            if (!first)
                m_out.append(',');
            first = false;
            writeString(it.key(), m_out);
            m_out.append(':');
            value(it.value());
        }
        m_out.append('}');
        --m_depth;
    }

    void bytes(const QByteArray &b)
    {
        if (!m_attachments) {
            m_out.append('"');
            m_out.append(b.toBase64());
            m_out.append('"');
            return;
        }
        m_out.append("{\"_placeholder\":true,\"num\":", 27);
        writeInteger(m_attachments->size() - m_firstAttachment, m_out);
        m_out.append('}');
        m_attachments->append(b);
    }

    QByteArray &m_out;
    const RelayCache *m_relay; // null when empty: nothing to look up
    int m_depth = 0;
    QList<QByteArray> *m_attachments;
    qsizetype m_firstAttachment;
};

void Writer::value(const QVariant &v)
{
    switch (v.metaType().id()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
    case QMetaType::Void:
        m_out.append("null", 4);
        return;
    case QMetaType::Bool:
        if (*static_cast<const bool *>(v.constData()))
            m_out.append("true", 4);
        else
            m_out.append("false", 5);
        return;
    case QMetaType::Int:
        writeInteger(*static_cast<const int *>(v.constData()), m_out);
        return;
    case QMetaType::LongLong:
        writeInteger(*static_cast<const qlonglong *>(v.constData()), m_out);
        return;
    case QMetaType::Short:
    case QMetaType::Long:
    case QMetaType::SChar:
    case QMetaType::Char:
        writeInteger(v.toLongLong(), m_out);
        return;
    case QMetaType::UInt:
    case QMetaType::ULongLong:
    case QMetaType::UShort:
    case QMetaType::ULong:
    case QMetaType::UChar:
        writeUnsigned(v.toULongLong(), m_out);
        return;
    case QMetaType::Double:
        writeDouble(*static_cast<const double *>(v.constData()), m_out);
        return;
    case QMetaType::Float:
        writeDouble(static_cast<double>(*static_cast<const float *>(v.constData())), m_out);
        return;
    case QMetaType::QString:
        writeString(*static_cast<const QString *>(v.constData()), m_out);
        return;
    case QMetaType::QByteArray:
        bytes(*static_cast<const QByteArray *>(v.constData()));
        return;
    case QMetaType::QVariantList:
        if (m_relay && m_depth > 0 && relayed(v))
            return;
        list(*static_cast<const QVariantList *>(v.constData()));
        return;
    case QMetaType::QVariantMap:
        if (m_relay && m_depth > 0 && relayed(v))
            return;
        map(*static_cast<const QVariantMap *>(v.constData()));
        return;
    case QMetaType::QVariantHash:
        map(*static_cast<const QVariantHash *>(v.constData()));
        return;
    case QMetaType::QStringList: {
        const auto &l = *static_cast<const QStringList *>(v.constData());
        m_out.append('[');
        for (qsizetype i = 0; i < l.size(); ++i) {
            if (i)
                m_out.append(',');
            writeString(l.at(i), m_out);
        }
        m_out.append(']');
        return;
    }
    case QMetaType::QDateTime: {
        // Date.prototype.toJSON: UTC with milliseconds and 'Z'.
        const auto &dt = *static_cast<const QDateTime *>(v.constData());
        if (!dt.isValid()) {
            m_out.append("null", 4);
            return;
        }
        writeString(dt.toUTC().toString(Qt::ISODateWithMs), m_out);
        return;
    }
    case QMetaType::QJsonValue:
        value(static_cast<const QJsonValue *>(v.constData())->toVariant());
        return;
    case QMetaType::QJsonObject:
        map(static_cast<const QJsonObject *>(v.constData())->toVariantMap());
        return;
    case QMetaType::QJsonArray:
        list(static_cast<const QJsonArray *>(v.constData())->toVariantList());
        return;
    case QMetaType::QJsonDocument:
        value(static_cast<const QJsonDocument *>(v.constData())->toVariant());
        return;
    default:
        if (v.canConvert<QString>())
            writeString(v.toString(), m_out);
        else
            m_out.append("null", 4);
        return;
    }
}

// ---------------------------------------------------------------------------------------
// Reader
// ---------------------------------------------------------------------------------------

// 1 for the bytes that end the fast scan of a string body: '"', '\\' and controls.
struct StringStopTable
{
    bool stop[256] = {};
    constexpr StringStopTable()
    {
        for (int i = 0; i < 0x20; ++i)
            stop[i] = true;
        stop[int('"')] = true;
        stop[int('\\')] = true;
    }
};
constexpr StringStopTable stringStops;

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

inline bool isAscii(const char *b, const char *e)
{
    for (; b < e; ++b) {
        if (static_cast<unsigned char>(*b) >= 0x80)
            return false;
    }
    return true;
}

struct KeyCache
{
    static constexpr int size = 256;
    static constexpr qsizetype maxKey = 32;
    QString keys[size];
};
thread_local KeyCache keyCache;

// Key order of recently seen objects (see Parser::object). An entry holds copies of its keys,
// which pins their data: a matching data pointer is the same string, never a reused address.
struct KeyOrderCache
{
    static constexpr int size = 64;
    static constexpr int maxKeys = 8;
    using Members = QVarLengthArray<std::pair<QString, QVariant>, 8>;

    struct Entry
    {
        int n = 0;
        QString keys[maxKeys];
        quint8 order[maxKeys] = {};
        bool duplicates = false;

        bool matches(const Members &members) const
        {
            if (n != members.size())
                return false;
            for (int i = 0; i < n; ++i) {
                if (keys[i].constData() != members[i].first.constData()
                    || keys[i].size() != members[i].first.size())
                    return false;
            }
            return true;
        }
        void store(const Members &members, const quint8 *newOrder, bool dup)
        {
            n = int(members.size());
            for (int i = 0; i < n; ++i)
                keys[i] = members[i].first;
            for (int i = n; i < maxKeys; ++i)
                keys[i] = QString();
            std::copy_n(newOrder, n, order);
            duplicates = dup;
        }
    };

    Entry *slotFor(const Members &members)
    {
        quintptr h = quintptr(members.size());
        for (const auto &member : members)
            h = h * 31 + (reinterpret_cast<quintptr>(member.first.constData()) >> 3);
        return &entries[h % size];
    }

    Entry entries[size];
};
thread_local KeyOrderCache keyOrderCache;

class Parser
{
public:
    Parser(QByteArrayView text, int maxDepth, ElementSpans *spans)
        : m_begin(text.data())
        , m_p(text.data())
        , m_end(text.data() + text.size())
        , m_maxDepth(maxDepth)
        , m_spans(spans)
        , m_keys(&keyCache)
        , m_orders(&keyOrderCache)
    { }

    bool document(QVariant &out)
    {
        skipSpace();
        if (!value(out, 0))
            return false;
        skipSpace();
        if (m_p != m_end)
            return fail("unexpected data after the JSON value");
        return true;
    }

    QString error() const { return m_error; }

private:
    bool fail(const char *what)
    {
        if (m_error.isEmpty()) {
            m_error = QLatin1String("JSON: ") + QLatin1String(what) + QLatin1String(" at offset ")
                + QString::number(m_p - m_begin);
        }
        return false;
    }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }

    bool literal(const char *word, qsizetype len)
    {
        if (m_end - m_p < len || std::memcmp(m_p, word, len) != 0)
            return fail("invalid literal");
        m_p += len;
        return true;
    }

    bool value(QVariant &out, int depth)
    {
        if (m_p == m_end)
            return fail("unexpected end of input");
        switch (*m_p) {
        case '"': {
            // Containers and strings are built inside the QVariant: no copy afterwards.
            out = QVariant(QMetaType::fromType<QString>());
            return string(*static_cast<QString *>(out.data()));
        }
        case '[':
            return array(out, depth + 1);
        case '{':
            return object(out, depth + 1);
        case 't':
            if (!literal("true", 4))
                return false;
            out = QVariant(true);
            return true;
        case 'f':
            if (!literal("false", 5))
                return false;
            out = QVariant(false);
            return true;
        case 'n':
            if (!literal("null", 4))
                return false;
            out = QVariant::fromValue(nullptr);
            return true;
        default:
            if (*m_p == '-' || isDigit(*m_p))
                return number(out);
            return fail("unexpected character");
        }
    }

    bool array(QVariant &out, int depth)
    {
        if (depth > m_maxDepth)
            return fail("nesting too deep");
        ++m_p; // '['
        out = QVariant(QMetaType::fromType<QVariantList>());
        QVariantList &list = *static_cast<QVariantList *>(out.data());
        skipSpace();
        if (m_p < m_end && *m_p == ']') {
            ++m_p;
            return true;
        }
        ElementSpans *spans = depth == 1 ? m_spans : nullptr;
        for (;;) {
            skipSpace();
            const char *elementStart = m_p;
            QVariant &element = list.emplaceBack();
            if (spans && list.size() == 1 && m_p < m_end && *m_p == '"') {
                // The event name of an EVENT: repeats like an object key, so cached like one.
                element = QVariant(QMetaType::fromType<QString>());
                if (!objectKey(*static_cast<QString *>(element.data())))
                    return false;
            } else if (!value(element, depth)) {
                return false;
            }
            if (spans)
                spans->append({ elementStart - m_begin, m_p - m_begin });
            skipSpace();
            if (m_p == m_end)
                return fail("unterminated array");
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == ']') {
                ++m_p;
                break;
            }
            return fail("expected ',' or ']'");
        }
        return true;
    }

    bool object(QVariant &out, int depth)
    {
        if (depth > m_maxDepth)
            return fail("nesting too deep");
        ++m_p; // '{'
        out = QVariant(QMetaType::fromType<QVariantMap>());
        skipSpace();
        if (m_p < m_end && *m_p == '}') {
            ++m_p;
            return true;
        }
        // Collect the members first and build the map in key order with end hints: a
        // QMap::operator[] per member costs a search, a detach check and a rebalance each.
        QVarLengthArray<std::pair<QString, QVariant>, 8> members;
        for (;;) {
            skipSpace();
            if (m_p == m_end || *m_p != '"')
                return fail("expected a string key");
            auto &member = members.emplace_back();
            if (!objectKey(member.first))
                return false;
            skipSpace();
            if (m_p == m_end || *m_p != ':')
                return fail("expected ':'");
            ++m_p;
            skipSpace();
            if (!value(member.second, depth))
                return false;
            skipSpace();
            if (m_p == m_end)
                return fail("unterminated object");
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (*m_p == '}') {
                ++m_p;
                break;
            }
            return fail("expected ',' or '}'");
        }

        // The members in key order. Messages of one kind repeat their key sequence, with keys
        // from the key cache (the very same shared strings): the order of a sequence seen
        // recently is reused instead of sorting again.
        const int n = int(members.size());
        QVarLengthArray<quint8, 8> order(n);
        bool duplicates = false;
        KeyOrderCache::Entry *entry
            = n <= KeyOrderCache::maxKeys ? m_orders->slotFor(members) : nullptr;
        if (entry && entry->matches(members)) {
            std::copy_n(entry->order, n, order.data());
            duplicates = entry->duplicates;
        } else {
            for (int i = 0; i < n; ++i)
                order[i] = quint8(i);
            // Insertion sort of indices: stable, so among duplicate keys the last one stays
            // last and wins below (JSON.parse semantics).
            for (int i = 1; i < n; ++i) {
                const quint8 moving = order[i];
                int j = i;
                for (; j > 0 && members[moving].first < members[order[j - 1]].first; --j)
                    order[j] = order[j - 1];
                order[j] = moving;
            }
            for (int i = 1; i < n && !duplicates; ++i)
                duplicates = members[order[i]].first == members[order[i - 1]].first;
            if (entry)
                entry->store(members, order.data(), duplicates);
        }
        std::map<QString, QVariant> map;
        for (int k = 0; k < n; ++k) {
            auto &member = members[order[k]];
            if (duplicates && !map.empty() && std::prev(map.end())->first == member.first) {
                std::prev(map.end())->second = std::move(member.second); // last wins
                continue;
            }
            map.emplace_hint(map.end(), std::move(member.first), std::move(member.second));
        }
        *static_cast<QVariantMap *>(out.data()) = QVariantMap(std::move(map));
        return true;
    }

    bool string(QString &out)
    {
        ++m_p; // opening quote
        const char *start = m_p;
        while (m_p < m_end && !stringStops.stop[static_cast<unsigned char>(*m_p)])
            ++m_p;
        if (m_p == m_end)
            return fail("unterminated string");
        if (*m_p == '"') { // fast path: no escapes
            if (isAscii(start, m_p))
                out = QString::fromLatin1(start, m_p - start);
            else
                out = QString::fromUtf8(start, m_p - start);
            ++m_p;
            return true;
        }
        if (static_cast<unsigned char>(*m_p) < 0x20)
            return fail("control character in string");

        // Slow path with escapes. Raw runs never split a UTF-8 sequence: escapes are ASCII.
        out.reserve(m_end - start);
        appendRaw(out, start, m_p);
        for (;;) {
            if (m_p == m_end)
                return fail("unterminated string");
            const char c = *m_p;
            if (c == '"') {
                ++m_p;
                return true;
            }
            if (static_cast<unsigned char>(c) < 0x20)
                return fail("control character in string");
            if (c == '\\') {
                if (!escape(out))
                    return false;
                continue;
            }
            const char *run = m_p;
            while (m_p < m_end && !stringStops.stop[static_cast<unsigned char>(*m_p)])
                ++m_p;
            appendRaw(out, run, m_p);
        }
    }

    // Object keys repeat from message to message: plain ASCII keys come from a small
    // per-thread cache, which saves an allocation and a conversion per key.
    bool objectKey(QString &out)
    {
        const char *start = m_p + 1;
        const char *q = start;
        while (q < m_end && q - start <= KeyCache::maxKey && *q != '"' && *q != '\\'
            && static_cast<unsigned char>(*q) >= 0x20 && static_cast<unsigned char>(*q) < 0x80)
            ++q;
        if (q == m_end || *q != '"' || q - start > KeyCache::maxKey)
            return string(out);
        const qsizetype n = q - start;
        quint32 h = 2166136261u;
        for (const char *c = start; c < q; ++c)
            h = (h ^ static_cast<unsigned char>(*c)) * 16777619u;
        QString &slot = m_keys->keys[h % KeyCache::size];
        if (slot.size() != n || QLatin1StringView(start, n) != slot)
            slot = QString::fromLatin1(start, n);
        out = slot;
        m_p = q + 1;
        return true;
    }

    static void appendRaw(QString &out, const char *b, const char *e)
    {
        if (b == e)
            return;
        if (isAscii(b, e))
            out.append(QLatin1String(b, e - b));
        else
            out.append(QString::fromUtf8(b, e - b));
    }

    bool escape(QString &out)
    {
        ++m_p; // backslash
        if (m_p == m_end)
            return fail("unterminated escape");
        const char c = *m_p++;
        switch (c) {
        case '"':
            out.append(u'"');
            return true;
        case '\\':
            out.append(u'\\');
            return true;
        case '/':
            out.append(u'/');
            return true;
        case 'b':
            out.append(u'\b');
            return true;
        case 'f':
            out.append(u'\f');
            return true;
        case 'n':
            out.append(u'\n');
            return true;
        case 'r':
            out.append(u'\r');
            return true;
        case 't':
            out.append(u'\t');
            return true;
        case 'u': {
            if (m_end - m_p < 4)
                return fail("truncated \\u escape");
            char16_t unit = 0;
            for (int i = 0; i < 4; ++i) {
                const int h = hexValue(m_p[i]);
                if (h < 0)
                    return fail("invalid \\u escape");
                unit = char16_t((unit << 4) | h);
            }
            m_p += 4;
            // One UTF-16 unit per escape: a \uD83D\uDE00 pair joins by itself, and a lone
            // surrogate stays one, exactly like a JS string.
            out.append(QChar(unit));
            return true;
        }
        default:
            --m_p;
            return fail("invalid escape");
        }
    }

    bool number(QVariant &out)
    {
        const char *start = m_p;
        const bool negative = *m_p == '-';
        if (negative)
            ++m_p;
        if (m_p == m_end)
            return fail("invalid number");
        const char *intStart = m_p;
        if (*m_p == '0') {
            ++m_p;
            if (m_p < m_end && isDigit(*m_p))
                return fail("leading zero in number");
        } else if (isDigit(*m_p)) {
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        } else {
            return fail("invalid number");
        }
        const char *intEnd = m_p;
        bool integral = true;
        int fractionLeadingZeros = 0;
        bool fractionAllZero = true;
        if (m_p < m_end && *m_p == '.') {
            ++m_p;
            integral = false;
            if (m_p == m_end || !isDigit(*m_p))
                return fail("invalid number fraction");
            while (m_p < m_end && isDigit(*m_p)) {
                if (fractionAllZero && *m_p == '0')
                    ++fractionLeadingZeros;
                else
                    fractionAllZero = false;
                ++m_p;
            }
        }
        long exponent = 0;
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            ++m_p;
            integral = false;
            bool expNegative = false;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                expNegative = *m_p++ == '-';
            if (m_p == m_end || !isDigit(*m_p))
                return fail("invalid number exponent");
            while (m_p < m_end && isDigit(*m_p)) {
                if (exponent < 100000000)
                    exponent = exponent * 10 + (*m_p - '0');
                ++m_p;
            }
            if (expNegative)
                exponent = -exponent;
        }

        if (integral && intEnd - intStart <= 19) {
            quint64 magnitude = 0;
            for (const char *d = intStart; d < intEnd; ++d)
                magnitude = magnitude * 10 + quint64(*d - '0'); // <= 19 digits: no overflow
            constexpr quint64 maxPositive = quint64(std::numeric_limits<qint64>::max());
            if (magnitude <= maxPositive + (negative ? 1 : 0)) {
                const qint64 v = negative ? qint64(0 - magnitude) : qint64(magnitude);
                if (v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max())
                    out = QVariant(int(v));
                else
                    out = QVariant(qlonglong(v));
                return true;
            }
        }

        double d = 0;
        const auto res = std::from_chars(start, m_p, d);
        if (res.ec == std::errc::result_out_of_range) {
            // JSON.parse gives +-Infinity on overflow and +-0 on underflow.
            const bool zeroInt = intEnd - intStart == 1 && *intStart == '0';
            const long magnitude
                = (zeroInt ? -long(fractionLeadingZeros) : long(intEnd - intStart)) + exponent;
            d = magnitude > 0 ? std::numeric_limits<double>::infinity() : 0.0;
            if (negative)
                d = -d;
        } else if (res.ec != std::errc() || res.ptr != m_p) {
            return fail("invalid number");
        }
        out = QVariant(d);
        return true;
    }

    const char *m_begin;
    const char *m_p;
    const char *m_end;
    int m_maxDepth;
    ElementSpans *m_spans;
    KeyCache *m_keys;
    KeyOrderCache *m_orders;
    QString m_error;
};

} // namespace

void writeString(QStringView s, QByteArray &out)
{
    const char16_t *p = s.utf16();
    const char16_t *end = p + s.size();
    out.append('"');
    while (p < end) {
        // ASCII run without escapes: copy in one go.
        const char16_t *run = p;
        while (p < end && *p < 0x80 && !needsEscape(*p))
            ++p;
        if (p != run) {
            const qsizetype n = p - run;
            const qsizetype at = out.size();
            out.resize(at + n);
            char *dst = out.data() + at;
            for (qsizetype i = 0; i < n; ++i)
                dst[i] = char(run[i]);
        }
        if (p == end)
            break;
        const char16_t c = *p++;
        if (c < 0x80) {
            writeEscapedUnit(c, out);
        } else if (c < 0x800) {
            const char b[2] = { char(0xc0 | (c >> 6)), char(0x80 | (c & 0x3f)) };
            out.append(b, 2);
        } else if (c >= 0xd800 && c <= 0xdfff) {
            if (c <= 0xdbff && p < end && *p >= 0xdc00 && *p <= 0xdfff) {
                const char32_t cp = 0x10000 + ((char32_t(c) - 0xd800) << 10) + (*p++ - 0xdc00);
                const char b[4] = { char(0xf0 | (cp >> 18)), char(0x80 | ((cp >> 12) & 0x3f)),
                    char(0x80 | ((cp >> 6) & 0x3f)), char(0x80 | (cp & 0x3f)) };
                out.append(b, 4);
            } else {
                writeEscapedUnit(c, out); // lone surrogate, as well-formed JSON.stringify does
            }
        } else {
            const char b[3] = { char(0xe0 | (c >> 12)), char(0x80 | ((c >> 6) & 0x3f)),
                char(0x80 | (c & 0x3f)) };
            out.append(b, 3);
        }
    }
    out.append('"');
}

void write(const QVariant &value, QByteArray &out, QList<QByteArray> *attachments)
{
    Writer(out, attachments).value(value);
}

bool parse(QByteArrayView text, QVariant &out, QString *error, int maxDepth,
    ElementSpans *topLevelElements)
{
    Parser parser(text, maxDepth, topLevelElements);
    if (parser.document(out))
        return true;
    out = QVariant();
    if (error)
        *error = parser.error();
    return false;
}

void rememberText(const QVariant &container, QByteArrayView json)
{
    const void *id = RelayCache::identity(container);
    if (!id || json.isEmpty() || json.size() > RelayCache::maxText)
        return;
    RelayCache &cache = relayCache;
    const int i = cache.next;
    cache.containers[i] = container; // pins the data: the id stays unique while remembered
    cache.ids[i] = id;
    QByteArray &text = cache.texts[i];
    text.resize(json.size()); // keeps the capacity: no allocation once warm
    std::memcpy(text.data(), json.data(), size_t(json.size()));
    cache.next = (i + 1) % RelayCache::size;
    cache.used = qMax(cache.used, i + 1);
}

void forgetTexts()
{
    RelayCache &cache = relayCache;
    for (int i = 0; i < RelayCache::size; ++i) {
        cache.containers[i] = QVariant();
        cache.ids[i] = nullptr;
        cache.texts[i].clear();
    }
    cache.next = 0;
    cache.used = 0;
}

} // namespace SmartSocket::Protocol::Json
