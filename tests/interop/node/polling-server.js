'use strict';
// The reference for SmartSocket's long-polling tests: a socket.io 4.8 server with its default
// transports (polling + websocket) and the echo server's handlers ('echo' acks its argument,
// 'broadcast' emits 'bcast' to everyone).
// Usage: node polling-server.js [--max-payload N] [--ping-interval MS] [--ping-timeout MS]
//   [--cors ORIGIN] [--cookie]
// Listens on 127.0.0.1 (free port), prints "READY <port>"; stops on SIGTERM or stdin EOF.
const http = require('http');
const { Server } = require('socket.io');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? Number(process.argv[i + 1]) : fallback;
}

function flag(name) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : undefined;
}

const httpServer = http.createServer();
const corsOrigin = flag('--cors'); // one allowed origin, with credentials, GET and POST
const io = new Server(httpServer, {
  cors: corsOrigin ? { origin: [corsOrigin], credentials: true, methods: ['GET', 'POST'] } : undefined,
  cookie: process.argv.includes('--cookie'),
  maxHttpBufferSize: option('--max-payload', 1e6),
  pingInterval: option('--ping-interval', 25000),
  pingTimeout: option('--ping-timeout', 20000),
  // Refuses requests that carry X-Refuse (with its value as the message) or
  // X-Refuse-Silently (no message).
  allowRequest: (req, callback) => {
    if (req.headers['x-refuse']) return callback(req.headers['x-refuse'], false);
    if (req.headers['x-refuse-silently']) return callback(null, false);
    callback(null, true);
  },
});
io.on('connection', (socket) => {
  socket.on('echo', (arg, ack) => typeof ack === 'function' && ack(arg));
  socket.on('broadcast', (arg) => io.emit('bcast', arg));
});
httpServer.listen(0, '127.0.0.1', () => console.log(`READY ${httpServer.address().port}`));
const stop = () => { io.close(); process.exit(0); };
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.stdin.on('end', stop);
process.stdin.resume();
