// smartsocket-cli: a command-line Socket.IO v5 client, what websocat is to WebSocket.
// Prints received events and ack replies as JSON lines on stdout, errors on stderr.
// Public API only.

#include <smartsocket/smartsocket.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <optional>

namespace {

using SmartSocket::AckResult;
using SmartSocket::Client;
using SmartSocket::ClientOptions;

// Exit statuses.
enum ExitCode {
    ExitOk = 0,
    ExitUsage = 1,
    ExitConnectError = 2,
    ExitAckError = 3,
    ExitDisconnected = 4,
};

constexpr char usageText[] = R"(Usage: smartsocket-cli URL [options]

A command-line Socket.IO v5 client. Connects to URL (ws://, wss://, http://, https://;
without a path /socket.io/ is used), sends the --emit events in order, and prints what
comes back as JSON lines on stdout:
  {"type":"ack","event":"echo","args":[...]}      the reply to an --emit ... --ack
  {"type":"event","event":"bcast","args":[...]}   an event received (with --listen)
Binary arguments print as {"_binary":"<base64>"}. Errors go to stderr.

Options:
  --namespace NS           namespace to join (default /)
  --auth JSON              auth payload of the CONNECT packet (a JSON object)
  --emit EVENT JSON_ARGS   send EVENT; a JSON array holds the arguments, any other JSON
                           value is the only argument. Repeatable; sent in order.
    --ack                  ask for an acknowledgement of the preceding --emit and print it
    --timeout MS           ack timeout of the preceding --emit; before any --emit, the
                           default for all of them (10000)
  --listen [EVENT]         print received events (all, or only EVENT; repeatable)
  --count N                exit after N received events have been printed (implies --listen)
  --duration MS            stay connected MS ms after connecting, then exit
  --connect-timeout MS     time allowed to connect (default 10000)
  --ca FILE                also trust the CA certificates in this PEM file (wss://)
  --insecure               accept any server certificate (wss://): no verification
  --compression-level N    ask for DEFLATE compression at level N (1-9) (SmartSocket servers)
  --encryption-key KEY     ask for AES-256-GCM payload encryption with this key (32 bytes as
                           64 hex digits or base64); also read from SMARTSOCKET_ENCRYPTION_KEY
  -h, --help               show this help

Without --listen, --count or --duration, the program exits once every ack has arrived.
Exit status: 0 ok, 1 usage error, 2 connect error, 3 ack timeout or error,
4 disconnected by the server before done.
)";

struct EmitSpec
{
    QString event;
    QVariantList args;
    bool ack = false;
    int timeoutMs = -1;
};

struct Config
{
    QUrl url;
    QString namespaceName = QStringLiteral("/");
    QVariantMap auth;
    QList<EmitSpec> emits;
    bool listen = false;
    QStringList listenEvents; // empty: all events
    int count = -1;
    int durationMs = -1;
    int defaultTimeoutMs = 10000;
    int connectTimeoutMs = 10000;
    QString caFile;
    bool insecure = false;
    int compressionLevel = 0; // 0: not asked for
    QByteArray encryptionKey;
};

void printError(const QString &message)
{
    std::fprintf(stderr, "smartsocket-cli: %s\n", qPrintable(message));
    std::fflush(stderr);
}

// Parses any JSON value (QJsonDocument only takes objects and arrays at the top level).
std::optional<QJsonValue> parseJson(const QString &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray("[" + text.toUtf8() + "]"), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1) {
        *error = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : QStringLiteral("not one value");
        return std::nullopt;
    }
    return doc.array().at(0);
}

QJsonValue toJson(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::QByteArray:
        return QJsonObject { { "_binary", QString::fromLatin1(value.toByteArray().toBase64()) } };
    case QMetaType::QVariantList: {
        QJsonArray array;
        for (const QVariant &item : value.toList())
            array.append(toJson(item));
        return array;
    }
    case QMetaType::QVariantMap: {
        QJsonObject object;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            object.insert(it.key(), toJson(it.value()));
        return object;
    }
    case QMetaType::QVariantHash: {
        QJsonObject object;
        const QVariantHash hash = value.toHash();
        for (auto it = hash.cbegin(); it != hash.cend(); ++it)
            object.insert(it.key(), toJson(it.value()));
        return object;
    }
    default:
        return QJsonValue::fromVariant(value);
    }
}

