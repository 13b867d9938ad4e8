package io.socketiojakarta.core;

import io.socketiojakarta.AckCallback;
import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Args;
import io.socketiojakarta.BroadcastOperator;
import io.socketiojakarta.Connection;
import io.socketiojakarta.DisconnectReason;
import io.socketiojakarta.Handshake;
import io.socketiojakarta.Namespace;
import io.socketiojakarta.PacketMiddleware;
import io.socketiojakarta.SocketDisconnectedException;
import io.socketiojakarta.SocketEmitter;
import io.socketiojakarta.engine.Scheduler.Cancellable;
import io.socketiojakarta.parser.Packet;
import io.socketiojakarta.spi.BroadcastFlags;
import io.socketiojakarta.spi.LocalSocket;
import io.socketiojakarta.spi.PreEncodedPacket;
import io.socketiojakarta.spi.SocketDetails;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A socket: one client in one namespace. State changes are atomic; listeners run on the client's
 * serial executor; emits may come from any thread and go straight to the engine's queue.
 */
final class CoreSocket extends SocketListeners implements LocalSocket {
  private static final System.Logger LOG = System.getLogger(CoreSocket.class.getName());

  private static final int CONNECTING = 0;
  private static final int CONNECTED = 1;
  private static final int CLOSING = 2;
  private static final int CLOSED = 3;

  private final String id;
  private final CoreNamespace nsp;
  private final Client client;
  private final Handshake handshake;
  private final Map<String, Object> data = new ConcurrentHashMap<>();
  private final AtomicInteger state = new AtomicInteger(CONNECTING);
  private final Map<Long, PendingAck> acks = new ConcurrentHashMap<>();

  CoreSocket(String id, CoreNamespace nsp, Client client, Handshake handshake) {
    this.id = id;
    this.nsp = nsp;
    this.client = client;
    this.handshake = handshake;
  }

  @Override
  Payloads payloads() {
    return nsp.server().payloads();
  }

  Client client() {
    return client;
  }

  // ------------------------------------------------------------------ identity

  @Override
  public String id() {
    return id;
  }

  @Override
  public Handshake handshake() {
    return handshake;
  }

  @Override
  public Set<String> rooms() {
    return nsp.adapter().socketRooms(id).orElse(Set.of());
  }

  @Override
  public Map<String, Object> data() {
    return data;
  }

  @Override
  public SocketDetails details() {
    return new SocketDetails(id, handshake, rooms(), data);
  }

  @Override
  public boolean connected() {
    return state.get() == CONNECTED;
  }

  @Override
  public boolean recovered() {
    return false;
  }

  @Override
  public Namespace nsp() {
    return nsp;
  }

  @Override
  public Connection conn() {
    return client.connection();
  }

  // ------------------------------------------------------------------ lifecycle

  /** Connected: joins its own room and answers the CONNECT (reference: Socket._onconnect). */
  boolean onConnect() {
    if (!state.compareAndSet(CONNECTING, CONNECTED)) {
      return false;
    }
    nsp.adapter().addAll(id, Set.of(id));
    Map<String, Object> reply = new java.util.LinkedHashMap<>();
    reply.put("sid", id);
    client.write(Frames.encode(Packet.connect(nsp.name(), reply)), Flags.DEFAULT);
    return true;
  }

  /**
   * The socket will never connect (a middleware refused it, or its connection closed first): it
   * leaves the rooms a middleware may have joined, and joins nothing any more (reference: {@code
   * socket._cleanup()}).
   */
  void discard() {
    if (state.compareAndSet(CONNECTING, CLOSED)) {
      nsp.adapter().delAll(id);
    }
  }

  /**
   * Starts closing from any thread: later emits are refused at once, the listeners run on the
   * client's sequence.
   */
  void close(String reason, String description, boolean sendDisconnect) {
    if (!state.compareAndSet(CONNECTED, CLOSING)) {
      return;
    }
    // out of the client's namespace map at once: a CONNECT right after a DISCONNECT starts afresh
    client.remove(this);
    if (sendDisconnect) {
      client.write(Frames.encode(Packet.disconnect(nsp.name())), Flags.DEFAULT);
    }
    client.serial().execute(() -> finishClose(reason, description));
  }

  /**
   * The client left the namespace: closed at once, on the sequence, so that a CONNECT right behind
   * the DISCONNECT (already queued) finds the namespace left, as in the reference.
   */
  private void onClientDisconnect() {
    if (state.compareAndSet(CONNECTED, CLOSING)) {
      finishClose(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT, "");
    }
  }

  private void finishClose(String reason, String description) {
    fireDisconnect(this, "disconnecting", reason, description);
    // CLOSED before the rooms and acks are cleared: a join or an ack registered concurrently
    // re-checks the state afterwards and undoes itself, so nothing is left behind
    state.set(CLOSED);
    nsp.adapter().delAll(id);
    nsp.remove(this);
    client.remove(this);
    failPendingAcks();
    fireDisconnect(this, "disconnect", reason, description);
  }

  /** The acknowledgements this socket still waits for. */
  int pendingAcks() {
    return acks.size();
  }

