// Runs one scenario of the real socket.io-client against a Socket.IO v5 server and prints one JSON
// line with what the client observed. Driven by io.socketiojakarta.clients (JUnit); each scenario
// names the events and acknowledgements it expects the server to handle.
//
//   node sio-scenario.mjs <server URL with path> <polling|websocket|upgrade> <scenario> [params JSON]
//
// e.g. node sio-scenario.mjs http://127.0.0.1:8080/socket.io/ upgrade connect '{"tag":"t1"}'
//
// Every connection sends the query parameters tag (params.tag, to find the connection on the
// server) and label (which of the scenario's connections it is). In upgrade mode a connection is
// "ready" once it has moved from polling to WebSocket; the scenarios run their steps after that.
//
// The line always has "ok" (false with "error" when the scenario failed or timed out), "mode",
// "scenario" and "events": what the sockets saw in order, "connect", "connect_error:<message>",
// "disconnect:<reason>", "event:<name>", "upgrade:<transport>", prefixed with "<label>|" except
// for the scenario's first socket. The process ends by itself: a hard timer prints a failure line
// and exits after params.timeoutMs (default 15 s).

import { Manager } from "socket.io-client";

const [baseUrl, mode, scenarioName, paramsJson] = process.argv.slice(2);
const params = paramsJson ? JSON.parse(paramsJson) : {};
const started = Date.now();
const result = { ok: false, mode, scenario: scenarioName, events: [] };
let printed = false;
let currentStep = "start";

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
  finish({ ok: false, error: `scenario timed out at step: ${currentStep}` }, 3);
  process.exit(3);
}, params.timeoutMs ?? 15000);

const MODES = {
  polling: { transports: ["polling"], upgrade: false },
  websocket: { transports: ["websocket"], upgrade: false },
  upgrade: { transports: ["polling", "websocket"], upgrade: true },
};

if (!baseUrl || !MODES[mode] || !scenarioName) {
  finish({ ok: false, error: "usage: sio-scenario.mjs <url> <polling|websocket|upgrade> <scenario> [json]" }, 2);
  process.exit(2);
}

const url = new URL(baseUrl);
const origin = `${url.protocol}//${url.host}`;
const tag = params.tag ?? "";

// ---------------------------------------------------------------- observation helpers

function record(label, what) {
  result.events.push(label ? `${label}|${what}` : what);
}

/** A JSON-friendly copy: binary as {binary: type, bytes: [...]}, functions as "<ack>". */
function ser(x) {
  if (x === undefined) {
    return "<undefined>";
  }
  if (x === null || typeof x === "number" || typeof x === "string" || typeof x === "boolean") {
    return x;
  }
  if (typeof x === "function") {
    return "<ack>";
  }
  if (Buffer.isBuffer(x)) {
    return { binary: "Buffer", bytes: Array.from(x) };
  }
  if (x instanceof ArrayBuffer) {
    return { binary: "ArrayBuffer", bytes: Array.from(new Uint8Array(x)) };
  }
  if (ArrayBuffer.isView(x)) {
    return { binary: x.constructor.name, bytes: Array.from(new Uint8Array(x.buffer, x.byteOffset, x.byteLength)) };
  }
  if (x instanceof Error) {
    return { error: x.message, data: x.data === undefined ? "<undefined>" : ser(x.data) };
  }
  if (Array.isArray(x)) {
    return x.map(ser);
  }
  const out = {};
  for (const [k, v] of Object.entries(x)) {
    out[k] = ser(v);
  }
  return out;
}

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

const managers = [];

/**
 * A new Engine.IO connection (a Manager: its sockets are multiplexed over it) labelled for the
 * server. Reconnection is off: every scenario decides itself when to connect.
 */
function connection(label = "", extraQuery = {}) {
  const manager = new Manager(origin, {
    path: url.pathname,
    ...MODES[mode],
    reconnection: false,
    timeout: 5000,
    query: { tag, label, ...extraQuery },
  });
  const info = { label, openTransport: null, upgradedTo: null };
  manager.info = info;
  manager.upgraded = new Promise((resolve) => {
    manager.on("open", () => {
      const engine = manager.engine;
      info.engineId = engine.id;
      info.openTransport = engine.transport.name;
      if (engine.transport.name === "websocket") {
        resolve();
      }
      engine.on("upgrade", (t) => {
        info.upgradedTo = t.name;
        record(label, "upgrade:" + t.name);
        resolve();
      });
    });
  });
  manager.upgraded.catch(() => {});
  managers.push(manager);
  return manager;
}

