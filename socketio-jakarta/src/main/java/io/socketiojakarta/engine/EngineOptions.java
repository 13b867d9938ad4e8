package io.socketiojakarta.engine;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Engine.IO server options, with the reference's names and defaults.
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.builder()
 *     .pingInterval(Duration.ofSeconds(10))
 *     .cors(CorsOptions.builder().origins(List.of("https://app.example.com")).build())
 *     .build();
 * }</pre>
 *
 * @param path the URL path under the web application, with leading and trailing slash
 * @param pingInterval time between server pings (25 s)
 * @param pingTimeout time the client has to answer a ping (20 s)
 * @param upgradeTimeout time an upgrade may take before it is cancelled (10 s)
 * @param maxHttpBufferSize largest POST body and WebSocket message in bytes (1e6), announced as
 *     {@code maxPayload}
 * @param transports the enabled transports, {@code polling} and/or {@code websocket}
 * @param allowUpgrades whether polling sessions may upgrade to WebSocket
 * @param allowRequest the handshake gate, if any
 * @param cookie the sticky-session cookie, if any (off by default)
 * @param cors CORS, if any (off by default: no CORS header at all)
 * @param httpCompressionThreshold polling answers at least this long are gzip- or
 *     deflate-compressed when the client accepts it (1024); empty disables compression
 * @param perMessageDeflate whether WebSocket permessage-deflate may be negotiated (off)
 * @param initialPacket a message sent right after the open packet, if any
 * @param idGenerator makes session ids
 */
