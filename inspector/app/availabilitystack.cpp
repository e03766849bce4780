#include "availabilitystack.h"

#include <QLabel>

namespace Inspector {

AvailabilityStack::AvailabilityStack(QWidget *content, QWidget *parent)
    : QStackedWidget(parent), m_note(new QLabel(this))
{
    m_note->setObjectName(QStringLiteral("unavailableNote"));
    m_note->setAlignment(Qt::AlignCenter);
    m_note->setWordWrap(true);
    m_note->setMargin(24);
    QFont font = m_note->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_note->setFont(font);
    m_note->setStyleSheet(QStringLiteral("color: palette(mid);"));
    addWidget(content);
    addWidget(m_note);
}

void AvailabilityStack::setAvailable(bool available, const QString &reason)
{
    m_note->setText(reason);
    setCurrentIndex(available ? 0 : 1);
}

QString AvailabilityStack::reason() const
{
    return isAvailable() ? QString() : m_note->text();
}

} // namespace Inspector
