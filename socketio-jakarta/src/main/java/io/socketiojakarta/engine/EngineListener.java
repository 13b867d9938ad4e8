package io.socketiojakarta.engine;

/**
 * Receives the engine's new sessions. Called on the container thread that completed the handshake,
 * before any message of the session is delivered; set the session's listener here.
 *
 * <pre>{@code
 * Engine engine = Engine.create(options, session ->
 *     session.listener(new EngineSessionListener() {
 *       public void onMessage(EngineSession s, String text) { s.send(text); }
 *     }));
 * }</pre>
 */
@FunctionalInterface
public interface EngineListener {
  /** A session was opened; its open packet is on the way. */
  void onConnection(EngineSession session);

  /** A request was refused with an Engine.IO error (the reference's {@code connection_error}). */
  default void onConnectionError(EngineRequest request, EngineError error, String message) {}
}
