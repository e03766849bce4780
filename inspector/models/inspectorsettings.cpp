#include "inspectorsettings.h"

#include <QCryptographicHash>
#include <QSettings>

namespace Inspector {

InspectorSettings::InspectorSettings(QSettings *settings) : m_settings(settings)
{
    if (!m_settings) {
        m_owned = std::make_unique<QSettings>();
        m_settings = m_owned.get();
    }
}

InspectorSettings::~InspectorSettings() = default;

QList<ConnectionProfile> InspectorSettings::recentProfiles() const
{
    QList<ConnectionProfile> profiles;
    const QVariantList list = m_settings->value(QStringLiteral("recent/profiles")).toList();
    for (const QVariant &v : list) {
        const ConnectionProfile p = ConnectionProfile::fromVariant(v.toMap());
        if (p.isValid())
            profiles.append(p);
    }
    return profiles;
}

void InspectorSettings::addRecentProfile(const ConnectionProfile &profile)
{
    if (!profile.isValid())
        return;
    QList<ConnectionProfile> profiles = recentProfiles();
    profiles.removeIf([&](const ConnectionProfile &p) { return p.key() == profile.key(); });
    profiles.prepend(profile);
    QVariantList list;
    for (int i = 0; i < profiles.size() && i < MaxRecent; ++i)
        list.append(profiles[i].toVariant());
    m_settings->setValue(QStringLiteral("recent/profiles"), list);
}

void InspectorSettings::clearRecentProfiles()
{
    m_settings->remove(QStringLiteral("recent/profiles"));
}

static QString sessionKey(const ConnectionProfile &profile)
{
    // A settings key of any URL: its hash.
    const QByteArray hash
        = QCryptographicHash::hash(profile.key().toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("sessions/") + QString::fromLatin1(hash);
}

QString InspectorSettings::sessionId(const ConnectionProfile &profile) const
{
    return m_settings->value(sessionKey(profile)).toString();
}

void InspectorSettings::setSessionId(const ConnectionProfile &profile, const QString &sessionId)
{
    if (sessionId.isEmpty())
        m_settings->remove(sessionKey(profile));
    else
        m_settings->setValue(sessionKey(profile), sessionId);
}

QList<SavedRequest> InspectorSettings::savedRequests() const
{
    QList<SavedRequest> requests;
    const QVariantList list = m_settings->value(QStringLiteral("requests/saved")).toList();
    for (const QVariant &v : list) {
        const SavedRequest r = SavedRequest::fromVariant(v.toMap());
        if (!r.name.isEmpty())
            requests.append(r);
    }
    return requests;
}

void InspectorSettings::saveRequest(const SavedRequest &request)
{
    if (request.name.isEmpty())
        return;
    QList<SavedRequest> requests = savedRequests();
    bool replaced = false;
    for (SavedRequest &r : requests) {
        if (r.name == request.name) {
            r = request;
            replaced = true;
        }
    }
    if (!replaced)
        requests.append(request);
    QVariantList list;
    for (const SavedRequest &r : std::as_const(requests))
        list.append(r.toVariant());
    m_settings->setValue(QStringLiteral("requests/saved"), list);
}

void InspectorSettings::removeRequest(const QString &name)
{
    QList<SavedRequest> requests = savedRequests();
    requests.removeIf([&](const SavedRequest &r) { return r.name == name; });
    QVariantList list;
    for (const SavedRequest &r : std::as_const(requests))
        list.append(r.toVariant());
    m_settings->setValue(QStringLiteral("requests/saved"), list);
}

QByteArray InspectorSettings::windowGeometry() const
{
    return m_settings->value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray InspectorSettings::windowState() const
{
    return m_settings->value(QStringLiteral("window/state")).toByteArray();
}

void InspectorSettings::setWindowLayout(const QByteArray &geometry, const QByteArray &state)
{
    m_settings->setValue(QStringLiteral("window/geometry"), geometry);
    m_settings->setValue(QStringLiteral("window/state"), state);
}

void InspectorSettings::sync()
{
    m_settings->sync();
}

} // namespace Inspector
