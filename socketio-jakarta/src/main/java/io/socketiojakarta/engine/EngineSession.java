package io.socketiojakarta.engine;

import io.socketiojakarta.engine.Scheduler.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Engine.IO session: its transport, outbound queue, heartbeat and upgrade.
 *
 * <p>Thread safety: every method may be called from any thread. A lock guards state transitions and
 * the queue only; transport I/O and listener calls happen after it is released. The transport is
 * the single writer: a new batch is taken only when the previous one was written.
 *
 * <p>Size: every transition of the session (transport switch, queue, polling requests, close) is
 * made here under the one lock, so that the lock discipline reads in one file; the roles that need
 * no transition of their own live apart: heartbeat timers in {@link Heartbeat}, the upgrade probe
 * in {@link UpgradeProbe}, listener delivery in {@link SessionEvents}, each transport's own state
 * in {@link PollingTransport} and {@link WebSocketTransport}.
 */
public final class EngineSession {
  private static final System.Logger LOG = System.getLogger(EngineSession.class.getName());

  /**
   * How long a polling GET pending during the probe is held before it gets a noop (the reference
   * checks every 100 ms).
   */
  static final Duration PROBE_NOOP_DELAY = Duration.ofMillis(100);

  /** How long a closed polling session waits for a GET to deliver its close packet. */
  static final Duration CLOSE_GRACE = Duration.ofSeconds(30);

  /** Life cycle. */
  enum State {
    OPEN,
    /** Closed, but a polling GET may still collect the last packets. */
    CLOSING,
    CLOSED
  }

  private final Engine engine;
  private final String id;
  private final EngineRequest request;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile EngineSessionListener listener = new EngineSessionListener() {};

  // guarded by lock
  private State state = State.OPEN;
  private Transport transport;
  private UpgradeProbe probe;
  private boolean upgraded;
  private final SessionEvents events = new SessionEvents(lock);
  private final ArrayList<EnginePacket> queue = new ArrayList<>();
  private final Heartbeat heartbeat;
  private Cancellable closeTimer = Cancellable.NONE;

  EngineSession(Engine engine, String id, EngineRequest request) {
    this.engine = engine;
    this.id = id;
    this.request = request;
    this.heartbeat =
        new Heartbeat(engine.scheduler(), engine.options(), this::ping, this::pingTimeout);
  }

  /** The session id (the {@code sid} of the open packet). */
  public String id() {
    return id;
  }

  /** The handshake request. */
  public EngineRequest request() {
    return request;
  }

  /** The protocol revision: always 4. */
  public int protocol() {
    return 4;
  }

