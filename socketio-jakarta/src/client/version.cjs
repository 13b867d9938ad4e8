// Writes the version of the installed socket.io-client (one line) to the file named by the first
// argument; the library sends it as the ETag of the bundles. Fails when node_modules does not hold
// the version that package-lock.json pins (a stale install: delete node_modules and build again).
"use strict";
const fs = require("fs");
const path = require("path");

const out = process.argv[2];
if (!out) {
  throw new Error("usage: node version.cjs <output file>");
}
const modules = path.join(__dirname, "node_modules");
const readJson = (file) => JSON.parse(fs.readFileSync(path.join(__dirname, file), "utf8"));
if (!fs.existsSync(path.join(modules, "socket.io-client", "dist"))) {
  throw new Error(`${modules} holds no socket.io-client: delete it and build again`);
}
const installed = readJson("node_modules/socket.io-client/package.json").version;
const locked = readJson("package-lock.json").packages["node_modules/socket.io-client"].version;
if (installed !== locked) {
  throw new Error(
    `node_modules holds socket.io-client ${installed} but package-lock.json pins ${locked}: ` +
      `delete ${modules} and build again`,
  );
}
if (!/^\d+\.\d+\.\d+$/.test(installed)) {
  throw new Error(`unexpected socket.io-client version: ${installed}`);
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, installed + "\n");
