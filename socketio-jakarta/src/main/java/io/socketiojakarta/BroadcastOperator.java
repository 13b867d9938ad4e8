package io.socketiojakarta;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Targets sockets of a namespace: all of them, those in some rooms ({@link #to}), minus those in
 * other rooms ({@link #except}). Operators are immutable: every method returns a new operator.
 * Obtained from {@link Server}, {@link Namespace} or {@link Socket} (a socket's operators exclude
 * the socket itself).
 *
 * <pre>{@code
 * io.to("room-1").except("muted").emit("news", article);
 * io.timeout(Duration.ofSeconds(2)).emitWithAck("poll").thenAccept(answers -> ...);
 * }</pre>
 */
public interface BroadcastOperator {
  /** Adds rooms to the targets (union). */
  BroadcastOperator to(String... rooms);

  /** Same as {@link #to}. */
  BroadcastOperator in(String... rooms);

  /** Excludes every socket in these rooms. */
  BroadcastOperator except(String... rooms);

  /** Whether the packets may be compressed (default true). */
  BroadcastOperator compress(boolean compress);

  /**
   * The reference's {@code volatile} flag ({@code volatile} is a Java keyword): the packet is
   * dropped for a client whose transport cannot take it at once.
   */
  BroadcastOperator asVolatile();

  /** Only sockets of this server node (matters with a cluster adapter). */
  BroadcastOperator local();

  /** How long a broadcast with acknowledgements waits for the clients. */
  BroadcastOperator timeout(Duration timeout);

  /**
   * Emits an event to the targets; the packet is encoded once. When the last argument is a {@link
   * BroadcastAckCallback}, every client is asked for an acknowledgement (requires {@link
   * #timeout}). Returns true.
   *
   * @throws IllegalArgumentException for a reserved event name ({@link
   *     DisconnectReason#RESERVED_EVENTS})
   */
  boolean emit(String event, Object... args);

  /**
   * Emits an event asking every target for an acknowledgement; completes with one response per
   * client, or with an {@link AckTimeoutException} when the {@link #timeout} expires first. The
   * future is completed on a handler thread.
   */
  CompletableFuture<List<Args>> emitWithAck(String event, Object... args);

  /** Emits a {@code message} event. */
  boolean send(Object... args);

  /** The targeted sockets (local ones are the {@link Socket} objects). */
  CompletableFuture<List<RemoteSocket>> fetchSockets();

  /** Makes the targeted sockets join rooms. */
  void socketsJoin(String... rooms);

  /** Makes the targeted sockets leave rooms. */
  void socketsLeave(String... rooms);

  /** Disconnects the targeted sockets; {@code close} also closes their connections. */
  void disconnectSockets(boolean close);

  /** The ids of the targeted sockets (deprecated in the reference; kept for parity). */
  CompletableFuture<Set<String>> allSockets();
}
