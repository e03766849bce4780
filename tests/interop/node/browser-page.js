// Loads a page in headless Chromium through the DevTools protocol, waits until a JavaScript
// condition holds in it, then prints the page's HTML. Unlike --dump-dom with a virtual time
// budget, this waits in real time, so a page that talks over a WebSocket gets its answers.
// Usage: node browser-page.js <chromium> <url> <condition> [timeoutMs]
// Prints the HTML and exits 0, or "FAIL <why>" (and the HTML so far) and exits 1.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const WebSocket = require('ws'); // a dependency of socket.io's engine.io (package-lock.json)

const [chromium, url, condition, timeoutArg] = process.argv.slice(2);
const timeoutMs = Number(timeoutArg || 30000);
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'smartsocket-demos-chromium-'));
const browser = spawn(chromium, ['--headless', '--no-sandbox', '--disable-gpu',
  '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
{ detached: true, stdio: ['ignore', 'ignore', 'pipe'] });

let finished = false;
function finish(code, text) {
  if (finished) return;
  finished = true;
  console.log(text);
  try { process.kill(-browser.pid, 'SIGKILL'); } catch (e) { /* already gone */ }
  setTimeout(() => {
    fs.rmSync(profile, { recursive: true, force: true });
    process.exit(code);
  }, 200);
}
setTimeout(() => finish(1, 'FAIL timeout after ' + timeoutMs + ' ms\n' + lastHtml), timeoutMs);
browser.on('exit', (code) => finish(1, 'FAIL chromium exited with ' + code));

// Never leave the browser behind, whatever happens here.
process.on('exit', () => { try { process.kill(-browser.pid, 'SIGKILL'); } catch (e) { /* gone */ } });
process.on('uncaughtException', (err) => finish(1, 'FAIL ' + (err && err.stack || err)));

let lastHtml = '';
let stderr = '';
let started = false;
browser.stderr.on('data', (chunk) => {
  if (started) return;
  stderr += chunk;
  const match = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
  if (match) {
    started = true;
    drive(match[1]).catch((err) => finish(1, 'FAIL ' + err.message));
  }
});

async function drive(endpoint) {
  const ws = new WebSocket(endpoint, { perMessageDeflate: false });
  await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject); });
  let nextId = 1;
  const pending = new Map();
  ws.on('message', (data) => {
    const message = JSON.parse(data);
    const callback = pending.get(message.id);
    if (!callback) return;
    pending.delete(message.id);
    if (message.error) callback.reject(new Error(message.error.message));
    else callback.resolve(message.result);
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    ws.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
  });
  const { targetId } = await send('Target.createTarget', { url });
  const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
  const expression = `(() => { try { return [!!(${condition}), document.documentElement.outerHTML]; }`
    + ` catch (e) { return [false, String(e)]; } })()`;
  for (;;) {
    const { result } = await send('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
    const [done, html] = result.value || [false, ''];
    lastHtml = html;
    if (done) return finish(0, html);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
