#pragma once

#include <QString>
#include <QTemporaryDir>

namespace TestKit {

/// A throwaway CA and certificates signed by it, made with the `openssl` command line in a
/// temporary directory (deleted with the object). EC P-256 keys: quick to generate.
class TestCertificates
{
public:
    TestCertificates();
    /// False (see errorString()) when openssl is missing or failed.
    bool isValid() const { return m_ok; }
    QString errorString() const { return m_error; }

    QString caFile() const { return path(QStringLiteral("ca.pem")); }
    /// For DNS:localhost and IP:127.0.0.1.
    QString serverCertificate() const { return path(QStringLiteral("server.pem")); }
    QString serverKey() const { return path(QStringLiteral("server.key")); }
    /// Signed by the same CA, for DNS:other.example only.
    QString otherCertificate() const { return path(QStringLiteral("other.pem")); }
    QString otherKey() const { return path(QStringLiteral("other.key")); }
    /// Self-signed for localhost and 127.0.0.1: trusted by nobody.
    QString selfSignedCertificate() const { return path(QStringLiteral("self.pem")); }
    QString selfSignedKey() const { return path(QStringLiteral("self.key")); }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }
    bool run(const QStringList &arguments);
    bool issue(const QString &name, const QString &subject, const QString &altNames);

    QTemporaryDir m_dir;
    bool m_ok = false;
    QString m_error;
};

} // namespace TestKit
