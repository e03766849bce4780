'use strict';
// A socket.io 4.8 server for SmartSocket's interoperability tests (our Client against Node).
//
// Usage: node server.js [--port N] [--ping-interval MS] [--ping-timeout MS]
// Listens on 127.0.0.1 only (port 0 picks a free one) and prints "READY <port>" on stdout
// once listening. Stops on SIGTERM/SIGINT or when stdin closes.

const http = require('http');
const { Server } = require('socket.io');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? Number(process.argv[i + 1]) : fallback;
}

const port = option('--port', 0);
const httpServer = http.createServer();
const io = new Server(httpServer, {
  transports: ['websocket'],
  pingInterval: option('--ping-interval', 25000),
  pingTimeout: option('--ping-timeout', 20000),
});

function log(...args) {
  console.log(...args);
}

function engineStats() {
  return {
    engineClients: io.engine.clientsCount,
    root: io.of('/').sockets.size,
    chat: io.of('/chat').sockets.size,
  };
}

function setup(nsp) {
  // Connect middleware: {token: "bad"} is refused with a message and data.
  nsp.use((socket, next) => {
    const auth = socket.handshake.auth || {};
    if (auth.token === 'bad') {
      const err = new Error('not authorized');
      err.data = { code: 7 };
      return next(err);
    }
    next();
  });

  nsp.on('connection', (socket) => {
    log(`CONNECT ${nsp.name} ${socket.id} ${JSON.stringify(socket.handshake.auth)}`);
    socket.emit('welcome', {
      id: socket.id,
      nsp: nsp.name,
      auth: socket.handshake.auth,
      ...engineStats(),
    });

    // Answers with its arguments (ack), or emits them back when no ack was asked.
    socket.on('echo', (...args) => {
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      if (ack) ack(...args);
      else socket.emit('echo', ...args);
    });

    // Binary: answers with what it got plus a server-made buffer, and checks the types.
    socket.on('binaryEcho', (...args) => {
      const ack = typeof args[args.length - 1] === 'function' ? args.pop() : null;
      const description = JSON.stringify(args, (k, v) =>
        v && v.type === 'Buffer' && Array.isArray(v.data) ? `<Buffer ${v.data.length}>` : v);
      const reply = [args, Buffer.from([0xde, 0xad, 0xbe, 0xef]), description];
      if (ack) ack(...reply);
      else socket.emit('binaryEcho', ...reply);
    });

    // Asks the client (emitWithAck) and reports its reply: with an ack when one was asked,
    // and as an "askResult" event.
    socket.on('ask', async (event, payload, ack) => {
      let result;
      try {
        const reply = await socket.timeout(5000).emitWithAck(event, payload);
        result = { ok: true, reply };
      } catch (e) {
        result = { ok: false, error: String(e && e.message) };
      }
      socket.emit('askResult', result);
      if (typeof ack === 'function') ack(result);
    });

    // Never answers: for ack timeouts.
    socket.on('noAck', () => {});

    // To everyone in the namespace, the sender included.
    socket.on('broadcast', (payload) => {
      nsp.emit('broadcast', payload, socket.id);
    });

    socket.on('stats', (ack) => {
      if (typeof ack === 'function') ack(engineStats());
    });

    // Leaves the namespace from the server side (the client gets "io server disconnect").
    socket.on('disconnectMe', () => socket.disconnect());
    // Closes the whole Engine.IO connection (the client gets "transport close").
    socket.on('closeTransport', () => socket.conn.close());

    socket.on('errorMe', (code) => {
      socket.emit('__error__', { event: 'errorMe', message: 'something failed', code });
    });

    socket.on('disconnect', (reason) => {
      log(`DISCONNECT ${nsp.name} ${socket.id} ${reason}`);
    });
  });
}

setup(io.of('/'));
setup(io.of('/chat'));

httpServer.listen(port, '127.0.0.1', () => {
  log(`READY ${httpServer.address().port}`);
});

function shutdown() {
  io.close();
  process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.stdin.on('end', shutdown);
process.stdin.resume();
