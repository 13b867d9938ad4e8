// Runs one scenario of the real engine.io-client against an Engine.IO v4 server and prints one
// JSON line with what the client observed. Driven by io.socketiojakarta.clients (JUnit).
//
//   node eio-scenario.mjs <engine base URL> <polling|websocket|upgrade> <scenario> [params JSON]
//
// e.g. node eio-scenario.mjs http://127.0.0.1:8080/engine.io/ upgrade echo '{"texts":["hello"]}'
//
// The line always has "ok" (false with "error" when the scenario failed or timed out), "mode",
// "scenario" and "events" (the socket events in order). The process ends by itself: a hard timer
// prints a failure line and exits after params.timeoutMs (default 15 s).

import { createHash } from "node:crypto";
import { Socket } from "engine.io-client";

const [baseUrl, mode, scenarioName, paramsJson] = process.argv.slice(2);
const params = paramsJson ? JSON.parse(paramsJson) : {};
const started = Date.now();
const result = { ok: false, mode, scenario: scenarioName, events: [] };
let printed = false;

function finish(extra, exitCode) {
  if (printed) {
    return;
  }
  printed = true;
  Object.assign(result, extra);
  result.elapsedMs = Date.now() - started;
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exitCode = exitCode;
}

// Hard bound: whatever happens, the process ends.
const hardTimer = setTimeout(() => {
  finish({ ok: false, error: "scenario timed out" }, 3);
  process.exit(3);
}, params.timeoutMs ?? 15000);

const MODES = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"], upgrade: false },
  upgrade: { transports: ["polling", "websocket"], upgrade: true },
};

if (!baseUrl || !MODES[mode] || !scenarioName) {
  finish({ ok: false, error: "usage: eio-scenario.mjs <url> <polling|websocket|upgrade> <scenario> [json]" }, 2);
  process.exit(2);
}

const url = new URL(baseUrl);
const socket = new Socket(`${url.protocol}//${url.host}`, {
  path: url.pathname,
  query: { scenario: scenarioName },
  ...MODES[mode],
});

// ---------------------------------------------------------------- observation helpers

socket.on("open", () => {
  result.events.push("open");
  result.openTransport = socket.transport.name;
  result.openAtMs = Date.now() - started;
});
socket.on("upgrade", (t) => result.events.push("upgrade:" + t.name));
socket.on("upgradeError", (e) => result.events.push("upgradeError:" + e.message));
socket.on("error", () => result.events.push("error"));
socket.on("close", (reason) => result.events.push("close:" + reason));

/** Resolves when the socket is open (and, in upgrade mode, upgraded); rejects on close first. */
const ready = new Promise((resolve, reject) => {
  const fail = (what) => () => reject(new Error(`${what} before the socket was ready`));
  socket.once("close", fail("close"));
  socket.once("upgradeError", (e) => reject(new Error("upgrade failed: " + e.message)));
  if (mode === "upgrade") {
    socket.once("upgrade", (t) => {
      result.upgradedTo = t.name;
      resolve();
    });
  } else {
    socket.once("open", () => resolve());
  }
}).then(() => {
  result.id = socket.id;
  result.transport = socket.transport.name;
});
ready.catch(() => {}); // scenarios that await it see the rejection; the refused one does not

/** Messages in arrival order, awaited one by one. */
const inbox = [];
const waiters = [];
socket.on("message", (data) => {
  const w = waiters.shift();
  if (w) {
    w(data);
  } else {
    inbox.push(data);
  }
});
function nextMessage() {
  if (inbox.length) {
    return Promise.resolve(inbox.shift());
  }
  return new Promise((resolve) => waiters.push(resolve));
}

/** Resolves with [reason, description] of the socket's close event. */
const closed = new Promise((resolve) => {
  socket.once("close", (reason, description) => {
    result.closeReason = reason;
    result.closeAtMs = Date.now() - started;
    resolve([reason, description]);
  });
});

function describe(x) {
  if (x === undefined || x === null) {
    return x;
  }
  if (typeof x !== "object") {
    return x;
  }
  // engine.io-client's close details are {description, context}; errors have message and type
  const d = x.description;
  return {
    name: x.constructor?.name,
    message: x.message,
    type: x.type,
    description: typeof d === "object" && d !== null ? d.message ?? String(d) : d,
  };
}

