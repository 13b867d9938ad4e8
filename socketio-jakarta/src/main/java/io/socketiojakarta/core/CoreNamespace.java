package io.socketiojakarta.core;

import io.socketiojakarta.Args;
import io.socketiojakarta.BroadcastOperator;
import io.socketiojakarta.ConnectionRefusedException;
import io.socketiojakarta.EventListener;
import io.socketiojakarta.Middleware;
import io.socketiojakarta.Namespace;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.RoomListener;
import io.socketiojakarta.Socket;
import io.socketiojakarta.parser.Packet;
import io.socketiojakarta.spi.Adapter;
import io.socketiojakarta.spi.AdapterContext;
import io.socketiojakarta.spi.LocalSocket;
import io.socketiojakarta.spi.PreEncodedPacket;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A namespace: its sockets, middlewares, connection listeners and adapter. A parent namespace
 * (dynamic, from a pattern or matcher) has no sockets of its own: its children do, and its
 * broadcasts reach them all.
 */
final class CoreNamespace implements Namespace, AdapterContext {
  private static final System.Logger LOG = System.getLogger(CoreNamespace.class.getName());

  private final CoreServer server;
  private final String name;
  private final CoreNamespace parent;
  private final boolean isParent;
  private final Adapter adapter;
  private final Map<String, CoreSocket> sockets = new ConcurrentHashMap<>();
  private final List<Middleware> middlewares = new CopyOnWriteArrayList<>();
  private final List<Consumer<Socket>> connectionListeners = new CopyOnWriteArrayList<>();
  private final List<RoomListener> roomListeners = new CopyOnWriteArrayList<>();
  private final EventListeners serverSideListeners = new EventListeners();
  private final Set<CoreNamespace> children = ConcurrentHashMap.newKeySet();
  private final AtomicLong ackIds = new AtomicLong();
  private final AtomicInteger admitting = new AtomicInteger();

  CoreNamespace(CoreServer server, String name, CoreNamespace parent, boolean isParent) {
    this.server = server;
    this.name = name;
    this.parent = parent;
    this.isParent = isParent;
    if (parent != null) {
      middlewares.addAll(parent.middlewares);
      connectionListeners.addAll(parent.connectionListeners);
    }
    this.adapter = server.adapterFactory().create(this);
    adapter.init();
  }

  Adapter adapter() {
    return adapter;
  }

  CoreNamespace parent() {
    return parent;
  }

  boolean isParent() {
    return isParent;
  }

  void addChild(CoreNamespace child) {
    children.add(child);
  }

  void removeChild(CoreNamespace child) {
    children.remove(child);
  }

  /** The namespaces a broadcast on this one reaches. */
  List<CoreNamespace> broadcastTargets() {
    return isParent ? List.copyOf(children) : List.of(this);
  }

  // ------------------------------------------------------------------ connection

  /**
   * A CONNECT for this namespace is on its way in, until {@link #add} has accepted or refused the
   * socket: an empty child is not removed meanwhile. Called with the server's lock held.
   */
  void reserve() {
    admitting.incrementAndGet();
  }

  /** No sockets and none on the way in. */
  boolean idle() {
    return sockets.isEmpty() && admitting.get() == 0;
  }

  private void release() {
    admitting.decrementAndGet();
    cleanupIfIdle();
  }

  /** Removes an idle child with {@code cleanupEmptyChildNamespaces}. */
  private void cleanupIfIdle() {
    if (parent != null && server.options().cleanupEmptyChildNamespaces() && idle()) {
      server.removeChild(this);
    }
  }

  /**
   * Runs the middlewares for a new socket, then connects it (reference: Namespace._add). The
   * namespace was {@linkplain #reserve() reserved} for it.
   */
  void add(Client client, Map<String, Object> auth) {
    CoreSocket socket =
        new CoreSocket(
            server.newSocketId(), this, client, Handshakes.of(client.session().request(), auth));
    new Chain<Middleware>(
            List.copyOf(middlewares),
            (m, next) -> m.handle(socket, next),
            client.serial(),
            error -> client.serial().execute(() -> afterMiddlewares(client, socket, error)))
        .start();
  }

