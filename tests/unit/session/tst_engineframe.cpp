#include "session/engineframe.h"

#include <QTest>

using SmartSocket::Session::EngineFrame;
using Action = EngineFrame::Action;
using Error = EngineFrame::Error;
using Role = EngineFrame::Role;

Q_DECLARE_METATYPE(EngineFrame::Action)
Q_DECLARE_METATYPE(EngineFrame::Error)
Q_DECLARE_METATYPE(EngineFrame::Role)

class tst_EngineFrame : public QObject
{
    Q_OBJECT

private slots:
    void classify_data();
    void classify();
    void errors_data();
    void errors();
};

void tst_EngineFrame::classify_data()
{
    QTest::addColumn<Role>("role");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<Action>("action");
    QTest::addColumn<Error>("error");

    const auto row = [](const char *name, Role role, const QByteArray &frame, Action action,
                         Error error = Error::None) {
        QTest::newRow(name) << role << frame << action << error;
    };
    // The server: a v4 client sends messages, pongs and close; never open or ping.
    row("server message", Role::Server, "42[\"a\"]", Action::Message);
    row("server empty message", Role::Server, "4", Action::Message);
    row("server pong", Role::Server, "3", Action::Pong);
    row("server close", Role::Server, "1", Action::Close);
    row("server upgrade", Role::Server, "5", Action::Ignore);
    row("server noop", Role::Server, "6", Action::Ignore);
    row("server ping", Role::Server, "2", Action::Error, Error::HeartbeatDirection);
    row("server open", Role::Server, "0{}", Action::Error, Error::UnknownType);
    row("server base64", Role::Server, "bAAE=", Action::Error, Error::UnknownType);
    row("server unknown", Role::Server, "7", Action::Error, Error::UnknownType);
    row("server empty", Role::Server, "", Action::Error, Error::Empty);
    // The client: the server opens, pings, sends messages and may close.
    row("client open", Role::Client, "0{\"sid\":\"x\"}", Action::Open);
    row("client ping", Role::Client, "2", Action::Ping);
    row("client probe ping", Role::Client, "2probe", Action::Ping);
    row("client message", Role::Client, "40", Action::Message);
    row("client close", Role::Client, "1", Action::Close);
    row("client pong", Role::Client, "3", Action::Ignore);
    row("client upgrade", Role::Client, "5", Action::Ignore);
    row("client noop", Role::Client, "6", Action::Ignore);
    row("client base64", Role::Client, "bAAE=", Action::Base64Binary);
    row("client unknown", Role::Client, "x", Action::Error, Error::UnknownType);
    row("client empty", Role::Client, "", Action::Error, Error::Empty);
}

void tst_EngineFrame::classify()
{
    QFETCH(Role, role);
    QFETCH(QByteArray, frame);
    QFETCH(Action, action);
    QFETCH(Error, error);
    const EngineFrame::Decision decision = EngineFrame::classify(role, frame);
    QCOMPARE(decision.action, action);
    QCOMPARE(decision.error, error);
}

void tst_EngineFrame::errors_data()
{
    QTest::addColumn<Error>("error");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty") << Error::Empty << "empty Engine.IO packet"
                           << "parse error";
    QTest::newRow("unknown") << Error::UnknownType << "unknown Engine.IO packet type"
                             << "parse error";
    QTest::newRow("heartbeat") << Error::HeartbeatDirection << "invalid heartbeat direction"
                               << "transport error";
}

void tst_EngineFrame::errors()
{
    QFETCH(Error, error);
    QFETCH(QString, message);
    QFETCH(QString, reason);
    QCOMPARE(EngineFrame::errorString(error), message);
    QCOMPARE(EngineFrame::closeReason(error), reason);
}

QTEST_APPLESS_MAIN(tst_EngineFrame)
#include "tst_engineframe.moc"
