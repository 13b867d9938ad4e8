package io.socketiojakarta.engine;

import io.socketiojakarta.engine.Scheduler.Cancellable;
import java.time.Duration;
import java.util.function.IntConsumer;

/**
 * A session's heartbeat timers (protocol v4: the server pings). Every method runs under the
 * session's lock; the timers call back into the session, which takes the lock itself.
 *
 * <ul>
 *   <li>a ping is due {@code pingInterval} after the open packet or the last pong;
 *   <li>without a pong within {@code pingTimeout} of the ping, the session ends ("ping timeout");
 *   <li>engine.io 6.6.10 and later: a message while a pong is awaited postpones the deadline to
 *       {@code pingTimeout} after that message, once per ping.
 * </ul>
 */
final class Heartbeat {
  private final Scheduler scheduler;
  private final Duration interval;
  private final Duration timeout;
  private final Runnable ping;
  private final IntConsumer expire;
  private Cancellable pingTimer = Cancellable.NONE;
  private Cancellable pongTimer = Cancellable.NONE;
  private boolean awaitingPong;
  private boolean extended;
  private int generation;

  Heartbeat(Scheduler scheduler, EngineOptions options, Runnable ping, IntConsumer expire) {
    this.scheduler = scheduler;
    this.interval = options.pingInterval();
    this.timeout = options.pingTimeout();
    this.ping = ping;
    this.expire = expire;
  }

  /** Schedules the next ping, {@code pingInterval} from now. */
  void schedulePing() {
    pingTimer.cancel();
    pingTimer = scheduler.schedule(interval, ping);
  }

  /** A ping was queued: the pong deadline starts. */
  void pingSent() {
    awaitingPong = true;
    extended = false;
    armPongTimer();
  }

  /** A pong arrived: the next ping is timed from it. */
  void pongReceived() {
    pongTimer.cancel();
    awaitingPong = false;
    schedulePing();
  }

  /** A packet other than a pong arrived: while a pong is awaited, the deadline moves once. */
  void packetReceived() {
    if (awaitingPong && !extended) {
      extended = true;
      pongTimer.cancel();
      armPongTimer();
    }
  }

  private void armPongTimer() {
    int armed = ++generation;
    pongTimer = scheduler.schedule(timeout, () -> expire.accept(armed));
  }

  /**
   * Whether the pong timer armed as {@code armed} is still the deadline and no pong came: a timer
   * that fired while a pong or a postponing packet was being handled is stale.
   */
  boolean expired(int armed) {
    return awaitingPong && armed == generation;
  }

  /** Cancels both timers. */
  void stop() {
    pingTimer.cancel();
    pongTimer.cancel();
  }
}
