#pragma once

#include <QStackedWidget>

class QLabel;

namespace Inspector {

/// A page's content, or in its place a note saying why it is not available (a feature the
/// server does not announce, or the wrong mode).
class AvailabilityStack : public QStackedWidget
{
    Q_OBJECT
public:
    explicit AvailabilityStack(QWidget *content, QWidget *parent = nullptr);

    void setAvailable(bool available, const QString &reason = {});
    bool isAvailable() const { return currentIndex() == 0; }
    QString reason() const;

private:
    QLabel *m_note;
};

} // namespace Inspector
