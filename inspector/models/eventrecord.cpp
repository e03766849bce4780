#include "eventrecord.h"

#include "valueformat.h"

namespace Inspector {

void EventRecord::finalize()
{
    argsText = ValueFormat::compact(args);
}

QString EventRecord::directionName(Direction direction)
{
    switch (direction) {
    case Direction::Received:
        return QStringLiteral("in");
    case Direction::Sent:
        return QStringLiteral("out");
    case Direction::Lifecycle:
        return QStringLiteral("state");
    }
    return {};
}

} // namespace Inspector