  private void failPendingAcks() {
    for (Long key : List.copyOf(acks.keySet())) {
      PendingAck ack = acks.remove(key);
      if (ack != null) {
        ack.cancelTimer();
        ack.handler.onDisconnect();
      }
    }
  }

  @Override
  public void disconnect(boolean close) {
    if (close) {
      client.disconnectAll();
    } else {
      close(DisconnectReason.SERVER_NAMESPACE_DISCONNECT, "", true);
    }
  }

  // ------------------------------------------------------------------ incoming

  /** A packet for this socket; runs on the client's sequence. */
  void onPacket(Packet packet) {
    switch (packet.type()) {
      case EVENT, BINARY_EVENT -> onEvent(packet);
      case ACK, BINARY_ACK -> onAck(packet);
      case DISCONNECT -> onClientDisconnect();
      default -> client.closeInvalid();
    }
  }

  @SuppressWarnings("unchecked")
  private void onEvent(Packet packet) {
    List<Object> all = (List<Object>) packet.data();
    Object first = all.get(0);
    String name = first instanceof String s ? s : io.socketiojakarta.json.JsonTree.write(first);
    ReceivedEvent event =
        new ReceivedEvent(name, new ArrayList<>(all.subList(1, all.size())), this, packet.id());
    fireAny(name, event);
    List<PacketMiddleware> middlewares = middlewares();
    if (middlewares.isEmpty()) {
      dispatch(event);
      return;
    }
    // an outcome reached before the middlewares returned is acted on here, in arrival order (a
    // DISCONNECT or close queued behind this event must not overtake it); a later one is queued
    Runnable[] outcome = new Runnable[1];
    boolean[] returned = new boolean[1];
    Runnable then;
    try {
      new Chain<PacketMiddleware>(
              middlewares,
              (m, next) -> m.handle(event, next),
              client.serial(),
              error -> {
                Runnable later = error == null ? () -> dispatch(event) : () -> fireError(error);
                synchronized (outcome) {
                  if (!returned[0]) {
                    outcome[0] = later;
                    return;
                  }
                }
                client.serial().execute(later);
              })
          .start();
    } finally {
      synchronized (outcome) {
        returned[0] = true;
        then = outcome[0];
      }
    }
    if (then != null) {
      then.run();
    }
  }

  private void dispatch(ReceivedEvent event) {
    if (state.get() != CONNECTED) {
      return; // the reference ignores events received after disconnection
    }
    fireEvent(event);
  }

  @SuppressWarnings("unchecked")
  private void onAck(Packet packet) {
    PendingAck ack = acks.remove(packet.id());
    if (ack == null) {
      return; // unknown or late ack: ignored, as in the reference
    }
    ack.cancelTimer();
    ack.handler.onResponse((List<Object>) packet.data());
  }

  // ------------------------------------------------------------------ outgoing

  boolean emit(String event, Object[] args, Flags flags) {
    Emits.checkName(event);
    AckCallback callback = null;
    int count = args.length;
    if (count > 0 && args[count - 1] instanceof AckCallback cb) {
      callback = cb;
      count--;
    }
    List<Object> data = payloads().arguments(event, args, count);
    if (state.get() != CONNECTED) {
      if (callback != null) {
        AckCallback cb = callback;
        client.serial().execute(() -> cb.onAck(new SocketDisconnectedException(), emptyArgs()));
      }
      return false;
    }
    long ackId = callback != null ? nsp.nextAckId() : Packet.NO_ID;
    // encoded before anything is registered: data the encoder refuses (nested too deep, a cycle)
    // throws to the caller and leaves no pending acknowledgement behind
    Frames frames = Frames.encode(Packet.event(nsp.name(), data, ackId));
    if (callback != null) {
      AckCallback cb = callback;
      expectAck(
          ackId,
          flags.timeout(),
          new AckHandler() {
            @Override
            public void onResponse(List<Object> response) {
              cb.onAck(null, new ArgsView(response, payloads()));
            }

            @Override
            public void onFailure(RuntimeException error) {
              cb.onAck(error, emptyArgs());
            }
          });
    }
    notifyOutgoing(event, data);
    // a volatile packet the transport could not take at once is dropped, not a failure (the
    // reference returns true too)
    return client.write(frames, flags) || (flags.volatileFlag() && client.isOpen());
  }

  CompletableFuture<Args> emitWithAck(String event, Object[] args, Flags flags) {
    CompletableFuture<Args> future = new CompletableFuture<>();
    Object[] withCallback = Arrays.copyOf(args, args.length + 1);
    withCallback[args.length] =
        (AckCallback)
            (error, response) -> {
              if (error != null) {
                future.completeExceptionally(error);
              } else {
                future.complete(response);
              }
            };
    emit(event, withCallback, flags);
    return future;
  }

  private Args emptyArgs() {
    return new ArgsView(List.of(), payloads());
  }

  void sendAck(long ackId, Object[] args) {
    List<Object> data = payloads().arguments(null, args, args.length);
    client.write(Frames.encode(Packet.ack(nsp.name(), data, ackId)), Flags.DEFAULT);
  }

