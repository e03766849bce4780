#include "clienthelpers.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

#include <optional>

namespace TestKit {

using SmartSocket::AckResult;

AckResult ask(
    SmartSocket::Client &client, const QString &event, const QVariantList &args, int timeoutMs)
{
    std::optional<AckResult> result;
    client.emitEvent(
        event, args, [&](const AckResult &r) { result = r; }, timeoutMs);
    QDeadlineTimer deadline(timeoutMs + 5000);
    while (!result && !deadline.hasExpired())
        QTest::qWait(5);
    return result.value_or(
        AckResult::failure(AckResult::Status::Timeout, QStringLiteral("test gave up")));
}

bool connectClient(SmartSocket::Client &client, int timeoutMs)
{
    QSignalSpy spy(&client, &SmartSocket::Client::connected);
    client.open();
    return spy.wait(timeoutMs) || client.isConnected();
}

} // namespace TestKit
