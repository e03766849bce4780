#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QList>

/// The messages of one chat room as the window shows them: chat messages (with the delivery
/// state of one's own), join/leave events and notices. Qt Core/Gui only, so tests can wrap
/// it in QAbstractItemModelTester.
class MessageModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Kind { ChatMessage, RoomEvent, Notice };
    Q_ENUM(Kind)
    /// Delivery of one's own messages: Pending until the server acks send-message.
    enum Delivery { NotOwn, Pending, Delivered, Failed };
    Q_ENUM(Delivery)
    enum Roles {
        KindRole = Qt::UserRole + 1,
        FromRole,
        TextRole,
        TimestampRole,
        DeliveryRole,
        OwnRole,
        ErrorRole,
        ServerIdRole,
    };

    explicit MessageModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// A message from the server (a `message` event or a history entry: {id, from, text,
    /// timestamp}); ignored when a message with the same server id is already shown.
    void appendMessage(const QVariantMap &message, bool own = false);
    /// One's own message, Pending; returns its local id for markDelivered()/markFailed().
    int appendPending(const QString &from, const QString &text);
    void markDelivered(int localId, qint64 serverId, const QDateTime &time);
    void markFailed(int localId, const QString &error);
    void appendEvent(const QString &text, const QDateTime &time = QDateTime::currentDateTime());
    void appendNotice(const QString &text);
    /// Replaces everything by the room's history (a join-room ack), keeping one's own pending
    /// and failed messages at the end.
    void setHistory(const QVariantList &history, const QString &ownName);
    void clear();

    /// Delivery state of a local id (NotOwn when unknown).
    Delivery delivery(int localId) const;
    /// Row of a local id, -1 when unknown.
    int rowOfLocalId(int localId) const;

private:
    struct Entry
    {
        Kind kind = ChatMessage;
        QString from;
        QString text;
        QDateTime time;
        Delivery delivery = NotOwn;
        QString error;
        qint64 serverId = -1;
        int localId = 0;
    };
    void append(const Entry &entry);
    QString displayText(const Entry &entry) const;

    QList<Entry> m_entries;
    int m_nextLocalId = 1;
};
