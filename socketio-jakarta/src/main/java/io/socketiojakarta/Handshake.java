package io.socketiojakarta;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The details of the handshake a socket was created from (the reference's {@code
 * socket.handshake}).
 *
 * @param headers request headers, names in lower case
 * @param time the creation time as text (JavaScript {@code Date.toString()} style)
 * @param address the client's address
 * @param xdomain whether the request carried an {@code Origin} header
 * @param secure whether the connection used TLS
 * @param issued the creation time in milliseconds since the epoch
 * @param url the request URL (path and query)
 * @param query query parameters
 * @param auth the auth object of the namespace CONNECT packet (empty when none)
 */
public record Handshake(
    Map<String, List<String>> headers,
    String time,
    String address,
    boolean xdomain,
    boolean secure,
    long issued,
    String url,
    Map<String, List<String>> query,
    Map<String, Object> auth) {
  /** Copies the maps. */
  public Handshake {
    headers = Map.copyOf(headers);
    query = Map.copyOf(query);
    auth = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(auth));
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The first value of a query parameter. */
  public Optional<String> query(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }
}
