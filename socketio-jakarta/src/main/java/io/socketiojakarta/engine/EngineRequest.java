package io.socketiojakarta.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container-neutral view of an HTTP request that reaches the engine: a polling request, a
 * WebSocket upgrade, or the handshake a session keeps (see {@link EngineSession#request()}).
 *
 * <p>Header names are matched case-insensitively. Implementations kept by a session are immutable
 * snapshots, so they stay valid after the container has recycled the request.
 */
public interface EngineRequest {
  /** The HTTP method, e.g. {@code GET}. */
  String method();

  /** The request URL path with its query string, as the client sent it. */
  String url();

  /** The first value of a query parameter. */
  Optional<String> query(String name);

  /** All query parameters, in order. */
  Map<String, List<String>> queryParameters();

  /** The first value of a header. */
  Optional<String> header(String name);

  /** All headers, names in lower case. */
  Map<String, List<String>> headers();

  /** The client's address as the container reports it. */
  String remoteAddress();

  /** Whether the request came over TLS. */
  boolean secure();

  /** Whether this is a WebSocket upgrade request ({@code Upgrade: websocket}). */
  boolean isWebSocketUpgrade();
}
