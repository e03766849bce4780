// Namespaces, rooms and broadcasts: who receives what, and who does not.
#include <smartsocket/smartsocket.h>

#include "clienthelpers.h"
#include "serverhelpers.h"

#include <QtTest>

#include <memory>
#include <optional>

using namespace SmartSocket;
using TestKit::ask;
using TestKit::connectClient;
using TestKit::ownConnection;
using TestKit::startEchoServer;
using TestKit::urlOf;

class tst_Rooms : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namespacesShareOneConnection()
    {
        auto server = startEchoServer();
        Namespace *chat = server->of(QStringLiteral("/chat"));
        QCOMPARE(server->of(QStringLiteral("chat")), chat); // leading slash optional
        chat->on(QStringLiteral("where"),
            [](Socket *s, const QVariantList &, const Ack &ack) { ack({ s->nsp()->name() }); });
        server->on(QStringLiteral("where"),
            [](Socket *s, const QVariantList &, const Ack &ack) { ack({ s->nsp()->name() }); });
        ClientOptions mainOptions;
        mainOptions.reconnection = false;
        ClientOptions chatOptions = mainOptions;
        chatOptions.namespaceName = QStringLiteral("/chat");
        Client main(urlOf(*server), mainOptions);
        Client chatClient(urlOf(*server), chatOptions);
        QVERIFY(connectClient(main));
        QVERIFY(connectClient(chatClient));
        QCOMPARE(ask(main, QStringLiteral("where"), {}).value().toString(), QStringLiteral("/"));
        QCOMPARE(ask(chatClient, QStringLiteral("where"), {}).value().toString(),
            QStringLiteral("/chat"));

        QCOMPARE(server->connectionStats().total, 1); // one Engine.IO connection
        const QVariantMap stats = server->namespaceStats();
        QCOMPARE(
            stats.value(QStringLiteral("/")).toMap().value(QStringLiteral("connections")).toInt(),
            1);
        QCOMPARE(stats.value(QStringLiteral("/chat"))
                     .toMap()
                     .value(QStringLiteral("connections"))
                     .toInt(),
            1);
        QVERIFY(server->connectionStats().memoryUsage > 0);
        QVERIFY(server->connectionStats().toMap().contains(QStringLiteral("total")));
    }

    void roomsAndBroadcasts()
    {
        auto server = startEchoServer();
        server->on(QStringLiteral("join"), [](Socket *s, const QVariantList &args, const Ack &ack) {
            s->join(args.value(0).toString());
            ack();
        });
        server->on(QStringLiteral("shout"), [](Socket *s, const QVariantList &args) {
            s->broadcast().emitEvent(QStringLiteral("heard"), args);
        });
        server->on(QStringLiteral("to-room"), [](Socket *s, const QVariantList &args) {
            s->to(args.value(0).toString()).emitEvent(QStringLiteral("room-msg"), args);
        });

        std::vector<std::unique_ptr<Client>> clients;
        std::vector<QStringList> inbox(3);
        for (int i = 0; i < 3; ++i) {
            clients.push_back(std::make_unique<Client>(urlOf(*server), ownConnection()));
            clients[i]->onAny([&inbox, i](const QString &event, const QVariantList &) {
                inbox[i].append(event);
            });
            QVERIFY(connectClient(*clients[i]));
        }
        QVERIFY(ask(*clients[0], QStringLiteral("join"), { QStringLiteral("red") }).isOk());
        QVERIFY(ask(*clients[1], QStringLiteral("join"), { QStringLiteral("red") }).isOk());
        QVERIFY(ask(*clients[2], QStringLiteral("join"), { QStringLiteral("blue") }).isOk());
        QCOMPARE(server->defaultNamespace()->rooms().size(), 2);

        Socket *s0 = server->defaultNamespace()->socket(clients[0]->id());
        QVERIFY(s0);
        QVERIFY(s0->rooms().contains(QStringLiteral("red")));
        QVERIFY(s0->rooms().contains(s0->id()));

        // Namespace-wide, a room, a room minus another, and to a socket id.
        QCOMPARE(server->emitEvent(QStringLiteral("all")), 3);
        QCOMPARE(server->to(QStringLiteral("red")).emitEvent(QStringLiteral("red")), 2);
        QCOMPARE(server->to(QStringLiteral("red"))
                     .to(QStringLiteral("blue"))
                     .except(clients[1]->id())
                     .emitEvent(QStringLiteral("mix")),
            2);
        QCOMPARE(server->to(clients[2]->id()).emitEvent(QStringLiteral("direct")), 1);
        QCOMPARE(server->to(QStringLiteral("red")).sockets().size(), 2);

        clients[0]->emitEvent(QStringLiteral("shout"), { QStringLiteral("hi") });
        clients[0]->emitEvent(QStringLiteral("to-room"), { QStringLiteral("red") });
        QTRY_VERIFY(inbox[1].contains(QStringLiteral("room-msg")));
        QTRY_VERIFY(inbox[2].contains(QStringLiteral("heard")));
        QTRY_VERIFY(inbox[1].contains(QStringLiteral("heard")));
        QTest::qWait(100);

        QCOMPARE(inbox[0],
            (QStringList { QStringLiteral("all"), QStringLiteral("red"), QStringLiteral("mix") }));
        QCOMPARE(inbox[1],
            (QStringList { QStringLiteral("all"), QStringLiteral("red"), QStringLiteral("heard"),
                QStringLiteral("room-msg") }));
        QCOMPARE(inbox[2],
            (QStringList { QStringLiteral("all"), QStringLiteral("mix"), QStringLiteral("direct"),
                QStringLiteral("heard") }));

        // socketsJoin / leave through the operator
        server->to(QStringLiteral("blue")).socketsJoin(QStringLiteral("green"));
        QCOMPARE(server->to(QStringLiteral("green")).sockets().size(), 1);
        s0->leave(QStringLiteral("red"));
        QCOMPARE(server->to(QStringLiteral("red")).sockets().size(), 1);
    }
};

QTEST_MAIN(tst_Rooms)
#include "tst_rooms.moc"