/** Resolves when the connection is open and, in upgrade mode, upgraded to WebSocket. */
function ready(manager) {
  return step(`ready ${manager.info.label}`, mode === "upgrade" ? manager.upgraded : Promise.resolve());
}

/** The transport of a connection now, and how it opened. */
function transportOf(manager) {
  return {
    label: manager.info.label,
    engineId: manager.engine?.id,
    openTransport: manager.info.openTransport,
    upgradedTo: manager.info.upgradedTo,
    transport: manager.engine?.transport?.name,
  };
}

/**
 * A socket with an inbox: every event (and connect, connect_error, disconnect as "$connect"...)
 * is kept in arrival order and can be awaited with next(name), so nothing is missed between
 * steps.
 */
function track(socket, label = "") {
  const items = [];
  const waiters = [];
  const push = (name, args) => {
    const i = waiters.findIndex((w) => w.names.includes(name));
    if (i >= 0) {
      const [w] = waiters.splice(i, 1);
      w.resolve({ name, args });
    } else {
      items.push({ name, args });
    }
  };
  socket.on("connect", () => {
    record(label, "connect");
    push("$connect", []);
  });
  socket.on("connect_error", (err) => {
    record(label, "connect_error:" + err.message);
    push("$connect_error", [err]);
  });
  socket.on("disconnect", (reason) => {
    record(label, "disconnect:" + reason);
    push("$disconnect", [reason]);
  });
  socket.onAny((name, ...args) => {
    record(label, "event:" + name);
    push(name, args);
  });
  const t = {
    socket,
    label,
    /** The next of these entries (event names or $connect...), as {name, args}. */
    nextOf(names) {
      const i = items.findIndex((it) => names.includes(it.name));
      if (i >= 0) {
        return Promise.resolve(items.splice(i, 1)[0]);
      }
      return new Promise((resolve) => waiters.push({ names, resolve }));
    },
    /** The arguments of the next such event. */
    next(name, ms) {
      return step(`${label || "main"} awaits ${name}`, t.nextOf([name]), ms).then((e) => e.args);
    },
    /** The names of the entries received and not yet taken. */
    pending() {
      return items.map((it) => it.name);
    },
    /** Resolves on connect, rejects on connect_error. */
    async connected() {
      const e = await step(`${label || "main"} connects`, t.nextOf(["$connect", "$connect_error"]));
      if (e.name === "$connect_error") {
        throw new Error(`connect_error on ${label || "main"}: ${e.args[0].message}`);
      }
    },
    /** Resolves with the error of connect_error, rejects on connect. */
    async refused() {
      const e = await step(`${label || "main"} is refused`, t.nextOf(["$connect", "$connect_error"]));
      if (e.name === "$connect") {
        throw new Error(`${label || "main"} connected but should have been refused`);
      }
      return e.args[0];
    },
    /** The reason of the next disconnect. */
    async disconnected() {
      const [reason] = await t.next("$disconnect");
      return reason;
    },
    /** Every event of that name received and not yet taken, as argument lists. */
    drain(name) {
      const out = [];
      for (let i = items.length - 1; i >= 0; i--) {
        if (items[i].name === name) {
          out.unshift(items.splice(i, 1)[0].args);
        }
      }
      return out;
    },
  };
  return t;
}

/** A socket of that namespace on that connection, tracked. */
function open(manager, nsp = "/", label = "", auth = undefined) {
  return track(manager.socket(nsp, auth === undefined ? {} : { auth }), label);
}

/** Every socket answers "sync": afterwards each has received what the server sent it before. */
function syncAll(sockets) {
  return step(
    "sync",
    Promise.all(sockets.map((s) => s.socket.emitWithAck("sync"))),
  );
}

async function errorOf(promise) {
  try {
    const value = await promise;
    return { resolved: ser(value) };
  } catch (e) {
    return { error: e.message };
  }
}

function bytes(n) {
  return Buffer.from(Array.from({ length: n }, (_, i) => i % 256));
}

// ---------------------------------------------------------------- scenarios