// One JSON line; written by hand so that "type" comes first (QJsonObject sorts its keys).
void printLine(const QString &type, const QString &event, const QVariantList &args)
{
    auto quoted = [](const QString &text) {
        const QByteArray array = QJsonDocument(QJsonArray { text }).toJson(QJsonDocument::Compact);
        return array.mid(1, array.size() - 2); // strip [ ]
    };
    const QByteArray line = "{\"type\":" + quoted(type) + ",\"event\":" + quoted(event)
        + ",\"args\":" + QJsonDocument(toJson(args).toArray()).toJson(QJsonDocument::Compact)
        + "}\n";
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

bool parseInt(const QString &text, int min, int *out)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min)
        return false;
    *out = value;
    return true;
}

// Returns nullopt after printing the problem; exits 0 for --help.
std::optional<Config> parseArguments(const QStringList &arguments)
{
    Config config;
    bool haveUrl = false;
    auto fail = [](const QString &message) {
        printError(message + QStringLiteral(" (see --help)"));
        return std::nullopt;
    };
    for (int i = 1; i < arguments.size(); ++i) {
        QString arg = arguments.at(i);
        std::optional<QString> inlineValue;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            inlineValue = arg.mid(arg.indexOf(QLatin1Char('=')) + 1);
            arg.truncate(arg.indexOf(QLatin1Char('=')));
        }
        auto value = [&](QString *out) {
            if (inlineValue) {
                *out = *inlineValue;
                return true;
            }
            if (i + 1 >= arguments.size())
                return false;
            *out = arguments.at(++i);
            return true;
        };
        QString v;
        if (arg == QLatin1String("-h") || arg == QLatin1String("--help")) {
            std::fputs(usageText, stdout);
            std::exit(ExitOk);
        } else if (arg == QLatin1String("--namespace")) {
            if (!value(&v) || v.isEmpty())
                return fail(QStringLiteral("--namespace needs a name"));
            config.namespaceName = v.startsWith(QLatin1Char('/')) ? v : QLatin1Char('/') + v;
        } else if (arg == QLatin1String("--auth")) {
            QString error;
            if (!value(&v))
                return fail(QStringLiteral("--auth needs a JSON object"));
            const auto json = parseJson(v, &error);
            if (!json || !json->isObject())
                return fail(QStringLiteral("--auth: not a JSON object: %1").arg(v));
            config.auth = json->toObject().toVariantMap();
        } else if (arg == QLatin1String("--emit")) {
            EmitSpec spec;
            QString jsonText;
            if (inlineValue || i + 2 >= arguments.size())
                return fail(QStringLiteral("--emit needs EVENT and JSON_ARGS"));
            spec.event = arguments.at(++i);
            jsonText = arguments.at(++i);
            QString error;
            const auto json = parseJson(jsonText, &error);
            if (!json)
                return fail(QStringLiteral("--emit %1: invalid JSON (%2): %3")
                                .arg(spec.event, error, jsonText));
            spec.args = json->isArray() ? json->toArray().toVariantList()
                                        : QVariantList { json->toVariant() };
            config.emits.append(spec);
        } else if (arg == QLatin1String("--ack")) {
            if (config.emits.isEmpty())
                return fail(QStringLiteral("--ack must follow an --emit"));
            config.emits.last().ack = true;
        } else if (arg == QLatin1String("--timeout")) {
            int ms = 0;
            if (!value(&v) || !parseInt(v, 1, &ms))
                return fail(QStringLiteral("--timeout needs a positive number of ms"));
            if (config.emits.isEmpty())
                config.defaultTimeoutMs = ms;
            else
                config.emits.last().timeoutMs = ms;
        } else if (arg == QLatin1String("--listen")) {
            config.listen = true;
            if (inlineValue) {
                config.listenEvents.append(*inlineValue);
            } else if (i + 1 < arguments.size() && !arguments.at(i + 1).startsWith(QLatin1Char('-'))
                && !(arguments.at(i + 1).contains(QLatin1String("://")) && !haveUrl)) {
                config.listenEvents.append(arguments.at(++i));
            }
        } else if (arg == QLatin1String("--count")) {
            if (!value(&v) || !parseInt(v, 1, &config.count))
                return fail(QStringLiteral("--count needs a positive number"));
            config.listen = true;
        } else if (arg == QLatin1String("--duration")) {
            if (!value(&v) || !parseInt(v, 0, &config.durationMs))
                return fail(QStringLiteral("--duration needs a number of ms"));
        } else if (arg == QLatin1String("--ca")) {
            if (!value(&v) || v.isEmpty())
                return fail(QStringLiteral("--ca needs a PEM file"));
            config.caFile = v;
        } else if (arg == QLatin1String("--insecure")) {
            config.insecure = true;
        } else if (arg == QLatin1String("--compression-level")) {
            if (!value(&v) || !parseInt(v, 1, &config.compressionLevel)
                || config.compressionLevel > 9)
                return fail(QStringLiteral("--compression-level needs a level from 1 to 9"));
        } else if (arg == QLatin1String("--encryption-key")) {
            if (!value(&v) || v.isEmpty())
                return fail(QStringLiteral("--encryption-key needs a key"));
            config.encryptionKey = v.toUtf8();
        } else if (arg == QLatin1String("--connect-timeout")) {
            if (!value(&v) || !parseInt(v, 1, &config.connectTimeoutMs))
                return fail(QStringLiteral("--connect-timeout needs a positive number of ms"));
        } else if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1) {
            return fail(QStringLiteral("unknown option %1").arg(arg));
        } else if (!haveUrl) {
            config.url = QUrl(arg, QUrl::StrictMode);
            const QString scheme = config.url.scheme();
            if (!config.url.isValid() || config.url.host().isEmpty()
                || !(scheme == QLatin1String("ws") || scheme == QLatin1String("wss")
                    || scheme == QLatin1String("http") || scheme == QLatin1String("https")))
                return fail(
                    QStringLiteral("not a ws://, wss://, http:// or https:// URL: %1").arg(arg));
            haveUrl = true;
        } else {
            return fail(QStringLiteral("unexpected argument %1").arg(arg));
        }
    }
    if (!haveUrl)
        return fail(QStringLiteral("missing URL"));
    return config;
}

