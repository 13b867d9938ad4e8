package io.socketiojakarta.engine;

import java.util.List;
import java.util.Map;

/**
 * Customises the HTTP response headers of a session's requests (the reference's {@code
 * initial_headers} and {@code headers} events). Called on the container thread that answers the
 * request, before anything is written; must not block. Header names given in the map replace those
 * the engine would set.
 */
public interface HeadersListener {
  /** The handshake request of a session (polling or WebSocket), before {@link #headers}. */
  default void initialHeaders(Map<String, List<String>> headers, EngineRequest request) {}

  /** Every request of a session: the handshake, polls, posts and the WebSocket upgrade. */
  default void headers(Map<String, List<String>> headers, EngineRequest request) {}
}
