#include "charthelpers.h"

#include <QValueAxis>

#include <cmath>

namespace Inspector {

void setTidyRange(QValueAxis *axis, double max, double minimumTop)
{
    const double target = std::max(minimumTop, max * 1.1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(target)));
    double mantissa = 10;
    for (double m : { 1.0, 2.0, 5.0, 10.0 }) {
        if (m * magnitude >= target) {
            mantissa = m;
            break;
        }
    }
    const double top = mantissa * magnitude;
    // 1 → 0.2 steps (6 ticks), 2 → 0.5 steps (5 ticks), 5 → 1 steps (6 ticks).
    const int ticks = mantissa == 2 ? 5 : 6;
    axis->setRange(0, top);
    axis->setTickCount(ticks);
    axis->setLabelFormat(top >= 5 ? QStringLiteral("%.0f") : QStringLiteral("%.1f"));
}

} // namespace Inspector
