// One room, three kinds of peers: a page in headless Chromium using the client bundle served by
// the server under test (/socket.io/socket.io.js), the npm socket.io-client in Node, and (started
// by the JUnit test) the Java client. Prints one JSON line with what the browser and Node peers saw.
//
//   node three-peers.mjs <server base URL> <chromium executable>
//
// Each peer: connects, emits "join" (ack: its arrival number), waits for "ready" (sent by the
// server once three peers joined), emits "say" with an ack, collects the two other peers' "said"
// events, and answers the server's broadcast "roll-call" with its name. A hard timer bounds the run.

import { chromium } from "playwright-core";
import { io } from "socket.io-client";

const [base, executablePath] = process.argv.slice(2);
const started = Date.now();
let browser;

function print(result, code) {
  process.stdout.write(JSON.stringify({ ...result, elapsedMs: Date.now() - started }) + "\n");
  process.exitCode = code;
}

const hardTimer = setTimeout(async () => {
  print({ ok: false, error: "timed out" }, 3);
  if (browser) await browser.close().catch(() => {});
  process.exit(3);
}, 20000);

// Runs in Node and, as source text, in the page: keep it self-contained.
function peer(ioFn, url, name, options) {
  return new Promise((resolve) => {
    const seen = { name, heard: [], transport: null };
    const socket = ioFn(url, { forceNew: true, reconnection: false, ...options });
    let pinged = false;
    let sayAck = null;
    const maybeDone = () => {
      if (pinged && sayAck && seen.heard.length >= 2) {
        seen.sayAck = sayAck;
        seen.transport = socket.io.engine.transport.name;
        socket.close();
        resolve(seen);
      }
    };
    socket.on("connect_error", (err) => resolve({ name, error: String(err && err.message) }));
    socket.on("connect", () => {
      socket.emit("join", name, (n) => {
        seen.joinAck = n;
      });
    });
    socket.on("ready", () => {
      socket.emit("say", name, "hello from " + name, (answer) => {
        sayAck = answer;
        maybeDone();
      });
    });
    socket.on("said", (from, text) => {
      seen.heard.push(from + ":" + text);
      maybeDone();
    });
    socket.on("roll-call", (cb) => {
      cb(name);
      pinged = true;
      maybeDone();
    });
  });
}

try {
  browser = await chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = await browser.newPage();
  // same origin as the server: no CORS involved
  await page.goto(base + "/socket.io/socket.io.js");
  await page.addScriptTag({ url: "/socket.io/socket.io.js" });
  const browserPeer = page.evaluate(
    ([source, url]) => {
      const fn = new Function("return " + source)();
      return fn(window.io, url, "browser", {});
    },
    [peer.toString(), base],
  );
  const nodePeer = peer(io, base, "node", { transports: ["polling"] });
  const [b, n] = await Promise.all([browserPeer, nodePeer]);
  const ok = !b.error && !n.error;
  print({ ok, browser: b, node: n }, ok ? 0 : 1);
} catch (e) {
  print({ ok: false, error: String(e && e.stack ? e.stack : e) }, 1);
} finally {
  clearTimeout(hardTimer);
  if (browser) await browser.close().catch(() => {});
}
