package io.socketiojakarta.engine;

import java.util.function.Consumer;

/**
 * The container side of one WebSocket connection, implemented by the WebSocket binding.
 *
 * <p>The engine is the single writer: it never calls a send method before the previous send has
 * reported completion. {@code done} receives {@code null} on success or the failure, from any
 * thread, possibly before the send method returns.
 */
public interface FrameChannel {
  /** Sends one text frame. */
  void sendText(String text, Consumer<Throwable> done);

  /** Sends one binary frame. */
  void sendBinary(byte[] data, Consumer<Throwable> done);

  /** Closes the connection normally; safe to call more than once and from any thread. */
  void close();
}
