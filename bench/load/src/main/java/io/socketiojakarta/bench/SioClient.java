package io.socketiojakarta.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A Socket.IO v5 client over Engine.IO v4 WebSocket, written for load: no thread of its own (the
 * JDK WebSocket is asynchronous), the handshake goes straight to {@code transport=websocket}, pings
 * {@code 2} are answered {@code 3}, and only the main namespace is used. Frames are handed to a
 * {@link Handler} as strings; sends are queued so that at most one is outstanding, as the JDK
 * WebSocket requires.
 */
final class SioClient implements WebSocket.Listener {

  /** Receives the Socket.IO packets; called on the HTTP client's executor, one frame at a time. */
  interface Handler {
    /** An EVENT packet {@code 42[...]}. */
    default void onEvent(SioClient client, String frame) {}

    /** An ACK packet {@code 43<id>[...]}. */
    default void onAck(SioClient client, long id, String frame) {}
  }

  private static final Handler NONE = new Handler() {};

  private final CompletableFuture<SioClient> connected = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private final ArrayDeque<String> outbox = new ArrayDeque<>();
  private volatile Handler handler;
  private volatile WebSocket ws;
  private boolean sending;
  private long nextAckId;

  /** Free for the scenario: e.g. the send time of the one request in flight. */
  volatile long mark;

  private SioClient(Handler handler) {
    this.handler = handler;
  }

  /**
   * Opens {@code <base>/socket.io/?EIO=4&transport=websocket} and connects to the main namespace;
   * the future completes when {@code 40{"sid":...}} arrives.
   */
  static CompletableFuture<SioClient> connect(HttpClient http, URI base, Handler handler) {
    SioClient client = new SioClient(handler == null ? NONE : handler);
    URI uri =
        URI.create(
            base.toString().replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
    http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(30))
        .buildAsync(uri, client)
        .whenComplete(
            (ws, error) -> {
              if (error != null) {
                client.connected.completeExceptionally(error);
              }
            });
    return client.connected;
  }

  void handler(Handler handler) {
    this.handler = handler;
  }

  /** Sends {@code 42<id>["event",...]} with a fresh ack id, returned. */
  long emitWithAck(String eventAndArgsJson) {
    long id;
    synchronized (this) {
      id = nextAckId++;
    }
    send("42" + id + eventAndArgsJson);
    return id;
  }

  /** Sends {@code 42["event",...]}. */
  void emit(String eventAndArgsJson) {
    send("42" + eventAndArgsJson);
  }

  /** Queues a text frame; at most one send is outstanding. */
  void send(String frame) {
    synchronized (this) {
      if (sending) {
        outbox.add(frame);
        return;
      }
      sending = true;
    }
    write(frame);
  }

  private void write(String frame) {
    ws.sendText(frame, true).whenComplete((w, e) -> sent());
  }

  private void sent() {
    String next;
    synchronized (this) {
      next = outbox.poll();
      if (next == null) {
        sending = false;
        return;
      }
    }
    write(next);
  }

  /** Closes the TCP connection at once. */
  void abort() {
    WebSocket w = ws;
    if (w != null) {
      w.abort();
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    this.ws = webSocket;
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (!last) {
      partial.append(data);
    } else {
      String frame;
      if (partial.length() == 0) {
        frame = data.toString();
      } else {
        frame = partial.append(data).toString();
        partial.setLength(0);
      }
      packet(frame);
    }
    webSocket.request(1);
    return null;
  }

  private void packet(String frame) {
    if (frame.isEmpty()) {
      return;
    }
    switch (frame.charAt(0)) {
      case '0' -> send("40"); // Engine.IO open: connect to the main namespace
      case '2' -> send("3"); // ping -> pong
      case '4' -> message(frame);
      default -> {}
    }
  }

  private void message(String frame) {
    if (frame.length() < 2) {
      return;
    }
    switch (frame.charAt(1)) {
      case '0' -> connected.complete(this);
      case '2' -> handler.onEvent(this, frame);
      case '3' -> {
        long id = 0;
        int i = 2;
        while (i < frame.length() && Character.isDigit(frame.charAt(i))) {
          id = id * 10 + (frame.charAt(i++) - '0');
        }
        handler.onAck(this, id, frame);
      }
      case '4' -> connected.completeExceptionally(new IllegalStateException("refused: " + frame));
      default -> {}
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    connected.completeExceptionally(new IllegalStateException("closed " + statusCode));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    connected.completeExceptionally(error);
  }
}
