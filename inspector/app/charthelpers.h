#pragma once

class QValueAxis;

namespace Inspector {

/// Gives a value axis a readable range for data up to `max`: 0 to the next 1, 2 or 5 × 10^n
/// above it (10 % headroom, at least `minimumTop`), with ticks on round values.
void setTidyRange(QValueAxis *axis, double max, double minimumTop = 5);

} // namespace Inspector
