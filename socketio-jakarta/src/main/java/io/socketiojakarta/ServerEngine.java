package io.socketiojakarta;

import java.util.function.Consumer;

/** The Engine.IO server under a Socket.IO server (the reference's {@code io.engine}). */
public interface ServerEngine {
  /** The number of open Engine.IO connections. */
  int clientsCount();

  /**
   * Listens to refused Engine.IO requests (the reference's {@code connection_error}), e.g. to debug
   * a client that cannot connect. Called on a container thread; must not block.
   */
  void onConnectionError(Consumer<ConnectionError> listener);

  /**
   * Customises the response headers of each session's first request, its handshake (the reference's
   * {@code initial_headers}).
   */
  void onInitialHeaders(HeadersListener listener);

  /**
   * Customises the response headers of every request of a session, the WebSocket upgrade included
   * (the reference's {@code headers}).
   */
  void onHeaders(HeadersListener listener);

  /**
   * Receives the response headers to customise: put a header name (any case) with its values to set
   * it. Called on a container thread before anything is written; must not block.
   *
   * <pre>{@code
   * io.engine().onInitialHeaders((headers, request) ->
   *     headers.put("Set-Cookie", List.of("uid=1234; SameSite=Strict")));
   * }</pre>
   */
  @FunctionalInterface
  interface HeadersListener {
    /** Adds or replaces headers for the response to {@code request}. */
    void onHeaders(java.util.Map<String, java.util.List<String>> headers, Request request);
  }

  /**
   * The HTTP request being answered.
   *
   * @param method the HTTP method
   * @param url the path and query
   * @param headers request headers, names in lower case
   * @param remoteAddress the client's address
   */
  record Request(
      String method,
      String url,
      java.util.Map<String, java.util.List<String>> headers,
      String remoteAddress) {}

  /**
   * A refused Engine.IO request.
   *
   * @param code the Engine.IO error code (0 unknown transport ... 5 unsupported protocol version)
   * @param message the reference's message, e.g. {@code "Session ID unknown"}
   * @param url the request URL
   * @param remoteAddress the client's address
   */
  record ConnectionError(int code, String message, String url, String remoteAddress) {}
}
