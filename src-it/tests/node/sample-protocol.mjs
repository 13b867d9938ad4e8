// Drives the sample chat's wire protocol (see the Javadoc of the package io.socketiojakarta.sample)
// with the real socket.io-client and prints one JSON line with what the clients observed. Run by
// the shared integration tests (io.socketiojakarta.it.SampleProtocolNodeIT).
//
//   node sample-protocol.mjs <server URL with path> <polling|websocket> <scenario> [params JSON]
//
// e.g. node sample-protocol.mjs http://127.0.0.1:8080/socket.io/ websocket private '{}'
//
// Params: timeoutMs (hard bound of the whole run, default 15 s), adminToken (for /admin).
//
// The line always has "ok" (false with "error" when the scenario failed or timed out), "mode" and
// "scenario"; each scenario adds what it saw. Every wait is bounded and named; the process ends by
// itself.

import { io } from "socket.io-client";

const [baseUrl, mode, scenarioName, paramsJson] = process.argv.slice(2);
const params = paramsJson ? JSON.parse(paramsJson) : {};
const result = { ok: false, mode, scenario: scenarioName };
const sockets = [];
let printed = false;
let currentStep = "start";

function finish(extra, exitCode) {
  if (printed) {
    return;
  }
  printed = true;
  Object.assign(result, extra);
  process.stdout.write(JSON.stringify(result) + "\n");
  process.exitCode = exitCode;
}

const hardTimer = setTimeout(() => {
  finish({ ok: false, error: `scenario timed out at step: ${currentStep}` }, 3);
  process.exit(3);
}, params.timeoutMs ?? 15000);

const MODES = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"], upgrade: false },
};

if (!baseUrl || !MODES[mode] || !scenarioName) {
  finish({ ok: false, error: "usage: sample-protocol.mjs <url> <polling|websocket> <scenario> [json]" }, 2);
  process.exit(2);
}

const url = new URL(baseUrl);
// distinct room names per run: the deployment is shared by the tests of a class
const tag = Math.random().toString(36).slice(2, 8);

/** Bounds one awaited step so that a failure names it. */
async function step(what, promise, ms = 5000) {
  currentStep = what;
  let timer;
  const bound = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`step timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, bound]);
  } finally {
    clearTimeout(timer);
  }
}

/** A client of a namespace on its own connection, not reconnecting; records what it receives. */
function client(nsp, auth) {
  const socket = io(`${url.protocol}//${url.host}${nsp}`, {
    path: url.pathname,
    ...MODES[mode],
    forceNew: true,
    reconnection: false,
    timeout: 5000,
    ...(auth === undefined ? {} : { auth }),
  });
  socket.seen = {};
  socket.onAny((event, ...args) => (socket.seen[event] ??= []).push(args[0]));
  sockets.push(socket);
  return socket;
}

/** A chat client that has connected and been welcomed. */
async function member(name) {
  const socket = client("/", { name });
  await connected(socket, name);
  await received(socket, name, "welcome", () => true);
  return socket;
}

/** Resolves on connect, rejects on connect_error. */
function connected(socket, who) {
  return step(
    `${who} connects`,
    new Promise((resolve, reject) => {
      if (socket.connected) {
        resolve();
        return;
      }
      socket.once("connect", resolve);
      socket.once("connect_error", (e) => reject(new Error(`connect_error for ${who}: ${e.message}`)));
    }),
  );
}

/** Resolves with the connect_error, rejects on connect. */
function refused(socket, who) {
  return step(
    `${who} is refused`,
    new Promise((resolve, reject) => {
      socket.once("connect", () => reject(new Error(`${who} connected`)));
      socket.once("connect_error", resolve);
    }),
  );
}

/** Waits until the socket has received an `event` whose payload matches; returns the payload. */
function received(socket, who, event, match, ms) {
  return step(
    `${who} receives ${event}`,
    new Promise((resolve) => {
      const check = () => {
        const found = (socket.seen[event] ?? []).find(match);
        if (found !== undefined) {
          resolve(found);
        } else {
          setTimeout(check, 20);
        }
      };
      check();
    }),
    ms,
  );
}

