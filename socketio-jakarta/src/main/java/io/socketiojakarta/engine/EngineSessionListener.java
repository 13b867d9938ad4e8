package io.socketiojakarta.engine;

/**
 * Receives the events of one session. Calls for one session never overlap and keep the order in
 * which the events happened; nothing follows {@code onClose}. They run on a container thread or the
 * engine's timer thread (whichever thread is delivering the session's events at the time): an
 * implementation must not block (hand slow work to an executor), and may send from inside a
 * callback.
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
