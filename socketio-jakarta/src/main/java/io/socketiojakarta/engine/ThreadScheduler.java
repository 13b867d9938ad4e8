package io.socketiojakarta.engine;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The default {@link Scheduler}: one daemon thread per engine, cancelled tasks removed at once. */
final class ThreadScheduler implements Scheduler {
  private static final System.Logger LOG = System.getLogger(ThreadScheduler.class.getName());
  private static final AtomicInteger COUNT = new AtomicInteger();

  private final ScheduledThreadPoolExecutor executor;

  ThreadScheduler() {
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "engine.io-timer-" + COUNT.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    executor.setRemoveOnCancelPolicy(true);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable task) {
    if (executor.isShutdown()) {
      return Cancellable.NONE; // the engine is closed: nothing is due any more
    }
    ScheduledFuture<?> f;
    try {
      f = scheduleOn(delay, task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return Cancellable.NONE;
    }
    return () -> f.cancel(false);
  }

  private ScheduledFuture<?> scheduleOn(Duration delay, Runnable task) {
    return executor.schedule(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "timer task failed", e);
          }
        },
        delay.toNanos(),
        TimeUnit.NANOSECONDS);
  }

  @Override
  public void shutdown() {
    executor.shutdownNow();
  }

  @Override
  public boolean awaitTermination(Duration timeout) {
    try {
      return executor.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
