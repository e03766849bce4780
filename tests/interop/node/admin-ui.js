// The real Socket.IO Admin UI (the web UI built into @socket.io/admin-ui 0.5.1, ui/dist) in
// headless Chromium, pointed at a SmartSocket server through its login form, as a person
// would: server URL, credentials, "WebSocket only", Connect. Then it checks that the server's
// namespaces, sockets, rooms and server id appear on the pages. One line per check ("OK what"
// / "FAIL what: why"), then "DONE". Run by tst_admin_ui.
//
// usage: node admin-ui.js CHROMIUM SERVER_URL JSON [SCREENSHOT.png]
//   JSON: {"username", "password", "serverId", "rootSockets": [ids in "/"],
//          "chatSockets": [ids in "/chat"], "room": a room of a "/" socket}
// Chromium is driven over the DevTools protocol with the `ws` package (a socket.io
// dependency). The UI's CDN stylesheets (fonts, icons) are left out of index.html so the test
// needs no network.
"use strict";

const http = require("http");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { spawn } = require("child_process");
const WebSocket = require("ws");

const [chromiumPath, serverUrl, json, screenshot] = process.argv.slice(2);
const expected = JSON.parse(json);
const UI_DIR = path.join(path.dirname(require.resolve("@socket.io/admin-ui/package.json")), "ui", "dist");

const print = (line) => process.stdout.write(line + "\n");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
let failures = 0;
function check(what, condition, why) {
  if (condition) print(`OK ${what}`);
  else {
    failures++;
    print(`FAIL ${what}: ${why}`);
  }
  return condition;
}

const TYPES = { ".html": "text/html", ".js": "application/javascript", ".css": "text/css",
  ".png": "image/png", ".svg": "image/svg+xml", ".map": "application/json" };

function serveUi() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    let file = path.normalize(path.join(UI_DIR, decodeURIComponent(url.pathname)));
    if (!file.startsWith(UI_DIR)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname === "/") file = path.join(UI_DIR, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404).end();
        return;
      }
      if (file.endsWith("index.html"))
        data = data.toString().replace(/<link rel="stylesheet" href="https:[^>]*>/g, "");
      res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
      res.end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function startChromium() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "smartsocket-chromium-"));
  const child = spawn(chromiumPath, ["--headless", "--no-sandbox", "--disable-gpu",
    "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
    "--remote-debugging-port=0", `--user-data-dir=${profile}`, "--window-size=1400,900",
    "about:blank"], { stdio: ["ignore", "ignore", "pipe"], detached: true }); // own group
  child.profile = profile;
  return new Promise((resolve, reject) => {
    let err = "";
    const timer = setTimeout(() => reject(new Error("chromium did not start: " + err)), 30000);
    child.stderr.on("data", (chunk) => {
      err += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ child, browserUrl: m[1] });
      }
    });
    child.on("exit", (code) => reject(new Error(`chromium exited (${code}): ${err}`)));
  });
}