public record EngineOptions(
    String path,
    Duration pingInterval,
    Duration pingTimeout,
    Duration upgradeTimeout,
    long maxHttpBufferSize,
    List<String> transports,
    boolean allowUpgrades,
    Optional<AllowRequest> allowRequest,
    Optional<CookieOptions> cookie,
    Optional<CorsOptions> cors,
    OptionalInt httpCompressionThreshold,
    boolean perMessageDeflate,
    Optional<String> initialPacket,
    SessionIdGenerator idGenerator) {

  /** Name of the long-polling transport. */
  public static final String POLLING = "polling";

  /** Name of the WebSocket transport. */
  public static final String WEBSOCKET = "websocket";

  /** Validates the components. */
  public EngineOptions {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with '/': " + path);
    }
    if (!path.endsWith("/")) {
      path = path + "/";
    }
    positive("pingInterval", pingInterval);
    positive("pingTimeout", pingTimeout);
    positive("upgradeTimeout", upgradeTimeout);
    if (maxHttpBufferSize <= 0 || maxHttpBufferSize > Integer.MAX_VALUE - 1024) {
      throw new IllegalArgumentException("maxHttpBufferSize out of range: " + maxHttpBufferSize);
    }
    transports = List.copyOf(transports);
    if (transports.isEmpty()) {
      throw new IllegalArgumentException("transports must not be empty");
    }
    for (String t : transports) {
      if (!POLLING.equals(t) && !WEBSOCKET.equals(t)) {
        throw new IllegalArgumentException("unknown transport: " + t);
      }
    }
    Objects.requireNonNull(allowRequest, "allowRequest");
    Objects.requireNonNull(cookie, "cookie");
    Objects.requireNonNull(cors, "cors");
    Objects.requireNonNull(httpCompressionThreshold, "httpCompressionThreshold");
    if (httpCompressionThreshold.isPresent() && httpCompressionThreshold.getAsInt() < 0) {
      throw new IllegalArgumentException("httpCompression threshold must not be negative");
    }
    Objects.requireNonNull(initialPacket, "initialPacket");
    Objects.requireNonNull(idGenerator, "idGenerator");
  }

  private static void positive(String name, Duration d) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.path = path;
    b.pingInterval = pingInterval;
    b.pingTimeout = pingTimeout;
    b.upgradeTimeout = upgradeTimeout;
    b.maxHttpBufferSize = maxHttpBufferSize;
    b.transports = transports;
    b.allowUpgrades = allowUpgrades;
    b.allowRequest = allowRequest;
    b.cookie = cookie;
    b.cors = cors;
    b.httpCompressionThreshold = httpCompressionThreshold;
    b.perMessageDeflate = perMessageDeflate;
    b.initialPacket = initialPacket;
    b.idGenerator = idGenerator;
    return b;
  }

  /** Whether a transport is enabled. */
  public boolean allows(String transport) {
    return transports.contains(transport);
  }

  /** Builds {@link EngineOptions}; every setter has the reference's default. Not thread-safe. */
  public static final class Builder {
    private String path = "/engine.io/";
    private Duration pingInterval = Duration.ofMillis(25_000);
    private Duration pingTimeout = Duration.ofMillis(20_000);
    private Duration upgradeTimeout = Duration.ofMillis(10_000);
    private long maxHttpBufferSize = 1_000_000;
    private List<String> transports = List.of(POLLING, WEBSOCKET);
    private boolean allowUpgrades = true;
    private Optional<AllowRequest> allowRequest = Optional.empty();
    private Optional<CookieOptions> cookie = Optional.empty();
    private Optional<CorsOptions> cors = Optional.empty();
    private OptionalInt httpCompressionThreshold = OptionalInt.of(1024);
    private boolean perMessageDeflate;
    private Optional<String> initialPacket = Optional.empty();
    private SessionIdGenerator idGenerator;

    private Builder() {}

    /** URL path under the web application (default {@code /engine.io/}). */
    public Builder path(String value) {
      this.path = value;
      return this;
    }

    /** Time between pings (default 25 s). */
    public Builder pingInterval(Duration value) {
      this.pingInterval = value;
      return this;
    }

    /** Time to answer a ping (default 20 s). */
    public Builder pingTimeout(Duration value) {
      this.pingTimeout = value;
      return this;
    }

    /** Time an upgrade may take (default 10 s). */
    public Builder upgradeTimeout(Duration value) {
      this.upgradeTimeout = value;
      return this;
    }

    /** Largest POST body or WebSocket message in bytes (default 1,000,000). */
    public Builder maxHttpBufferSize(long value) {
      this.maxHttpBufferSize = value;
      return this;
    }

    /** Enabled transports (default polling and websocket). */
    public Builder transports(List<String> value) {
      this.transports = value;
      return this;
    }

    /** Whether polling sessions may upgrade (default true). */
    public Builder allowUpgrades(boolean value) {
      this.allowUpgrades = value;
      return this;
    }

    /** Handshake gate (default none). */
    public Builder allowRequest(AllowRequest value) {
      this.allowRequest = Optional.of(value);
      return this;
    }

    /** Sticky-session cookie (default none). */
    public Builder cookie(CookieOptions value) {
      this.cookie = Optional.of(value);
      return this;
    }

    /** CORS (default none). */
    public Builder cors(CorsOptions value) {
      this.cors = Optional.of(value);
      return this;
    }

    /** Compress polling answers of at least this many bytes (default 1024). */
    public Builder httpCompression(int threshold) {
      this.httpCompressionThreshold = OptionalInt.of(threshold);
      return this;
    }

    /** Never compress polling answers. */
    public Builder noHttpCompression() {
      this.httpCompressionThreshold = OptionalInt.empty();
      return this;
    }

    /** Whether WebSocket permessage-deflate may be negotiated (default false). */
    public Builder perMessageDeflate(boolean value) {
      this.perMessageDeflate = value;
      return this;
    }

    /** A message sent right after the open packet (default none). */
    public Builder initialPacket(String value) {
      this.initialPacket = Optional.of(value);
      return this;
    }

    /** Session id generator (default 120 random bits, base64url). */
    public Builder idGenerator(SessionIdGenerator value) {
      this.idGenerator = value;
      return this;
    }

    /** The options. */
    public EngineOptions build() {
      return new EngineOptions(
          path,
          pingInterval,
          pingTimeout,
          upgradeTimeout,
          maxHttpBufferSize,
          transports,
          allowUpgrades,
          allowRequest,
          cookie,
          cors,
          httpCompressionThreshold,
          perMessageDeflate,
          initialPacket,
          idGenerator == null ? SessionIdGenerator.secureRandom() : idGenerator);
    }
  }
}
