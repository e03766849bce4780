#pragma once

#include <QString>

namespace TestKit {
/// Directory holding the npm peers (tests/interop); empty when unknown.
QString interopDir();
} // namespace TestKit
