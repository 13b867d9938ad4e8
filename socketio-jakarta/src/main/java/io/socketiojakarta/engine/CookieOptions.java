package io.socketiojakarta.engine;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The sticky-session cookie set on the polling handshake answer (the reference's {@code cookie}
 * option). Off unless configured; {@link #defaults()} gives {@code io=<sid>; Path=/; HttpOnly;
 * SameSite=Lax}.
 *
 * @param name cookie name
 * @param path cookie path
 * @param httpOnly whether to add {@code HttpOnly}
 * @param sameSite the {@code SameSite} value ({@code Lax}, {@code Strict}, {@code None}), or empty
 * @param secure whether to add {@code Secure}
 * @param domain the {@code Domain}, if any
 * @param maxAge the {@code Max-Age}, if any
 */
public record CookieOptions(
    String name,
    String path,
    boolean httpOnly,
    Optional<String> sameSite,
    boolean secure,
    Optional<String> domain,
    Optional<Duration> maxAge) {

  /** Validates the components. */
  public CookieOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sameSite, "sameSite");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(maxAge, "maxAge");
    if (name.isEmpty()
        || !name.chars()
            .allMatch(c -> c > 0x20 && c < 0x7f && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
      throw new IllegalArgumentException("invalid cookie name: " + name);
    }
  }

  /** The reference's defaults: {@code io}, path {@code /}, HttpOnly, SameSite Lax. */
  public static CookieOptions defaults() {
    return new CookieOptions(
        "io", "/", true, Optional.of("Lax"), false, Optional.empty(), Optional.empty());
  }

  /** The same options with another cookie name. */
  public CookieOptions withName(String newName) {
    return new CookieOptions(newName, path, httpOnly, sameSite, secure, domain, maxAge);
  }

  /** The {@code Set-Cookie} header value for a session id. */
  public String headerValue(String sid) {
    StringBuilder sb = new StringBuilder(name).append('=').append(sid);
    domain.ifPresent(d -> sb.append("; Domain=").append(d));
    sb.append("; Path=").append(path);
    maxAge.ifPresent(a -> sb.append("; Max-Age=").append(a.toSeconds()));
    if (httpOnly) {
      sb.append("; HttpOnly");
    }
    if (secure) {
      sb.append("; Secure");
    }
    sameSite.ifPresent(s -> sb.append("; SameSite=").append(s));
    return sb.toString();
  }
}