const scenarios = {
  // ---- connect

  /** "/" with auth (and an extra query parameter); the server answers "whoami" with its view. */
  async connect() {
    const m = connection("", { extra: "q1" });
    const s = open(m, "/", "", params.auth);
    await s.connected();
    result.connectTransport = m.engine.transport.name;
    await ready(m);
    result.welcome = await s.next("welcome");
    result.id = s.socket.id;
    result.engineId = m.engine.id;
    result.whoami = await step("whoami", s.socket.emitWithAck("whoami"));
    Object.assign(result, transportOf(m));
  },

  /** "/" and "/admin" over one connection. */
  async multiplex() {
    const m = connection();
    const main = open(m, "/", "", params.auth);
    const admin = open(m, "/admin", "admin");
    await main.connected();
    await admin.connected();
    await ready(m);
    result.ids = { main: main.socket.id, admin: admin.socket.id };
    result.engineId = m.engine.id;
    result.whoamiMain = await step("whoami main", main.socket.emitWithAck("whoami"));
    result.whoamiAdmin = await step("whoami admin", admin.socket.emitWithAck("whoami"));
    Object.assign(result, transportOf(m));
  },

  /** An unknown namespace is refused; "/" on the same connection works. */
  async invalidNamespace() {
    const m = connection();
    const main = open(m, "/");
    const bad = open(m, params.nsp, "bad");
    result.connectError = ser(await bad.refused());
    await main.connected();
    await ready(m);
    result.whoami = await step("whoami", main.socket.emitWithAck("whoami"));
    result.badConnected = bad.socket.connected;
    Object.assign(result, transportOf(m));
  },

  // ---- middlewares

  /** Connects through the middleware chain and asks the server in which order they ran. */
  async chain() {
    const m = connection();
    const s = open(m, "/", "", { mode: "chain" });
    await s.connected();
    await ready(m);
    result.order = await step("order", s.socket.emitWithAck("order"));
    Object.assign(result, transportOf(m));
  },

  /**
   * Refused by a ConnectionRefusedException (message and data), then by a plain error, then
   * accepted, on one connection kept open by a socket of "/free".
   */
  async refused() {
    const m = connection();
    const free = open(m, "/free", "free");
    await free.connected();
    const s = open(m, "/", "", { mode: "refuse" });
    const errors = [];
    errors.push(ser(await s.refused()));
    s.socket.auth = { mode: "throw" };
    s.socket.connect();
    errors.push(ser(await s.refused()));
    s.socket.auth = { mode: "ok" };
    s.socket.connect();
    await s.connected();
    await ready(m);
    result.errors = errors;
    result.order = await step("order", s.socket.emitWithAck("order"));
    result.mwRoom = await step("rooms", s.socket.emitWithAck("rooms"));
    Object.assign(result, transportOf(m));
  },

  /** A packet middleware drops "forbidden": the client hears nothing, "allowed" still works. */
  async packetMiddleware() {
    const m = connection();
    const s = open(m, "/", "", { mode: "ok" });
    await s.connected();
    await ready(m);
    result.forbidden = await step(
      "forbidden",
      errorOf(s.socket.timeout(params.ackTimeoutMs ?? 300).emitWithAck("forbidden", 1)),
    );
    result.allowed = await step("allowed", s.socket.emitWithAck("allowed", 2));
    s.socket.emit("forbidden", 3);
    result.allowedAgain = await step("allowed again", s.socket.emitWithAck("allowed", 4));
    result.unexpected = s.pending().filter((n) => !n.startsWith("$"));
    Object.assign(result, transportOf(m));
  },

  // ---- acknowledgements

  /** Client-side acks: callback, emitWithAck, and timeouts of both forms. */
  async clientAcks() {
    const m = connection();
    const s = open(m);
    await s.connected();
    await ready(m);
    result.sum = await step("sum", new Promise((resolve) => s.socket.emit("sum", 1, 2, (...args) => resolve(ser(args)))));
    result.echo = ser(await step("echo", s.socket.emitWithAck("echo", { a: [1, "x", null] }, "two")));
    result.neverPromise = await step("never (promise)", errorOf(s.socket.timeout(300).emitWithAck("never", 5)));
    result.later = await step("later", s.socket.emitWithAck("later"));
    result.neverCallback = await step(
      "never (callback)",
      new Promise((resolve) => s.socket.timeout(300).emit("never", 6, (err, ...args) => resolve({ error: err?.message, args: ser(args) }))),
    );
    Object.assign(result, transportOf(m));
  },

  /**
   * Events and acks both ways right after connecting, without waiting for the upgrade (in upgrade
   * mode it happens meanwhile): nothing is lost or reordered.
   */
  async burst() {
    const m = connection();
    const s = open(m);
    await s.connected();
    const n = params.count;
    s.socket.emit("burst", n);
    const acks = [];
    for (let i = 0; i < n; i++) {
      acks.push(s.socket.emitWithAck("count", i));
    }
    const answers = await step("acks", Promise.all(acks));
    result.acksRight = answers.every((a, i) => a === i);
    const ticks = [];
    for (let i = 0; i < n; i++) {
      ticks.push((await s.next("tick"))[0]);
    }
    result.tickCount = ticks.length;
    result.ticksInOrder = ticks.every((t, i) => t === i);
    await ready(m);
    Object.assign(result, transportOf(m));
  },

  /** The server asks with emitWithAck and with a callback; the client answers both. */
  async serverAsks() {
    const m = connection();
    const s = open(m);
    s.socket.on("question", (a, b, cb) => cb(a + "!", b * 2));
    s.socket.on("question2", (x, cb) => cb({ got: x }));
    await s.connected();
    await ready(m);
    s.socket.emit("ask");
    const [answers] = await s.next("answers");
    result.answers = ser(answers);
    Object.assign(result, transportOf(m));
  },

  /** The client never answers: the server times out; then the client leaves with an ack pending. */
  async serverAckFailures() {
    const m = connection();
    const s = open(m);
    s.socket.on("ignored", () => {});
    s.socket.on("hold", () => {});
    await s.connected();
    await ready(m);
    s.socket.emit("ask-timeout");
    const [timedOut] = await s.next("timed-out");
    result.timedOut = ser(timedOut);
    s.socket.emit("ask-pending");
    await s.next("hold");
    Object.assign(result, transportOf(m));
    s.socket.disconnect();
    result.reason = await s.disconnected();
  },

  // ---- rooms

  /** Four connections; each step is followed by a sync so that every delivery has arrived. */
  async roomsBroadcast() {
    const labels = ["a", "b", "c", "d"];
    const ms = labels.map((l) => connection(l));
    const ss = ms.map((m, i) => open(m, "/", labels[i]));
    const [a, b, c, d] = ss;
    for (const s of ss) {
      await s.connected();
    }
    for (const m of ms) {
      await ready(m);
    }
    const r = (n) => `${tag}:${n}`;
    result.joined = {};
    for (const [s, rooms] of [[a, ["r1"]], [b, ["r1", "muted"]], [c, ["r1"]], [d, ["r2"]]]) {
      for (const room of rooms) {
        result.joined[s.label] = await step("join", s.socket.emitWithAck("join", r(room)));
      }
    }
    const op = async (o) => {
      await step("op " + o.payload, a.socket.emitWithAck("op", { to: [], except: [], ...o }));
      await syncAll(ss);
    };
    await op({ from: "io", to: [r("r1")], payload: "m1" });
    await op({ from: "socket", to: [r("r1")], payload: "m2" });
    await op({ from: "io", except: [r("muted")], payload: "m3" });
    await op({ from: "broadcast", payload: "m4" });
    await op({ from: "io", to: [r("r1"), r("r2")], except: [r("muted")], payload: "m5" });
    result.left = await step("leave", c.socket.emitWithAck("leave", r("r1")));
    await op({ from: "io", to: [r("r1")], payload: "m6" });
    result.received = {};
    for (const s of ss) {
      result.received[s.label] = s.drain("msg").map((args) => args[0]);
    }
    result.transports = ms.map(transportOf);
  },

  /** Broadcasts with acks: all answer; then one never answers. */
  async broadcastAcks() {
    const labels = ["a", "b", "c"];
    const ms = labels.map((l) => connection(l));
    const ss = ms.map((m, i) => open(m, "/", labels[i]));
    const [a, b] = ss;
    for (const s of ss) {
      s.socket.on("poll", (q, cb) => {
        if (s.label !== params.silent) {
          cb(`${s.label}:${q}`);
        }
      });
      await s.connected();
    }
    for (const m of ms) {
      await ready(m);
    }
    const r1 = `${tag}:r1`;
    await step("join a", a.socket.emitWithAck("join", r1));
    await step("join b", b.socket.emitWithAck("join", r1));
    result.allAnswer = await step("ack-all", a.socket.emitWithAck("ack-all", { to: [r1], timeoutMs: 3000 }));
    result.oneSilent = await step("ack-callback", a.socket.emitWithAck("ack-callback", { to: [tag], timeoutMs: 400 }));
    await syncAll(ss);
    result.polls = {};
    for (const s of ss) {
      result.polls[s.label] = s.drain("poll").map((args) => args[0]);
    }
    result.transports = ms.map(transportOf);
  },

  // ---- disconnections

  /** "/" leaves; "/admin" still works; then the client closes the connection. */
  async clientDisconnect() {
    const m = connection();
    const main = open(m, "/");
    const admin = open(m, "/admin", "admin");
    await main.connected();
    await admin.connected();
    await ready(m);
    result.ids = { main: main.socket.id, admin: admin.socket.id };
    Object.assign(result, transportOf(m));
    main.socket.disconnect();
    result.mainReason = await main.disconnected();
    result.adminAfter = await step("whoami admin", admin.socket.emitWithAck("whoami"));
    m.engine.close();
    result.adminReason = await admin.disconnected();
  },

  /** An event, then at once a disconnect (params.how "disconnect") or a close ("close"). */
  async lastWords() {
    const m = connection();
    const s = open(m);
    await s.connected();
    await ready(m);
    Object.assign(result, transportOf(m));
    s.socket.emit("bye", "last words");
    if (params.how === "disconnect") {
      s.socket.disconnect();
    } else {
      m.engine.close();
    }
    result.reason = await s.disconnected();
  },

  /**
   * The server disconnects "/" on params.trigger: "kick-me" (then "/admin" must still work),
   * "close-me" or "shutdown" (then the connection ends).
   */
  async serverDisconnect() {
    const m = connection();
    const main = open(m, "/");
    const admin = open(m, "/admin", "admin");
    await main.connected();
    await admin.connected();
    await ready(m);
    result.ids = { main: main.socket.id, admin: admin.socket.id };
    Object.assign(result, transportOf(m));
    const closed = new Promise((resolve) => m.once("close", (reason) => resolve(reason)));
    main.socket.emit(params.trigger);
    result.mainReason = await main.disconnected();
    if (params.trigger === "kick-me") {
      result.adminAfter = await step("whoami admin", admin.socket.emitWithAck("whoami"));
      result.adminConnected = admin.socket.connected;
    } else {
      result.adminReason = await admin.disconnected();
      result.managerClose = await step("connection closed", closed);
    }
  },

  // ---- binary

  /** Buffers to the server (also nested, two attachments); the server's binary acks. */
  async clientBinary() {
    const m = connection();
    const s = open(m);
    await s.connected();
    await ready(m);
    result.binAck = ser(await step("bin", s.socket.emitWithAck("bin", bytes(256))));
    const nested = {
      name: "two",
      parts: [Buffer.from([1, 2, 3]), { deep: new Uint8Array([4, 5]).buffer }],
      n: 1,
    };
    result.nestedAck = ser(await step("nested", s.socket.emitWithAck("nested", nested)));
    Object.assign(result, transportOf(m));
  },

  /** byte[] from the server; the client acknowledges a binary question with binary. */
  async serverBinary() {
    const m = connection();
    const s = open(m);
    s.socket.on("bin-ack-req", (buf, cb) => {
      result.ackRequest = ser(buf);
      cb(Buffer.from(Array.from(buf).reverse()), "text");
    });
    await s.connected();
    await ready(m);
    s.socket.emit("send-me");
    result.fromServer = ser(await s.next("bin-from-server"));
    s.socket.emit("ask-bin");
    result.ackDone = ser((await s.next("bin-ack-done"))[0]);
    Object.assign(result, transportOf(m));
  },

  // ---- dynamic namespaces

  /** Two children of a parent, a refused name, and a broadcast on the parent. */
  async dynamic() {
    const m = connection();
    const root = open(m, "/");
    const [n1, n2] = params.nsps;
    const a = open(m, n1, "A");
    const b = open(m, n2, "B");
    const bad = open(m, params.bad, "bad");
    await root.connected();
    await a.connected();
    await b.connected();
    result.badError = ser(await bad.refused());
    await ready(m);
    result.whoamiA = await step("whoami A", a.socket.emitWithAck("whoami"));
    result.whoamiB = await step("whoami B", b.socket.emitWithAck("whoami"));
    await step("parent broadcast", a.socket.emitWithAck("parent-broadcast", "hello"));
    result.newsA = ser(await a.next("news"));
    result.newsB = ser(await b.next("news"));
    await step("sync root", root.socket.emitWithAck("whoami"));
    result.rootPending = root.pending().filter((n) => !n.startsWith("$"));
    Object.assign(result, transportOf(m));
  },

  /** A child namespace left by its only socket, then joined again at once. */
  async childTwice() {
    const m = connection();
    const root = open(m, "/");
    await root.connected();
    const c = open(m, params.nsp, "C");
    await c.connected();
    await ready(m);
    result.first = await step("whoami 1", c.socket.emitWithAck("whoami"));
    c.socket.disconnect();
    c.socket.connect();
    await c.connected();
    result.second = await step("whoami 2", c.socket.emitWithAck("whoami"));
    await step("parent broadcast", c.socket.emitWithAck("parent-broadcast", "again"));
    result.news = ser(await c.next("news"));
    Object.assign(result, transportOf(m));
  },

  /**
   * X asks for a child whose only socket (Y's) is leaving: the server holds X in the parent's
   * middleware until Y has left (and, with cleanup, the child is gone); X must still end up in a
   * child that the parent's broadcasts reach.
   */
  async childRemovedMeanwhile() {
    const my = connection("y");
    const mx = connection("x");
    const y = open(my, params.nsp, "y");
    await y.connected();
    const x = open(mx, params.nsp, "x", { hold: true });
    // the server tells Y when X waits in the middleware
    await y.next("x-waiting");
    y.socket.disconnect();
    await x.connected();
    await ready(mx);
    result.whoamiX = await step("whoami X", x.socket.emitWithAck("whoami"));
    await step("parent broadcast", x.socket.emitWithAck("parent-broadcast", "still"));
    result.news = ser(await x.next("news"));
    result.transports = [transportOf(mx)];
  },

  // ---- server utilities

  /** socketsJoin, fetchSockets, allSockets, socketsLeave, disconnectSockets on three clients. */
  async utilities() {
    const labels = ["a", "b", "c"];
    const ms = labels.map((l) => connection(l));
    const ss = ms.map((m, i) => open(m, "/", labels[i]));
    const [a, b, c] = ss;
    for (const s of ss) {
      await s.connected();
    }
    for (const m of ms) {
      await ready(m);
    }
    result.ids = Object.fromEntries(ss.map((s) => [s.label, s.socket.id]));
    const r = (n) => `${tag}:${n}`;
    const op = (o) => step("op " + o.kind, a.socket.emitWithAck("op", { in: [], except: [], rooms: [], ...o }));
    await op({ kind: "socketsJoin", in: [r("a"), r("b")], rooms: [r("news")] });
    await op({ kind: "emit", in: [r("news")], event: "news", payload: "n1" });
    result.allSockets = await op({ kind: "allSockets", in: [r("news")] });
    result.fetched = await op({ kind: "fetchSockets", in: [tag] });
    await syncAll(ss);
    result.fetchedEvents = Object.fromEntries(ss.map((s) => [s.label, s.drain("fetched").map((x) => x[0])]));
    await op({ kind: "socketsLeave", in: [r("a")], rooms: [r("news")] });
    await op({ kind: "emit", in: [r("news")], event: "news", payload: "n2" });
    await op({ kind: "emit", in: [tag], except: [r("news")], event: "news", payload: "n3" });
    await syncAll(ss);
    result.news = Object.fromEntries(ss.map((s) => [s.label, s.drain("news").map((x) => x[0])]));
    result.transports = ms.map(transportOf);
    await op({ kind: "disconnectSockets", in: [r("b")], close: false });
    result.bReason = await b.disconnected();
    await op({ kind: "disconnectSockets", in: [r("c")], close: true });
    result.cReason = await c.disconnected();
    result.after = await op({ kind: "allSockets", in: [tag] });
  },

  /** onAny and onAnyOutgoing on the server; volatile emits. */
  async anyAndVolatile() {
    const m = connection();
    const s = open(m);
    await s.connected();
    await ready(m);
    result.anyAck = await step("any-test", s.socket.emitWithAck("any-test", 1, { k: "v" }));
    s.socket.emit("no-handler", "x");
    await step("volatile-me", s.socket.emitWithAck("volatile-me"));
    await syncAll([s]);
    await step("volatile-broadcast", s.socket.emitWithAck("volatile-broadcast"));
    await syncAll([s]);
    result.volatile = s.drain("vol").map((x) => x[0]);
    s.socket.emit("please-emit");
    result.out = ser(await s.next("out"));
    Object.assign(result, transportOf(m));
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
for (const m of managers) {
  m.engine?.close();
}
// Let a closing transport finish its last request, but never linger more than a second.
setTimeout(() => process.exit(), 1000).unref();
