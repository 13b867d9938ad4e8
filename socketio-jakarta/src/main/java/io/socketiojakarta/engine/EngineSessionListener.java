package io.socketiojakarta.engine;

/**
 * Receives the events of one session. Messages come in arrival order on the container thread that
 * read them (one transport delivers one message at a time); {@code onClose} may come from the
 * engine's timer thread. An implementation must not block (hand slow work to an executor), and may
 * send from inside a callback.
 */
public interface EngineSessionListener {
  /** A text message arrived. */
  default void onMessage(EngineSession session, String text) {}

  /** A binary message arrived; the array belongs to the listener. */
  default void onBinary(EngineSession session, byte[] data) {}

  /** The session moved to another transport (e.g. {@code websocket} after an upgrade). */
  default void onUpgrade(EngineSession session, String transport) {}

  /**
   * The session ended; called once. Reasons are the reference's strings, see {@link CloseReason}.
   */
  default void onClose(EngineSession session, String reason, String description) {}
}
