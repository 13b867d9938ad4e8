package io.socketiojakarta.engine;

import java.time.Duration;

/**
 * The one source of timers for an engine: heartbeats, upgrade and close timeouts. Tasks run on the
 * scheduler's thread and must not block. Tests substitute a manual clock.
 */
public interface Scheduler {
  /** Runs {@code task} once after {@code delay}; the handle cancels it. */
  Cancellable schedule(Duration delay, Runnable task);

  /** A scheduler backed by one daemon thread. */
  static Scheduler daemon() {
    return new ThreadScheduler();
  }

  /** Releases the scheduler's threads. */
  default void shutdown() {}

  /**
   * After {@link #shutdown()}, waits at most {@code timeout} for the threads to end; returns
   * whether they did.
   */
  default boolean awaitTermination(Duration timeout) {
    return true;
  }

  /** A scheduled task that can be cancelled. */
  @FunctionalInterface
  interface Cancellable {
    /** A handle whose cancel does nothing. */
    Cancellable NONE = () -> {};

    /** Cancels the task if it has not run yet. */
    void cancel();
  }
}
