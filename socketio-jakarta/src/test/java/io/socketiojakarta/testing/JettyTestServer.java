package io.socketiojakarta.testing;

import io.socketiojakarta.config.EngineMount;
import io.socketiojakarta.engine.Engine;
import io.socketiojakarta.engine.EngineListener;
import io.socketiojakarta.engine.EngineOptions;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A real embedded Jetty 12 (ee10) on 127.0.0.1 and a free port, with an engine mounted through
 * {@link EngineMount} exactly as a web application would. Close it to stop the server.
 *
 * <pre>{@code
 * try (JettyTestServer server = JettyTestServer.start(options, JettyTestServer.ECHO)) {
 *   URI base = server.uri("/engine.io/");
 * }
 * }</pre>
 */
public final class JettyTestServer implements AutoCloseable {
  /** Sends every message back to its session (text as text, binary as binary). */
  public static final EngineListener ECHO = session -> session.listener(new EchoListener());

  private final Server server;
  private final Engine engine;
  private final int port;
  private final String contextPath;

  private JettyTestServer(Server server, Engine engine, int port, String contextPath) {
    this.server = server;
    this.engine = engine;
    this.port = port;
    this.contextPath = contextPath;
  }

  /** Starts a server with the engine at {@code options.path()} under the context root. */
  public static JettyTestServer start(EngineOptions options, EngineListener listener)
      throws Exception {
    return start("", options, listener);
  }

  /** Starts a server with the engine under a context path such as {@code /ctx} (or empty). */
  public static JettyTestServer start(
      String contextPath, EngineOptions options, EngineListener listener) throws Exception {
    return start(contextPath, options, listener, context -> {});
  }

  /**
   * Starts a server with the engine under a context path such as {@code /ctx} (or empty), then lets
   * {@code setup} register more servlets while the application starts.
   */
  public static JettyTestServer start(
      String contextPath,
      EngineOptions options,
      EngineListener listener,
      Consumer<ServletContext> setup)
      throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath(contextPath.isEmpty() ? "/" : contextPath);
    AtomicReference<Engine> engine = new AtomicReference<>();
    JakartaWebSocketServletContainerInitializer.configure(context, null);
    context.addEventListener(
        new ServletContextListener() {
          @Override
          public void contextInitialized(ServletContextEvent e) {
            engine.set(EngineMount.install(e.getServletContext(), options, listener));
            setup.accept(e.getServletContext());
          }
        });
    server.setHandler(context);
    server.start();
    return new JettyTestServer(server, engine.get(), connector.getLocalPort(), contextPath);
  }

  /** The engine. */
  public Engine engine() {
    return engine;
  }

  /** The port. */
  public int port() {
    return port;
  }

  /** {@code http://127.0.0.1:PORT<context><path>}. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + contextPath + path);
  }

  /** {@code ws://127.0.0.1:PORT<context><path>}. */
  public URI wsUri(String path) {
    return URI.create("ws://127.0.0.1:" + port + contextPath + path);
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
