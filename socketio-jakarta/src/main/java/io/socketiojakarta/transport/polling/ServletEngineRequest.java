package io.socketiojakarta.transport.polling;

import io.socketiojakarta.engine.EngineRequest;
import io.socketiojakarta.engine.EngineRequestSnapshot;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A live {@link EngineRequest} view of a servlet request, valid while the container handles it. The
 * query string is parsed from the raw request line (never through {@code getParameter}, which could
 * consume a POST body); {@link #snapshot()} copies what a session keeps.
 */
final class ServletEngineRequest implements EngineRequest {
  private final HttpServletRequest req;
  private final Map<String, List<String>> query;

  ServletEngineRequest(HttpServletRequest req) {
    this.req = req;
    this.query = EngineRequestSnapshot.parseQuery(req.getQueryString());
  }

  @Override
  public String method() {
    return req.getMethod();
  }

  @Override
  public String url() {
    String q = req.getQueryString();
    return q == null ? req.getRequestURI() : req.getRequestURI() + "?" + q;
  }

  @Override
  public Optional<String> query(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  @Override
  public Map<String, List<String>> queryParameters() {
    return Collections.unmodifiableMap(query);
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(req.getHeader(name));
  }

  @Override
  public Map<String, List<String>> headers() {
    Map<String, List<String>> h = new LinkedHashMap<>();
    for (String name : Collections.list(req.getHeaderNames())) {
      h.put(name.toLowerCase(Locale.ROOT), Collections.list(req.getHeaders(name)));
    }
    return h;
  }

  @Override
  public String remoteAddress() {
    return req.getRemoteAddr();
  }

  @Override
  public boolean secure() {
    return req.isSecure();
  }

  @Override
  public boolean isWebSocketUpgrade() {
    String upgrade = req.getHeader("Upgrade");
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /** An immutable copy for a session to keep. */
  EngineRequestSnapshot snapshot() {
    return new EngineRequestSnapshot(
        method(), url(), query, headers(), remoteAddress(), secure(), isWebSocketUpgrade());
  }
}
