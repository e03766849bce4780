#pragma once

class QHeaderView;

namespace Inspector {

/// Widens every section of a header that is narrower than its own title (plus the sort
/// indicator): the fixed column widths suit English titles, translated ones may be longer.
void widenToTitles(QHeaderView *header);

} // namespace Inspector
