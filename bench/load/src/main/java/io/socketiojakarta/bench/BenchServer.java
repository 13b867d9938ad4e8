package io.socketiojakarta.bench;

import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.config.SocketIoMount;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Map;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The server under test: embedded Jetty 12 on 127.0.0.1 with the library mounted at {@code
 * /socket.io/}, default options except that the client bundle is not served, and the same handlers
 * as the Node reference (plus {@code memory}, which reports the heap after a full GC) ({@code
 * bench/node-server/server.mjs}). Prints {@code READY} once listening.
 *
 * <pre>{@code
 * java -cp target/classes:target/lib/* io.socketiojakarta.bench.BenchServer 3000
 * }</pre>
 */
public final class BenchServer {
  private BenchServer() {}

  /** {@code args[0]}: the port (default 3000). */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    connector.setAcceptQueueSize(1024);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    JakartaWebSocketServletContainerInitializer.configure(context, null);
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent e) {
            Server io = SocketIoMount.install(e.getServletContext(), options());
            handlers(io);
          }
        });
    jetty.setHandler(context);
    jetty.setStopAtShutdown(true);
    jetty.start();
    System.out.println("READY");
    System.out.flush();
    jetty.join();
  }

  /**
   * Default options without the client bundle. With {@code -Dbench.handlers=inline} listeners run
   * on the thread that read the packet (an executor that runs in place), as they do in Node: only
   * for listeners that never block.
   */
  static ServerOptions options() {
    ServerOptions.Builder b = ServerOptions.builder().serveClient(false);
    String handlers = System.getProperty("bench.handlers", "pool");
    switch (handlers) {
      case "pool" -> {}
      case "inline" -> b.handlerExecutor(Runnable::run);
      default ->
          throw new IllegalArgumentException("bench.handlers: pool or inline, not " + handlers);
    }
    return b.build();
  }

  /** echo, broadcast, room and join, as in the Node reference. */
  static void handlers(Server io) {
    io.onConnection(
        socket -> {
          // echo: acknowledge with the argument
          socket.on("echo", event -> event.ack(event.get(0)));
          // broadcast: to every connected client of the main namespace
          socket.on("broadcast", event -> io.emit("broadcast", event.get(0)));
          // room: {room, data} to the sockets in that room
          socket.on(
              "room",
              event -> {
                if (event.get(0) instanceof Map<?, ?> msg
                    && msg.get("room") instanceof String room) {
                  io.to(room).emit("room", msg.get("data"));
                }
              });
          // memory (benchmarks only): acknowledge with the heap in use after a full GC, in bytes
          socket.on(
              "memory",
              event -> {
                Runtime rt = Runtime.getRuntime();
                System.gc();
                System.gc();
                event.ack(rt.totalMemory() - rt.freeMemory());
              });
          // join: enter a room, acknowledge with true
          socket.on(
              "join",
              event -> {
                socket.join(String.valueOf(event.get(0)));
                event.ack(true);
              });
        });
  }
}
