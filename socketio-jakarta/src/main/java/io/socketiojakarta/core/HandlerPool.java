package io.socketiojakarta.core;

import io.socketiojakarta.engine.Scheduler;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's own pool for listeners: a few workers on a shared queue, so that a worker finishing
 * a task takes the next one without a hand-off to another thread, and more workers when the ones
 * there are stuck. Every {@link #TICK} the pool checks whether a task started since the previous
 * check; if none did while tasks wait, every worker is blocked (a listener sleeping, waiting on
 * I/O) and one more worker is started, up to {@link #MAX_THREADS}. Once nothing waits, the extra
 * workers are given back one per tick, and idle workers end after a minute.
 *
 * <p>A pool that creates a thread or wakes a parked one for every task (a cached pool with a
 * synchronous queue) costs about a third of the echo throughput on one core; a fixed pool cannot
 * tolerate listeners that block. This one does both: a blocked listener holds up other clients for
 * at most about two ticks.
 */
final class HandlerPool extends ThreadPoolExecutor {
  /** How often progress is checked. */
  static final Duration TICK = Duration.ofMillis(50);

  /** The most workers the pool grows to (tasks then wait in the queue). */
  static final int MAX_THREADS = 1024;

  private final int base;
  private final Scheduler scheduler;
  private final LongAdder started = new LongAdder();
  private long startedAtLastTick;

  private HandlerPool(int base, Scheduler scheduler, String name) {
    super(base, MAX_THREADS, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads(name));
    this.base = base;
    this.scheduler = scheduler;
    allowCoreThreadTimeOut(true);
  }

  /**
   * A pool of {@code max(2, processors)} workers to begin with, checked on {@code scheduler}; its
   * threads are daemons named {@code <name>-<n>}.
   */
  static HandlerPool start(Scheduler scheduler, String name) {
    HandlerPool pool =
        new HandlerPool(Math.max(2, Runtime.getRuntime().availableProcessors()), scheduler, name);
    pool.scheduleTick();
    return pool;
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  protected void beforeExecute(Thread t, Runnable r) {
    started.increment();
  }

  private void scheduleTick() {
    if (!isShutdown()) {
      scheduler.schedule(TICK, this::tick);
    }
  }

  /** On the scheduler's thread, one at a time. */
  private void tick() {
    try {
      long now = started.sum();
      int core = getCorePoolSize();
      if (!getQueue().isEmpty()) {
        if (now == startedAtLastTick && core < MAX_THREADS && !isShutdown()) {
          setCorePoolSize(core + 1); // starts a worker, since tasks wait
        }
      } else if (core > base) {
        setCorePoolSize(core - 1);
      }
      startedAtLastTick = now;
    } finally {
      scheduleTick();
    }
  }
}
