// The Node reference for the benchmarks: socket.io 4.8 with default options (serveClient off)
// and the same handlers as the Java BenchServer. Usage: node --expose-gc server.mjs PORT
import { createServer } from "node:http";
import { Server } from "socket.io";

const port = Number(process.argv[2] ?? 3000);
const httpServer = createServer();
const io = new Server(httpServer, { serveClient: false });

io.on("connection", (socket) => {
  // echo: acknowledge with the argument
  socket.on("echo", (arg, ack) => {
    if (typeof ack === "function") ack(arg);
  });
  // broadcast: to every connected client of the main namespace
  socket.on("broadcast", (arg) => {
    io.emit("broadcast", arg);
  });
  // room: {room, data} to the sockets in that room
  socket.on("room", (msg) => {
    if (msg && typeof msg.room === "string") io.to(msg.room).emit("room", msg.data);
  });
  // memory (benchmarks only): acknowledge with the heap in use after a full GC, in bytes
  // (the GC needs node --expose-gc, as bench/run starts it)
  socket.on("memory", (ack) => {
    if (typeof global.gc === "function") global.gc();
    if (typeof ack === "function") ack(process.memoryUsage().heapUsed);
  });
  // join: enter a room, acknowledge with true
  socket.on("join", (room, ack) => {
    socket.join(String(room));
    if (typeof ack === "function") ack(true);
  });
});

const stop = () => io.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);

httpServer.listen(port, "127.0.0.1", () => {
  console.log("READY");
});
