// An admin client as the Socket.IO Admin UI is one: socket.io-client on the admin namespace of
// a SmartSocket server (Server::instrument), driving one scenario and printing one line per
// check: "OK <what>" or "FAIL <what>: <why>", then "DONE". Run by tst_admin_nodeclient.
//
// usage: node admin-client.js PORT SCENARIO [CHAT_ID]
//   full        auth failure, auth + session, session re-auth, config, all_sockets,
//               socket_connected, room_joined, event_received, event_sent, the join/leave/
//               emit/_disconnect actions, server_stats every ~2 s, socket_disconnected
//   readonly    config without actions; sends join/emit/_disconnect for CHAT_ID (the C++ side
//               checks that nothing happened)
//   production  aggregates only, while a Node client connects and sends events
"use strict";

const { io } = require("socket.io-client");

const [port, scenario, chatId] = process.argv.slice(2);
const url = `http://127.0.0.1:${port}`;
const USER = "admin";
const PASSWORD = "s3cret!";

const print = (line) => process.stdout.write(line + "\n");
const ok = (what) => print(`OK ${what}`);
const fail = (what, why) => print(`FAIL ${what}: ${why}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/// An admin socket that records every event with its arrival time.
function admin(auth) {
  const socket = io(`${url}/admin`, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth,
  });
  socket.log = [];
  socket.onAny((event, ...args) => socket.log.push({ event, args, at: Date.now() }));
  return socket;
}

function chatClient() {
  return io(`${url}/chat`, { transports: ["websocket"], forceNew: true, reconnection: false });
}

/// Waits until `socket.log` has an entry of `event` matching `match` (or times out: null).
async function waitFor(socket, event, match = () => true, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = socket.log.find((e) => e.event === event && match(e.args));
    if (found) return found;
    await sleep(10);
  }
  return null;
}

function once(emitter, event, timeoutMs = 5000) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    emitter.once(event, (...args) => {
      clearTimeout(timer);
      resolve(args);
    });
  });
}

function check(what, condition, why) {
  if (condition) ok(what);
  else fail(what, why);
  return condition;
}

async function full() {
  // Wrong password: CONNECT_ERROR {message: "invalid credentials"}.
  const intruder = admin({ username: USER, password: "nope" });
  const refused = await once(intruder, "connect_error");
  check("auth failure", refused && refused[0].message === "invalid credentials",
    JSON.stringify(refused && refused[0].message));
  intruder.close();

  const a = admin({ username: USER, password: PASSWORD });
  const connected = await once(a, "connect");
  if (!check("auth success", connected !== null, "no connect")) return;
  const session = await waitFor(a, "session");
  check("session id", session && /^[0-9a-f]{16}$/.test(session.args[0]), JSON.stringify(session));
  const config = await waitFor(a, "config");
  const features = config ? config.args[0].supportedFeatures : [];
  check("config", ["EMIT", "JOIN", "LEAVE", "DISCONNECT", "MJOIN", "MLEAVE", "MDISCONNECT",
    "AGGREGATED_EVENTS", "ALL_EVENTS"].every((f) => features.includes(f)), JSON.stringify(features));
  const all = await waitFor(a, "all_sockets");
  check("all_sockets", all && Array.isArray(all.args[0]) &&
    all.args[0].some((s) => s.id === a.id && s.nsp === "/admin"), JSON.stringify(all && all.args));

  // Session re-auth: the id alone, no password.
  const b = admin({ sessionId: session ? session.args[0] : "" });
  check("session re-auth", (await once(b, "connect")) !== null, "no connect");
  await waitFor(b, "config");
  check("no new session on re-auth", !b.log.some((e) => e.event === "session"), "got one");
  b.close();

  // A Socket.IO client appears.
  const chat = chatClient();
  await once(chat, "connect");
  const appeared = await waitFor(a, "socket_connected", (args) => args[0].id === chat.id);
  check("socket_connected", appeared && appeared.args[0].nsp === "/chat" &&
    appeared.args[0].transport === "websocket" && appeared.args[0].clientId.length === 12 &&
    !isNaN(Date.parse(appeared.args[1])), JSON.stringify(appeared && appeared.args));
  check("room_joined own id", await waitFor(a, "room_joined",
    (args) => args[0] === "/chat" && args[1] === chat.id && args[2] === chat.id), "missing");

  // event_received, without the ack callback
  const reply = await new Promise((resolve) => chat.emit("echo", "hi", 2, (...r) => resolve(r)));
  check("echo ack", JSON.stringify(reply) === JSON.stringify(["hi", 2]), JSON.stringify(reply));
  const received = await waitFor(a, "event_received", (args) => args[1] === chat.id);
  check("event_received", received && received.args[0] === "/chat" &&
    JSON.stringify(received.args[2]) === JSON.stringify(["echo", "hi", 2]),
    JSON.stringify(received && received.args));

  // Actions: join / leave with a filter, emit, then _disconnect.
  a.emit("join", "/chat", "vip", chat.id);
  check("join", await waitFor(a, "room_joined",
    (args) => args[0] === "/chat" && args[1] === "vip" && args[2] === chat.id), "no room_joined");
  a.emit("leave", "/chat", "vip", chat.id);
  check("leave", await waitFor(a, "room_left",
    (args) => args[0] === "/chat" && args[1] === "vip" && args[2] === chat.id), "no room_left");
  const notice = once(chat, "notice");
  a.emit("emit", "/chat", chat.id, "notice", 1, "two");
  const got = await notice;
  check("emit", got && got[0] === 1 && got[1] === "two", JSON.stringify(got));
  const sent = await waitFor(a, "event_sent", (args) => args[1] === chat.id);
  check("event_sent", sent && JSON.stringify(sent.args[2]) === JSON.stringify(["notice", 1, "two"]),
    JSON.stringify(sent && sent.args));

  // server_stats, every ~2 s, to the whole namespace
  const before = a.log.filter((e) => e.event === "server_stats").length;
  const deadline = Date.now() + 7000;
  while (a.log.filter((e) => e.event === "server_stats").length < before + 2 && Date.now() < deadline)
    await sleep(20);
  const stats = a.log.filter((e) => e.event === "server_stats");
  const gaps = stats.slice(1).map((e, i) => e.at - stats[i].at);
  check("server_stats every 2 s", stats.length >= 2 && gaps.every((g) => g >= 1700 && g <= 2600),
    JSON.stringify(gaps));
  const last = stats.length ? stats[stats.length - 1].args[0] : {};
  const counts = Object.fromEntries((last.namespaces || []).map((n) => [n.name, n.socketsCount]));
  check("server_stats counts", last.clientsCount === 2 && last.pollingClientsCount === 0 &&
    counts["/chat"] === 1 && counts["/admin"] === 1 && typeof last.uptime === "number" &&
    typeof last.pid === "number" && last.serverId === "interop-server",
    JSON.stringify(last));
  const types = new Set();
  for (const s of stats) for (const e of s.args[0].aggregatedEvents) types.add(e.type);
  check("aggregatedEvents", ["rawConnection", "packetsIn", "packetsOut", "bytesIn", "bytesOut"]
    .every((t) => types.has(t)), JSON.stringify([...types]));

  const chatSocketId = chat.id; // socket.io-client forgets it on disconnect
  const gone = once(chat, "disconnect");
  a.emit("_disconnect", "/chat", false, chat.id);
  const reason = await gone;
  check("_disconnect", reason && reason[0] === "io server disconnect", JSON.stringify(reason));
  const disconnected = await waitFor(a, "socket_disconnected", (args) => args[1] === chatSocketId);
  check("socket_disconnected", disconnected && disconnected.args[0] === "/chat" &&
    disconnected.args[2] === "server namespace disconnect",
    JSON.stringify(disconnected && disconnected.args));
  a.close();
}

async function readonly() {
  const a = admin({});
  if (!check("connect", (await once(a, "connect")) !== null, "no connect")) return;
  const config = await waitFor(a, "config");
  const features = config ? config.args[0].supportedFeatures : null;
  check("readonly config", features && !features.includes("JOIN") && !features.includes("EMIT") &&
    !features.includes("DISCONNECT") && features.includes("AGGREGATED_EVENTS"),
    JSON.stringify(features));
  a.emit("join", "/chat", "vip", chatId);
  a.emit("emit", "/chat", chatId, "notice", 1);
  a.emit("_disconnect", "/chat", true, chatId);
  a.emit("leave", "/chat", chatId, chatId);
  await sleep(50);
  a.close();
}

async function production() {
  const a = admin({});
  if (!check("connect", (await once(a, "connect")) !== null, "no connect")) return;
  const config = await waitFor(a, "config");
  const features = config ? config.args[0].supportedFeatures : [];
  check("production config", !features.includes("ALL_EVENTS") && features.includes("JOIN"),
    JSON.stringify(features));
  const chat = chatClient();
  await once(chat, "connect");
  await new Promise((resolve) => chat.emit("echo", 1, resolve));
  chat.emit("broadcast", 2);
  chat.close();
  // Two stats periods later, everything above has been counted.
  const seen = () => a.log.filter((e) => e.event === "server_stats").length;
  const target = seen() + 2;
  const deadline = Date.now() + 7000;
  while (seen() < target && Date.now() < deadline) await sleep(20);
  const events = new Set(a.log.map((e) => e.event));
  check("aggregates only", ![...events].some((e) =>
    ["all_sockets", "socket_connected", "socket_disconnected", "room_joined", "room_left",
      "event_received", "event_sent", "smartsocket:ack"].includes(e)), JSON.stringify([...events]));
  let packetsIn = 0;
  let connections = 0;
  for (const e of a.log.filter((e) => e.event === "server_stats")) {
    for (const agg of e.args[0].aggregatedEvents) {
      if (agg.type === "packetsIn") packetsIn += agg.count;
      if (agg.type === "rawConnection") connections += agg.count;
    }
  }
  check("aggregated counts", packetsIn >= 4 && connections === 1,
    JSON.stringify({ packetsIn, connections }));
  a.close();
}

const scenarios = { full, readonly, production };
(scenarios[scenario] || (async () => fail("scenario", `unknown: ${scenario}`)))()
  .catch((e) => fail("exception", e && e.stack))
  .finally(() => {
    print("DONE");
    process.exit(0);
  });
