// socket.io-client 4.8 against a server, with the transports given on the command line
// (default: the client's own default, ["polling", "websocket"]). Talks to the echo server's
// handlers: 'echo' (ack with the argument), 'broadcast' (-> 'bcast' to all).
// Prints one JSON line: {ok, steps:[...], transports:[...], error?}.
// Usage: node polling-client.js URL [polling|websocket|default] [expectUpgrade 0|1]
"use strict";
const { io } = require("socket.io-client");

const url = process.argv[2];
const mode = process.argv[3] || "default";
const expectUpgrade = (process.argv[4] || "1") === "1";
const options = { reconnection: false, timeout: 5000 };
if (mode === "polling") options.transports = ["polling"];
else if (mode === "websocket") options.transports = ["websocket"];

const result = { ok: false, steps: [], transports: [] };
const finish = (error) => {
  if (error) result.error = String(error && error.message ? error.message : error);
  else result.ok = true;
  console.log(JSON.stringify(result));
  process.exit(0);
};
setTimeout(() => finish("timeout"), 15000);

const socket = io(url, options);
// The transport the session opened with, and the one it upgraded to (if any).
socket.io.on("open", () => {
  result.opened = socket.io.engine.transport.name;
  socket.io.engine.on("upgrade", (transport) => (result.upgradedTo = transport.name));
});
const a = io(url, Object.assign({}, options, { forceNew: true }));
socket.on("connect_error", (e) => finish("connect_error: " + e.message));
a.on("connect_error", (e) => finish("second client connect_error: " + e.message));

const ready = (s) => new Promise((resolve) => (s.connected ? resolve() : s.once("connect", resolve)));

(async () => {
  await Promise.all([ready(socket), ready(a)]);
  result.transports.push(socket.io.engine.transport.name);
  result.steps.push("connected");
  const reply = await socket.timeout(5000).emitWithAck("echo", { text: "héllo", n: 1 });
  if (reply.text !== "héllo" || reply.n !== 1) return finish("bad echo " + JSON.stringify(reply));
  result.steps.push("ack");
  const bin = await socket.timeout(5000).emitWithAck("echo", Buffer.from([1, 2, 3, 250]));
  if (!Buffer.isBuffer(bin) || bin.length !== 4 || bin[3] !== 250)
    return finish("bad binary echo " + JSON.stringify(bin));
  result.steps.push("binary");
  const got = new Promise((resolve) => a.once("bcast", resolve));
  socket.emit("broadcast", "to-all");
  const b = await got;
  if (b !== "to-all") return finish("bad broadcast " + b);
  result.steps.push("broadcast");
  if (expectUpgrade) {
    const deadline = Date.now() + 5000;
    while (socket.io.engine.transport.name !== "websocket" && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    result.transports.push(socket.io.engine.transport.name);
    if (socket.io.engine.transport.name !== "websocket") return finish("no upgrade");
    const after = await socket.timeout(5000).emitWithAck("echo", "after-upgrade");
    if (after !== "after-upgrade") return finish("bad echo after upgrade");
    result.steps.push("upgraded");
  } else {
    result.transports.push(socket.io.engine.transport.name);
  }
  socket.close();
  a.close();
  finish();
})().catch(finish);
