// Records what @socket.io/redis-adapter 8.x publishes, for tst_redisadaptermessage.
// Run: NODE_PATH=<dir with @socket.io/redis-adapter@8> node record-redis-adapter.js > redis-adapter-8.json
// The adapter is driven with stand-in Redis clients that capture PUBLISH calls (channel and
// exact bytes); no Redis server is needed. Each case is {name, channel, hex}.
"use strict";
const { RedisAdapter } = require("@socket.io/redis-adapter");
const version = require("@socket.io/redis-adapter/package.json").version;

const published = [];
const pub = {
  pSubscribe() {}, // marks a node-redis v4 client
  publish(channel, msg) {
    published.push({ channel, hex: Buffer.from(msg).toString("hex") });
  },
  on() {},
  off() {},
};
const sub = { pSubscribe() {}, subscribe() {}, on() {}, off() {} };
const nsp = { name: "/chat", server: { encoder: { encode: () => [] } }, sockets: new Map() };
const adapter = new RedisAdapter(nsp, pub, sub, {});
adapter.uid = "abc123"; // fixed so the recording does not change between runs

const cases = [];
function record(name, fn) {
  published.length = 0;
  fn();
  for (const p of published) cases.push({ name, ...p });
}

record("broadcast-all", () =>
  adapter.broadcast({ type: 2, data: ["hello", 1, "two", { a: [true, null], b: 1.5 }] },
    { rooms: new Set(), except: new Set(), flags: {} }));
record("broadcast-one-room", () =>
  adapter.broadcast({ type: 2, data: ["news", "x"] },
    { rooms: new Set(["room1"]), except: new Set(["sid-xyz"]), flags: { volatile: true } }));
record("broadcast-rooms-binary", () =>
  adapter.broadcast({ type: 2, data: ["bin", Buffer.from([0, 1, 2, 255]), -7, 4294967296] },
    { rooms: new Set(["r1", "r2"]), except: new Set(), flags: { compress: true, timeout: 5000 } }));
record("broadcast-undefined", () =>
  adapter.broadcast({ type: 2, data: ["u", { k: undefined }] },
    { rooms: new Set(), except: new Set(), flags: {} }));
record("sockets-join", () =>
  adapter.addSockets({ rooms: new Set(["lobby"]), except: new Set(["sid-1"]) }, ["vip", "gold"]));
record("sockets-leave", () =>
  adapter.delSockets({ rooms: new Set(), except: new Set() }, ["vip"]));
record("disconnect-sockets", () =>
  adapter.disconnectSockets({ rooms: new Set(["lobby"]), except: new Set() }, true));
record("server-side-emit", () => adapter.serverSideEmit(["ping", { n: 1 }]));

process.stdout.write(JSON.stringify({ adapter: "@socket.io/redis-adapter", version, cases }, null, 1) + "\n");
