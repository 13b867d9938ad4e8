package io.socketiojakarta;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A Socket.IO server. Its broadcast methods, {@link #use} and {@link #onConnection} apply to the
 * main namespace {@code /}.
 *
 * <pre>{@code
 * Server io = SocketIoMount.install(servletContext, ServerOptions.defaults());
 * io.onConnection(socket -> {
 *   socket.on("ping", event -> event.ack("pong"));
 * });
 * }</pre>
 */
public interface Server extends BroadcastOperator {
  /** The main namespace {@code /}. */
  Namespace sockets();

  /** The namespace of that name, created when missing ({@code "chat"} means {@code "/chat"}). */
  Namespace of(String name);

  /**
   * A parent namespace: names matching {@code pattern} get a child namespace, sharing the parent's
   * middlewares and connection listeners. Broadcasting on the parent reaches all children.
   */
  Namespace of(Pattern pattern);

  /** A parent namespace whose children are accepted by {@code matcher}. */
  Namespace of(NamespaceMatcher matcher);

  /** Adds a middleware to the main namespace. */
  Server use(Middleware middleware);

  /** Adds a connection listener to the main namespace. */
  Server onConnection(Consumer<Socket> listener);

  /** Listens to new namespaces (the reference's {@code new_namespace}). */
  Server onNewNamespace(Consumer<Namespace> listener);

  /** The options. */
  ServerOptions options();

  /** The path the server is mounted at, e.g. {@code /socket.io/}. */
  String path();

  /** The Engine.IO server. */
  ServerEngine engine();

  /** {@link Namespace#serverSideEmit} on the main namespace. */
  boolean serverSideEmit(String event, Object... args);

  /** {@link Namespace#serverSideEmitWithAck} on the main namespace. */
  CompletableFuture<java.util.List<Args>> serverSideEmitWithAck(String event, Object... args);

  /** The number of Engine.IO connections. */
  int clientsCount();

  /**
   * Disconnects every socket with "server shutting down", closes the adapters and the engine; new
   * connections are refused, and broadcasts still waiting for acknowledgements end with an {@link
   * AckTimeoutException}. The future completes once the sockets' disconnect listeners have run.
   */
  CompletableFuture<Void> close();
}