  /** The name of the current transport, {@code polling} or {@code websocket}. */
  public String transportName() {
    lock.lock();
    try {
      return transport.name();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the session moved from polling to WebSocket. */
  public boolean upgraded() {
    lock.lock();
    try {
      return upgraded;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the session is open (not closing or closed). */
  public boolean isOpen() {
    lock.lock();
    try {
      return state == State.OPEN;
    } finally {
      lock.unlock();
    }
  }

  /** Sets the listener of this session's events. */
  public void listener(EngineSessionListener value) {
    this.listener = Objects.requireNonNull(value);
  }

  /** Queues a text message. Returns false when the session is no longer open. */
  public boolean send(String text) {
    return send(List.of(EnginePacket.message(text)));
  }

  /** Queues a binary message; the array must not change afterwards. */
  public boolean send(byte[] data) {
    return send(List.of(EnginePacket.message(data)));
  }

  /**
   * Queues packets, in order and without any other packet between them, and flushes. Returns false
   * when the session is no longer open (nothing is queued).
   */
  public boolean send(List<EnginePacket> packets) {
    lock.lock();
    try {
      if (state != State.OPEN) {
        return false;
      }
      queue.addAll(packets);
    } finally {
      lock.unlock();
    }
    flush();
    return true;
  }

  /**
   * Queues packets only if the transport can write them at once (the reference's volatile
   * messages); returns whether they were queued.
   */
  public boolean sendIfWritable(List<EnginePacket> packets) {
    lock.lock();
    try {
      if (state != State.OPEN || !transport.writable() || probed()) {
        return false;
      }
      queue.addAll(packets);
    } finally {
      lock.unlock();
    }
    flush();
    return true;
  }

  /** Closes the session from the server side ("forced close"); queued packets are still sent. */
  public void close() {
    close(CloseReason.FORCED_CLOSE, "server closed the session", false);
  }

  /**
   * Closes the session from the server side with a given reason (e.g. {@link
   * CloseReason#PARSE_ERROR} when a layer above could not decode a message). Queued packets are
   * sent only for {@link CloseReason#FORCED_CLOSE} (same as {@link #close()}); any other reason
   * discards them, as the reference does on errors.
   */
  public void close(String reason, String description) {
    close(reason, description, false);
  }

  // ---------------------------------------------------------------- opening

  /** Installs the first transport and queues the open packet. Called once by the engine. */
  void open(Transport first, String openJson) {
    lock.lock();
    try {
      transport = first;
      queue.add(EnginePacket.of(EnginePacketType.OPEN, openJson));
      engine.options().initialPacket().ifPresent(p -> queue.add(EnginePacket.message(p)));
      heartbeat.schedulePing();
    } finally {
      lock.unlock();
    }
  }

  /** Drops a session that lost the race for its id before it was published. */
  void discard() {
    lock.lock();
    try {
      heartbeat.stop();
      state = State.CLOSED;
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------- flushing

  /** Writes the queue if the transport's write slot is free. */
  void flush() {
    Runnable io;
    lock.lock();
    try {
      if (state == State.CLOSED || queue.isEmpty() || !transport.writable()) {
        return;
      }
      if (probed() && transport instanceof PollingTransport) {
        return; // packets wait for the WebSocket
      }
      List<EnginePacket> batch = List.copyOf(queue);
      queue.clear();
      io = transport.take(batch);
    } finally {
      lock.unlock();
    }
    io.run();
  }

  /**
   * A WebSocket batch was written: returns the next batch for that transport (its write slot kept),
   * or null once the slot is free; closes the channel of a transport that was closing.
   */
  List<EnginePacket> nextBatch(WebSocketTransport t) {
    List<EnginePacket> next;
    boolean closeChannel;
    lock.lock();
    try {
      List<EnginePacket> queued = null;
      if (t == transport && state == State.OPEN && !queue.isEmpty()) {
        queued = List.copyOf(queue);
        queue.clear();
      }
      next = t.nextBatch(queued);
      closeChannel = next == null && t.closeNow();
    } finally {
      lock.unlock();
    }
    if (closeChannel) {
      t.closeChannel();
    }
    return next;
  }

  /** A WebSocket send failed: the connection is closed, the session ends ("transport error"). */
  void sendFailed(WebSocketTransport t, Throwable error) {
    Runnable closeChannel;
    lock.lock();
    try {
      closeChannel = t.failed();
    } finally {
      lock.unlock();
    }
    closeChannel.run();
    onTransportClosed(t, CloseReason.TRANSPORT_ERROR, String.valueOf(error));
  }

  // ---------------------------------------------------------------- polling

  /** Puts back packets a vanished GET could not carry, ahead of what was queued since. */
  void requeue(List<EnginePacket> packets) {
    lock.lock();
    try {
      if (state == State.OPEN) {
        queue.addAll(0, packets);
      }
    } finally {
      lock.unlock();
    }
  }

  /** A polling GET arrived for this session. */
  public void poll(PollResponder responder) {
    Runnable io = null;
    boolean overlap = false;
    lock.lock();
    try {
      if (state == State.CLOSED) {
        io = () -> responder.fail(EngineError.UNKNOWN_SID);
      } else if (!(transport instanceof PollingTransport polling)) {
        io = () -> responder.fail(EngineError.BAD_REQUEST);
      } else if (state == State.CLOSING) {
        // what a server-side close could not deliver without a GET: the packets queued before
        // the close, then (with a later GET, as the reference) the close packet, which ends the
        // queue. Sent together, a socket.io-client would handle the close before those packets.
        List<EnginePacket> last;
        if (queue.size() > 1) {
          last = List.copyOf(queue.subList(0, queue.size() - 1));
          queue.subList(0, queue.size() - 1).clear();
        } else {
          last = List.copyOf(queue);
          queue.clear();
          closeTimer.cancel();
          state = State.CLOSED;
          engine.remove(this);
        }
        io = () -> responder.respond(last);
      } else if (polling.pending != null) {
        overlap = true; // the first GET gets the close packet, this one 400
        io = () -> responder.fail(400);
      } else {
        polling.pending = responder;
        if (probed()) {
          engine.scheduler().schedule(PROBE_NOOP_DELAY, () -> noopIfPending(polling, responder));
        }
      }
    } finally {
      lock.unlock();
    }
    if (overlap) {
      close(CloseReason.TRANSPORT_ERROR, "overlap from client", false);
    }
    if (io != null) {
      io.run();
    } else {
      flush();
    }
  }

  private void noopIfPending(PollingTransport polling, PollResponder responder) {
    Runnable io = null;
    lock.lock();
    try {
      if (polling.pending == responder && probed()) {
        io = polling.answerPending(EnginePacket.NOOP);
      }
    } finally {
      lock.unlock();
    }
    if (io != null) {
      io.run();
    }
  }

  /** The container gave up on a pending GET (timeout or broken connection). */
  public void pollAbandoned(PollResponder responder) {
    lock.lock();
    try {
      if (transport instanceof PollingTransport polling && polling.pending == responder) {
        polling.pending = null;
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * A polling POST starts. Returns false when another POST is in progress: the session is then
   * closed ("transport error") and the caller answers 400.
   */
  public boolean beginPost() {
    lock.lock();
    try {
      if (!(transport instanceof PollingTransport polling) || state != State.OPEN) {
        return true; // the body is read and ignored below
      }
      if (!polling.posting) {
        polling.posting = true;
        return true;
      }
    } finally {
      lock.unlock();
    }
    close(CloseReason.TRANSPORT_ERROR, "data request overlap from client", false);
    return false;
  }

  /** A POST ended without a body to deliver (refused, aborted, too large). */
  public void endPost() {
    lock.lock();
    try {
      endPostLocked();
    } finally {
      lock.unlock();
    }
  }

  private void endPostLocked() {
    if (transport instanceof PollingTransport polling) {
      polling.posting = false;
    }
  }

  /**
   * The body of a polling POST. Returns null when it was accepted (answer {@code ok}), or the error
   * to answer when it did not decode (the session is then closed with "parse error").
   */
  public EngineError onPost(String payload) {
    Transport current;
    lock.lock();
    try {
      current = transport;
      if (state != State.OPEN) {
        endPostLocked();
        return EngineError.UNKNOWN_SID; // e.g. the first of two overlapping POSTs: not accepted
      }
    } finally {
      lock.unlock();
    }
    List<EnginePacket> packets;
    try {
      packets = EngineCodec.decodePayload(payload);
    } catch (EngineParseException e) {
      endPost();
      close(CloseReason.PARSE_ERROR, e.getMessage(), false);
      return EngineError.BAD_REQUEST;
    }
    try {
      // a session upgraded while this body was read still gets its packets: they were accepted
      for (EnginePacket p : packets) {
        if (!onPacket(current, p)) {
          break;
        }
      }
    } finally {
      endPost(); // only now may the next POST deliver: packets never overtake each other
    }
    return null;
  }

  /** A POST whose content type the v4 protocol refuses (application/octet-stream). */
  public void onInvalidPostContent() {
    endPost();
    close(CloseReason.TRANSPORT_ERROR, "invalid content", false);
  }

  // ---------------------------------------------------------------- incoming packets

  /**
   * Dispatches one packet received on transport {@code t}; returns false once the session ended.
   */
  boolean onPacket(Transport t, EnginePacket p) {
    List<Runnable> after = new ArrayList<>(3);
    lock.lock();
    try {
      if (t != transport) {
        if (isProbe(t)) {
          onProbePacket(p, after);
        }
        return false;
      }
      if (state != State.OPEN) {
        return false;
      }
      switch (p.type()) {
        case PONG -> {
          heartbeat.pongReceived();
          return true;
        }
        case MESSAGE -> {
          heartbeat.packetReceived();
          events.add(
              p.isBinary()
                  ? () -> listener.onBinary(this, p.binary())
                  : () -> listener.onMessage(this, p.text()));
          after.add(events::deliver);
          return true;
        }
        case OPEN, UPGRADE, NOOP -> {
          // the reference ignores these from the client on an established session
          heartbeat.packetReceived();
          return true;
        }
        case CLOSE, PING -> {
          // handled below, unlocked
        }
      }
    } finally {
      lock.unlock();
      runAll(after);
    }
    if (p.type() == EnginePacketType.CLOSE) {
      close(CloseReason.TRANSPORT_CLOSE, "client sent a close packet", true);
    } else {
      close(CloseReason.TRANSPORT_ERROR, "invalid heartbeat direction", false);
    }
    return false;
  }

  /** A frame that did not decode. */
  void onParseError(Transport t, String why) {
    onTransportClosed(t, CloseReason.PARSE_ERROR, why);
  }

  /**
   * A transport's connection ended or failed: a probe only aborts its upgrade, the current
   * transport closes the session, a transport already replaced is ignored.
   */
  void onTransportClosed(Transport t, String reason, String description) {
    List<Runnable> after = new ArrayList<>(2);
    lock.lock();
    try {
      if (isProbe(t)) {
        abortUpgradeLocked(after);
        return;
      }
      if (t != transport) {
        return;
      }
    } finally {
      lock.unlock();
      runAll(after);
    }
    close(reason, description, false);
  }

  // ---------------------------------------------------------------- heartbeat

  private void ping() {
    lock.lock();
    try {
      if (state != State.OPEN) {
        return;
      }
      queue.add(EnginePacket.PING);
      heartbeat.pingSent();
    } finally {
      lock.unlock();
    }
    flush();
  }

  private void pingTimeout(int generation) {
    lock.lock();
    try {
      if (!heartbeat.expired(generation)) {
        return; // a pong or a postponing packet came while this timer fired
      }
    } finally {
      lock.unlock();
    }
    close(CloseReason.PING_TIMEOUT, "no pong within pingTimeout", false);
  }

  // ---------------------------------------------------------------- upgrade

  /**
   * A WebSocket with this session's id was opened. Returns its transport, or null when no upgrade
   * is possible now (the caller closes the connection; the session is not affected).
   */
  WebSocketTransport attachProbe(FrameChannel channel) {
    lock.lock();
    try {
      if (state != State.OPEN || !(transport instanceof PollingTransport) || probe != null) {
        return null;
      }
      WebSocketTransport t = new WebSocketTransport(this, channel);
      probe =
          new UpgradeProbe(
              t,
              engine
                  .scheduler()
                  .schedule(engine.options().upgradeTimeout(), () -> abortUpgrade(t)));
      return t;
    } finally {
      lock.unlock();
    }
  }

  private boolean isProbe(Transport t) {
    return probe != null && t == probe.transport;
  }

  private boolean probed() {
    return probe != null && probe.probed();
  }

  /** A packet on the probing WebSocket. Under the lock. */
  private void onProbePacket(EnginePacket p, List<Runnable> after) {
    Runnable answer = probe.answer(p);
    if (answer != null) {
      after.add(answer);
      if (transport instanceof PollingTransport polling && polling.pending != null) {
        // the client may pause polling; like the reference, the noop comes PROBE_NOOP_DELAY after
        // the probe, so that a GET which overtook the probe still meets the "5" following it
        PollResponder pending = polling.pending;
        engine.scheduler().schedule(PROBE_NOOP_DELAY, () -> noopIfPending(polling, pending));
      }
    } else if (probe.completes(p)) {
      probe.finish();
      PollingTransport polling = (PollingTransport) transport;
      if (polling.pending != null) {
        PollResponder r = polling.pending;
        polling.pending = null;
        after.add(() -> r.fail(EngineError.BAD_REQUEST)); // polling is over for this session
      }
      transport = probe.transport;
      probe = null;
      upgraded = true;
      events.add(() -> listener.onUpgrade(this, EngineOptions.WEBSOCKET));
      after.add(this::flush);
      after.add(events::deliver);
    } else {
      abortUpgradeLocked(after);
    }
  }

  private void abortUpgrade(WebSocketTransport t) {
    List<Runnable> after = new ArrayList<>(2);
    lock.lock();
    try {
      if (isProbe(t)) {
        abortUpgradeLocked(after);
      }
    } finally {
      lock.unlock();
      runAll(after);
    }
  }

  /**
   * Cancels the upgrade in progress: the probe WebSocket closes, polling goes on. Under the lock.
   */
  private void abortUpgradeLocked(List<Runnable> after) {
    if (probe != null) {
      after.add(probe.abort());
      after.add(this::flush);
      probe = null;
    }
  }

  // ---------------------------------------------------------------- closing

  /**
   * Ends the session: the listener's onClose runs once, the transport is closed (a polling
   * session's pending GET gets the close packet, or a noop when the client closed).
   */
  void close(String reason, String description, boolean clientClosed) {
    List<Runnable> io = new ArrayList<>(2);
    lock.lock();
    try {
      if (state != State.OPEN) {
        return;
      }
      heartbeat.stop();
      if (probe != null) {
        io.add(probe.abort());
        probe = null;
      }
      boolean graceful = CloseReason.FORCED_CLOSE.equals(reason);
      List<EnginePacket> last = new ArrayList<>();
      if (graceful) {
        last.addAll(queue);
      }
      queue.clear();
      if (transport instanceof PollingTransport polling) {
        if (graceful && (polling.pending == null || !last.isEmpty())) {
          // the queued packets go first (with the pending GET, if any), the close packet with
          // the next GET (reference: the close waits for the drain; 30 s at most)
          state = State.CLOSING;
          engine.retire(this);
          if (polling.pending != null) {
            io.add(transport.close(last, clientClosed));
          } else {
            queue.addAll(last);
          }
          queue.add(EnginePacket.CLOSE);
          closeTimer = engine.scheduler().schedule(CLOSE_GRACE, this::finishClosing);
        } else {
          last.add(EnginePacket.CLOSE);
        }
      }
      if (state == State.OPEN) {
        state = State.CLOSED;
        engine.remove(this);
        io.add(transport.close(last, clientClosed));
      }
      events.add(
          () -> listener.onClose(this, reason, description)); // the last event: state changed
    } finally {
      lock.unlock();
    }
    runAll(io);
    events.deliver();
  }

  private void finishClosing() {
    lock.lock();
    try {
      if (state != State.CLOSING) {
        return;
      }
      state = State.CLOSED;
      queue.clear();
      engine.remove(this);
    } finally {
      lock.unlock();
    }
  }

  private static void runAll(List<Runnable> actions) {
    for (Runnable a : actions) {
      if (a != null) {
        a.run();
      }
    }
  }

  @Override
  public String toString() {
    return "EngineSession[" + id + "]";
  }
}
