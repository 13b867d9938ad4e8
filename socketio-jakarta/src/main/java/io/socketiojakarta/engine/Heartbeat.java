package io.socketiojakarta.engine;

import io.socketiojakarta.engine.Scheduler.Cancellable;
import java.time.Duration;

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
  private final Runnable expire;
  private Cancellable pingTimer = Cancellable.NONE;
  private Cancellable pongTimer = Cancellable.NONE;
  private boolean awaitingPong;
  private boolean extended;

  Heartbeat(Scheduler scheduler, EngineOptions options, Runnable ping, Runnable expire) {
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
    pongTimer = scheduler.schedule(timeout, expire);
  }

  /** A pong arrived: the next ping is timed from it. */
  void pongReceived() {
    pongTimer.cancel();
    awaitingPong = false;
    schedulePing();
  }

  /** A message arrived: while a pong is awaited, the deadline moves once. */
  void messageReceived() {
    if (awaitingPong && !extended) {
      extended = true;
      pongTimer.cancel();
      pongTimer = scheduler.schedule(timeout, expire);
    }
  }

  /** Whether the session is still waiting for a pong (its deadline has not been met). */
  boolean awaitingPong() {
    return awaitingPong;
  }

  /** Cancels both timers. */
  void stop() {
    pingTimer.cancel();
    pongTimer.cancel();
  }
}
