package io.socketiojakarta.config;

import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.annotation.SocketIoConfiguration;
import io.socketiojakarta.engine.EngineOptions;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.HandlesTypes;
import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mounts a Socket.IO server in every web application that has this library in {@code WEB-INF/lib}:
 * the container runs it when the application starts (it is registered in {@code
 * META-INF/services/jakarta.servlet.ServletContainerInitializer}), nothing needs to be declared.
 * The server is at {@code <context>/socket.io/} with the reference's defaults, and is kept in the
 * context attribute named {@code io.socketiojakarta.Server}.
 *
 * <p>The options are taken from, each overriding the one before:
 *
 * <ol>
 *   <li>the defaults ({@link EngineOptions}, {@link ServerOptions}; path {@code /socket.io/});
 *   <li>{@link SocketIoConfiguration} on one class of the application (on two, the deployment
 *       fails);
 *   <li>the context parameters {@code socketio.<name>} of {@code web.xml}, with the names of the
 *       annotation's elements, e.g.
 *       <pre>{@code
 * <context-param>
 *   <param-name>socketio.pingInterval</param-name>
 *   <param-value>10s</param-value>
 * </context-param>
 * }</pre>
 *   <li>the application's {@link SocketIoConfigurer}s (public classes with a public no-argument
 *       constructor), in the order of their class names: their options methods get the builders,
 *       then {@link SocketIoConfigurer#configure(Server)} gets the server before any client can
 *       connect.
 * </ol>
 *
 * <p>An empty value leaves the option alone. Durations are milliseconds ({@code 25000}), a number
 * with a unit ({@code 500ms}, {@code 25s}, {@code 2m}, {@code 1h}) or ISO-8601 ({@code PT25S});
 * booleans are {@code true} or {@code false}; lists are comma-separated; {@code httpCompression} is
 * a threshold in bytes or {@code false}; {@code cookie} is {@code false}, {@code true} (named
 * {@code io}) or a cookie name; {@code corsOrigins} is {@code *} or a list of origins.
 *
 * <p>Every value is checked before anything is mounted: a value that does not parse, an unknown
 * {@code socketio.*} context parameter, options the records reject, or a configurer that throws
 * fails the deployment with a message naming the parameter, the value and where it was written.
 *
 * <p>{@code socketio.enabled=false} mounts nothing, for an application that mounts its own server
 * with {@link SocketIoMount}. The initializer belongs to the web fragment named {@code
 * socketio_jakarta}, so an {@code <absolute-ordering>} in {@code web.xml} that leaves it out
 * switches it off too.
 *
 * <p>When the CDI API is visible to the application, a listener added here binds the application's
 * CDI beans to the server while the application starts ({@code io.socketiojakarta.cdi}).
 */
@HandlesTypes({SocketIoConfiguration.class, SocketIoConfigurer.class})
public final class SocketIoInitializer implements ServletContainerInitializer {
  private static final System.Logger LOG = System.getLogger(SocketIoInitializer.class.getName());

  /** Created by the container. */
  public SocketIoInitializer() {}

  /**
   * Reads the configuration and mounts the server.
   *
   * @param classes the application's classes carrying {@link SocketIoConfiguration} or implementing
   *     {@link SocketIoConfigurer}; null when there are none
   * @param context the web application
   * @throws ServletException on any configuration error; nothing is mounted then
   */
  @Override
  public void onStartup(Set<Class<?>> classes, ServletContext context) throws ServletException {
    Set<Class<?>> found = classes == null ? Set.of() : classes;
    SocketIoSettings settings = SocketIoSettings.resolve(found, initParameters(context));
    if (!settings.enabled()) {
      String source =
          settings
              .setting(ConfigParameter.ENABLED)
              .map(SocketIoSettings.Setting::source)
              .orElse("?");
      LOG.log(
          Level.INFO,
          "Socket.IO is switched off in {0} (socketio.enabled=false, {1}): nothing mounted",
          displayPath(context),
          source);
      return;
    }
    List<Configurers.Named> configurers = Configurers.instantiate(found);
    OptionsDraft draft = settings.draft();
    for (Configurers.Named c : configurers) {
      try {
        c.configurer().configureEngine(draft.engine);
        c.configurer().configureServer(draft.server);
      } catch (RuntimeException e) {
        throw new ServletException("socketio: SocketIoConfigurer " + c.name() + " failed: " + e, e);
      }
      try {
        draft.engine.build();
        draft.server.build();
      } catch (IllegalArgumentException e) {
        throw new ServletException(
            "socketio: SocketIoConfigurer " + c.name() + " set invalid options: " + e.getMessage(),
            e);
      }
    }
    EngineOptions engineOptions = draft.engine.build();
    ServerOptions serverOptions = draft.server.build();
    Server server;
    try {
      server = SocketIoMount.install(context, engineOptions, serverOptions);
    } catch (IllegalStateException e) {
      throw new ServletException(e.getMessage(), e);
    }
    for (Configurers.Named c : configurers) {
      try {
        c.configurer().configure(server);
      } catch (RuntimeException e) {
        server.close();
        throw new ServletException("socketio: SocketIoConfigurer " + c.name() + " failed: " + e, e);
      }
    }
    context.addListener(new CdiStartupListener(server));
    LOG.log(
        Level.INFO,
        "Socket.IO server at {0}{1} (pingInterval {2} ms, pingTimeout {3} ms, transports {4})",
        context.getContextPath(),
        engineOptions.path(),
        Long.toString(engineOptions.pingInterval().toMillis()),
        Long.toString(engineOptions.pingTimeout().toMillis()),
        String.join(",", engineOptions.transports()));
  }

  private static Map<String, String> initParameters(ServletContext context) {
    Map<String, String> parameters = new HashMap<>();
    for (String name : Collections.list(context.getInitParameterNames())) {
      parameters.put(name, context.getInitParameter(name));
    }
    return parameters;
  }

  private static String displayPath(ServletContext context) {
    String path = context.getContextPath();
    return path.isEmpty() ? "/" : path;
  }
}
