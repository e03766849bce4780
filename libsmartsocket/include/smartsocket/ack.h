#pragma once

#include <smartsocket/smartsocket_export.h>

#include <QException>
#include <QObject>
#include <QString>
#include <QVariantList>

#include <functional>
#include <memory>

namespace SmartSocket {

/// The callable handed to an event handler when the peer asked for an acknowledgement.
/// Calling it sends the reply (an ACK packet with the peer's ack id); only the first call
/// counts. Copies share state, so it can be stored and answered later (asynchronously). It
/// may be called from any thread: the reply is then sent from the thread that owns the
/// socket.
class SMARTSOCKET_EXPORT Ack
{
public:
    using Sender = std::function<void(const QVariantList &args)>;

    Ack() = default;
    /// `context` is the object whose thread sends the reply (the socket or client).
    explicit Ack(Sender sender, QObject *context = nullptr);

    /// True when the peer asked for an acknowledgement.
    bool isRequested() const;
    /// True once a reply has been sent.
    bool isAnswered() const;

    /// Sends the reply; ignored when not requested or already answered.
    void operator()(const QVariantList &args = {}) const;
    void reply(const QVariantList &args = {}) const { (*this)(args); }

    /// Library internals: the reply channel, defined in the library.
    struct State;
    explicit Ack(std::shared_ptr<State> state);

private:
    std::shared_ptr<State> d;
};

/// What an ack callback receives: the peer's reply, or why there is none.
class SMARTSOCKET_EXPORT AckResult
{
public:
    enum class Status { Ok, Timeout, Disconnected, Disabled };

    AckResult() = default;
    static AckResult ok(const QVariantList &args);
    static AckResult failure(Status status, const QString &message);

    Status status() const { return m_status; }
    bool isOk() const { return m_status == Status::Ok; }
    bool isError() const { return !isOk(); }
    /// All reply arguments.
    const QVariantList &args() const { return m_args; }
    /// The first reply argument (the common case), or an invalid QVariant.
    QVariant value() const { return m_args.value(0); }
    /// "ack timeout after N ms", "disconnected", ...; empty when ok.
    QString errorString() const { return m_error; }

private:
    Status m_status = Status::Ok;
    QVariantList m_args;
    QString m_error;
};

using AckCallback = std::function<void(const AckResult &result)>;

/// The exception a QFuture returned by Client::request() finishes with on timeout or
/// disconnect.
class SMARTSOCKET_EXPORT AckError : public QException
{
public:
    explicit AckError(const AckResult &result)
        : m_result(result), m_what(result.errorString().toUtf8())
    { }
    void raise() const override { throw *this; }
    AckError *clone() const override { return new AckError(*this); }
    const char *what() const noexcept override { return m_what.constData(); }
    const AckResult &result() const { return m_result; }

private:
    AckResult m_result;
    QByteArray m_what;
};

} // namespace SmartSocket
