#pragma once

// What an incoming Engine.IO v4 text frame means, for the server and for the client: the one
// place that knows which side may send which packet type. Inline: it runs for every message.

#include <QByteArrayView>
#include <QString>

namespace SmartSocket::Session {

class EngineFrame
{
public:
    enum class Role : quint8 { Server, Client };
    enum class Action : quint8 {
        Message, ///< '4': a Socket.IO packet follows the type character
        Open, ///< '0': the handshake (client side only)
        Close, ///< '1': the peer ends the session
        Ping, ///< '2': answer with a pong (client side only: a v4 client never pings)
        Pong, ///< '3': the answer to our ping (server side)
        Base64Binary, ///< 'b': base64 attachment, a polling form some servers use (client side)
        Ignore, ///< upgrade, noop, or a pong the client need not act on
        Error, ///< see error(): close the session
    };
    enum class Error : quint8 { None, Empty, UnknownType, HeartbeatDirection };

    struct Decision
    {
        Action action;
        Error error;
    };

    static Decision classify(Role role, QByteArrayView frame) noexcept
    {
        if (frame.isEmpty())
            return { Action::Error, Error::Empty };
        const bool server = role == Role::Server;
        switch (frame.front()) {
        case '4':
            return { Action::Message, Error::None };
        case '3':
            return { server ? Action::Pong : Action::Ignore, Error::None };
        case '2':
            return server ? Decision { Action::Error, Error::HeartbeatDirection }
                          : Decision { Action::Ping, Error::None };
        case '1':
            return { Action::Close, Error::None };
        case '0':
            return server ? Decision { Action::Error, Error::UnknownType }
                          : Decision { Action::Open, Error::None };
        case '5': // upgrade: meaningless on a session opened over WebSocket; Node ignores it
        case '6': // noop
            return { Action::Ignore, Error::None };
        case 'b':
            return server ? Decision { Action::Error, Error::UnknownType }
                          : Decision { Action::Base64Binary, Error::None };
        default:
            return { Action::Error, Error::UnknownType };
        }
    }

    /// The detail reported for an Error decision.
    static QString errorString(Error error);
    /// The session's close reason for an Error decision ("parse error", "transport error").
    static QString closeReason(Error error);
};

} // namespace SmartSocket::Session