class Runner : public QObject
{
public:
    explicit Runner(const Config &config)
        : m_config(config), m_client(config.url, clientOptions(config))
    { }

    void start()
    {
        if (m_config.listen) {
            m_client.onAny([this](const QString &event, const QVariantList &args) {
                if (m_finished)
                    return;
                if (!m_config.listenEvents.isEmpty() && !m_config.listenEvents.contains(event))
                    return;
                printLine(QStringLiteral("event"), event, args);
                ++m_received;
                checkDone();
            });
        }
        connect(&m_client, &Client::connected, this, [this] { onConnected(); });
        connect(&m_client, &Client::errorOccurred, this, [this](const SmartSocket::Error &e) {
            QString message = e.message();
            if (!e.code().isEmpty())
                message += QStringLiteral(" (code %1)").arg(e.code());
            if (e.data().isValid()) {
                message += QLatin1Char(' ')
                    + QString::fromUtf8(QJsonDocument(QJsonArray { toJson(e.data()) })
                                            .toJson(QJsonDocument::Compact));
            }
            if (!m_wasConnected) {
                printError(QStringLiteral("connect error: %1").arg(message));
                finish(ExitConnectError);
            } else {
                printError(QStringLiteral("error: %1").arg(message));
            }
        });
        connect(&m_client, &Client::disconnected, this, [this](const QString &reason) {
            if (m_finished)
                return;
            printError(QStringLiteral("disconnected: %1").arg(reason));
            finish(m_exitCode != ExitOk ? m_exitCode : ExitDisconnected);
        });
        // Backstop in case the client reports nothing within its own connectTimeout.
        QTimer::singleShot(m_config.connectTimeoutMs + 1000, this, [this] {
            if (!m_wasConnected) {
                printError(QStringLiteral("connect error: timeout after %1 ms")
                               .arg(m_config.connectTimeoutMs));
                finish(ExitConnectError);
            }
        });
        m_client.open();
    }

private:
    static ClientOptions clientOptions(const Config &config)
    {
        ClientOptions options;
        options.namespaceName = config.namespaceName;
        options.auth = config.auth;
        options.ackTimeout = config.defaultTimeoutMs;
        options.connectTimeout = config.connectTimeoutMs;
        options.reconnection = false; // a one-shot tool: report, don't retry
        options.caCertificateFile = config.caFile;
        options.ignoreSslErrors = config.insecure;
        if (config.compressionLevel > 0) {
            options.enableCompression = true;
            options.compressionLevel = config.compressionLevel;
        }
        QByteArray key = config.encryptionKey;
        if (key.isEmpty())
            key = qgetenv("SMARTSOCKET_ENCRYPTION_KEY");
        if (!key.isEmpty()) {
            options.enableEncryption = true;
            options.encryptionKey = key;
        }
        return options;
    }