  private void afterMiddlewares(Client client, CoreSocket socket, Throwable error) {
    if (!client.isOpen()) {
      socket.discard();
      client.connectDone(name, null);
      release();
      return;
    }
    if (error != null) {
      socket.discard();
      client.connectDone(name, null);
      try {
        client.write(connectError(error), Flags.DEFAULT);
      } finally {
        release();
      }
      return;
    }
    sockets.put(socket.id(), socket);
    release();
    client.connectDone(name, socket);
    socket.onConnect();
    for (Consumer<Socket> l : connectionListeners) {
      try {
        l.accept(socket);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "connection listener of " + name + " failed", e);
      }
    }
  }

  /**
   * The CONNECT_ERROR for a middleware's error: its message, and the data of a {@link
   * ConnectionRefusedException} when it can be encoded (otherwise the client still gets the
   * message).
   */
  private Frames connectError(Throwable error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "message",
        error.getMessage() == null ? "" : error.getMessage()); // JS: new Error().message is ""
    if (error instanceof ConnectionRefusedException refused && refused.data().isPresent()) {
      try {
        body.put("data", server.payloads().tree(refused.data().get()));
        return Frames.encode(Packet.connectError(name, body));
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "data of a refusal in " + name + " cannot be sent", e);
        body.remove("data");
      }
    }
    return Frames.encode(Packet.connectError(name, body));
  }

  void remove(CoreSocket socket) {
    if (sockets.remove(socket.id(), socket)) {
      cleanupIfIdle();
    }
  }

  // ------------------------------------------------------------------ AdapterContext

  @Override
  public String namespace() {
    return name;
  }

  /**
   * A connected socket whose connection is open. One that is leaving (its disconnect listeners wait
   * behind a running listener) is not a target any more, as it would be gone at once in the
   * reference: a broadcast with acknowledgements must not count on it.
   */
  @Override
  public Optional<LocalSocket> socket(String id) {
    CoreSocket socket = sockets.get(id);
    return socket != null && socket.connected() && socket.client().isOpen()
        ? Optional.of(socket)
        : Optional.empty();
  }

  @Override
  public PreEncodedPacket encode(Packet packet) {
    return Frames.encode(packet);
  }

  @Override
  public long nextAckId() {
    return ackIds.getAndIncrement();
  }

  @Override
  public void roomEvent(RoomListener.Kind kind, String room, String socketId) {
    for (RoomListener l : roomListeners) {
      try {
        l.onRoomEvent(kind, room, socketId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "room listener of " + name + " failed", e);
      }
    }
  }

  @Override
  public void onServerSideEmit(List<Object> args, Optional<Consumer<List<Object>>> ack) {
    if (args.isEmpty() || !(args.get(0) instanceof String event)) {
      return;
    }
    List<Object> rest = args.subList(1, args.size());
    server
        .executor()
        .execute(
            () ->
                serverSideListeners.fire(
                    event, new ServerSideEvent(event, rest, server.payloads(), ack)));
  }

  // ------------------------------------------------------------------ Namespace

  @Override
  public String name() {
    return name;
  }

  @Override
  public CoreServer server() {
    return server;
  }

  /** The connected sockets: not one still in its middlewares, nor one leaving. */
  @Override
  public Map<String, Socket> sockets() {
    Map<String, Socket> connected = new LinkedHashMap<>();
    sockets.forEach(
        (id, socket) -> {
          if (socket.connected()) {
            connected.put(id, socket);
          }
        });
    return Map.copyOf(connected);
  }

  Map<String, CoreSocket> liveSockets() {
    return sockets;
  }

  @Override
  public Namespace use(Middleware middleware) {
    middlewares.add(middleware);
    return this;
  }

  @Override
  public Namespace onConnection(Consumer<Socket> listener) {
    connectionListeners.add(listener);
    return this;
  }

  @Override
  public Namespace onRoomEvent(RoomListener listener) {
    roomListeners.add(listener);
    return this;
  }

  @Override
  public boolean serverSideEmit(String event, Object... args) {
    Emits.checkName(event);
    adapter.serverSideEmit(server.payloads().arguments(event, args, args.length));
    return true;
  }

  @Override
  public CompletableFuture<List<Args>> serverSideEmitWithAck(String event, Object... args) {
    Emits.checkName(event);
    return adapter
        .serverSideEmitWithAck(server.payloads().arguments(event, args, args.length))
        .thenApply(
            responses -> {
              List<Args> out = new java.util.ArrayList<>(responses.size());
              for (List<Object> r : responses) {
                out.add(new ArgsView(r, server.payloads()));
              }
              return out;
            });
  }

  @Override
  public Map<String, Set<String>> rooms() {
    return adapter.rooms();
  }

  @Override
  public Namespace onServerSideEmit(String event, EventListener listener) {
    serverSideListeners.add(event, listener, false);
    return this;
  }

  Operator operator() {
    return new Operator(this, Set.of(), Set.of(), io.socketiojakarta.spi.BroadcastFlags.DEFAULT);
  }

  @Override
  public BroadcastOperator to(String... rooms) {
    return operator().to(rooms);
  }

  @Override
  public BroadcastOperator in(String... rooms) {
    return operator().in(rooms);
  }

  @Override
  public BroadcastOperator except(String... rooms) {
    return operator().except(rooms);
  }

  @Override
  public BroadcastOperator compress(boolean compress) {
    return operator().compress(compress);
  }

  @Override
  public BroadcastOperator asVolatile() {
    return operator().asVolatile();
  }

  @Override
  public BroadcastOperator local() {
    return operator().local();
  }

  @Override
  public BroadcastOperator timeout(Duration timeout) {
    return operator().timeout(timeout);
  }

  @Override
  public boolean emit(String event, Object... args) {
    return operator().emit(event, args);
  }

  @Override
  public CompletableFuture<List<Args>> emitWithAck(String event, Object... args) {
    return operator().emitWithAck(event, args);
  }

  @Override
  public boolean send(Object... args) {
    return operator().send(args);
  }

  @Override
  public CompletableFuture<List<RemoteSocket>> fetchSockets() {
    return operator().fetchSockets();
  }

  @Override
  public void socketsJoin(String... rooms) {
    operator().socketsJoin(rooms);
  }

  @Override
  public void socketsLeave(String... rooms) {
    operator().socketsLeave(rooms);
  }

  @Override
  public void disconnectSockets(boolean close) {
    operator().disconnectSockets(close);
  }

  @Override
  public CompletableFuture<Set<String>> allSockets() {
    return operator().allSockets();
  }

  @Override
  public String toString() {
    return "Namespace[" + name + "]";
  }
}
