#pragma once

// Engine.IO v4 helpers. Pure Qt::Core.

#include "packet.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace SmartSocket::Protocol {

struct OpenInfo
{
    QString sid;
    QStringList upgrades;
    int pingInterval = 25000;
    int pingTimeout = 20000;
    qint64 maxPayload = 1000000;
};

/// `0{"sid":..,"upgrades":[..],"pingInterval":..,"pingTimeout":..,"maxPayload":..}`
QByteArray encodeOpen(const OpenInfo &info);
/// Parses the JSON after the '0' of an open packet.
bool decodeOpen(QByteArrayView json, OpenInfo &info, QString *error = nullptr);

/// HTTP-level error body as Node sends it: `{"code":N,"message":"..."}`.
enum class EngineError {
    TransportUnknown = 0,
    UnknownSid = 1,
    BadHandshakeMethod = 2,
    BadRequest = 3,
    Forbidden = 4,
    UnsupportedProtocolVersion = 5
};
QByteArray engineErrorBody(EngineError code);
QString engineErrorMessage(EngineError code);

} // namespace SmartSocket::Protocol
