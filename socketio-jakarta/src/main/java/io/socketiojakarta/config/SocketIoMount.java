package io.socketiojakarta.config;

import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.core.CoreServer;
import io.socketiojakarta.engine.Engine;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.engine.Scheduler;
import io.socketiojakarta.json.JsonbMapper;
import io.socketiojakarta.spi.AdapterFactory;
import io.socketiojakarta.spi.InMemoryAdapter;
import io.socketiojakarta.transport.polling.ClientBundleServlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Mounts a Socket.IO server in a web application: Engine.IO at the engine options' path (default
 * {@code /socket.io/}) over long-polling and WebSocket, the client bundles when {@code serveClient}
 * is on. The server closes with the application.
 *
 * <p>An application with this library in {@code WEB-INF/lib} gets a server without calling this:
 * {@link SocketIoInitializer} mounts one, configured in {@code web.xml}, with {@link
 * io.socketiojakarta.annotation.SocketIoConfiguration} or with a {@link SocketIoConfigurer}. To
 * mount the server yourself, switch that one off with the context parameter {@code
 * socketio.enabled=false} and call this while the application starts:
 *
 * <pre>{@code
 * @WebListener
 * public class ChatSetup implements ServletContextListener {
 *   public void contextInitialized(ServletContextEvent e) {
 *     Server io = SocketIoMount.install(e.getServletContext(), ServerOptions.defaults());
 *     io.onConnection(socket -> socket.on("chat", event -> io.emit("chat", event.get(0))));
 *   }
 * }
 * }</pre>
 *
 * <p>A server mounted here is the application's own: the CDI observers of the application are bound
 * only to the server the library's initializer mounts. To bind them to this one, call {@code
 * io.socketiojakarta.cdi.CdiIntegration.attach(server, null)} once it is set up (and {@code detach}
 * when the application stops).
 */
public final class SocketIoMount {
  private static final System.Logger LOG = System.getLogger(SocketIoMount.class.getName());

  /** How long stopping the application waits for the server and its threads. */
  private static final Duration STOP_WAIT = Duration.ofSeconds(5);

  /** The default path of a Socket.IO server. */
  public static final String DEFAULT_PATH = "/socket.io/";

  private SocketIoMount() {}

  /** A server at {@code /socket.io/} with the default engine options. */
  public static Server install(ServletContext context, ServerOptions options) {
    return install(context, EngineOptions.builder().path(DEFAULT_PATH).build(), options);
  }

  /** A server with the given engine options (path, timers, CORS...). */
  public static Server install(
      ServletContext context, EngineOptions engineOptions, ServerOptions options) {
    return install(context, engineOptions, options, InMemoryAdapter::new);
  }

  /**
   * A server with a given adapter (e.g. a cluster adapter).
   *
   * @throws IllegalStateException when a server is already mounted at that path in this web
   *     application, e.g. by the library's {@link SocketIoInitializer} (switch it off with the
   *     context parameter {@code socketio.enabled=false}, or set its server up with a {@link
   *     SocketIoConfigurer} instead)
   */
  public static Server install(
      ServletContext context,
      EngineOptions engineOptions,
      ServerOptions options,
      AdapterFactory adapterFactory) {
    EngineMount.requireFree(context, engineOptions.path());
    Scheduler scheduler = Scheduler.daemon();
    CoreServer server = new CoreServer(options, adapterFactory, scheduler, JsonbMapper.detect());
    Engine engine = Engine.create(engineOptions, server, scheduler);
    server.attach(engine);
    EngineMount.mount(context, engine, () -> stop(server, scheduler));
    if (options.serveClient()) {
      String name = "socket.io-client:" + engineOptions.path();
      ServletRegistration.Dynamic reg =
          context.addServlet(name, new ClientBundleServlet(engineOptions.cors().orElse(null)));
      if (reg != null) {
        for (String file : ClientBundleServlet.FILES) {
          reg.addMapping(engineOptions.path() + file);
        }
      }
    }
    context.setAttribute(Server.class.getName(), server);
    return server;
  }

  /**
   * Closes the server while the application stops, and waits (bounded) for its disconnect listeners
   * and its threads: they belong to the application's class loader, and its CDI beans are still
   * alive while the servlets are destroyed.
   */
  private static void stop(CoreServer server, Scheduler scheduler) {
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    try {
      server.close().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(
          Level.WARNING,
          "the Socket.IO server did not close cleanly within {0}: {1}",
          STOP_WAIT,
          e);
    }
    server.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    scheduler.awaitTermination(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }
}
