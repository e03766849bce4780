// socket.io-client 4.8 against a SmartSocket server: one scenario per run.
// Usage: node client-scenarios.js <url> <scenario>
// Prints "PASS <scenario>" and exits 0, or "FAIL <scenario>: <why>" and exits 1.
'use strict';
const { io } = require('socket.io-client');
const assert = require('assert');

const [url, scenario] = process.argv.slice(2);
const opts = (extra = {}) => ({ transports: ['websocket'], reconnection: false, forceNew: true, ...extra });
const sockets = [];
const open = (path, extra) => { const s = io(url + path, opts(extra)); sockets.push(s); return s; };
const once = (socket, event) => new Promise((resolve) => socket.once(event, (...args) => resolve(args)));
const ask = (socket, ...args) => socket.timeout(5000).emitWithAck(...args);

const scenarios = {
  async 'connect-with-auth'() {
    const s = open('/', { auth: { token: '123' } });
    await once(s, 'connect');
    assert.ok(s.id && s.id.length > 0);
    assert.strictEqual(await ask(s, 'whoami'), 'alice');
  },
  async 'connect-refused'() {
    const s = open('/', { auth: { token: 'bad' } });
    const [err] = await once(s, 'connect_error');
    assert.strictEqual(err.message, 'Not authorized');
    assert.deepStrictEqual(err.data, { code: 7 });
    assert.strictEqual(s.connected, false);
  },
  async 'unknown-namespace'() {
    const s = open('/nope');
    const [err] = await once(s, 'connect_error');
    assert.strictEqual(err.message, 'Invalid namespace');
  },
  async 'namespaces-one-connection'() {
    // Same Manager for both namespaces (no forceNew): one Engine.IO connection.
    const main = io(url, { transports: ['websocket'], reconnection: false, auth: { token: '123' } });
    const chat = io(url + '/chat', { transports: ['websocket'], reconnection: false });
    sockets.push(main, chat);
    assert.strictEqual(main.io, chat.io);
    await Promise.all([once(main, 'connect'), once(chat, 'connect')]);
    assert.strictEqual(await ask(main, 'where'), '/');
    assert.strictEqual(await ask(chat, 'where'), '/chat');
    assert.strictEqual(await ask(main, 'engine-connections'), 1);
  },
  async 'ack-both-ways'() {
    const s = open('/', { auth: { token: '123' }, query: { scenario: 'server-ack' } });
    s.on('question', (n, ack) => ack(n * 2));
    const verdict = once(s, 'verdict');
    await once(s, 'connect');
    const payload = { name: 'John', age: 30, nested: { list: [1, 'two', null, true, 2.5] } };
    assert.deepStrictEqual(await ask(s, 'echo', payload, 'second'), payload);
    const [ok, detail] = await verdict;
    assert.strictEqual(ok, true, detail);
  },
  async 'ack-timeout'() {
    const s = open('/', { auth: { token: '123' } });
    await once(s, 'connect');
    await assert.rejects(s.timeout(200).emitWithAck('slow'), /timed out/);
  },
  async 'broadcast'() {
    const a = open('/', { auth: { token: '123' } });
    const b = open('/', { auth: { token: '123' } });
    await Promise.all([once(a, 'connect'), once(b, 'connect')]);
    const heard = once(b, 'heard');
    let aHeard = false;
    a.on('heard', () => { aHeard = true; });
    const bcastA = once(a, 'bcast');
    const bcastB = once(b, 'bcast');
    a.emit('shout', 'hello');
    assert.deepStrictEqual(await heard, ['hello']);
    a.emit('broadcast', { n: 1 });
    assert.deepStrictEqual(await bcastA, [{ n: 1 }]);
    assert.deepStrictEqual(await bcastB, [{ n: 1 }]);
    assert.strictEqual(aHeard, false, 'sender must not get its own socket.broadcast');
    // rooms
    await ask(a, 'join', 'red');
    const inRoom = once(a, 'room-msg');
    b.emit('to-room', 'red', 'x');
    assert.deepStrictEqual(await inRoom, ['red', 'x']);
  },
  async 'binary'() {
    const s = open('/', { auth: { token: '123' } });
    await once(s, 'connect');
    const file = Buffer.from([1, 2, 3, 4, 0, 255]);
    const reply = await ask(s, 'echo', { name: 'a.bin', file }, Buffer.from('xyz'));
    assert.ok(Buffer.isBuffer(reply.file), 'nested binary comes back as a Buffer');
    assert.deepStrictEqual([...reply.file], [...file]);
    const pushed = once(s, 'push');
    s.emit('push-me');
    const [buf, text] = await pushed;
    assert.deepStrictEqual([...buf], [0xff, 0x00, 0xfe]);
    assert.strictEqual(text, 'text');
  },
  async 'middleware-error'() {
    const s = open('/', { auth: { token: '123' } });
    await once(s, 'connect');
    const errorEvent = once(s, '__error__');
    s.emit('secret', 1);
    const [e] = await errorEvent;
    assert.strictEqual(e.event, 'secret');
    assert.strictEqual(e.message, 'Not authenticated');
    assert.strictEqual(e.code, 'AUTH');
  },
  async 'rate-limited'() {
    // The server limits "limited" to 2 per minute per socket.
    const s = open('/', { auth: { token: '123' } });
    await once(s, 'connect');
    const notice = once(s, '__rate-limited__');
    assert.deepStrictEqual(await ask(s, 'limited', 1), 1);
    assert.deepStrictEqual(await ask(s, 'limited', 2), 2);
    const refused = await ask(s, 'limited', 3);
    assert.strictEqual(refused.code, 'RATE_LIMITED');
    assert.ok(refused.error.length > 0);
    assert.ok(refused.retryAfter > 0 && refused.retryAfter <= 60000, `retryAfter ${refused.retryAfter}`);
    const [n] = await notice;
    assert.strictEqual(n.event, 'limited');
    assert.ok(n.message.length > 0);
    assert.ok(n.retryAfter > 0 && n.retryAfter <= 60000);
    assert.strictEqual(await ask(s, 'echo', 'still fine'), 'still fine');
  },
  async 'utf8-relay'() {
    // On 'bad-relay' the server side starts a raw peer that negotiates compression and sends
    // invalid UTF-8 inside an extension frame to this room; it answers once that peer was
    // closed. Plain peers (ws closes on invalid UTF-8 in a text frame) must not notice.
    const s = open('/', { auth: { token: '123' } });
    await once(s, 'connect');
    const got = [];
    s.on('room-msg', (...args) => got.push(args));
    let gone = null;
    s.on('disconnect', (reason) => { gone = reason; });
    await ask(s, 'join', 'utf8');
    assert.strictEqual(await ask(s, 'bad-relay', 'utf8'), 'closed 1007');
    const helper = open('/', { auth: { token: '123' } });
    await once(helper, 'connect');
    helper.emit('to-room', 'utf8', 'after');
    for (let i = 0; i < 300 && got.length === 0 && gone === null; ++i)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.strictEqual(gone, null, `disconnected: ${gone}`);
    assert.deepStrictEqual(got, [['utf8', 'after']]);
  },
  async 'server-disconnect'() {
    const s = open('/', { auth: { token: '123' } });
    await once(s, 'connect');
    const gone = once(s, 'disconnect');
    s.emit('kick-me');
    const [reason] = await gone;
    assert.strictEqual(reason, 'io server disconnect');
  },
};

(async () => {
  const run = scenarios[scenario];
  if (!run) throw new Error(`unknown scenario ${scenario}`);
  const timer = setTimeout(() => { console.log(`FAIL ${scenario}: timed out`); process.exit(1); }, 15000);
  await run();
  clearTimeout(timer);
  console.log(`PASS ${scenario}`);
  sockets.forEach((s) => s.disconnect());
  process.exit(0);
})().catch((e) => {
  console.log(`FAIL ${scenario}: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
  process.exit(1);
});
