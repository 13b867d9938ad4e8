package io.socketiojakarta.conformance;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A WebSocket client on {@link java.net.http.WebSocket} that queues every frame the server sends
 * (text or binary, with its arrival time) and records how the connection closed. Frames arriving
 * together are never lost: tests take them from the queue one by one. With {@code autoPong} every
 * ping {@code 2} is answered {@code 3} and not queued.
 */
public final class WsClient implements AutoCloseable {
  public static final Duration WAIT = Duration.ofSeconds(3);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A received frame: text, or binary bytes. */
  public record Frame(String text, byte[] binary, long at) {
    public boolean isBinary() {
      return binary != null;
    }

    @Override
    public String toString() {
      return isBinary() ? "binary " + HexFormat.of().formatHex(binary) : "text " + text;
    }
  }

  /** How the connection ended: the close code (1006 when it broke without a close frame). */
  public record Closed(int code, String reason, long at) {}

  /** The upgrade was refused with this HTTP status. */
  public static final class Refused extends Exception {
    public final int status;

    Refused(int status) {
      super("WebSocket upgrade refused with HTTP " + status);
      this.status = status;
    }
  }

  private final LinkedBlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final boolean autoPong;
  private WebSocket ws;
  private CompletableFuture<WebSocket> sending;

  private WsClient(boolean autoPong) {
    this.autoPong = autoPong;
  }

  /** Opens a connection; throws {@link Refused} when the server refuses the upgrade. */
  public static WsClient connect(URI uri) throws Exception {
    return connect(uri, false);
  }

  public static WsClient connect(URI uri, boolean autoPong) throws Exception {
    WsClient c = new WsClient(autoPong);
    try {
      c.ws =
          CLIENT
              .newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .buildAsync(uri, c.new Listener())
              .get(6, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        throw new Refused(h.getResponse().statusCode());
      }
      throw e;
    }
    c.sending = CompletableFuture.completedFuture(c.ws);
    return c;
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String t = text.toString();
        text.setLength(0);
        if (autoPong && t.equals("2")) {
          send("3");
        } else {
          frames.add(new Frame(t, null, Fixture.now()));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      binary.write(b, 0, b.length);
      if (last) {
        frames.add(new Frame(null, binary.toByteArray(), Fixture.now()));
        binary.reset();
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(new Closed(statusCode, reason, Fixture.now()));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(new Closed(1006, String.valueOf(error), Fixture.now()));
    }
  }

  /** Sends a text frame (sends are chained: one at a time, in order). */
  public synchronized void send(String text) {
    sending = sending.thenCompose(w -> w.sendText(text, true));
  }

  /** Sends a binary frame. */
  public synchronized void send(byte[] data) {
    sending = sending.thenCompose(w -> w.sendBinary(ByteBuffer.wrap(data), true));
  }

  /** Waits until every frame sent so far has been written. */
  public void flushSends() throws Exception {
    CompletableFuture<WebSocket> s;
    synchronized (this) {
      s = sending;
    }
    s.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The next frame, waiting up to {@link #WAIT}. */
  public Frame next() throws InterruptedException {
    return next(WAIT);
  }

  public Frame next(Duration timeout) throws InterruptedException {
    Frame f = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (f == null) {
      throw new AssertionError(
          "no frame within "
              + timeout.toMillis()
              + " ms"
              + (closed.isDone() ? " (connection closed: " + closed.join() + ")" : ""));
    }
    return f;
  }

  /** The next frame, which must be text. */
  public String nextText() throws InterruptedException {
    Frame f = next();
    if (f.isBinary()) {
      throw new AssertionError("expected a text frame, got " + f);
    }
    return f.text();
  }

  /** The next frame that is not a ping {@code 2} (skipped pings are answered {@code 3}). */
  public Frame nextNonPing() throws InterruptedException {
    while (true) {
      Frame f = next();
      if (!f.isBinary() && f.text().equals("2")) {
        send("3");
        continue;
      }
      return f;
    }
  }

  /** The next text frame that is not a ping. */
  public String nextMessage() throws InterruptedException {
    Frame f = nextNonPing();
    if (f.isBinary()) {
      throw new AssertionError("expected a text frame, got " + f);
    }
    return f.text();
  }

  /** The frames received and not yet taken. */
  public List<Frame> pending() {
    return new ArrayList<>(frames);
  }

  /** Waits for the server to end the connection. */
  public Closed awaitClose(Duration timeout) throws Exception {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the connection was not closed within "
              + timeout.toMillis()
              + " ms; frames: "
              + pending());
    }
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  /** Closes from the client side (close frame 1000), waiting briefly for the server's answer. */
  public void closeNormally() throws Exception {
    if (!closed.isDone() && !ws.isOutputClosed()) {
      synchronized (this) {
        sending =
            sending
                .handle((w, e) -> ws)
                .thenCompose(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, ""));
      }
    }
    try {
      closed.get(2, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      ws.abort();
    }
  }

  @Override
  public void close() {
    if (ws != null) {
      ws.abort();
    }
  }

  public static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
