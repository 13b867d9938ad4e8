// Drives the sample chat with the real socket.io-client and prints one JSON line with what the
// clients observed. Run by the shared integration tests (io.socketiojakarta.it.NodeChatIT).
//
//   node sample-chat.mjs <server URL with path> <polling|websocket> <scenario> [params JSON]
//
// e.g. node sample-chat.mjs http://127.0.0.1:8080/socket.io/ websocket chat '{"text":"hi"}'
//
// Scenarios:
//   chat     "ann" and "bob" connect with a name; ann's chat message is acknowledged and reaches
//            bob (the lobby), never ann herself.
//   refused  a client without a name is refused by the middleware.
//
// The line always has "ok" (false with "error" when the scenario failed or timed out), "mode" and
// "scenario". The process ends by itself: a hard timer prints a failure line and exits after
// params.timeoutMs (default 15 s).

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
  finish({ ok: false, error: "usage: sample-chat.mjs <url> <polling|websocket> <scenario> [json]" }, 2);
  process.exit(2);
}

const url = new URL(baseUrl);

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

/** A client of "/" on its own connection, not reconnecting; keeps every "chat" it receives. */
function client(auth) {
  const socket = io(`${url.protocol}//${url.host}`, {
    path: url.pathname,
    ...MODES[mode],
    forceNew: true,
    reconnection: false,
    timeout: 5000,
    ...(auth === undefined ? {} : { auth }),
  });
  socket.chats = [];
  socket.presence = [];
  socket.on("chat", (message) => socket.chats.push(message));
  socket.on("presence", (text) => socket.presence.push(text));
  // listened to from the start: the connection may be made before anyone awaits it
  socket.outcome = new Promise((resolve) => {
    socket.once("connect", () => resolve({ connected: true }));
    socket.once("connect_error", (error) => resolve({ connected: false, error }));
  });
  sockets.push(socket);
  return socket;
}

/** Resolves on connect, rejects on connect_error. */
async function connected(socket, who) {
  const outcome = await step(`${who} connects`, socket.outcome);
  if (!outcome.connected) {
    throw new Error(`connect_error for ${who}: ${outcome.error.message}`);
  }
}

/** Resolves with the error of connect_error, rejects on connect. */
async function refused(socket, who) {
  const outcome = await step(`${who} is refused`, socket.outcome);
  if (outcome.connected) {
    throw new Error(`${who} connected but should have been refused`);
  }
  return outcome.error;
}

/** Waits until a condition holds (checked every 20 ms); resolves with its value. */
function until(what, condition) {
  return step(
    what,
    new Promise((resolve) => {
      const check = () => {
        const value = condition();
        if (value) {
          resolve(value);
        } else {
          setTimeout(check, 20);
        }
      };
      check();
    }),
  );
}

/**
 * Connects a named client and waits until it is in the lobby: the server announces every arrival
 * to the lobby after the join, and the newcomer hears its own.
 */
async function inLobby(socket, name) {
  await connected(socket, name);
  await until(`${name} hears it joined the lobby`, () => socket.presence.includes(`${name} joined`));
}

const scenarios = {
  async chat() {
    const ann = client({ name: "ann" });
    const bob = client({ name: "bob" });
    await inLobby(ann, "ann");
    await inLobby(bob, "bob");
    result.transports = [ann.io.engine.transport.name, bob.io.engine.transport.name];
    const text = params.text ?? "hello";
    result.ack = await step("ann's chat acknowledged", ann.emitWithAck("chat", text));
    result.bobReceived = await until("bob receives ann's chat", () => bob.chats.length > 0 && bob.chats);
    // bob answers: ann receives it, so both directions are seen
    result.bobAck = await step("bob's chat acknowledged", bob.emitWithAck("chat", "hi ann"));
    result.annReceived = await until("ann receives bob's chat", () => ann.chats.length > 0 && ann.chats);
  },

  async refused() {
    const error = await refused(client(undefined), "a client without a name");
    result.refusal = error.message;
    result.data = error.data ?? null;
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
