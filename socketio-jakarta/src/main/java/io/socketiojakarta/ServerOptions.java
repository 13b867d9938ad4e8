package io.socketiojakarta;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Socket.IO options (the Engine.IO ones — path, timers, CORS... — are set on the engine options).
 *
 * @param connectTimeout how long a connection may stay without any namespace (reference: 45 s)
 * @param cleanupEmptyChildNamespaces whether a dynamic child namespace is removed with its last
 *     socket
 * @param maxAttachments most binary attachments in one packet (reference: 10)
 * @param maxJsonDepth deepest JSON nesting accepted from a client
 * @param maxNumberLength longest JSON number literal accepted from a client
 * @param maxPendingPackets most packets received from one connection and not handled yet (its
 *     listeners run one at a time: a client sending faster than they return would otherwise queue
 *     without limit); one more closes the connection with "transport error", the packets already
 *     received are still handled. Each packet is at most the engine's {@code maxHttpBufferSize}.
 *     The reference has no such queue (a Node listener that blocks stops the whole server).
 * @param serveClient whether the client bundles are served at {@code <path>socket.io.js} etc.
 * @param handlerExecutor where listeners run (those of one client still one at a time, in order);
 *     by default the server's own pool of daemon threads, a few workers that grow in number while
 *     all of them are blocked, so that a listener may block. {@code Runnable::run} runs listeners
 *     in place, on the container thread that read the packet (or the timer thread, for an
 *     acknowledgement timeout), as Node does: faster, for listeners that never block
 */
public record ServerOptions(
    Duration connectTimeout,
    boolean cleanupEmptyChildNamespaces,
    int maxAttachments,
    int maxJsonDepth,
    int maxNumberLength,
    int maxPendingPackets,
    boolean serveClient,
    Optional<Executor> handlerExecutor) {
  /** The default of {@link #maxPendingPackets()}. */
  public static final int DEFAULT_MAX_PENDING_PACKETS = 1000;

  /** Validates. */
  public ServerOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(handlerExecutor, "handlerExecutor");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
    if (maxAttachments < 0 || maxJsonDepth < 1 || maxNumberLength < 1 || maxPendingPackets < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /**
   * Options with the default {@link #maxPendingPackets()} (the constructor before that option).
   *
   * @param connectTimeout see {@link #connectTimeout()}
   * @param cleanupEmptyChildNamespaces see {@link #cleanupEmptyChildNamespaces()}
   * @param maxAttachments see {@link #maxAttachments()}
   * @param maxJsonDepth see {@link #maxJsonDepth()}
   * @param maxNumberLength see {@link #maxNumberLength()}
   * @param serveClient see {@link #serveClient()}
   * @param handlerExecutor see {@link #handlerExecutor()}
   */
  public ServerOptions(
      Duration connectTimeout,
      boolean cleanupEmptyChildNamespaces,
      int maxAttachments,
      int maxJsonDepth,
      int maxNumberLength,
      boolean serveClient,
      Optional<Executor> handlerExecutor) {
    this(
        connectTimeout,
        cleanupEmptyChildNamespaces,
        maxAttachments,
        maxJsonDepth,
        maxNumberLength,
        DEFAULT_MAX_PENDING_PACKETS,
        serveClient,
        handlerExecutor);
  }

  /** The reference's defaults. */
  public static ServerOptions defaults() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.connectTimeout = connectTimeout;
    b.cleanupEmptyChildNamespaces = cleanupEmptyChildNamespaces;
    b.maxAttachments = maxAttachments;
    b.maxJsonDepth = maxJsonDepth;
    b.maxNumberLength = maxNumberLength;
    b.maxPendingPackets = maxPendingPackets;
    b.serveClient = serveClient;
    b.handlerExecutor = handlerExecutor.orElse(null);
    return b;
  }

  /** Builds {@link ServerOptions}. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofSeconds(45);
    private boolean cleanupEmptyChildNamespaces;
    private int maxAttachments = 10;
    private int maxJsonDepth = 64;
    private int maxNumberLength = 64;
    private int maxPendingPackets = DEFAULT_MAX_PENDING_PACKETS;
    private boolean serveClient = true;
    private Executor handlerExecutor;

    private Builder() {}

    /** See {@link ServerOptions#connectTimeout()}. */
    public Builder connectTimeout(Duration value) {
      connectTimeout = value;
      return this;
    }

    /** See {@link ServerOptions#cleanupEmptyChildNamespaces()}. */
    public Builder cleanupEmptyChildNamespaces(boolean value) {
      cleanupEmptyChildNamespaces = value;
      return this;
    }

    /** See {@link ServerOptions#maxAttachments()}. */
    public Builder maxAttachments(int value) {
      maxAttachments = value;
      return this;
    }

    /** See {@link ServerOptions#maxJsonDepth()}. */
    public Builder maxJsonDepth(int value) {
      maxJsonDepth = value;
      return this;
    }

    /** See {@link ServerOptions#maxNumberLength()}. */
    public Builder maxNumberLength(int value) {
      maxNumberLength = value;
      return this;
    }

    /** See {@link ServerOptions#maxPendingPackets()}. */
    public Builder maxPendingPackets(int value) {
      maxPendingPackets = value;
      return this;
    }

    /** See {@link ServerOptions#serveClient()}. */
    public Builder serveClient(boolean value) {
      serveClient = value;
      return this;
    }

    /** See {@link ServerOptions#handlerExecutor()}. */
    public Builder handlerExecutor(Executor value) {
      handlerExecutor = Objects.requireNonNull(value);
      return this;
    }

    /** The options. */
    public ServerOptions build() {
      return new ServerOptions(
          connectTimeout,
          cleanupEmptyChildNamespaces,
          maxAttachments,
          maxJsonDepth,
          maxNumberLength,
          maxPendingPackets,
          serveClient,
          Optional.ofNullable(handlerExecutor));
    }
  }
}
