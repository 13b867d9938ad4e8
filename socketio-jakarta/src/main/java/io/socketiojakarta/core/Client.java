package io.socketiojakarta.core;

import io.socketiojakarta.DisconnectReason;
import io.socketiojakarta.engine.CloseReason;
import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.engine.EngineSessionListener;
import io.socketiojakarta.engine.Scheduler.Cancellable;
import io.socketiojakarta.parser.MalformedPacketException;
import io.socketiojakarta.parser.Packet;
import io.socketiojakarta.parser.PacketDecoder;
import io.socketiojakarta.parser.PacketType;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Engine.IO session seen by Socket.IO: decodes its messages, multiplexes namespaces and runs
 * everything of this client (connects, middlewares, listeners, disconnects) in order on its {@link
 * SerialExecutor}. Decoding happens on the engine's delivering thread, which is never blocked.
 */
final class Client implements EngineSessionListener {
  private static final System.Logger LOG = System.getLogger(Client.class.getName());

  private final CoreServer server;
  private final EngineSession session;
  private final ConnectionView connection;
  private final PacketDecoder decoder;
  private final SerialExecutor serial;
  private final Map<String, CoreSocket> sockets = new ConcurrentHashMap<>();
  private final Set<String> connecting = ConcurrentHashMap.newKeySet();
  private volatile Cancellable connectTimer = Cancellable.NONE;

  /** Packets queued and not handled yet. */
  private final AtomicInteger pending = new AtomicInteger();

  /** Engine events come one at a time: only their thread reads and writes this. */
  private boolean overflowed;

  private volatile boolean closed;

  /** The session has reported its close (set at once, where {@code closed} waits its turn). */
  private volatile boolean ended;

  Client(CoreServer server, EngineSession session) {
    this.server = server;
    this.session = session;
    this.connection = new ConnectionView(session);
    this.decoder = new PacketDecoder(server.decoderLimits());
    this.serial = new SerialExecutor(server.executor());
  }

  /**
   * Arms {@code connectTimeout}: a connection with no joined namespace when it expires is closed,
   * also when a CONNECT is still in its middlewares (reference: {@code nsps.size === 0}).
   */
  void start() {
    connectTimer =
        server
            .scheduler()
            .schedule(
                server.options().connectTimeout(),
                () -> {
                  if (sockets.isEmpty() && !closed) {
                    LOG.log(Level.DEBUG, "no namespace joined in time, closing {0}", session.id());
                    session.close();
                  }
                });
    if (ended) {
      connectTimer.cancel(); // the connection closed meanwhile: onClose may have missed the timer
    }
  }

  SerialExecutor serial() {
    return serial;
  }

  ConnectionView connection() {
    return connection;
  }

  EngineSession session() {
    return session;
  }

  // ------------------------------------------------------------------ engine events

  @Override
  public void onMessage(EngineSession s, String text) {
    Optional<Packet> packet;
    try {
      packet = decoder.decode(text);
    } catch (MalformedPacketException e) {
      parseError(e);
      return;
    }
    packet.ifPresent(this::queue);
  }

  @Override
  public void onBinary(EngineSession s, byte[] data) {
    Optional<Packet> packet;
    try {
      packet = decoder.decode(data);
    } catch (MalformedPacketException e) {
      parseError(e);
      return;
    }
    packet.ifPresent(this::queue);
  }

  /**
   * Queues a packet for its turn on the sequence, within {@code maxPendingPackets}: a client that
   * sends faster than its listeners return is disconnected rather than buffered without limit.
   */
  private void queue(Packet packet) {
    if (pending.incrementAndGet() > server.options().maxPendingPackets()) {
      pending.decrementAndGet();
      if (!overflowed) {
        overflowed = true;
        LOG.log(Level.DEBUG, "closing {0}: too many packets waiting", session.id());
        session.close(CloseReason.TRANSPORT_ERROR, "too many packets waiting for the listeners");
      }
      return;
    }
    serial.execute(
        () -> {
          try {
            onDecoded(packet);
          } finally {
            pending.decrementAndGet();
          }
        });
  }

