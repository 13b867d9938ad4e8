package io.socketiojakarta;

import java.util.List;
import java.util.function.Consumer;

/**
 * A client connected to a namespace. Thread-safe: emit from any thread. Listeners run on the
 * socket's handler sequence, one event at a time in arrival order.
 *
 * <pre>{@code
 * io.onConnection(socket -> {
 *   socket.join("lobby");
 *   socket.on("chat", event -> socket.to("lobby").emit("chat", event.get(0)));
 *   socket.onDisconnect((reason, description) -> log(reason));
 * });
 * }</pre>
 */
public interface Socket extends RemoteSocket {
  /** Whether the socket is connected. */
  boolean connected();

  /** Whether the socket was restored by connection state recovery (always false for now). */
  boolean recovered();

  /** The namespace. */
  Namespace nsp();

  /** The Engine.IO connection. */
  Connection conn();

  /** Every socket of the namespace but this one. */
  BroadcastOperator broadcast();

  /** Sockets in these rooms, but not this one. */
  BroadcastOperator to(String... rooms);

  /** Same as {@link #to}. */
  BroadcastOperator in(String... rooms);

  /** Every socket but this one and those in these rooms. */
  BroadcastOperator except(String... rooms);

  /** Every socket of this node's namespace but this one. */
  BroadcastOperator local();

  /** Adds a listener of an event ({@code disconnect}, {@code disconnecting} included). */
  Socket on(String event, EventListener listener);

  /** Adds a listener called at most once. */
  Socket once(String event, EventListener listener);

  /** Removes a listener. */
  Socket off(String event, EventListener listener);

  /** Removes every listener of an event. */
  Socket off(String event);

  /** Removes every listener of every event (catch-all ones excepted). */
  Socket removeAllListeners();

  /** The listeners of an event. */
  List<EventListener> listeners(String event);

  /** The names of the events with listeners. */
  java.util.Set<String> eventNames();

  /** Listens to {@code disconnecting} (rooms still readable). */
  Socket onDisconnecting(DisconnectListener listener);

  /** Listens to {@code disconnect}. */
  Socket onDisconnect(DisconnectListener listener);

  /** Listens to errors of the socket's packet middlewares. */
  Socket onError(Consumer<Throwable> listener);

  /** Adds a catch-all listener of incoming events. */
  Socket onAny(AnyListener listener);

  /** Adds a catch-all listener of incoming events, before the others. */
  Socket prependAny(AnyListener listener);

  /** Removes a catch-all listener. */
  Socket offAny(AnyListener listener);

  /** Removes every catch-all listener. */
  Socket offAny();

  /** The catch-all listeners. */
  List<AnyListener> listenersAny();

  /** Adds a catch-all listener of outgoing events. */
  Socket onAnyOutgoing(AnyListener listener);

  /** Adds a catch-all listener of outgoing events, before the others. */
  Socket prependAnyOutgoing(AnyListener listener);

  /** Removes an outgoing catch-all listener. */
  Socket offAnyOutgoing(AnyListener listener);

  /** Removes every outgoing catch-all listener. */
  Socket offAnyOutgoing();

  /** The outgoing catch-all listeners. */
  List<AnyListener> listenersAnyOutgoing();

  /** Adds a middleware for incoming events. */
  Socket use(PacketMiddleware middleware);
}
