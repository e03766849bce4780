#include "testkit.h"

#include <QProcessEnvironment>

namespace TestKit {
QString interopDir()
{
    return QProcessEnvironment::systemEnvironment().value(
        QStringLiteral("SMARTSOCKET_INTEROP_DIR"));
}

bool isCi()
{
    return qEnvironmentVariable("CI") == QStringLiteral("true");
}
} // namespace TestKit
