package io.socketiojakarta.core;

import io.socketiojakarta.AnyListener;
import io.socketiojakarta.Args;
import io.socketiojakarta.DisconnectListener;
import io.socketiojakarta.EventListener;
import io.socketiojakarta.PacketMiddleware;
import io.socketiojakarta.Socket;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The listener side of a socket: named event listeners, {@code disconnecting} / {@code disconnect}
 * / {@code error} listeners, catch-all listeners both ways and packet middlewares, with the methods
 * that call them (each failure logged, the others still called). Registration is thread-safe; calls
 * happen on the client's sequence, except outgoing catch-alls (on the emitting thread).
 */
abstract class SocketListeners implements Socket {
  private static final System.Logger LOG = System.getLogger(SocketListeners.class.getName());

  private final EventListeners listeners = new EventListeners();
  private final List<DisconnectListener> disconnecting = new CopyOnWriteArrayList<>();
  private final List<DisconnectListener> disconnected = new CopyOnWriteArrayList<>();
  private final List<Consumer<Throwable>> errorListeners = new CopyOnWriteArrayList<>();
  private final List<AnyListener> anyIncoming = new CopyOnWriteArrayList<>();
  private final List<AnyListener> anyOutgoing = new CopyOnWriteArrayList<>();
  private final List<PacketMiddleware> middlewares = new CopyOnWriteArrayList<>();

  /** The payload binding of this socket's server. */
  abstract Payloads payloads();

  // ------------------------------------------------------------------ calling the listeners

  /** {@code disconnecting} or {@code disconnect}: typed listeners, then {@code on(name)} ones. */
  void fireDisconnect(CoreSocket self, String name, String reason, String description) {
    for (DisconnectListener l : name.equals("disconnect") ? disconnected : disconnecting) {
      try {
        l.onDisconnect(reason, description);
      } catch (Exception e) {
        LOG.log(Level.WARNING, name + " listener of socket " + id() + " failed", e);
      }
    }
    listeners.fire(name, self, List.of(reason, description));
  }

  /** The catch-all listeners of an incoming event. */
  void fireAny(String name, Args event) {
    for (AnyListener l : anyIncoming) {
      try {
        l.onAny(name, event);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "onAny listener of socket " + id() + " failed", e);
      }
    }
  }

  /** The listeners of an incoming event's name. */
  void fireEvent(ReceivedEvent event) {
    listeners.fire(event.name(), event);
  }

  /** A packet middleware refused an event: the {@code error} listeners (the client is not told). */
  void fireError(Throwable error) {
    if (errorListeners.isEmpty()) {
      LOG.log(Level.DEBUG, "packet middleware of socket {0} refused an event: {1}", id(), error);
      return;
    }
    for (Consumer<Throwable> l : errorListeners) {
      try {
        l.accept(error);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "error listener of socket " + id() + " failed", e);
      }
    }
  }

  boolean hasOutgoingListeners() {
    return !anyOutgoing.isEmpty();
  }

  /** The outgoing catch-all listeners of an emitted event ({@code dataWithName}: name first). */
  void notifyOutgoing(String event, List<Object> dataWithName) {
    if (anyOutgoing.isEmpty()) {
      return;
    }
    Args view = new ArgsView(dataWithName.subList(1, dataWithName.size()), payloads());
    for (AnyListener l : anyOutgoing) {
      try {
        l.onAny(event, view);
      } catch (Exception e) {
        LOG.log(Level.WARNING, "onAnyOutgoing listener of socket " + id() + " failed", e);
      }
    }
  }

  /** The packet middlewares, a snapshot. */
  List<PacketMiddleware> middlewares() {
    return List.copyOf(middlewares);
  }

  // ------------------------------------------------------------------ registration (Socket API)

  @Override
  public Socket on(String event, EventListener listener) {
    listeners.add(event, listener, false);
    return this;
  }

  @Override
  public Socket once(String event, EventListener listener) {
    listeners.add(event, listener, true);
    return this;
  }

  @Override
  public Socket off(String event, EventListener listener) {
    listeners.remove(event, listener);
    return this;
  }

  @Override
  public Socket off(String event) {
    listeners.removeAll(event);
    return this;
  }

  @Override
  public Socket removeAllListeners() {
    listeners.clear();
    disconnecting.clear();
    disconnected.clear();
    errorListeners.clear();
    return this;
  }

  @Override
  public List<EventListener> listeners(String event) {
    return listeners.listeners(event);
  }

  @Override
  public Set<String> eventNames() {
    Set<String> names = listeners.names();
    if (!disconnecting.isEmpty()) {
      names.add("disconnecting");
    }
    if (!disconnected.isEmpty()) {
      names.add("disconnect");
    }
    if (!errorListeners.isEmpty()) {
      names.add("error");
    }
    return names;
  }

  @Override
  public Socket onDisconnecting(DisconnectListener listener) {
    disconnecting.add(listener);
    return this;
  }

  @Override
  public Socket onDisconnect(DisconnectListener listener) {
    disconnected.add(listener);
    return this;
  }

  @Override
  public Socket onError(Consumer<Throwable> listener) {
    errorListeners.add(listener);
    return this;
  }

  @Override
  public Socket onAny(AnyListener listener) {
    anyIncoming.add(listener);
    return this;
  }

  @Override
  public Socket prependAny(AnyListener listener) {
    anyIncoming.add(0, listener);
    return this;
  }

  @Override
  public Socket offAny(AnyListener listener) {
    anyIncoming.remove(listener);
    return this;
  }

  @Override
  public Socket offAny() {
    anyIncoming.clear();
    return this;
  }

  @Override
  public List<AnyListener> listenersAny() {
    return List.copyOf(anyIncoming);
  }

  @Override
  public Socket onAnyOutgoing(AnyListener listener) {
    anyOutgoing.add(listener);
    return this;
  }

  @Override
  public Socket prependAnyOutgoing(AnyListener listener) {
    anyOutgoing.add(0, listener);
    return this;
  }

  @Override
  public Socket offAnyOutgoing(AnyListener listener) {
    anyOutgoing.remove(listener);
    return this;
  }

  @Override
  public Socket offAnyOutgoing() {
    anyOutgoing.clear();
    return this;
  }

  @Override
  public List<AnyListener> listenersAnyOutgoing() {
    return List.copyOf(anyOutgoing);
  }

  @Override
  public Socket use(PacketMiddleware middleware) {
    middlewares.add(middleware);
    return this;
  }
}
