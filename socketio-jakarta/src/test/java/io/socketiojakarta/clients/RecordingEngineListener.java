package io.socketiojakarta.clients;

import io.socketiojakarta.engine.EngineError;
import io.socketiojakarta.engine.EngineListener;
import io.socketiojakarta.engine.EngineRequest;
import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.engine.EngineSessionListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Server side of the Node client tests: echoes every message (text as text, binary as binary) and
 * records each session's messages, upgrade and close. A session whose handshake carries the query
 * parameter {@code scenario=serverClose} is closed by the server on its first message instead of
 * echoing it.
 */
final class RecordingEngineListener implements EngineListener {
  private final Map<String, Recorded> sessions = new ConcurrentHashMap<>();
  final List<EngineError> connectionErrors = new CopyOnWriteArrayList<>();

  /** What the server saw of one session. */
  static final class Recorded implements EngineSessionListener {
    final EngineSession session;
    final long connectedNanos = System.nanoTime();
    final List<String> texts = Collections.synchronizedList(new ArrayList<>());
    final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    final CountDownLatch upgraded = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    private final boolean closeOnFirstMessage;
    volatile String upgradedTo;
    volatile String closeReason;
    volatile long closedNanos;

    Recorded(EngineSession session) {
      this.session = session;
      this.closeOnFirstMessage =
          session.request().query("scenario").filter("serverClose"::equals).isPresent();
    }

    @Override
    public void onMessage(EngineSession s, String text) {
      texts.add(text);
      if (closeOnFirstMessage) {
        s.close();
      } else {
        s.send(text);
      }
    }

    @Override
    public void onBinary(EngineSession s, byte[] data) {
      binaries.add(data);
      if (closeOnFirstMessage) {
        s.close();
      } else {
        s.send(data);
      }
    }

    @Override
    public void onUpgrade(EngineSession s, String transport) {
      upgradedTo = transport;
      upgraded.countDown();
    }

    @Override
    public void onClose(EngineSession s, String reason, String description) {
      closedNanos = System.nanoTime();
      closeReason = reason;
      closed.countDown();
    }

    /** Waits for onClose; returns its reason, or fails after the timeout. */
    String awaitClose(Duration timeout) throws InterruptedException {
      if (!closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("session " + session.id() + " not closed within " + timeout);
      }
      return closeReason;
    }

    /** Milliseconds from the handshake to onClose. */
    long millisToClose() {
      return TimeUnit.NANOSECONDS.toMillis(closedNanos - connectedNanos);
    }

    List<String> textsCopy() {
      synchronized (texts) {
        return List.copyOf(texts);
      }
    }
  }

  @Override
  public void onConnection(EngineSession session) {
    Recorded r = new Recorded(session);
    sessions.put(session.id(), r);
    session.listener(r);
  }

  @Override
  public void onConnectionError(EngineRequest request, EngineError error, String message) {
    connectionErrors.add(error);
  }

  /** The session of that id; fails when the server never saw it. */
  Recorded session(String id) {
    Recorded r = sessions.get(id);
    if (r == null) {
      throw new AssertionError("the server has no session " + id + "; it has " + sessions.keySet());
    }
    return r;
  }
}
