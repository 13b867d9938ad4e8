package io.socketiojakarta.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable {@link EngineRequest}, built by a container binding from its request object.
 *
 * @param method the HTTP method
 * @param url path and query string
 * @param queryParameters query parameters in order
 * @param headers headers, names in lower case
 * @param remoteAddress the client's address
 * @param secure whether the request came over TLS
 * @param isWebSocketUpgrade whether it asks for a WebSocket upgrade
 */
public record EngineRequestSnapshot(
    String method,
    String url,
    Map<String, List<String>> queryParameters,
    Map<String, List<String>> headers,
    String remoteAddress,
    boolean secure,
    boolean isWebSocketUpgrade)
    implements EngineRequest {

  /** Copies the maps. */
  public EngineRequestSnapshot {
    queryParameters = copy(queryParameters, false);
    headers = copy(headers, true);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> in, boolean lower) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    in.forEach(
        (k, v) ->
            out.merge(
                lower ? k.toLowerCase(Locale.ROOT) : k,
                List.copyOf(v),
                (a, b) -> {
                  var all = new java.util.ArrayList<>(a);
                  all.addAll(b);
                  return List.copyOf(all);
                }));
    return java.util.Collections.unmodifiableMap(out);
  }

  @Override
  public Optional<String> query(String name) {
    List<String> v = queryParameters.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  @Override
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /**
   * Parses a raw query string ({@code a=1&b=2}) with percent-decoding as UTF-8; {@code +} means a
   * space as in HTML forms.
   */
  public static Map<String, List<String>> parseQuery(String rawQuery) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = decode(eq < 0 ? part : part.substring(0, eq));
      String v = eq < 0 ? "" : decode(part.substring(eq + 1));
      out.computeIfAbsent(k, x -> new java.util.ArrayList<>(1)).add(v);
    }
    return out;
  }

  private static String decode(String s) {
    if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
      return s; // nothing to decode (sid, EIO, transport, t: the usual case)
    }
    try {
      return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