function sha256(s) {
  return createHash("sha256").update(s).digest("hex");
}

// ---------------------------------------------------------------- scenarios

const scenarios = {
  async handshake() {
    await ready;
  },

  async echo() {
    await ready;
    result.echoes = [];
    for (const text of params.texts) {
      socket.send(text);
      const echoed = await nextMessage();
      result.echoes.push(echoed);
    }
  },

  async binary() {
    await ready;
    const bytes = new Uint8Array(256);
    for (let i = 0; i < 256; i++) {
      bytes[i] = i;
    }
    socket.send(bytes);
    const data = await nextMessage();
    result.receivedType = typeof data === "string" ? "string" : data.constructor?.name;
    result.isBuffer = Buffer.isBuffer(data);
    result.isArrayBuffer = data instanceof ArrayBuffer;
    result.bytes = typeof data === "string" ? null : Array.from(new Uint8Array(data.buffer ?? data, data.byteOffset ?? 0, data.byteLength));
  },

  async large() {
    await ready;
    const size = params.size;
    const alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let text = "";
    while (text.length < size) {
      text += alphabet;
    }
    text = text.slice(0, size);
    socket.send(text);
    const echoed = await nextMessage();
    result.sentLength = text.length;
    result.sentSha256 = sha256(text);
    result.receivedLength = echoed.length;
    result.receivedSha256 = sha256(echoed);
    result.intact = echoed === text;
  },

  async many() {
    await ready;
    const count = params.count;
    for (let i = 0; i < count; i++) {
      socket.send("m" + i);
    }
    const received = [];
    for (let i = 0; i < count; i++) {
      received.push(await nextMessage());
    }
    result.receivedCount = received.length;
    result.firstOutOfOrder = received.findIndex((m, i) => m !== "m" + i);
    result.inOrder = result.firstOutOfOrder === -1;
  },

  async serverClose() {
    await ready;
    socket.send("first");
    const [reason, description] = await closed;
    result.closeDescription = describe(description);
  },

  async clientClose() {
    await ready;
    socket.send("before close");
    result.echo = await nextMessage();
    result.closingAtMs = Date.now() - started;
    socket.close();
    const [reason] = await closed;
    result.clientCloseReason = reason;
  },

  async silent() {
    // Drop every pong: engine.io-client answers a ping with this._sendPacket("pong") (socket.js).
    // Installed before the handshake, so even the first ping goes unanswered.
    result.droppedPongs = 0;
    const original = socket._sendPacket;
    if (typeof original !== "function") {
      throw new Error("engine.io-client has no _sendPacket to wrap");
    }
    socket._sendPacket = function (type, ...rest) {
      if (type === "pong") {
        result.droppedPongs++;
        return;
      }
      return original.call(this, type, ...rest);
    };
    let pings = 0;
    socket.on("ping", () => pings++);
    await ready;
    const [reason, description] = await closed;
    result.pingsReceived = pings;
    result.closeDescription = describe(description);
  },

  async refused() {
    // Read the error synchronously: right after the event the client aborts its XHR, which
    // clears the XHR's status and responseText.
    await new Promise((resolve, reject) => {
      socket.once("error", (err) => {
        result.errorMessage = err?.message ?? String(err);
        result.errorType = err?.type;
        const d = err?.description;
        result.errorDescription = typeof d === "object" && d !== null ? d.message ?? String(d) : d;
        const ctx = err?.context;
        if (ctx && typeof ctx === "object") {
          result.errorContextStatus = ctx.status;
          result.errorContextResponseText = ctx.responseText;
        }
        resolve();
      });
      socket.once("open", () => reject(new Error("the socket opened")));
    });
    await closed;
  },
};

const scenario = scenarios[scenarioName];
if (!scenario) {
  finish({ ok: false, error: "unknown scenario " + scenarioName }, 2);
  process.exit(2);
}

try {
  await scenario();
  finish({ ok: true }, 0);
} catch (e) {
  finish({ ok: false, error: String(e?.stack ?? e) }, 1);
}
clearTimeout(hardTimer);
if (socket.readyState !== "closed") {
  socket.close();
}
// Let a closing transport finish its last request, but never linger more than a second.
setTimeout(() => process.exit(), 1000).unref();
