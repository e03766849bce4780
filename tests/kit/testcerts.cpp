#include "testcerts.h"

#include <QFile>
#include <QProcess>

namespace TestKit {

TestCertificates::TestCertificates()
{
    if (!m_dir.isValid()) {
        m_error = QStringLiteral("no temporary directory");
        return;
    }
    const QStringList ecKey { QStringLiteral("-newkey"), QStringLiteral("ec"),
        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
        QStringLiteral("-nodes") };
    m_ok = run(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ecKey
               + QStringList { QStringLiteral("-keyout"), path(QStringLiteral("ca.key")),
                   QStringLiteral("-out"), caFile(), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=SmartSocket Test CA"),
                   QStringLiteral("-addext"), QStringLiteral("basicConstraints=critical,CA:TRUE"),
                   QStringLiteral("-addext"),
                   QStringLiteral("keyUsage=critical,keyCertSign,cRLSign") })
        && issue(QStringLiteral("server"), QStringLiteral("/CN=localhost"),
            QStringLiteral("DNS:localhost,IP:127.0.0.1"))
        && issue(QStringLiteral("other"), QStringLiteral("/CN=other.example"),
            QStringLiteral("DNS:other.example"))
        && run(QStringList { QStringLiteral("req"), QStringLiteral("-x509") } + ecKey
            + QStringList { QStringLiteral("-keyout"), selfSignedKey(), QStringLiteral("-out"),
                selfSignedCertificate(), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1") });
}

bool TestCertificates::issue(const QString &name, const QString &subject, const QString &altNames)
{
    const QString ext = path(name + QStringLiteral(".ext"));
    QFile file(ext);
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    file.write("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n"
               "extendedKeyUsage=serverAuth\nsubjectAltName=");
    file.write(altNames.toUtf8());
    file.write("\n");
    file.close();
    const QString csr = path(name + QStringLiteral(".csr"));
    return run({ QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
               QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
               QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
               QStringLiteral("-keyout"), path(name + QStringLiteral(".key")),
               QStringLiteral("-out"), csr, QStringLiteral("-subj"), subject })
        && run({ QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
            QStringLiteral("-CA"), caFile(), QStringLiteral("-CAkey"),
            path(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"),
            QStringLiteral("-out"), path(name + QStringLiteral(".pem")), QStringLiteral("-days"),
            QStringLiteral("2"), QStringLiteral("-extfile"), ext });
}

bool TestCertificates::run(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
        || process.exitCode() != 0) {
        m_error = QStringLiteral("openssl %1 failed: %2 %3")
                      .arg(arguments.value(0), process.errorString(),
                          QString::fromLocal8Bit(process.readAll()));
        process.kill();
        return false;
    }
    return true;
}

} // namespace TestKit
