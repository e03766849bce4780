#include "syncservice.h"

#include <smartsocket/smartsocket.h>

using SmartSocket::Ack;
using SmartSocket::Namespace;
using SmartSocket::Socket;

namespace {

const QString kState = QStringLiteral("state");
const QString kVersion = QStringLiteral("version");
const QString kSuccess = QStringLiteral("success");
const QString kError = QStringLiteral("error");

bool isInteger(const QVariant &value, qint64 *out)
{
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        *out = value.toLongLong();
        return true;
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (d != qint64(d))
            return false;
        *out = qint64(d);
        return true;
    }
    default:
        return false;
    }
}

} // namespace

SyncService::SyncService(Namespace *nsp, QObject *parent)
    : QObject(parent)
    , m_nsp(nsp)
    , m_state { { QStringLiteral("title"), QStringLiteral("Shared form") },
        { QStringLiteral("notes"), QString() }, { QStringLiteral("done"), false },
        { QStringLiteral("progress"), 0 } }
{
    nsp->on(QStringLiteral("get-state"), [this](Socket *, const QVariantList &, const Ack &ack) {
        ack({ QVariantMap { { kState, m_state }, { kVersion, m_version } } });
    });
    nsp->on(QStringLiteral("update-state"),
        [this](Socket *s, const QVariantList &args, const Ack &ack) { onUpdate(s, args, ack); });
}

SyncService::~SyncService()
{
    m_nsp->off(QStringLiteral("get-state"));
    m_nsp->off(QStringLiteral("update-state"));
}

QString SyncService::validate(const QVariantMap &changes)
{
    if (changes.isEmpty())
        return QStringLiteral("no changes");
    for (auto it = changes.cbegin(); it != changes.cend(); ++it) {
        const QString &key = it.key();
        const QVariant &value = it.value();
        qint64 number = 0;
        if (key == QLatin1String("title") || key == QLatin1String("notes")) {
            const int max = key == QLatin1String("title") ? 200 : 10000;
            if (value.metaType().id() != QMetaType::QString)
                return QStringLiteral("%1 must be text").arg(key);
            if (value.toString().size() > max)
                return QStringLiteral("%1 is longer than %2 characters").arg(key).arg(max);
        } else if (key == QLatin1String("done")) {
            if (value.metaType().id() != QMetaType::Bool)
                return QStringLiteral("done must be true or false");
        } else if (key == QLatin1String("progress")) {
            if (!isInteger(value, &number) || number < 0 || number > 100)
                return QStringLiteral("progress must be an integer from 0 to 100");
        } else {
            return QStringLiteral("unknown field %1").arg(key);
        }
    }
    return {};
}

void SyncService::onUpdate(Socket *, const QVariantList &args, const Ack &ack)
{
    const QVariantMap request = args.value(0).toMap();
    qint64 based = 0;
    if (!isInteger(request.value(kVersion), &based))
        return ack({ QVariantMap { { kSuccess, false }, { kError, QStringLiteral("invalid") },
            { QStringLiteral("message"), QStringLiteral("version missing") } } });
    if (based != m_version)
        return ack({ QVariantMap { { kSuccess, false }, { kError, QStringLiteral("stale") },
            { kState, m_state }, { kVersion, m_version } } });
    const QVariant changesValue = request.value(QStringLiteral("changes"));
    const QVariantMap changes = changesValue.toMap();
    const QString problem = changesValue.metaType().id() == QMetaType::QVariantMap
        ? validate(changes)
        : QStringLiteral("changes must be an object");
    if (!problem.isEmpty())
        return ack({ QVariantMap { { kSuccess, false }, { kError, QStringLiteral("invalid") },
            { QStringLiteral("message"), problem } } });

    for (auto it = changes.cbegin(); it != changes.cend(); ++it)
        m_state.insert(it.key(),
            it.key() == QLatin1String("progress") ? QVariant(it.value().toInt()) : it.value());
    ++m_version;
    ack({ QVariantMap { { kSuccess, true }, { kVersion, m_version } } });
    m_nsp->emitEvent(QStringLiteral("state-updated"),
        { QVariantMap { { kState, m_state }, { kVersion, m_version } } });
    Q_EMIT stateChanged(m_state, m_version);
}
