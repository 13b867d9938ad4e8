package io.socketiojakarta.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Cross-origin resource sharing for the engine's HTTP answers (the reference's {@code cors} option,
 * which hands its settings to the {@code cors} middleware). Without it no CORS header is ever sent.
 * With it, every answer carries the allow-origin headers and a preflight {@code OPTIONS} is
 * answered 204 by the engine itself.
 *
 * <pre>{@code
 * CorsOptions cors = CorsOptions.builder()
 *     .origins(List.of("https://app.example.com"))
 *     .credentials(true)
 *     .build();
 * }</pre>
 *
 * @param anyOrigin answer {@code Access-Control-Allow-Origin: *} to everyone
 * @param origin which request origins are allowed (reflected back with {@code Vary: Origin})
 * @param methods methods announced to a preflight
 * @param allowedHeaders headers announced to a preflight; empty reflects the requested ones
 * @param exposedHeaders headers the browser may expose to the page
 * @param credentials whether to send {@code Access-Control-Allow-Credentials: true}
 * @param maxAge how long a preflight may be cached, if set
 */
public record CorsOptions(
    boolean anyOrigin,
    Predicate<String> origin,
    List<String> methods,
    Optional<List<String>> allowedHeaders,
    List<String> exposedHeaders,
    boolean credentials,
    Optional<Duration> maxAge) {

  /** The methods the reference announces by default. */
  public static final List<String> DEFAULT_METHODS =
      List.of("GET", "HEAD", "PUT", "PATCH", "POST", "DELETE");

  /** Validates the components. */
  public CorsOptions {
    Objects.requireNonNull(origin, "origin");
    methods = List.copyOf(methods);
    allowedHeaders = allowedHeaders.map(List::copyOf);
    exposedHeaders = List.copyOf(exposedHeaders);
    Objects.requireNonNull(maxAge, "maxAge");
    if (anyOrigin && credentials) {
      throw new IllegalArgumentException("cors: origin \"*\" cannot be combined with credentials");
    }
  }

  /** A builder; by default no origin is allowed. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The CORS headers for an answer to this request, in order; empty when the request's origin is
   * not allowed (the browser then blocks the answer).
   */
  public Map<String, String> headers(EngineRequest request, boolean preflight) {
    Map<String, String> h = new LinkedHashMap<>();
    Optional<String> requestOrigin = request.header("origin");
    if (anyOrigin) {
      h.put("Access-Control-Allow-Origin", "*");
    } else {
      if (requestOrigin.isPresent() && origin.test(requestOrigin.get())) {
        h.put("Access-Control-Allow-Origin", requestOrigin.get());
      }
      h.put("Vary", "Origin");
    }
    if (credentials) {
      h.put("Access-Control-Allow-Credentials", "true");
    }
    if (preflight) {
      h.put("Access-Control-Allow-Methods", String.join(",", methods));
      if (allowedHeaders.isPresent()) {
        if (!allowedHeaders.get().isEmpty()) {
          h.put("Access-Control-Allow-Headers", String.join(",", allowedHeaders.get()));
        }
      } else {
        request
            .header("access-control-request-headers")
            .ifPresent(v -> h.put("Access-Control-Allow-Headers", v));
        h.merge("Vary", "Access-Control-Request-Headers", (a, b) -> a + ", " + b);
      }
      maxAge.ifPresent(a -> h.put("Access-Control-Max-Age", Long.toString(a.toSeconds())));
    }
    if (!exposedHeaders.isEmpty()) {
      h.put("Access-Control-Expose-Headers", String.join(",", exposedHeaders));
    }
    return h;
  }

  /** Builds {@link CorsOptions}. Not thread-safe. */
  public static final class Builder {
    private boolean anyOrigin;
    private Predicate<String> origin = o -> false;
    private List<String> methods = DEFAULT_METHODS;
    private Optional<List<String>> allowedHeaders = Optional.empty();
    private List<String> exposedHeaders = List.of();
    private boolean credentials;
    private Optional<Duration> maxAge = Optional.empty();

    private Builder() {}

    /** Allow every origin with {@code *} (cannot be combined with credentials). */
    public Builder anyOrigin() {
      this.anyOrigin = true;
      return this;
    }

    /** Allow exactly these origins, e.g. {@code https://app.example.com}. */
    public Builder origins(List<String> allowed) {
      List<String> copy = List.copyOf(allowed);
      this.anyOrigin = false;
      this.origin = copy::contains;
      return this;
    }

    /** Allow the origins this predicate accepts. */
    public Builder origin(Predicate<String> allowed) {
      this.anyOrigin = false;
      this.origin = Objects.requireNonNull(allowed);
      return this;
    }

    /** Methods announced to a preflight. */
    public Builder methods(List<String> list) {
      this.methods = List.copyOf(list);
      return this;
    }

    /** Headers announced to a preflight (default: those the preflight asks for). */
    public Builder allowedHeaders(List<String> list) {
      this.allowedHeaders = Optional.of(List.copyOf(list));
      return this;
    }

    /** Headers the page may read. */
    public Builder exposedHeaders(List<String> list) {
      this.exposedHeaders = List.copyOf(list);
      return this;
    }

    /** Whether cookies and credentials may be sent. */
    public Builder credentials(boolean flag) {
      this.credentials = flag;
      return this;
    }

    /** How long a preflight answer may be cached. */
    public Builder maxAge(Duration age) {
      this.maxAge = Optional.of(age);
      return this;
    }

    /** The options. */
    public CorsOptions build() {
      return new CorsOptions(
          anyOrigin, origin, methods, allowedHeaders, exposedHeaders, credentials, maxAge);
    }
  }
}
