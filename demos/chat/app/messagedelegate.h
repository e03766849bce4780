#pragma once

#include <QStyledItemDelegate>

/// Paints a MessageModel row: sender, time and delivery mark above the wrapped text for chat
/// messages; one grey line for join/leave events; notices highlighted.
class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The mark shown for a delivery state (MessageModel::Delivery).
    static QString deliveryMark(int delivery);

private:
    int textWidth(const QStyleOptionViewItem &option) const;
};
