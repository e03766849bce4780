#include "eventspage.h"

#include "eventfilterproxymodel.h"
#include "eventlogmodel.h"
#include "valueformat.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace Inspector {

EventsPage::EventsPage(EventLogModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new EventFilterProxyModel(this))
    , m_view(new QTableView(this))
    , m_nsp(new QLineEdit(this))
    , m_event(new QLineEdit(this))
    , m_socket(new QLineEdit(this))
    , m_text(new QLineEdit(this))
    , m_direction(new QComboBox(this))
    , m_pause(new QToolButton(this))
    , m_counter(new QLabel(this))
    , m_details(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("eventsPage"));
    m_proxy->setSourceModel(model);

    m_nsp->setPlaceholderText(tr("Namespace"));
    m_event->setPlaceholderText(tr("Event"));
    m_socket->setPlaceholderText(tr("Socket id"));
    m_text->setPlaceholderText(tr("Search text in arguments…"));
    m_nsp->setObjectName(QStringLiteral("eventsNamespaceFilter"));
    m_event->setObjectName(QStringLiteral("eventsEventFilter"));
    m_socket->setObjectName(QStringLiteral("eventsSocketFilter"));
    m_text->setObjectName(QStringLiteral("eventsTextFilter"));
    for (QLineEdit *edit : { m_nsp, m_event, m_socket, m_text })
        edit->setClearButtonEnabled(true);
    m_direction->addItem(tr("All directions"), -1);
    m_direction->addItem(tr("Received"), int(EventRecord::Direction::Received));
    m_direction->addItem(tr("Sent"), int(EventRecord::Direction::Sent));
    m_direction->addItem(tr("Connections and rooms"), int(EventRecord::Direction::Lifecycle));

    m_pause->setObjectName(QStringLiteral("eventsPauseButton"));
    m_pause->setCheckable(true);
    m_pause->setIcon(QIcon(QStringLiteral(":/inspector/icons/pause.svg")));
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Pause the live flow (events keep arriving and wait)"));
    m_pause->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *clear = new QToolButton(this);
    clear->setIcon(QIcon(QStringLiteral(":/inspector/icons/clear.svg")));
    clear->setText(tr("Clear"));
    clear->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *exportButton = new QToolButton(this);
    exportButton->setIcon(QIcon(QStringLiteral(":/inspector/icons/export.svg")));
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the events shown as JSON lines"));
    exportButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_nsp, 1);
    filters->addWidget(m_event, 1);
    filters->addWidget(m_socket, 1);
    filters->addWidget(m_text, 2);
    filters->addWidget(m_direction);
    filters->addWidget(m_pause);
    filters->addWidget(clear);
    filters->addWidget(exportButton);

    m_view->setObjectName(QStringLiteral("eventsView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures 10 000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(EventLogModel::TimeColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000__")));
    m_view->setColumnWidth(EventLogModel::DirectionColumn,
        fontMetrics().horizontalAdvance(QStringLiteral("state___")));
    m_view->setColumnWidth(EventLogModel::NamespaceColumn, 90);
    m_view->setColumnWidth(EventLogModel::SocketColumn, 180);
    m_view->setColumnWidth(EventLogModel::EventColumn, 140);

    m_details->setObjectName(QStringLiteral("eventDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select an event to see its arguments"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_counter);

    connect(m_nsp, &QLineEdit::textChanged, m_proxy, &EventFilterProxyModel::setNamespaceFilter);
    connect(m_event, &QLineEdit::textChanged, m_proxy, &EventFilterProxyModel::setEventFilter);
    connect(m_socket, &QLineEdit::textChanged, m_proxy, &EventFilterProxyModel::setSocketFilter);
    connect(m_text, &QLineEdit::textChanged, m_proxy, &EventFilterProxyModel::setTextFilter);
    connect(m_direction, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setDirectionFilter(m_direction->currentData().toInt()); });
    connect(m_pause, &QToolButton::toggled, model, &EventLogModel::setPaused);
    connect(model, &EventLogModel::pausedChanged, m_pause, &QToolButton::setChecked);
    connect(clear, &QToolButton::clicked, model, &EventLogModel::clear);
    connect(exportButton, &QToolButton::clicked, this, &EventsPage::exportInteractive);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &EventsPage::updateDetails);

    // Follow the newest rows while the view is at the bottom; stay put once the user scrolls up.
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
        [this](int value) { m_follow = value >= m_view->verticalScrollBar()->maximum() - 2; });
    connect(model, &EventLogModel::flushed, this, [this] {
        if (m_follow)
            m_view->scrollToBottom();
        updateCounter();
    });
    connect(model, &EventLogModel::modelReset, this, &EventsPage::updateCounter);
    connect(model, &EventLogModel::pausedChanged, this, &EventsPage::updateCounter);
    updateCounter();
}

void EventsPage::updateDetails()
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid()) {
        m_details->clear();
        return;
    }
    const QModelIndex source = m_proxy->mapToSource(index);
    const EventRecord &r = m_model->record(source.row());
    QString text = tr("%1  %2  %3  socket %4\nevent: %5\n\n")
                       .arg(r.time.toLocalTime().toString(Qt::ISODateWithMs),
                           EventRecord::directionName(r.direction), r.nsp, r.socketId, r.event);
    text += ValueFormat::prettyArguments(r.args);
    m_details->setPlainText(text);
}

void EventsPage::updateCounter()
{
    QString text = tr("%n event(s) shown", nullptr, m_proxy->rowCount());
    text += QStringLiteral(" · ")
        + tr("%1 in the log (at most %2), %3 dropped")
              .arg(m_model->rowCount())
              .arg(m_model->capacity())
              .arg(m_model->droppedCount());
    if (m_model->isPaused())
        text += QStringLiteral(" · ") + tr("paused: %n waiting", nullptr, m_model->pendingCount());
    m_counter->setText(text);
}

void EventsPage::filterSocket(const QString &socketId)
{
    m_socket->setText(socketId);
}

bool EventsPage::exportTo(const QString &fileName, QString *error) const
{
    QFile file(fileName);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex source = m_proxy->mapToSource(m_proxy->index(row, 0));
        if (file.write(EventLogModel::toJsonLine(m_model->record(source.row()))) < 0) {
            if (error)
                *error = file.errorString();
            return false;
        }
    }
    return true;
}

void EventsPage::exportInteractive()
{
    const QString fileName = QFileDialog::getSaveFileName(this, tr("Export events"),
        QStringLiteral("events.jsonl"), tr("JSON lines (*.jsonl *.json);;All files (*)"));
    if (fileName.isEmpty())
        return;
    QString error;
    if (!exportTo(fileName, &error))
        QMessageBox::warning(
            this, tr("Export events"), tr("Could not write %1: %2").arg(fileName, error));
}

} // namespace Inspector
