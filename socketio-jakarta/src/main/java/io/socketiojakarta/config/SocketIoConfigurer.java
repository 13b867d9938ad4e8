package io.socketiojakarta.config;

import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.engine.EngineOptions;

/**
 * Configures the Socket.IO server that the library mounts in a web application, in code. The
 * container finds every implementation in the application when it starts (a public class with a
 * public no-argument constructor), creates it, and calls it once on the thread that starts the
 * application, after the {@code web.xml} parameters and {@link
 * io.socketiojakarta.annotation.SocketIoConfiguration} were applied: first the two options methods,
 * then {@link #configure(Server)} before any client can connect. Several configurers run in the
 * order of their class names. An exception thrown here fails the deployment.
 *
 * <pre>{@code
 * public class ChatConfigurer implements SocketIoConfigurer {
 *   public void configureServer(ServerOptions.Builder options) {
 *     options.connectTimeout(Duration.ofSeconds(5));
 *   }
 *
 *   public void configure(Server io) {
 *     io.of("/admin").use((socket, next) -> next.proceed());
 *   }
 * }
 * }</pre>
 */
public interface SocketIoConfigurer {
  /** Adjusts the Engine.IO options (path, timers, transports, CORS...). */
  default void configureEngine(EngineOptions.Builder options) {}

  /** Adjusts the Socket.IO options (connect timeout, limits, serveClient...). */
  default void configureServer(ServerOptions.Builder options) {}

  /** Sets up the server (namespaces, middlewares, listeners) before it accepts clients. */
  default void configure(Server server) {}
}