  /** What to do with a response or its absence. */
  interface AckHandler {
    void onResponse(List<Object> response);

    void onFailure(RuntimeException error);

    default void onDisconnect() {
      onFailure(new SocketDisconnectedException());
    }
  }

  private static final class PendingAck {
    final AckHandler handler;

    /** The broadcast this acknowledgement belongs to (its sink), or null for a direct emit. */
    final Object broadcast;

    volatile Cancellable timer = Cancellable.NONE;

    PendingAck(AckHandler handler, Object broadcast) {
      this.handler = handler;
      this.broadcast = broadcast;
    }

    void cancelTimer() {
      timer.cancel();
    }
  }

  private void expectAck(long ackId, Duration timeout, AckHandler handler) {
    PendingAck pending = new PendingAck(handler, null);
    register(ackId, pending);
    if (timeout != null) {
      pending.timer =
          nsp.server()
              .scheduler()
              .schedule(
                  timeout,
                  () -> {
                    if (acks.remove(ackId, pending)) {
                      client.serial().execute(() -> handler.onFailure(new AckTimeoutException()));
                    }
                  });
    }
  }

  /** Registers a pending ack; one registered while the socket closed is failed at once. */
  private void register(long ackId, PendingAck pending) {
    acks.put(ackId, pending);
    if (state.get() == CLOSED && acks.remove(ackId, pending)) {
      pending.cancelTimer();
      client.serial().execute(pending.handler::onDisconnect);
    }
  }

  // LocalSocket: deliveries from the adapter

  @Override
  public void deliver(PreEncodedPacket packet, BroadcastFlags flags) {
    if (state.get() != CONNECTED) {
      return;
    }
    Frames frames = (Frames) packet;
    if (hasOutgoingListeners() && frames.packet().data() instanceof List<?> l && !l.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object> data = (List<Object>) l;
      notifyOutgoing(String.valueOf(data.get(0)), data);
    }
    client.write(frames, new Flags(flags.volatileFlag(), flags.compress(), null));
  }

  @Override
  public void deliverWithAck(
      PreEncodedPacket packet, BroadcastFlags flags, Consumer<List<Object>> ack) {
    if (state.get() != CONNECTED) {
      return;
    }
    register(
        packet.packet().id(),
        new PendingAck(
            new AckHandler() {
              @Override
              public void onResponse(List<Object> response) {
                ack.accept(response);
              }

              @Override
              public void onFailure(RuntimeException error) {}

              @Override
              public void onDisconnect() {}
            },
            ack));
    deliver(packet, flags);
  }

  /**
   * The broadcast whose acknowledgements go to {@code sink} is over (timed out): its entry, if this
   * socket did not answer, is dropped rather than kept until the socket disconnects.
   */
  void forgetAcks(Object sink) {
    acks.values().removeIf(pending -> pending.broadcast == sink);
  }

  @Override
  public void join(Set<String> rooms) {
    if (state.get() == CLOSED) {
      return; // reference: join is a no-op once the socket is cleaned up
    }
    nsp.adapter().addAll(id, rooms);
    if (state.get() == CLOSED) {
      nsp.adapter().delAll(id); // raced with the disconnect cleanup
    }
  }

  @Override
  public void join(String... rooms) {
    join(new LinkedHashSet<>(Arrays.asList(rooms)));
  }

  @Override
  public void leave(String room) {
    nsp.adapter().del(id, room);
  }

  @Override
  public void leave(String... rooms) {
    for (String room : rooms) {
      leave(room);
    }
  }

  // ------------------------------------------------------------------ emitters and operators

  @Override
  public SocketEmitter timeout(Duration timeout) {
    return new SocketEmitterView(this, Flags.DEFAULT).timeout(timeout);
  }

  @Override
  public SocketEmitter compress(boolean compress) {
    return new SocketEmitterView(this, Flags.DEFAULT).compress(compress);
  }

  @Override
  public SocketEmitter asVolatile() {
    return new SocketEmitterView(this, Flags.DEFAULT).asVolatile();
  }

  @Override
  public boolean emit(String event, Object... args) {
    return emit(event, args, Flags.DEFAULT);
  }

  @Override
  public CompletableFuture<Args> emitWithAck(String event, Object... args) {
    return emitWithAck(event, args, Flags.DEFAULT);
  }

  @Override
  public boolean send(Object... args) {
    return emit("message", args, Flags.DEFAULT);
  }

  @Override
  public BroadcastOperator broadcast() {
    return nsp.operator().except(id);
  }

  @Override
  public BroadcastOperator to(String... rooms) {
    return broadcast().to(rooms);
  }

  @Override
  public BroadcastOperator in(String... rooms) {
    return to(rooms);
  }

  @Override
  public BroadcastOperator except(String... rooms) {
    return broadcast().except(rooms);
  }

  @Override
  public BroadcastOperator local() {
    return broadcast().local();
  }

  @Override
  public String toString() {
    return "Socket[" + id + " " + nsp.name() + "]";
  }
}