    void onConnected()
    {
        if (m_wasConnected)
            return;
        m_wasConnected = true;
        if (m_config.durationMs >= 0) {
            QTimer::singleShot(m_config.durationMs, this, [this] {
                if (m_pendingAcks > 0) {
                    printError(QStringLiteral("%1 ack(s) still pending after --duration")
                                   .arg(m_pendingAcks));
                    m_exitCode = ExitAckError;
                }
                finish(m_exitCode);
            });
        }
        for (const EmitSpec &spec : std::as_const(m_config.emits)) {
            if (!spec.ack) {
                m_client.emitEvent(spec.event, spec.args);
                continue;
            }
            ++m_pendingAcks;
            const QString event = spec.event;
            m_client.emitEvent(
                event, spec.args,
                [this, event](const AckResult &result) {
                    --m_pendingAcks;
                    if (m_finished)
                        return;
                    if (result.isOk()) {
                        printLine(QStringLiteral("ack"), event, result.args());
                    } else {
                        printError(
                            QStringLiteral("ack for %1: %2").arg(event, result.errorString()));
                        m_exitCode = ExitAckError;
                    }
                    checkDone();
                },
                spec.timeoutMs > 0 ? spec.timeoutMs : m_config.defaultTimeoutMs);
        }
        checkDone();
    }

    void checkDone()
    {
        if (m_finished || !m_wasConnected || m_pendingAcks > 0)
            return;
        if (m_config.count > 0) {
            if (m_received >= m_config.count)
                finish(m_exitCode);
            return;
        }
        if (!m_config.listen && m_config.durationMs < 0)
            finish(m_exitCode);
    }

    void finish(int code)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_client.close();
        // Let the last frames (events without ack, the DISCONNECT) leave before exiting.
        QTimer::singleShot(100, qApp, [code] { QCoreApplication::exit(code); });
    }

    Config m_config;
    Client m_client;
    bool m_wasConnected = false;
    bool m_finished = false;
    int m_pendingAcks = 0;
    int m_received = 0;
    int m_exitCode = ExitOk;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("smartsocket-cli"));

    const std::optional<Config> config = parseArguments(QCoreApplication::arguments());
    if (!config)
        return ExitUsage;

    Runner runner(*config);
    runner.start();
    return app.exec();
}
