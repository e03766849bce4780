#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantList>

namespace Inspector {

/// One row of the live event log: an event a server received or sent (admin mode), an
/// event our client received or sent (client mode), or a socket's lifecycle change.
struct EventRecord
{
    enum class Direction {
        Received, ///< received by the server (admin) or by us (client mode)
        Sent, ///< sent by the server (admin) or by us (client mode)
        Lifecycle, ///< connect, disconnect, room join and leave
    };

    QDateTime time;
    Direction direction = Direction::Received;
    QString nsp;
    QString socketId;
    QString event;
    QVariantList args;
    /// Compact JSON of args, computed once when the record is made (the table cell and the
    /// text filter read it at every repaint and every filter pass).
    QString argsText;

    /// Fills argsText from args.
    void finalize();
    static QString directionName(Direction direction);
};

} // namespace Inspector
