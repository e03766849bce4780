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
        // A round trip per client instead of a sleep: the server has handled "shout" and
        // "to-room" (their results arrived), so anything else it sent a client because of
        // them arrived before that client's echo reply.
        for (const auto &client : clients)
            QVERIFY(ask(*client, QStringLiteral("echo"), { 0 }).isOk());

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

    // A broadcast in one namespace never reaches sockets of another, also when both have a
    // room of the same name and when their clients share one connection.
    void broadcastsStayInTheirNamespace()
    {
        auto server = startEchoServer();
        const QStringList names { QStringLiteral("/"), QStringLiteral("/a"), QStringLiteral("/b") };
        for (const QString &name : names) {
            Namespace *nsp = server->of(name);
            nsp->on(QStringLiteral("join"), [](Socket *s, const QVariantList &, const Ack &ack) {
                s->join(QStringLiteral("red"));
                ack();
            });
            nsp->on(QStringLiteral("shout"), [](Socket *s, const QVariantList &args) {
                s->broadcast().emitEvent(QStringLiteral("heard"), args);
            });
            nsp->on(QStringLiteral("to-room"), [](Socket *s, const QVariantList &args) {
                s->to(QStringLiteral("red")).emitEvent(QStringLiteral("room-msg"), args);
            });
            nsp->on(QStringLiteral("echo"),
                [](Socket *, const QVariantList &args, const Ack &ack) { ack(args); });
        }

        // a1 and b1 share one connection (multiplexed); a2, b2 and root have their own.
        struct Peer
        {
            QString name;
            std::unique_ptr<Client> client;
            QStringList inbox; // "event:namespace-of-the-sender"
        };
        std::vector<Peer> peers(5);
        const auto make = [&](size_t i, const QString &label, const QString &nsp, bool shared) {
            ClientOptions options = ownConnection(nsp);
            options.multiplex = shared;
            peers[i].name = label;
            peers[i].client = std::make_unique<Client>(urlOf(*server), options);
            QStringList *inbox = &peers[i].inbox;
            peers[i].client->onAny([inbox](const QString &event, const QVariantList &args) {
                inbox->append(event + QLatin1Char(':') + args.value(0).toString());
            });
        };
        make(0, QStringLiteral("a1"), QStringLiteral("/a"), true);
        make(1, QStringLiteral("a2"), QStringLiteral("/a"), false);
        make(2, QStringLiteral("b1"), QStringLiteral("/b"), true);
        make(3, QStringLiteral("b2"), QStringLiteral("/b"), false);
        make(4, QStringLiteral("root"), QStringLiteral("/"), false);
        for (Peer &peer : peers) {
            QVERIFY2(connectClient(*peer.client), qPrintable(peer.name));
            QVERIFY(ask(*peer.client, QStringLiteral("join"), {}).isOk());
        }
        QCOMPARE(server->connectionStats().total, 4); // a1 and b1 on one connection
        Client &a1 = *peers[0].client;
        Client &b2 = *peers[3].client;

        // From the server, per namespace: counts include only that namespace's sockets.
        QCOMPARE(server->of(QStringLiteral("/a"))->emitEvent(QStringLiteral("all"), { "/a" }), 2);
        QCOMPARE(server->of(QStringLiteral("/a"))
                     ->to(QStringLiteral("red"))
                     .emitEvent(QStringLiteral("red"), { "/a" }),
            2);
        QCOMPARE(server->of(QStringLiteral("/b"))
                     ->to(QStringLiteral("red"))
                     .emitEvent(QStringLiteral("red"), { "/b" }),
            2);
        QCOMPARE(server->to(QStringLiteral("red")).emitEvent(QStringLiteral("red"), { "/" }), 1);
        QCOMPARE(server->of(QStringLiteral("/b"))->to(QStringLiteral("red")).sockets().size(), 2);

        // From sockets: a broadcast and a room message from a1 (whose connection also carries
        // b1), and a broadcast from b2.
        a1.emitEvent(QStringLiteral("shout"), { QStringLiteral("/a") });
        a1.emitEvent(QStringLiteral("to-room"), { QStringLiteral("/a") });
        b2.emitEvent(QStringLiteral("shout"), { QStringLiteral("/b") });
        QTRY_VERIFY(peers[1].inbox.contains(QStringLiteral("room-msg:/a")));
        QTRY_VERIFY(peers[2].inbox.contains(QStringLiteral("heard:/b")));
        // A round trip per client: the server has handled every emit above (their results
        // arrived), so anything it sent because of them arrived before the echo replies.
        for (Peer &peer : peers)
            QVERIFY(ask(*peer.client, QStringLiteral("echo"), {}).isOk());

        QCOMPARE(peers[0].inbox, (QStringList { "all:/a", "red:/a" }));
        QCOMPARE(peers[1].inbox, (QStringList { "all:/a", "red:/a", "heard:/a", "room-msg:/a" }));
        QCOMPARE(peers[2].inbox, (QStringList { "red:/b", "heard:/b" }));
        QCOMPARE(peers[3].inbox, (QStringList { "red:/b" }));
        QCOMPARE(peers[4].inbox, (QStringList { "red:/" }));
    }
};

QTEST_MAIN(tst_Rooms)
#include "tst_rooms.moc"
