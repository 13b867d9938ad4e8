package io.socketiojakarta.engine;

import java.util.List;

/**
 * The engine side of a transport. State fields are guarded by the owning session's lock; the
 * returned I/O actions run after the lock is released.
 */
abstract sealed class Transport permits PollingTransport, WebSocketTransport {
  final EngineSession session;

  Transport(EngineSession session) {
    this.session = session;
  }

  /** {@code polling} or {@code websocket}. */
  abstract String name();

  /** Whether a batch can be written now. Under the session lock. */
  abstract boolean writable();

  /** Takes the transport's write slot for this batch; returns the I/O to run unlocked. */
  abstract Runnable take(List<EnginePacket> batch);

  /**
   * Ends the transport as the session closes (under the lock); returns the I/O to run unlocked.
   *
   * @param last packets still to deliver (queue, plus a close packet for polling) when possible
   * @param clientClosed whether the client asked to close (polling answers a pending GET with noop)
   */
  abstract Runnable close(List<EnginePacket> last, boolean clientClosed);
}
