// socket.io-client 4.8 against the demo servers (smartsocket-chat-server,
// smartsocket-sync-server): one scenario per run.
// Usage: node demo-scenarios.js <url> <scenario>
// Prints "PASS <scenario>" and exits 0, or "FAIL <scenario>: <why>" and exits 1.
'use strict';
const { io } = require('socket.io-client');
const assert = require('assert');

const [url, scenario] = process.argv.slice(2);
const sockets = [];
const open = (path) => {
  const s = io(url + path, { transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(s);
  return s;
};
const once = (socket, event) => new Promise((resolve) => socket.once(event, (...args) => resolve(args)));
const ask = (socket, ...args) => socket.timeout(5000).emitWithAck(...args);
// Resolves with the first `event` payload that satisfies `test`.
const waitFor = (socket, event, test, ms = 5000) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
  const handler = (payload) => {
    if (test(payload)) {
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    }
  };
  socket.on(event, handler);
});
const connected = async (path) => { const s = open(path); await once(s, 'connect'); return s; };

const scenarios = {
  // Two browser-like users chat; a third in another room hears nothing of it.
  async 'chat-rooms'() {
    const [ann, ben, cid] = await Promise.all([connected('/chat'), connected('/chat'), connected('/chat')]);
    const received = { ann: [], ben: [], cid: [] };
    ann.on('message', (m) => received.ann.push(m));
    ben.on('message', (m) => received.ben.push(m));
    cid.on('message', (m) => received.cid.push(m));

    let ack = await ask(ann, 'join-room', { room: 'general', username: 'ann' });
    assert.strictEqual(ack.joined, true);
    const benJoined = waitFor(ann, 'user-joined', (e) => e.username === 'ben');
    const annUsers = waitFor(ann, 'room-users', (e) => e.users.length === 2);
    ack = await ask(ben, 'join-room', { room: 'general', username: 'ben' });
    assert.deepStrictEqual(ack.users, ['ann', 'ben']);
    const joined = await benJoined;
    assert.strictEqual(joined.room, 'general');
    assert.ok(Number.isInteger(joined.timestamp));
    assert.deepStrictEqual((await annUsers).users, ['ann', 'ben']);
    await ask(cid, 'join-room', { room: 'random', username: 'cid' });

    const got = waitFor(ben, 'message', (m) => m.text === 'hello ben');
    ack = await ask(ann, 'send-message', { text: 'hello ben' });
    assert.strictEqual(ack.sent, true);
    const message = await got;
    assert.strictEqual(message.from, 'ann');
    assert.strictEqual(message.room, 'general');
    assert.strictEqual(message.id, ack.id);

    // Isolation: cid's own room message arrives; ann's never did.
    const sentinel = waitFor(cid, 'message', (m) => m.text === 'sentinel');
    const dan = await connected('/chat');
    await ask(dan, 'join-room', { room: 'random', username: 'dan' });
    await ask(dan, 'send-message', { text: 'sentinel' });
    await sentinel;
    assert.deepStrictEqual(received.cid.map((m) => m.text), ['sentinel']);
    assert.deepStrictEqual(received.ann, []); // the sender gets the ack, not a copy

    // Leaving.
    const left = waitFor(ann, 'user-left', (e) => e.username === 'ben');
    ack = await ask(ben, 'leave-room', {});
    assert.deepStrictEqual(ack, { left: true, room: 'general' });
    await left;
    // History for a newcomer.
    const eve = await connected('/chat');
    ack = await ask(eve, 'join-room', { room: 'general', username: 'eve' });
    assert.deepStrictEqual(ack.history.map((m) => m.text), ['hello ben']);
  },
  async 'chat-validation'() {
    const s = await connected('/chat');
    await ask(s, 'join-room', { room: 'general', username: 'val' });
    const errorEvent = once(s, '__error__');
    let ack = await ask(s, 'send-message', { text: '' });
    assert.deepStrictEqual(ack, { error: 'Empty message', code: 'VALIDATION' });
    const [error] = await errorEvent;
    assert.strictEqual(error.event, 'send-message');
    ack = await ask(s, 'send-message', { text: 'x'.repeat(5000) });
    assert.strictEqual(ack.code, 'VALIDATION');
    ack = await ask(s, 'send-message', { text: 'fine' });
    assert.strictEqual(ack.sent, true);
  },
  // The server runs with --message-rate 2:60000.
  async 'chat-rate-limit'() {
    const s = await connected('/chat');
    await ask(s, 'join-room', { room: 'general', username: 'fast' });
    assert.strictEqual((await ask(s, 'send-message', { text: '1' })).sent, true);
    assert.strictEqual((await ask(s, 'send-message', { text: '2' })).sent, true);
    const notice = once(s, '__rate-limited__');
    const ack = await ask(s, 'send-message', { text: '3' });
    assert.strictEqual(ack.code, 'RATE_LIMITED');
    assert.ok(ack.retryAfter > 0);
    assert.strictEqual((await notice)[0].event, 'send-message');
  },
  // A SmartSocket client in the test (user "qt") says "hello from qt" when it sees "hello
  // from node" in general, and the Node user waits for it.
  async 'chat-with-qt'() {
    const s = await connected('/chat');
    const ack = await ask(s, 'join-room', { room: 'general', username: 'node' });
    assert.ok(ack.users.includes('qt'), JSON.stringify(ack.users));
    const reply = waitFor(s, 'message', (m) => m.from === 'qt' && m.text === 'hello from qt');
    assert.strictEqual((await ask(s, 'send-message', { text: 'hello from node' })).sent, true);
    await reply;
  },
  async 'sync-state'() {
    const [a, b] = await Promise.all([connected('/sync'), connected('/sync')]);
    const first = await ask(a, 'get-state', {});
    assert.strictEqual(typeof first.version, 'number');
    assert.strictEqual(typeof first.state, 'object');
    const seen = waitFor(b, 'state-updated', (u) => u.state.title === 'from node');
    let ack = await ask(a, 'update-state', { version: first.version, changes: { title: 'from node' } });
    assert.deepStrictEqual(ack, { success: true, version: first.version + 1 });
    const update = await seen;
    assert.strictEqual(update.version, first.version + 1);
    assert.strictEqual(update.state.notes, first.state.notes); // merged, not replaced
    // b edits from the old version: refused as stale, with the current state to reload.
    ack = await ask(b, 'update-state', { version: first.version, changes: { done: true } });
    assert.strictEqual(ack.success, false);
    assert.strictEqual(ack.error, 'stale');
    assert.strictEqual(ack.version, first.version + 1);
    assert.strictEqual(ack.state.title, 'from node');
    assert.strictEqual(ack.state.done, false);
    // Invalid changes are refused.
    ack = await ask(b, 'update-state', { version: ack.version, changes: { progress: 'lots' } });
    assert.strictEqual(ack.success, false);
    assert.strictEqual(ack.error, 'invalid');
  },
};

(async () => {
  const run = scenarios[scenario];
  if (!run) throw new Error(`unknown scenario ${scenario}`);
  await run();
})().then(
  () => { console.log(`PASS ${scenario}`); sockets.forEach((s) => s.close()); process.exit(0); },
  (err) => { console.log(`FAIL ${scenario}: ${err && err.stack || err}`); process.exit(1); });
