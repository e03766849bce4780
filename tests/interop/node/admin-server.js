'use strict';
// A socket.io 4.8 server instrumented with @socket.io/admin-ui 0.5.1, for the inspector's
// admin-mode tests and screenshots, with a few socket.io-client bots making traffic.
//
// Usage: node admin-server.js [--port N] [--readonly] [--production] [--no-auth]
//          [--user NAME] [--password PW] [--server-id ID] [--bots N] [--traffic MS]
//          [--extensions]
//   --bots N        N socket.io-client sockets connect to this server (namespaces / and /chat
//                   in turn), with auth {name: "bot-i"} and socket.data.name set
//   --traffic MS    each bot emits "message" (and an acked "echo") every MS ms
//   --extensions    also speak SmartSocket's admin extensions (docs/inspector-protocol.md):
//                   announce SMARTSOCKET_ACKS/RATE_LIMITS/STATS in `config` and emit
//                   smartsocket:ack, smartsocket:rate_limit and smartsocket:stats
// Prints "READY <port>" once listening; then, for the tests to check what admin actions did:
//   BOT <nsp> <id>              a bot connected
//   JOINED <nsp> <room> <id>    a socket joined a room (not its own)
//   LEFT <nsp> <room> <id>      a socket left a room (not its own)
//   DISCONNECTED <nsp> <id> <reason>
//   EVENT <nsp> <id> <event>    an event a socket sent (not the bots' periodic traffic)
// Stops on SIGTERM/SIGINT or when stdin closes.

const http = require('http');
const { Server } = require('socket.io');
const { io: ioClient } = require('socket.io-client');
const { instrument } = require('@socket.io/admin-ui');
const bcrypt = require('bcryptjs');

function flag(name) {
  return process.argv.includes(name);
}
function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(option('--port', 0));
const bots = Number(option('--bots', 0));
const traffic = Number(option('--traffic', 0));
const extensions = flag('--extensions');
const user = option('--user', 'admin');
const password = option('--password', 'secret');

const httpServer = http.createServer();
const io = new Server(httpServer, { cors: { origin: true, credentials: true } });

function log(...args) {
  console.log(...args);
}

// Extensions: patch `config` of every admin socket before admin-ui's handler sends it.
const adminNsp = io.of('/admin');
if (extensions) {
  adminNsp.prependListener('connection', (socket) => {
    const emit = socket.emit.bind(socket);
    socket.emit = (event, ...args) => {
      if (event === 'config' && args[0] && Array.isArray(args[0].supportedFeatures)) {
        args[0].supportedFeatures.push('SMARTSOCKET_ACKS', 'SMARTSOCKET_RATE_LIMITS',
          'SMARTSOCKET_STATS');
      }
      return emit(event, ...args);
    };
  });
}

instrument(io, {
  auth: flag('--no-auth') ? false : {
    type: 'basic',
    username: user,
    password: bcrypt.hashSync(password, 4),
  },
  readonly: flag('--readonly'),
  mode: flag('--production') ? 'production' : 'development',
  serverId: option('--server-id', undefined),
});

// A small sliding-window limiter, so that the extension events carry real numbers.
const LIMIT = 5;
const WINDOW_MS = 2000;
const limits = new Map(); // key nsp\nid\nevent -> {hits:[], allowed, rejected}
let rejectedTotal = 0;
let acksTotal = 0;
function limit(nsp, id, event) {
  const key = `${nsp}\n${id}\n${event}`;
  const now = Date.now();
  let state = limits.get(key);
  if (!state) {
    state = { nsp, socketId: id, event, hits: [], allowed: 0, rejected: 0, retryAfterMs: 0 };
    limits.set(key, state);
  }
  state.hits = state.hits.filter((t) => now - t < WINDOW_MS);
  let ok = true;
  if (state.hits.length >= LIMIT) {
    state.rejected++;
    rejectedTotal++;
    state.retryAfterMs = WINDOW_MS - (now - state.hits[0]);
    ok = false;
  } else {
    state.hits.push(now);
    state.allowed++;
    state.retryAfterMs = 0;
  }
  state.dirty = true;
  return ok;
}
function rateLimitPayload(all) {
  const entries = [];
  for (const s of limits.values()) {
    if (!all && !s.dirty) continue;
    s.dirty = false;
    entries.push({ nsp: s.nsp, socketId: s.socketId, event: s.event, allowed: s.allowed,
      rejected: s.rejected, remaining: Math.max(0, LIMIT - s.hits.length), limit: LIMIT,
      windowMs: WINDOW_MS, retryAfterMs: s.retryAfterMs });
  }
  return { serverId: option('--server-id', require('os').hostname()),
    timestamp: new Date().toISOString(), entries };
}
if (extensions) {
  setInterval(() => {
    const payload = rateLimitPayload(false);
    if (payload.entries.length) adminNsp.emit('smartsocket:rate_limit', payload);
    adminNsp.emit('smartsocket:stats', { serverId: payload.serverId, timestamp: payload.timestamp,
      connections: io.engine.clientsCount, memoryUsage: process.memoryUsage().rss,
      acks: acksTotal, rateLimitRejected: rejectedTotal });
  }, 1000).unref();
}