/// A minimal DevTools protocol client over one page session.
class Cdp {
  constructor(url) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.next = 1;
    this.pending = new Map();
    this.ws.on("message", (data) => {
      const msg = JSON.parse(data);
      if (process.env.ADMIN_UI_DEBUG && (msg.method === "Runtime.exceptionThrown"
        || msg.method === "Runtime.consoleAPICalled"))
        print("PAGE " + JSON.stringify(msg.params).slice(0, 600));
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(JSON.stringify(msg.error)));
        else resolve(msg.result);
      }
    });
  }
  open() {
    return new Promise((resolve, reject) => {
      this.ws.once("open", resolve);
      this.ws.once("error", reject);
    });
  }
  send(method, params = {}, sessionId) {
    const id = this.next++;
    this.ws.send(JSON.stringify({ id, method, params, sessionId }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
}

async function main() {
  const ui = await serveUi();
  const uiUrl = `http://127.0.0.1:${ui.address().port}/`;
  const { child, browserUrl } = await startChromium();
  try {
    const cdp = new Cdp(browserUrl);
    await cdp.open();
    const { targetId } = await cdp.send("Target.createTarget", { url: "about:blank" });
    const { sessionId } = await cdp.send("Target.attachToTarget", { targetId, flatten: true });
    const page = (method, params) => cdp.send(method, params, sessionId);
    await page("Page.enable");
    await page("Runtime.enable");
    await page("Emulation.setDeviceMetricsOverride",
      { width: 1400, height: 900, deviceScaleFactor: 1, mobile: false });
    const evaluate = async (expression) => {
      const r = await page("Runtime.evaluate",
        { expression, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
      return r.result.value;
    };
    const waitUntil = async (expression, timeoutMs = 15000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (await evaluate(expression)) return true;
        await sleep(100);
      }
      return false;
    };
    const bodyText = () => evaluate("document.body.innerText");

    await page("Page.navigate", { url: uiUrl });
    check("login form", await waitUntil(
      "document.querySelectorAll('.v-dialog input').length >= 4"), "no connection dialog");

    // Fill the form the way a user does: text typed into the fields (Vue listens to `input`),
    // "Advanced options" on, then "WebSocket only" on, then Connect.
    const typeInto = (index, value) => evaluate(`(() => {
      const input = document.querySelectorAll('.v-dialog input')[${index}];
      input.focus();
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
      setter.call(input, ${JSON.stringify(value)});
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return input.value;
    })()`);
    await typeInto(0, serverUrl);
    await typeInto(1, expected.username || "");
    await typeInto(2, expected.password || "");
    const clickSwitch = (label) => evaluate(`(() => {
      const labels = [...document.querySelectorAll('.v-dialog .v-input--switch')];
      const sw = labels.find((s) => s.innerText.trim().startsWith(${JSON.stringify(label)}));
      if (!sw) return false;
      sw.querySelector('input').click();
      return true;
    })()`);
    const switchIsOn = (label) => waitUntil(`[...document.querySelectorAll('.v-dialog .v-input--switch')]
      .some((s) => s.innerText.trim().startsWith(${JSON.stringify(label)})
        && s.querySelector('input').getAttribute('aria-checked') === 'true')`, 5000);
    check("advanced options", (await clickSwitch("Advanced options"))
      && (await switchIsOn("Advanced options")), "no switch");
    await waitUntil(`[...document.querySelectorAll('.v-dialog .v-input--switch')]
      .some((s) => s.innerText.trim().startsWith('WebSocket only'))`);
    check("websocket only", (await clickSwitch("WebSocket only"))
      && (await switchIsOn("WebSocket only")), "no switch");
    await evaluate(`document.querySelector('.v-dialog button[type=submit]').click()`);
    check("connected", await waitUntil(
      "!document.querySelector('.v-dialog__content--active')", 20000),
      "the dialog stayed: " + (await bodyText()).slice(0, 300));

    // Servers page: our server id, with its stats.
    await page("Page.navigate", { url: uiUrl + "#/servers/" });
    check("server listed", await waitUntil(
      `document.body.innerText.includes(${JSON.stringify(expected.serverId)})`, 15000),
      (await bodyText()).slice(0, 500));
    // Sockets page, namespace "/" (the UI's default): every socket of "/".
    await page("Page.navigate", { url: uiUrl + "#/sockets/" });
    const allOf = (ids) => ids.map((id) => `document.body.innerText.includes(${JSON.stringify(id)})`)
      .join(" && ") || "true";
    check("sockets of /", await waitUntil(allOf(expected.rootSockets)), (await bodyText()).slice(0, 800));
    // Pick "/chat" in the namespace selector: its sockets appear.
    const opened = await evaluate(`(() => {
      const slot = document.querySelector('.selector .v-select__slot');
      if (!slot) return false;
      slot.click();
      return true;
    })()`);
    check("namespace selector", opened && await waitUntil(
      "[...document.querySelectorAll('.v-menu__content .v-list-item')].some((i) => i.innerText.trim() === '/chat')"),
      "no /chat in the selector");
    await evaluate(`[...document.querySelectorAll('.v-menu__content .v-list-item')]
      .find((i) => i.innerText.trim() === '/chat').click()`);
    check("sockets of /chat", await waitUntil(allOf(expected.chatSockets)), (await bodyText()).slice(0, 800));
    // Rooms page of "/": the room a socket joined.
    await evaluate(`(() => {
      const slot = document.querySelector('.selector .v-select__slot'); slot.click(); })()`);
    await waitUntil("[...document.querySelectorAll('.v-menu__content .v-list-item')].some((i) => i.innerText.trim() === '/')");
    await evaluate(`[...document.querySelectorAll('.v-menu__content .v-list-item')]
      .find((i) => i.innerText.trim() === '/').click()`);
    await page("Page.navigate", { url: uiUrl + "#/rooms/" });
    check("rooms", await waitUntil(`document.body.innerText.includes(${JSON.stringify(expected.room)})`),
      (await bodyText()).slice(0, 800));

    if (screenshot) {
      const route = process.env.ADMIN_UI_SCREENSHOT_ROUTE || "#/"; // the dashboard
      await page("Page.navigate", { url: uiUrl + route });
      await sleep(4500); // two server_stats periods: counters and charts are filled
      const shot = await page("Page.captureScreenshot", { format: "png" });
      fs.mkdirSync(path.dirname(screenshot), { recursive: true });
      fs.writeFileSync(screenshot, Buffer.from(shot.data, "base64"));
      print(`SCREENSHOT ${screenshot}`);
    }
    cdp.ws.close();
  } finally {
    try {
      process.kill(-child.pid, "SIGKILL"); // chromium and its helper processes
    } catch (e) {
      child.kill("SIGKILL");
    }
    ui.close();
    try {
      fs.rmSync(child.profile, { recursive: true, force: true });
    } catch (e) {
      // leftovers in /tmp do no harm
    }
  }
}

main()
  .catch((e) => check("exception", false, e && e.stack))
  .finally(() => {
    print("DONE");
    process.exit(0);
  });
