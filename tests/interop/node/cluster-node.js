'use strict';
// A socket.io 4.8 node with @socket.io/redis-adapter 8 for the mixed-cluster test: the same
// client-driven events as `smartsocket-echo-server --redis` (join, set-data, to-room,
// fetch-sockets, fetch-and-emit, sockets-join, sockets-leave, disconnect-sockets,
// server-count, all-rooms, server-side-emit, announce; server-side "whoami" and "announce").
//
// Usage: node cluster-node.js --redis redis://HOST:PORT --server-id ID [--port N]
// Prints "READY <port>" once listening and subscribed.

const http = require('http');
const { Server } = require('socket.io');
const { createAdapter } = require('@socket.io/redis-adapter');
const { createClient } = require('redis');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number(option('--port', 0));
const serverId = option('--server-id', 'node');
const redisUrl = option('--redis', 'redis://127.0.0.1:6379');

function remoteList(sockets) {
  return sockets.map((s) => ({
    id: s.id,
    rooms: [...s.rooms],
    data: s.data,
    local: !!s.nsp, // a local Socket has its namespace; a RemoteSocket does not
    auth: s.handshake.auth,
  }));
}

function setup(nsp) {
  nsp.on('connection', (socket) => {
    socket.on('join', (room, ack) => { socket.join(room); ack(true); });
    socket.on('set-data', (key, value, ack) => { socket.data[key] = value; ack(true); });
    socket.on('to-room', (room, event, ...rest) => {
      const ack = rest.pop();
      (room ? nsp.to(room) : nsp).emit(event, ...rest);
      ack(-1); // socket.io does not count targets
    });
    socket.on('fetch-sockets', async (room, ack) => {
      try {
        ack(remoteList(await (room ? nsp.in(room) : nsp).fetchSockets()), '');
      } catch (e) {
        ack([], String(e.message));
      }
    });
    socket.on('fetch-and-emit', async (room, event, ...rest) => {
      const ack = rest.pop();
      const sockets = await nsp.in(room).fetchSockets();
      for (const s of sockets) s.emit(event, ...rest);
      ack(sockets.length);
    });
    socket.on('sockets-join', (room, target, ack) => { nsp.in(room).socketsJoin(target); ack(true); });
    socket.on('sockets-leave', (room, target, ack) => { nsp.in(room).socketsLeave(target); ack(true); });
    socket.on('disconnect-sockets', (room, close, ack) => {
      nsp.in(room).disconnectSockets(!!close);
      ack(true);
    });
    socket.on('server-count', async (ack) => ack(await nsp.adapter.serverCount(), ''));
    socket.on('all-rooms', async (ack) => ack([...(await nsp.adapter.allRooms())], ''));
    socket.on('server-side-emit', (event, ...rest) => {
      const ack = rest.pop();
      nsp.timeout(5000).serverSideEmit(event, ...rest, (err, responses) => {
        ack(responses || [], err ? String(err.message) : '');
      });
    });
    socket.on('announce', (...rest) => {
      const ack = rest.pop();
      nsp.serverSideEmit('announce', ...rest);
      ack(true);
    });
  });
  nsp.on('whoami', (...args) => {
    const ack = args.pop();
    ack({ serverId, args });
  });
  nsp.on('announce', (...args) => nsp.to('announcements').local.emit('announced', ...args));
}

async function main() {
  const pub = createClient({ url: redisUrl });
  const sub = pub.duplicate();
  pub.on('error', (e) => console.error('redis pub error', e.message));
  sub.on('error', (e) => console.error('redis sub error', e.message));
  await Promise.all([pub.connect(), sub.connect()]);
  const httpServer = http.createServer();
  const io = new Server(httpServer, { transports: ['websocket'], adapter: createAdapter(pub, sub) });
  setup(io.of('/'));
  setup(io.of('/chat'));
  httpServer.listen(port, '127.0.0.1', () => {
    // Subscriptions are sent before listening; a PING on the subscriber is ordered after them.
    pub.ping().then(() => console.log('READY ' + httpServer.address().port));
  });
  const stop = () => { io.close(); pub.quit().catch(() => {}); sub.quit().catch(() => {}); process.exit(0); };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.resume();
}

main().catch((e) => { console.error(e); process.exit(1); });
