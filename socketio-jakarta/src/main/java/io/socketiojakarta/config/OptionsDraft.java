package io.socketiojakarta.config;

import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.engine.CookieOptions;
import io.socketiojakarta.engine.CorsOptions;
import io.socketiojakarta.engine.EngineOptions;
import java.util.List;
import java.util.Optional;

/**
 * The options being put together from the configuration parameters: the two builders (path {@code
 * /socket.io/} by default), the switch, the cookie (which {@code false} must be able to switch off
 * again) and the two CORS parameters that make one {@link CorsOptions}. Not thread-safe; lives on
 * the thread that starts the application.
 */
final class OptionsDraft {
  /** The default threshold of {@code httpCompression=true}: the engine's own default. */
  static final int DEFAULT_COMPRESSION_THRESHOLD =
      EngineOptions.builder().build().httpCompressionThreshold().orElse(1024);

  boolean enabled = true;
  final EngineOptions.Builder engine = EngineOptions.builder().path(SocketIoMount.DEFAULT_PATH);
  final ServerOptions.Builder server = ServerOptions.builder();
  private Optional<CookieOptions> cookie = Optional.empty();
  private List<String> corsOrigins;
  private boolean corsCredentials;

  /** The sticky-session cookie, or none. */
  void cookie(Optional<CookieOptions> value) {
    this.cookie = value;
  }

  /** {@code *} allows every origin; null leaves CORS off. */
  void corsOrigins(List<String> origins) {
    this.corsOrigins = origins;
  }

  void corsCredentials(boolean credentials) {
    this.corsCredentials = credentials;
  }

  /**
   * Sets the cookie and the CORS options (when {@code corsOrigins} was given) on the engine
   * builder.
   *
   * @throws IllegalArgumentException when credentials are asked for without origins, or with {@code
   *     *}
   */
  void finish() {
    cookie.ifPresent(engine::cookie);
    if (corsOrigins == null) {
      if (corsCredentials) {
        throw new IllegalArgumentException("needs socketio.corsOrigins");
      }
      return;
    }
    CorsOptions.Builder cors = CorsOptions.builder().credentials(corsCredentials);
    if (corsOrigins.equals(List.of("*"))) {
      cors.anyOrigin();
    } else if (corsOrigins.contains("*")) {
      throw new IllegalArgumentException("\"*\" cannot be combined with other origins");
    } else if (corsOrigins.isEmpty()) {
      throw new IllegalArgumentException("names no origin");
    } else {
      cors.origins(corsOrigins);
    }
    engine.cors(cors.build());
  }

  /** Builds both records, so that their own validation runs; throws as they do. */
  void check() {
    finish();
    engine.build();
    server.build();
  }
}
