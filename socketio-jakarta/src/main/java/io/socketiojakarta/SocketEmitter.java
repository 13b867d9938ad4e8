package io.socketiojakarta;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Emits to one socket with flags; immutable (every flag method returns a new emitter). */
public interface SocketEmitter {
  /** How long to wait for an acknowledgement. */
  SocketEmitter timeout(Duration timeout);

  /** Whether the packet may be compressed (default true). */
  SocketEmitter compress(boolean compress);

  /** The reference's {@code volatile} flag: dropped when the transport cannot take it at once. */
  SocketEmitter asVolatile();

  /**
   * Emits an event; when the last argument is an {@link AckCallback} the client is asked for an
   * acknowledgement. Returns false when the socket is disconnected (nothing sent).
   *
   * @throws IllegalArgumentException for a reserved event name
   */
  boolean emit(String event, Object... args);

  /**
   * Emits an event asking for an acknowledgement; completes with the client's arguments, or with
   * {@link AckTimeoutException} / {@link SocketDisconnectedException}.
   */
  CompletableFuture<Args> emitWithAck(String event, Object... args);

  /** Emits a {@code message} event. */
  boolean send(Object... args);
}
