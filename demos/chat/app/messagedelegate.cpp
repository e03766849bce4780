#include "messagedelegate.h"

#include "messagemodel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace {

constexpr int kMargin = 6;

QColor deliveryColor(int delivery)
{
    switch (delivery) {
    case MessageModel::Delivered:
        return QColor(0x2e, 0x7d, 0x32);
    case MessageModel::Failed:
        return QColor(0xc6, 0x28, 0x28);
    default:
        return QColor(0x75, 0x75, 0x75);
    }
}

QFont boldFont(const QFont &font)
{
    QFont bold = font;
    bold.setBold(true);
    return bold;
}

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.85);
    return small;
}

} // namespace

QString MessageDelegate::deliveryMark(int delivery)
{
    switch (delivery) {
    case MessageModel::Pending:
        return tr("○ sending…");
    case MessageModel::Delivered:
        return tr("✓ delivered");
    case MessageModel::Failed:
        return tr("✗ not delivered");
    default:
        return {};
    }
}

int MessageDelegate::textWidth(const QStyleOptionViewItem &option) const
{
    int width = option.rect.width();
    if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        width = view->viewport()->width();
    return std::max(80, width - 2 * kMargin);
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = textWidth(option);
    const int kind = index.data(MessageModel::KindRole).toInt();
    const QString text = index.data(MessageModel::TextRole).toString();
    if (kind != MessageModel::ChatMessage) {
        const QFontMetrics fm(option.font);
        const QRect r = fm.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text);
        return { width, r.height() + 2 * kMargin };
    }
    const QFontMetrics header(boldFont(option.font));
    const QFontMetrics body(option.font);
    const QRect r = body.boundingRect(QRect(0, 0, width, 10000), Qt::TextWordWrap, text);
    return { width, header.height() + r.height() + 2 * kMargin + 2 };
}

void MessageDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    painter->save();
    const QRect area = option.rect.adjusted(kMargin, kMargin / 2, -kMargin, -kMargin / 2);
    const int kind = index.data(MessageModel::KindRole).toInt();
    const QString text = index.data(MessageModel::TextRole).toString();
    const QDateTime time = index.data(MessageModel::TimestampRole).toDateTime();
    const QString clock = QLocale().toString(time.time(), QLocale::ShortFormat);

    if (kind == MessageModel::Notice) {
        painter->fillRect(option.rect.adjusted(2, 1, -2, -1), QColor(0xff, 0xf3, 0xe0));
        painter->setPen(QColor(0xe6, 0x51, 0x00));
        painter->drawText(area, Qt::TextWordWrap | Qt::AlignVCenter, text);
        painter->restore();
        return;
    }
    if (kind == MessageModel::RoomEvent) {
        QFont font = option.font;
        font.setItalic(true);
        painter->setFont(font);
        painter->setPen(option.palette.color(QPalette::Disabled, QPalette::Text));
        painter->drawText(
            area, Qt::TextWordWrap | Qt::AlignVCenter, QStringLiteral("%1  %2").arg(clock, text));
        painter->restore();
        return;
    }

    const bool own = index.data(MessageModel::OwnRole).toBool();
    const int delivery = index.data(MessageModel::DeliveryRole).toInt();
    if (own)
        painter->fillRect(option.rect.adjusted(2, 1, -2, -1), QColor(0xe8, 0xf0, 0xfe));
    const QFont bold = boldFont(option.font);
    const QFontMetrics header(bold);
    QRect line(area.left(), area.top(), area.width(), header.height());

    painter->setFont(bold);
    painter->setPen(own ? QColor(0x15, 0x65, 0xc0) : option.palette.color(QPalette::Text));
    const QString from = index.data(MessageModel::FromRole).toString();
    painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, from);
    const int fromWidth = header.horizontalAdvance(from);

    const QFont small = smallFont(option.font);
    painter->setFont(small);
    painter->setPen(option.palette.color(QPalette::Disabled, QPalette::Text));
    painter->drawText(
        line.adjusted(fromWidth + 10, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter, clock);
    if (own) {
        painter->setPen(deliveryColor(delivery));
        painter->drawText(line, Qt::AlignRight | Qt::AlignVCenter, deliveryMark(delivery));
    }

    painter->setFont(option.font);
    painter->setPen(option.palette.color(QPalette::Text));
    const QRect body(
        area.left(), line.bottom() + 2, area.width(), area.bottom() - line.bottom() - 2);
    painter->drawText(body, Qt::TextWordWrap | Qt::AlignTop | Qt::AlignLeft, text);
    painter->restore();
}
