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
   * A refused Engine.IO request.
   *
   * @param code the Engine.IO error code (0 unknown transport ... 5 unsupported protocol version)
   * @param message the reference's message, e.g. {@code "Session ID unknown"}
   * @param url the request URL
   * @param remoteAddress the client's address
   */
  record ConnectionError(int code, String message, String url, String remoteAddress) {}
}