function ack(socket, who, event, ...args) {
  return step(`${who}'s ${event} acknowledged`, socket.timeout(5000).emitWithAck(event, ...args));
}

const scenarios = {
  /** The Engine.IO handshake as the client saw it: the annotation's pingInterval. */
  async handshake() {
    const ann = io(`${url.protocol}//${url.host}/`, {
      path: url.pathname,
      ...MODES[mode],
      forceNew: true,
      reconnection: false,
      autoConnect: false,
      auth: { name: "ann" },
    });
    sockets.push(ann);
    ann.connect(); // creates the Engine.IO socket at once; its handshake arrives later
    const handshake = step(
      "the Engine.IO handshake",
      new Promise((resolve) => ann.io.engine.once("handshake", resolve)),
    );
    await connected(ann, "ann");
    const data = await handshake;
    result.transport = ann.io.engine.transport.name;
    result.pingInterval = data.pingInterval;
    result.pingTimeout = data.pingTimeout;
    result.upgrades = data.upgrades;
  },

  /** No name, a blank one, a too long one: refused with message and data. */
  async refused() {
    const errors = [];
    for (const auth of [undefined, { name: "   " }, { name: "x".repeat(41) }]) {
      const e = await refused(client("/", auth), "a client with auth " + JSON.stringify(auth));
      errors.push({ message: e.message, data: e.data ?? null });
    }
    result.errors = errors;
  },

  /** welcome to the newcomer, presence to the lobby. */
  async welcome() {
    const ann = await member(" ann ");
    result.welcome = ann.seen.welcome[0];
    result.annId = ann.id;
    const bob = await member("bob");
    result.presence = await received(ann, "ann", "presence", (p) => p.name === "bob");
    result.bobWelcome = bob.seen.welcome[0];
  },

  /** join, chat both ways in a room, a refusal for a room the sender is not in. */
  async roomChat() {
    const room = "room-" + tag;
    const ann = await member("ann");
    const bob = await member("bob");
    const carol = await member("carol");
    result.room = room;
    result.annJoin = await ack(ann, "ann", "join", room);
    result.bobJoin = await ack(bob, "bob", "join", room);
    result.presence = await received(ann, "ann", "presence", (p) => p.name === "bob" && p.room === room);
    result.annAck = await ack(ann, "ann", "chat", { room, text: "hello bob" });
    result.bobReceived = await received(bob, "bob", "chat", () => true);
    result.bobAck = await ack(bob, "bob", "chat", { room, text: "hi ann" });
    result.annReceived = await received(ann, "ann", "chat", () => true);
    result.carolAck = await ack(carol, "carol", "chat", { room, text: "let me in" });
    result.invalid = await ack(carol, "carol", "chat", 42);
    result.ids = { ann: ann.id, bob: bob.id };
    // both messages were handed on before their acks: carol, outside the room, got neither
    result.carolReceived = carol.seen.chat ?? [];
    result.annOwn = ann.seen.chat.length;
  },

  /** leave, then disconnect: presence with joined false each time. */
  async leaveAndDisconnect() {
    const room = "room-" + tag;
    const ann = await member("ann");
    const bob = await member("bob");
    await ack(ann, "ann", "join", room);
    await ack(bob, "bob", "join", room);
    result.leave = await ack(bob, "bob", "leave", room);
    result.leftPresence = await received(ann, "ann", "presence", (p) => p.name === "bob" && !p.joined);
    result.leaveAgain = await ack(bob, "bob", "leave", room);
    bob.disconnect();
    result.gonePresence = await received(
      ann,
      "ann",
      "presence",
      (p) => p.name === "bob" && !p.joined && p.room === "lobby",
    );
  },

  /** private to a socket id; unknown ids and room names are no user. */
  async private() {
    const ann = await member("ann");
    const bob = await member("bob");
    result.ids = { ann: ann.id, bob: bob.id };
    result.ack = await ack(bob, "bob", "private", { to: ann.id, text: "psst" });
    result.annReceived = await received(ann, "ann", "private", () => true);
    result.unknown = await ack(bob, "bob", "private", { to: "nobody", text: "psst" });
    result.room = await ack(bob, "bob", "private", { to: "lobby", text: "psst" });
    result.bobReceived = bob.seen.private ?? [];
  },

  /** users: every socket of the chat, with its name. */
  async users() {
    const ann = await member("ann");
    const bob = await member("bob");
    result.ids = { ann: ann.id, bob: bob.id };
    result.users = await ack(ann, "ann", "users");
  },

  /** A binary file to the room, and one too large. */
  async file() {
    const room = "files-" + tag;
    const ann = await member("ann");
    const bob = await member("bob");
    await ack(ann, "ann", "join", room);
    await ack(bob, "bob", "join", room);
    const data = new Uint8Array(64 * 1024);
    for (let i = 0; i < data.length; i++) {
      data[i] = (i * 7 + 3) & 0xff;
    }
    result.ack = await ack(ann, "ann", "file", { room, name: "pattern.bin", type: "application/x-test", data });
    const got = await received(bob, "bob", "file", () => true);
    result.received = {
      from: got.from,
      room: got.room,
      name: got.name,
      type: got.type,
      binary: Buffer.isBuffer(got.data) || got.data instanceof ArrayBuffer,
      size: got.data.byteLength,
      same: Buffer.from(got.data).equals(Buffer.from(data)),
    };
    result.tooLarge = await ack(ann, "ann", "file", {
      room,
      name: "big.bin",
      type: "application/octet-stream",
      data: new Uint8Array(512 * 1024 + 1),
    });
  },

  /**
   * typing is volatile (dropped when the transport cannot take it at once, as a long-poll between
   * two requests): ann sends it every 200 ms, as a page does while keys are pressed, until bob has
   * one.
   */
  async typing() {
    const ann = await member("ann");
    const bob = await member("bob");
    let sent = 0;
    const repeat = setInterval(() => {
      sent++;
      ann.emit("typing", { room: "lobby", typing: true });
    }, 200);
    try {
      result.received = await received(bob, "bob", "typing", () => true, 8000);
    } finally {
      clearInterval(repeat);
    }
    result.sent = sent;
    result.annReceived = ann.seen.typing ?? [];
  },

  /** /admin: refused without the token and with a wrong one, admitted with it; stats. */
  async admin() {
    const errors = [];
    for (const auth of [undefined, { token: "wrong" }, { token: "change-me" }]) {
      if (auth?.token === params.adminToken) {
        continue;
      }
      const e = await refused(client("/admin", auth), "an admin with auth " + JSON.stringify(auth));
      errors.push(e.message);
    }
    result.errors = errors;
    const admin = client("/admin", { token: params.adminToken });
    await connected(admin, "admin");
    const room = "stats-" + tag;
    const ann = await member("ann");
    await ack(ann, "ann", "join", room);
    result.room = room;
    result.stats = await ack(admin, "admin", "stats");
  },

  /** announce from /admin reaches every chat client (an injected bean emits). */
  async announce() {
    const ann = await member("ann");
    const bob = await member("bob");
    const admin = client("/admin", { token: params.adminToken });
    await connected(admin, "admin");
    const text = "maintenance at noon " + tag;
    result.text = text;
    result.ack = await ack(admin, "admin", "announce", text);
    result.annReceived = await received(ann, "ann", "announce", (a) => a.text === text);
    result.bobReceived = await received(bob, "bob", "announce", (a) => a.text === text);
    result.adminReceived = admin.seen.announce ?? [];
  },

  /** kick from /admin disconnects one chat socket; the lobby hears it left. */
  async kick() {
    const ann = await member("ann");
    const bob = await member("bob");
    const admin = client("/admin", { token: params.adminToken });
    await connected(admin, "admin");
    const reason = new Promise((resolve) => bob.once("disconnect", resolve));
    result.ack = await ack(admin, "admin", "kick", bob.id);
    result.reason = await step("bob is disconnected", reason);
    result.presence = await received(ann, "ann", "presence", (p) => p.name === "bob" && !p.joined);
    result.unknown = await ack(admin, "admin", "kick", "nobody");
    result.annConnected = ann.connected;
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
for (const s of sockets) {
  s.close();
}
// Let a closing transport finish its last request, but never linger more than a second.
setTimeout(() => process.exit(), 1000).unref();
