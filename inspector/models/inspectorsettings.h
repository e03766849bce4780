#pragma once

#include "connectionprofile.h"
#include "savedrequest.h"

#include <QByteArray>
#include <QList>

#include <memory>

class QSettings;

namespace Inspector {

/// Everything the inspector remembers between runs, behind one small class over QSettings:
/// recent servers with their settings (never passwords), admin session ids per server,
/// saved emit requests, and the window layout.
class InspectorSettings
{
public:
    /// Uses `settings` when given (tests), else QSettings() of the application.
    explicit InspectorSettings(QSettings *settings = nullptr);
    ~InspectorSettings();
    InspectorSettings(const InspectorSettings &) = delete;
    InspectorSettings &operator=(const InspectorSettings &) = delete;

    static constexpr int MaxRecent = 10;

    /// Most recent first.
    QList<ConnectionProfile> recentProfiles() const;
    /// Puts the profile first (replacing the one with the same key), keeps MaxRecent.
    void addRecentProfile(const ConnectionProfile &profile);
    void clearRecentProfiles();

    QString sessionId(const ConnectionProfile &profile) const;
    void setSessionId(const ConnectionProfile &profile, const QString &sessionId);

    QList<SavedRequest> savedRequests() const;
    /// Replaces the request with the same name, or adds it.
    void saveRequest(const SavedRequest &request);
    void removeRequest(const QString &name);

    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray &geometry, const QByteArray &state);

    void sync();

private:
    QSettings *m_settings;
    std::unique_ptr<QSettings> m_owned;
};

} // namespace Inspector
