#pragma once

#include <QString>

namespace Inspector {

/// State of the inspector's connection, shown in the status bar.
enum class ConnectionState {
    Disconnected,
    Connecting,
    Connected,
    Reconnecting, ///< lost, trying again by itself
    Failed, ///< gave up (e.g. wrong credentials); needs the user
};

} // namespace Inspector
