// A browser app as people write it: headless Chromium loads a page that uses socket.io-client
// 4.8's browser bundle with DEFAULT options (HTTP long-polling first, then the upgrade to
// WebSocket) against our server on another origin (CORS), and exchanges acked events. The
// page writes what happened into its DOM; node/browser-page.js hands the DOM back.
#include <smartsocket/smartsocket.h>

#include "nodeprocess.h"

#include "testkit.h"
#include <QStandardPaths>
#include <QTemporaryDir>

#include <QtTest>

using namespace SmartSocket;

static const char kPage[] = R"(<!doctype html>
<html><body><pre id="result">pending</pre>
<script src="socket.io.min.js"></script>
<script>
const out = document.getElementById('result');
const server = new URLSearchParams(location.search).get('server');
const log = [];
const socket = io(server); // the defaults: transports ["polling", "websocket"]
socket.io.on('open', () => {
  log.push('opened:' + socket.io.engine.transport.name);
  socket.io.engine.on('upgrade', (t) => log.push('upgraded:' + t.name));
});
socket.on('connect_error', (e) => { out.textContent = 'DONE connect_error ' + e.message; });
socket.on('connect', async () => {
  try {
    const first = await socket.timeout(5000).emitWithAck('echo', { text: 'from the browser' });
    log.push('ack:' + first.text);
    const deadline = Date.now() + 5000;
    while (socket.io.engine.transport.name !== 'websocket' && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const second = await socket.timeout(5000).emitWithAck('echo', { text: 'after' });
    log.push('ack:' + second.text);
    log.push('transport:' + socket.io.engine.transport.name);
    out.textContent = 'DONE ' + log.join(' ');
  } catch (e) {
    out.textContent = 'DONE error ' + e;
  }
});
</script></body></html>
)";

class tst_PollingBrowser : public QObject
{
    Q_OBJECT

    QString m_chromium;
    const QString m_interop = QStringLiteral(SMARTSOCKET_INTEROP_DIR);
    const QString m_bundle
        = m_interop + QStringLiteral("/node_modules/socket.io-client/dist/socket.io.min.js");

private Q_SLOTS:
    void initTestCase()
    {
        m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        if (m_chromium.isEmpty())
            SMARTSOCKET_SKIP_OR_FAIL("chromium not installed (apt package chromium)");
        if (!QFileInfo::exists(m_interop + QStringLiteral("/node_modules/ws"))
            || !QFileInfo::exists(m_bundle))
            SMARTSOCKET_SKIP_OR_FAIL(
                "the npm packages are not installed: npm ci --prefix tests/interop");
    }

    void defaultOptionsConnectPollThenUpgrade()
    {
        ServerOptions options;
        options.corsOrigins = QStringList { QStringLiteral("*") }; // the page is a file:// URL
        Server server(options);
        QStringList heard;
        server.on(QStringLiteral("echo"),
            [&heard](Socket *socket, const QVariantList &args, const Ack &ack) {
                heard << socket->transportName() + QLatin1Char(':')
                        + args.value(0).toMap().value(QStringLiteral("text")).toString();
                ack(args.mid(0, 1));
            });
        QVERIFY(server.listen());

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QFile::copy(m_bundle, dir.filePath(QStringLiteral("socket.io.min.js"))));
        QFile page(dir.filePath(QStringLiteral("index.html")));
        QVERIFY(page.open(QIODevice::WriteOnly));
        page.write(kPage);
        page.close();
        QUrl url = QUrl::fromLocalFile(page.fileName());
        url.setQuery(QStringLiteral("server=http://127.0.0.1:%1").arg(server.port()));

        const QString dom = TestKit::runNodeScript(QStringLiteral(SMARTSOCKET_NODE), m_interop,
            m_interop + QStringLiteral("/node/browser-page.js"),
            { m_chromium, url.toString(),
                QStringLiteral(
                    "document.getElementById('result').textContent.startsWith('DONE')") },
            90000);
        QVERIFY2(!dom.startsWith(QStringLiteral("FAIL")), qPrintable(dom));
        QVERIFY2(dom.contains(QStringLiteral("DONE opened:polling upgraded:websocket "
                                             "ack:from the browser ack:after transport:websocket"))
                || dom.contains(QStringLiteral("DONE opened:polling ack:from the browser "
                                               "upgraded:websocket ack:after transport:websocket")),
            qPrintable(dom));
        QCOMPARE(heard.size(), 2);
        QVERIFY2(heard.last() == QStringLiteral("websocket:after"), qPrintable(heard.join(',')));
    }
};

QTEST_GUILESS_MAIN(tst_PollingBrowser)
#include "tst_polling_browser.moc"
