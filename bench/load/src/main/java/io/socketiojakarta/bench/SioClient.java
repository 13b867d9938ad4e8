package io.socketiojakarta.bench;

import java.util.concurrent.CompletableFuture;

/**
 * A Socket.IO v5 client over Engine.IO v4 WebSocket, written for load: no thread of its own, the
 * handshake goes straight to {@code transport=websocket}, pings {@code 2} are answered {@code 3},
 * and only the main namespace is used. Frames are handed to a {@link Handler} as strings. The
 * WebSocket itself is a {@link Link}: the JDK's ({@link JdkLinks}) or a plain NIO one ({@link
 * NioLinks}).
 */
final class SioClient {

  /** Receives the Socket.IO packets; called on the transport's thread, one frame at a time. */
  interface Handler {
    /** An EVENT packet {@code 42[...]}. */
    default void onEvent(SioClient client, String frame) {}

    /** An ACK packet {@code 43<id>[...]}. */
    default void onAck(SioClient client, long id, String frame) {}
  }

  /** One WebSocket connection: sends text frames (from any thread), closes at once. */
  interface Link {
    void sendText(String frame);

    void abort();
  }

  /** Opens WebSocket connections to {@code /socket.io/?EIO=4&transport=websocket}. */
  interface Connector {
    /** Opens a connection that hands its text frames and its end to {@code client}. */
    void open(SioClient client);
  }

  static final String PATH = "/socket.io/?EIO=4&transport=websocket";
  private static final Handler NONE = new Handler() {};

  private final CompletableFuture<SioClient> connected = new CompletableFuture<>();
  private volatile Handler handler;
  private volatile Link link;
  private long nextAckId;

  /** Free for the scenario: e.g. the send time of the one request in flight. */
  volatile long mark;

  private SioClient(Handler handler) {
    this.handler = handler == null ? NONE : handler;
  }

  /** Connects to the main namespace; completes when {@code 40{"sid":...}} arrives. */
  static CompletableFuture<SioClient> connect(Connector connector, Handler handler) {
    SioClient client = new SioClient(handler);
    connector.open(client);
    return client.connected;
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

  void send(String frame) {
    link.sendText(frame);
  }

  /** Closes the TCP connection at once. */
  void abort() {
    Link l = link;
    if (l != null) {
      l.abort();
    }
  }

  /** The WebSocket is open. */
  void opened(Link link) {
    this.link = link;
  }

  /** One complete text frame. */
  void text(String frame) {
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

  /** The connection ended (or never opened). */
  void closed(Throwable reason) {
    connected.completeExceptionally(reason);
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
}
