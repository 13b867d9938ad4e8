// The sample chat's page: plain JavaScript on the socket.io client that the server serves under
// socket.io/ (relative to this page, so any context path works). The wire protocol is described
// in the page's footer and in the Javadoc of the package io.socketiojakarta.sample.
//
// ?transport=polling or ?transport=websocket forces one transport (no upgrade).
(() => {
  "use strict";

  const $ = (id) => document.getElementById(id);
  const MAX_FILE = 512 * 1024;
  const TYPING_IDLE_MS = 1500;
  const TYPING_REPEAT_MS = 1000;
  const TYPING_SHOWN_MS = 4000;

  const base = location.pathname.replace(/[^/]*$/, "");
  const forced = new URLSearchParams(location.search).get("transport");
  const transportOptions =
    forced === "polling" || forced === "websocket"
      ? { transports: [forced], upgrade: false }
      : { transports: ["polling", "websocket"] };

  let socket = null;
  let me = { id: "", name: "" };
  const rooms = new Set();
  let currentRoom = "lobby";
  let privateTarget = null;
  const typingPeople = new Map(); // "room\nname" -> timer
  let typingTimer = null;
  let typingSent = false;
  let typingSentAt = 0;

  function setStatus(state, text) {
    const el = $("status");
    el.dataset.state = state;
    el.textContent = text ?? state;
  }

  function setTransport(name) {
    $("transport").textContent = name;
  }

  /** Appends a line to the message list; every text goes through textContent. */
  function addMessage(kind, parts) {
    const li = document.createElement("li");
    li.className = kind + (parts.mine ? " mine" : "");
    li.dataset.kind = kind;
    if (parts.room) {
      li.dataset.room = parts.room;
      const room = document.createElement("span");
      room.className = "room";
      room.textContent = "[" + parts.room + "]";
      li.append(room);
    }
    if (parts.from) {
      li.dataset.from = parts.from;
      const from = document.createElement("span");
      from.className = "from";
      from.textContent = parts.from + ":";
      li.append(from);
    }
    const text = document.createElement("span");
    text.className = "text";
    text.textContent = parts.text ?? "";
    li.append(text);
    if (parts.extra) {
      li.append(parts.extra);
    }
    const list = $("messages");
    list.append(li);
    list.scrollTop = list.scrollHeight;
    return li;
  }

  function renderRooms() {
    const list = $("rooms");
    list.replaceChildren();
    for (const room of [...rooms].sort()) {
      const li = document.createElement("li");
      li.textContent = room;
      li.dataset.room = room;
      if (room === currentRoom) li.className = "current";
      li.onclick = () => selectRoom(room);
      list.append(li);
    }
    $("current-room").textContent = currentRoom;
  }

  function selectRoom(room) {
    stopTyping();
    currentRoom = room;
    renderRooms();
    renderTyping();
  }

  function renderUsers(users) {
    const list = $("users");
    list.replaceChildren();
    for (const user of users) {
      const li = document.createElement("li");
      li.textContent = user.name + (user.id === me.id ? " (you)" : "");
      li.dataset.id = user.id;
      li.dataset.name = user.name;
      if (user.id === me.id) {
        li.className = "self";
      } else {
        li.onclick = () => choosePrivate(user);
      }
      list.append(li);
    }
  }

  function refreshUsers() {
    if (!socket?.connected) return;
    socket.emit("users", (users) => {
      if (Array.isArray(users)) renderUsers(users);
    });
  }

  function choosePrivate(user) {
    privateTarget = user;
    $("private-to").textContent = user.name;
    $("private-to").dataset.id = user.id;
    $("private-form").hidden = false;
    $("private-text").focus();
  }

  function renderTyping() {
    const names = [];
    for (const key of typingPeople.keys()) {
      const [room, name] = key.split("\n");
      if (room === currentRoom) names.push(name);
    }
    $("typing").textContent =
      names.length === 0 ? "" : names.sort().join(", ") + (names.length === 1 ? " is" : " are") + " typing…";
  }

  function someoneTyping({ name, room, typing }) {
    const key = room + "\n" + name;
    clearTimeout(typingPeople.get(key));
    typingPeople.delete(key);
    if (typing) {
      // typing events are volatile: a lost "stopped" must not leave the indicator on forever
      typingPeople.set(key, setTimeout(() => {
        typingPeople.delete(key);
        renderTyping();
      }, TYPING_SHOWN_MS));
    }
    renderTyping();
  }

  function startTyping() {
    if (!socket?.connected) return;
    // repeated while keys are pressed: typing events are volatile and may be dropped
    const now = Date.now();
    if (now - typingSentAt >= TYPING_REPEAT_MS) {
      typingSentAt = now;
      typingSent = true;
      socket.emit("typing", { room: currentRoom, typing: true });
    }
    clearTimeout(typingTimer);
    typingTimer = setTimeout(stopTyping, TYPING_IDLE_MS);
  }

  function stopTyping() {
    clearTimeout(typingTimer);
    typingSentAt = 0;
    if (typingSent && socket?.connected) {
      socket.emit("typing", { room: currentRoom, typing: false });
    }
    typingSent = false;
  }

  function fileLink(name, type, data) {
    const image = /^image\//.test(type);
    // anything but an image is offered as a download, never opened in this page's origin
    const blob = new Blob([data], { type: image ? type : "application/octet-stream" });
    const url = URL.createObjectURL(blob);
    const wrapper = document.createElement("span");
    wrapper.className = "file";
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.textContent = name + " (" + blob.size + " bytes)";
    wrapper.append(link);
    if (image) {
      const img = document.createElement("img");
      img.src = url;
      img.alt = name;
      wrapper.append(img);
    }
    return wrapper;
  }

  function refusal(ack) {
    return ack && typeof ack === "object" && !Array.isArray(ack) && ack.error ? ack.error : null;
  }

  function connect(name) {
    setStatus("connecting");
    $("login-error").textContent = "";
    socket = io({ path: base + "socket.io/", auth: { name }, reconnection: false, ...transportOptions });

    socket.on("connect", () => {
      setStatus("connected");
      const engine = socket.io.engine;
      setTransport(engine.transport.name);
      engine.on("upgrade", (transport) => setTransport(transport.name));
      $("login").hidden = true;
      $("app").hidden = false;
    });
    socket.on("connect_error", (err) => {
      setStatus("refused", "refused: " + err.message);
      setTransport("none");
      $("login-error").textContent =
        err.message + (err.data && err.data.max ? " (at most " + err.data.max + " characters)" : "");
      socket.close();
      socket = null;
    });
    socket.on("disconnect", (reason) => {
      setStatus("disconnected", "disconnected: " + reason);
      setTransport("none");
      addMessage("system", { text: "disconnected: " + reason });
    });

    socket.on("welcome", (w) => {
      me = { id: w.id, name: w.name };
      $("me").textContent = "you are " + w.name;
      $("me").dataset.id = w.id;
      rooms.clear();
      w.rooms.forEach((r) => rooms.add(r));
      currentRoom = w.rooms[0] ?? "lobby";
      renderRooms();
      addMessage("system", { text: "welcome, " + w.name });
      refreshUsers();
    });
    socket.on("presence", ({ name, room, joined }) => {
      addMessage("presence", { room, text: name + (joined ? " joined" : " left") });
      if (!joined) someoneTyping({ name, room, typing: false });
      refreshUsers();
    });
    socket.on("chat", (m) => {
      someoneTyping({ name: m.from, room: m.room, typing: false });
      addMessage("chat", { room: m.room, from: m.from, text: m.text });
    });
    socket.on("private", (m) => addMessage("private", { from: m.from + " (private)", text: m.text }));
    socket.on("typing", someoneTyping);
    socket.on("file", (f) =>
      addMessage("file", { room: f.room, from: f.from, text: "shared a file: ", extra: fileLink(f.name, f.type, f.data) }),
    );
    socket.on("announce", (a) => addMessage("announce", { from: "announcement", text: a.text }));
  }

  $("login").onsubmit = (event) => {
    event.preventDefault();
    const name = $("name").value.trim();
    if (name) connect(name);
  };

  $("room-form").onsubmit = (event) => {
    event.preventDefault();
    const room = $("room-name").value.trim();
    if (!room || !socket) return;
    socket.emit("join", room, (ack) => {
      const error = refusal(ack);
      if (error) {
        addMessage("system", { text: "join refused: " + error });
        return;
      }
      rooms.add(ack.room);
      $("room-name").value = "";
      selectRoom(ack.room);
      addMessage("system", { room: ack.room, text: "in the room: " + ack.members.join(", ") });
    });
  };

  $("leave").onclick = () => {
    if (!socket) return;
    const room = currentRoom;
    socket.emit("leave", room, (ack) => {
      const error = refusal(ack);
      if (error) {
        addMessage("system", { text: "leave refused: " + error });
        return;
      }
      rooms.delete(room);
      selectRoom(rooms.has("lobby") ? "lobby" : [...rooms].sort()[0] ?? "");
      addMessage("system", { room, text: "you left" });
    });
  };

  $("message").addEventListener("input", startTyping);

  $("chat-form").onsubmit = (event) => {
    event.preventDefault();
    const input = $("message");
    const text = input.value.trim();
    if (!text || !socket) return;
    input.value = "";
    stopTyping();
    const room = currentRoom;
    const line = addMessage("chat", { room, from: me.name, text, mine: true });
    socket.emit("chat", { room, text }, (ack) => {
      const error = refusal(ack);
      line.dataset.ack = error ? "refused" : String(ack);
      if (error) line.append(" (refused: " + error + ")");
    });
  };

  $("private-form").onsubmit = (event) => {
    event.preventDefault();
    const input = $("private-text");
    const text = input.value.trim();
    if (!text || !socket || !privateTarget) return;
    input.value = "";
    const line = addMessage("private", { from: "to " + privateTarget.name, text, mine: true });
    socket.emit("private", { to: privateTarget.id, text }, (ack) => {
      const error = refusal(ack);
      line.dataset.ack = error ? "refused" : String(ack);
      if (error) line.append(" (refused: " + error + ")");
    });
  };

  $("private-cancel").onclick = () => {
    privateTarget = null;
    $("private-form").hidden = true;
  };

  $("refresh-users").onclick = refreshUsers;

  $("file-form").onsubmit = async (event) => {
    event.preventDefault();
    const file = $("file").files[0];
    const status = $("file-status");
    if (!file || !socket) return;
    if (file.size > MAX_FILE) {
      status.textContent = "too large: at most " + MAX_FILE + " bytes";
      return;
    }
    const data = await file.arrayBuffer();
    const room = currentRoom;
    status.textContent = "sending…";
    socket.emit("file", { room, name: file.name, type: file.type, data }, (ack) => {
      const error = refusal(ack);
      status.textContent = error ? "refused: " + error : ack;
      if (!error) {
        addMessage("file", { room, from: me.name, text: "shared a file: ", extra: fileLink(file.name, file.type, data), mine: true });
        $("file").value = "";
      }
    });
  };
})();