  private void parseError(MalformedPacketException e) {
    LOG.log(Level.DEBUG, "closing {0}: {1}", session.id(), e.getMessage());
    session.close(CloseReason.PARSE_ERROR, e.getMessage());
  }

  @Override
  public void onUpgrade(EngineSession s, String transport) {
    serial.execute(() -> connection.fireUpgrade(transport));
  }

  /**
   * The connection closed: the sockets close after the packets received before (queued on the
   * sequence), so that what a client sent just before leaving is still handled, as in the
   * reference.
   */
  @Override
  public void onClose(EngineSession s, String reason, String description) {
    ended = true;
    connectTimer.cancel();
    server.removeClient(this);
    serial.execute(
        () -> {
          closed = true;
          for (CoreSocket socket : List.copyOf(sockets.values())) {
            socket.close(reason, description, false);
          }
        });
  }

  // ------------------------------------------------------------------ packets, in order

  private void onDecoded(Packet packet) {
    if (closed) {
      return;
    }
    String name = packet.namespace();
    CoreSocket socket = sockets.get(name);
    if (socket == null && packet.type() == PacketType.CONNECT && !connecting.contains(name)) {
      connect(name, packet.data());
    } else if (socket != null
        && packet.type() != PacketType.CONNECT
        && packet.type() != PacketType.CONNECT_ERROR) {
      socket.onPacket(packet);
    } else {
      // reference: a packet for a namespace not joined, or a second CONNECT, ends the connection
      closeInvalid();
    }
  }

  void closeInvalid() {
    LOG.log(Level.DEBUG, "invalid packet state, closing {0}", session.id());
    session.close();
  }

  @SuppressWarnings("unchecked")
  private void connect(String name, Object auth) {
    Map<String, Object> authMap = auth instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    connecting.add(name);
    server
        .namespaceFor(name, authMap)
        .whenComplete(
            (nsp, error) ->
                serial.execute(
                    () -> {
                      if (error != null || nsp == null) {
                        connecting.remove(name);
                        Map<String, Object> body = new java.util.LinkedHashMap<>();
                        body.put("message", "Invalid namespace");
                        write(Frames.encode(Packet.connectError(name, body)), Flags.DEFAULT);
                        return;
                      }
                      nsp.add(this, authMap);
                    }));
  }

  /** The namespace refused or accepted; called on the sequence. */
  void connectDone(String name, CoreSocket socket) {
    connecting.remove(name);
    if (socket != null) {
      sockets.put(name, socket);
      connectTimer.cancel();
    }
  }

  void remove(CoreSocket socket) {
    sockets.remove(socket.nsp().name(), socket);
  }

  boolean isOpen() {
    return !closed && session.isOpen();
  }

  /**
   * {@code disconnect(true)}: every namespace gets a DISCONNECT, then the connection closes
   * gracefully (reference: {@code conn.close()}), so a polling client still receives the queued
   * DISCONNECT packets before the close packet.
   */
  void disconnectAll() {
    for (CoreSocket socket : List.copyOf(sockets.values())) {
      socket.close(DisconnectReason.SERVER_NAMESPACE_DISCONNECT, "", true);
    }
    session.close();
  }

  /**
   * Shutdown: sockets leave with "server shutting down", then the connection closes. No DISCONNECT
   * is sent (reference: {@code socket._onclose}): the client sees a lost connection and reconnects,
   * where "io server disconnect" would stop it. Completes once the disconnect listeners have run.
   */
  CompletableFuture<Void> shutdown() {
    for (CoreSocket socket : List.copyOf(sockets.values())) {
      socket.close(DisconnectReason.SERVER_SHUTTING_DOWN, "", false);
    }
    session.close(DisconnectReason.SERVER_SHUTTING_DOWN, "");
    // queued behind the sockets' disconnect listeners
    CompletableFuture<Void> done = new CompletableFuture<>();
    serial.execute(() -> done.complete(null));
    return done;
  }

  /** Queues a packet's messages on the engine session; volatile ones only if writable now. */
  boolean write(Frames frames, Flags flags) {
    var messages = frames.messages(flags.compress());
    return flags.volatileFlag() ? session.sendIfWritable(messages) : session.send(messages);
  }
}
