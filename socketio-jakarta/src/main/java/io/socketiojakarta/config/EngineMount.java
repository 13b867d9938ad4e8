package io.socketiojakarta.config;

import io.socketiojakarta.engine.Engine;
import io.socketiojakarta.engine.EngineListener;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.transport.polling.EngineServlet;
import io.socketiojakarta.transport.polling.WebSocketUpgrade;
import io.socketiojakarta.transport.websocket.WebSocketUpgrader;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.websocket.server.ServerContainer;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * Mounts a raw Engine.IO server in a web application: the async polling servlet at {@code <path>*}
 * and WebSocket upgrades through the container's {@link ServerContainer}. Call it while the
 * application starts (a {@code ServletContainerInitializer} or a {@code ServletContextListener});
 * the engine closes when the application stops.
 *
 * <pre>{@code
 * @WebListener
 * public class EchoSetup implements ServletContextListener {
 *   public void contextInitialized(ServletContextEvent e) {
 *     EngineMount.install(e.getServletContext(), EngineOptions.builder().path("/engine.io/").build(),
 *         session -> session.listener(new EngineSessionListener() {
 *           public void onMessage(EngineSession s, String text) { s.send(text); }
 *         }));
 *   }
 * }
 * }</pre>
 */
public final class EngineMount {
  private static final System.Logger LOG = System.getLogger(EngineMount.class.getName());
  private static final String SERVER_CONTAINER = "jakarta.websocket.server.ServerContainer";

  private EngineMount() {}

  /** Creates an engine and mounts it at {@code options.path()}; returns the engine. */
  public static Engine install(
      ServletContext context, EngineOptions options, EngineListener listener) {
    requireFree(context, options.path());
    Engine engine = Engine.create(options, listener);
    mount(
        context,
        engine,
        () -> {
          engine.close();
          engine.awaitTermination(Duration.ofSeconds(2));
        });
    return engine;
  }

  /**
   * Fails when an engine (of a raw Engine.IO or a Socket.IO server) is already mounted at {@code
   * path} in this web application, typically the server the library's container initializer
   * mounted, before the caller creates anything.
   */
  static void requireFree(ServletContext context, String path) {
    String name = servletName(path);
    if (context.getServletRegistration(name) != null) {
      throw new IllegalStateException(
          "a Socket.IO or Engine.IO server is already mounted at "
              + path
              + " in this web application (the library mounts one itself when the application"
              + " starts): to mount your own, set the context parameter socketio.enabled=false in"
              + " web.xml; to set up the library's server, implement a SocketIoConfigurer instead");
    }
  }

  static String servletName(String path) {
    return "engine.io:" + path;
  }

  /** Mounts an existing engine at {@code engine.options().path()}. */
  static void mount(ServletContext context, Engine engine, Runnable onDestroy) {
    EngineOptions options = engine.options();
    WebSocketUpgrade upgrade = null;
    if (options.allows(EngineOptions.WEBSOCKET)) {
      Object container = context.getAttribute(SERVER_CONTAINER);
      if (container instanceof ServerContainer sc) {
        WebSocketUpgrader upgrader = new WebSocketUpgrader(engine, sc);
        upgrade =
            (req, resp, handshake, session) -> upgrader.upgrade(req, resp, handshake, session);
      } else {
        LOG.log(
            Level.WARNING,
            "No jakarta.websocket ServerContainer in this web application: Engine.IO at "
                + options.path()
                + " serves long-polling only");
      }
    }
    String name = servletName(options.path());
    ServletRegistration.Dynamic reg =
        context.addServlet(name, new EngineServlet(engine, upgrade, onDestroy));
    if (reg == null) {
      requireFree(context, options.path());
      throw new IllegalStateException("a servlet named " + name + " is already registered");
    }
    reg.setAsyncSupported(true);
    reg.setLoadOnStartup(1);
    reg.addMapping(options.path() + "*");
  }
}
