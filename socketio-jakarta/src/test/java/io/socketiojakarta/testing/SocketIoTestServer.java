package io.socketiojakarta.testing;

import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.config.SocketIoMount;
import io.socketiojakarta.engine.EngineOptions;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12 on 127.0.0.1 (free port) with a Socket.IO server mounted by {@link
 * SocketIoMount}; {@code setup} registers the application's namespaces and listeners while the web
 * application starts.
 *
 * <pre>{@code
 * try (SocketIoTestServer s = SocketIoTestServer.start(io -> io.onConnection(socket -> ...))) {
 *   URI url = s.uri("/"); // the client's base URL; path /socket.io/
 * }
 * }</pre>
 */
public final class SocketIoTestServer implements AutoCloseable {
  private final org.eclipse.jetty.server.Server jetty;
  private final Server io;
  private final int port;

  private SocketIoTestServer(org.eclipse.jetty.server.Server jetty, Server io, int port) {
    this.jetty = jetty;
    this.io = io;
    this.port = port;
  }

  /** Default engine options at {@code /socket.io/} and default server options. */
  public static SocketIoTestServer start(Consumer<Server> setup) throws Exception {
    return start(
        EngineOptions.builder().path(SocketIoMount.DEFAULT_PATH).build(),
        ServerOptions.defaults(),
        setup);
  }

  /** Given options; the engine path should be {@code /socket.io/} for the clients' default. */
  public static SocketIoTestServer start(
      EngineOptions engineOptions, ServerOptions options, Consumer<Server> setup) throws Exception {
    org.eclipse.jetty.server.Server jetty = new org.eclipse.jetty.server.Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    JakartaWebSocketServletContainerInitializer.configure(context, null);
    AtomicReference<Server> io = new AtomicReference<>();
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent e) {
            Server server = SocketIoMount.install(e.getServletContext(), engineOptions, options);
            setup.accept(server);
            io.set(server);
          }
        });
    jetty.setHandler(context);
    jetty.start();
    return new SocketIoTestServer(jetty, io.get(), connector.getLocalPort());
  }

  /** The Socket.IO server. */
  public Server io() {
    return io;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT<path>}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** {@code ws://127.0.0.1:PORT<path>}. */
  public URI wsUri(String path) {
    return URI.create("ws://127.0.0.1:" + port + path);
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }
}