function setup(nsp) {
  nsp.use((socket, next) => {
    const auth = socket.handshake.auth || {};
    if (auth.name) socket.data.name = auth.name;
    next();
  });
  nsp.on('connection', (socket) => {
    socket.on('disconnect', (reason) => log(`DISCONNECTED ${nsp.name} ${socket.id} ${reason}`));
    socket.onAny((event, ...args) => {
      if (event !== 'message' && event !== 'echo') log(`EVENT ${nsp.name} ${socket.id} ${event}`);
    });
    socket.on('message', (text) => {
      if (extensions && !limit(nsp.name, socket.id, 'message')) return;
      nsp.to('lobby').emit('message', { from: socket.data.name || socket.id, text });
    });
    socket.on('echo', (...args) => {
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      const started = process.hrtime.bigint();
      if (ack) {
        // Answered after a little work (0-40 ms), so that round trips spread.
        setTimeout(() => {
        ack(...args);
        if (extensions) {
          acksTotal++;
          adminNsp.emit('smartsocket:ack', { nsp: nsp.name, socketId: socket.id, event: 'echo',
            ackId: acksTotal, direction: 'in',
            latencyMs: Number(process.hrtime.bigint() - started) / 1e6,
            status: 'ok', timestamp: new Date().toISOString() });
        }
        }, Math.random() * Math.random() * 40);
      }
    });
    // The server asks the client: an ack out, timed, with a timeout when it does not answer.
    socket.on('askMe', (event) => {
      const started = Date.now();
      socket.timeout(1000).emit(event || 'question', { q: 'are you there?' }, (err) => {
        if (!extensions) return;
        acksTotal++;
        adminNsp.emit('smartsocket:ack', { nsp: nsp.name, socketId: socket.id,
          event: event || 'question', ackId: acksTotal, direction: 'out',
          latencyMs: Date.now() - started, status: err ? 'timeout' : 'ok',
          timestamp: new Date().toISOString() });
      });
    });
  });
  nsp.adapter.on('join-room', (room, id) => {
    if (room !== id) log(`JOINED ${nsp.name} ${room} ${id}`);
  });
  nsp.adapter.on('leave-room', (room, id) => {
    if (room !== id) log(`LEFT ${nsp.name} ${room} ${id}`);
  });
}

setup(io.of('/'));
setup(io.of('/chat'));

const sockets = [];
httpServer.listen(port, '127.0.0.1', () => {
  const actualPort = httpServer.address().port;
  let pending = bots;
  const ready = () => log(`READY ${actualPort}`);
  if (!bots) return ready();
  for (let i = 0; i < bots; i++) {
    const nspName = i % 2 === 0 ? '/' : '/chat';
    const socket = ioClient(`http://127.0.0.1:${actualPort}${nspName === '/' ? '' : nspName}`, {
      transports: ['websocket'], auth: { name: `bot-${i}` }, reconnection: false, forceNew: true,
    });
    sockets.push(socket);
    socket.on('question', (payload, ack) => ack && ack({ yes: true }));
    socket.once('connect', () => {
      log(`BOT ${nspName} ${socket.id}`);
      if (--pending === 0) ready();
    });
    if (traffic > 0) {
      let n = 0;
      setInterval(() => {
        if (!socket.connected) return;
        n++;
        socket.emit('message', `hello ${n} from bot-${i}`);
        if (n % 3 === 0) socket.emit('echo', { n, bot: i }, () => {});
        if (i === 0 && n % 4 === 0) socket.emit('askMe', n % 8 === 0 ? 'nobody' : 'question');
      }, traffic + i * 37).unref();
    }
  }
});
// Some bots join the lobby at the server side, so rooms show up.
io.of('/').on('connection', (socket) => { if (socket.data.name) socket.join('lobby'); });
io.of('/chat').on('connection', (socket) => {
  if (socket.data.name) socket.join(['lobby', `team-${socket.data.name.slice(-1) % 2}`]);
});

function shutdown() {
  for (const s of sockets) s.close();
  io.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.resume();
