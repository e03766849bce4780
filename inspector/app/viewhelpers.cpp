#include "viewhelpers.h"

#include <QHeaderView>

namespace Inspector {

void widenToTitles(QHeaderView *header)
{
    const int last = header->count() - 1;
    for (int section = 0; section <= last; ++section) {
        if (section == last && header->stretchLastSection())
            continue;
        const int needed = header->sectionSizeHint(section);
        if (header->sectionSize(section) < needed)
            header->resizeSection(section, needed);
    }
}

} // namespace Inspector
