package io.socketiojakarta.engine;

import io.socketiojakarta.engine.Scheduler.Cancellable;
import java.util.List;

/**
 * An upgrade in progress (protocol section "upgrade"): the WebSocket that probes a polling session,
 * whether it has been probed ({@code 2probe} answered {@code 3probe}), and its {@code
 * upgradeTimeout}. Guarded by the session's lock; methods return the I/O to run unlocked.
 */
final class UpgradeProbe {
  final WebSocketTransport transport;
  private final Cancellable timeout;
  private boolean probed;

  UpgradeProbe(WebSocketTransport transport, Cancellable timeout) {
    this.transport = transport;
    this.timeout = timeout;
  }

  /** Whether {@code 3probe} was sent: polling answers noops, data waits for the WebSocket. */
  boolean probed() {
    return probed;
  }

  /** The answer to {@code 2probe} on a fresh probe, or null when the packet is something else. */
  Runnable answer(EnginePacket p) {
    if (probed || p.type() != EnginePacketType.PING || !"probe".equals(p.text())) {
      return null;
    }
    probed = true;
    return transport.take(List.of(EnginePacket.PONG_PROBE));
  }

  /** Whether the packet completes the upgrade: {@code 5} after the probe. */
  boolean completes(EnginePacket p) {
    return probed && p.type() == EnginePacketType.UPGRADE;
  }

  /** The upgrade is done: the timeout no longer applies. */
  void finish() {
    timeout.cancel();
  }

  /** The upgrade is given up: returns the close of the probing WebSocket (or null). */
  Runnable abort() {
    timeout.cancel();
    return transport.abort();
  }
}
