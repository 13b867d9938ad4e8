package io.socketiojakarta;

import java.util.Map;
import java.util.function.Consumer;

/**
 * A namespace: a communication channel multiplexed over the clients' connections, with its own
 * middlewares, sockets and rooms. Its broadcast methods target all its sockets.
 *
 * <pre>{@code
 * Namespace admin = io.of("/admin");
 * admin.use((socket, next) -> next.proceed());
 * admin.onConnection(socket -> socket.emit("hello"));
 * }</pre>
 */
public interface Namespace extends BroadcastOperator {
  /** The name, e.g. {@code /admin}. */
  String name();

  /** The server. */
  Server server();

  /** The connected sockets by id (a snapshot). */
  Map<String, Socket> sockets();

  /** Adds a middleware run before each socket connects. */
  Namespace use(Middleware middleware);

  /** Adds a {@code connection} listener. */
  Namespace onConnection(Consumer<Socket> listener);

  /** Listens to room changes of this namespace's adapter. */
  Namespace onRoomEvent(RoomListener listener);

  /**
   * Sends an event to the other server nodes of a cluster (none with the in-memory adapter, so
   * nobody receives it, as in the reference).
   */
  boolean serverSideEmit(String event, Object... args);

  /**
   * Sends an event to the other server nodes and collects one acknowledgement per node (each node's
   * listener calls {@link Event#ack}); completes with an empty list without other nodes.
   */
  java.util.concurrent.CompletableFuture<java.util.List<Args>> serverSideEmitWithAck(
      String event, Object... args);

  /** The rooms of this node's sockets and their members (a snapshot of the adapter's rooms). */
  Map<String, java.util.Set<String>> rooms();

  /** Listens to events sent by other nodes with {@link #serverSideEmit}. */
  Namespace onServerSideEmit(String event, EventListener listener);
}
