#include "engineframe.h"

#include "closereason.h"

namespace SmartSocket::Session {

QString EngineFrame::errorString(Error error)
{
    switch (error) {
    case Error::None:
        break;
    case Error::Empty:
        return QStringLiteral("empty Engine.IO packet");
    case Error::UnknownType:
        return QStringLiteral("unknown Engine.IO packet type");
    case Error::HeartbeatDirection:
        return QStringLiteral("invalid heartbeat direction");
    }
    return QString();
}

QString EngineFrame::closeReason(Error error)
{
    return error == Error::HeartbeatDirection ? CloseReason::transportError()
                                              : CloseReason::parseError();
}

} // namespace SmartSocket::Session
