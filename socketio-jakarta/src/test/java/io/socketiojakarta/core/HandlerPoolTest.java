package io.socketiojakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.engine.Scheduler;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler pool grows past workers that are all blocked, and gives the extra ones back. */
class HandlerPoolTest {
  private Scheduler scheduler;
  private HandlerPool pool;

  @BeforeEach
  void start() {
    scheduler = Scheduler.daemon();
    pool = HandlerPool.start(scheduler, "test-handler");
  }

  @AfterEach
  void stop() throws Exception {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    scheduler.shutdown();
  }

  @Test
  void aTaskWaitingBehindBlockedWorkersRunsOnAnExtraWorker() throws Exception {
    int base = pool.getCorePoolSize();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch blocked = new CountDownLatch(base + 1);
    for (int i = 0; i < base + 1; i++) {
      pool.execute(
          () -> {
            blocked.countDown();
            await(release);
          });
    }
    CountDownLatch ran = new CountDownLatch(1);
    pool.execute(ran::countDown);
    // every worker blocked, two tasks waiting: the pool grows one worker per tick until both run
    assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(pool.getCorePoolSize()).isGreaterThan(base);
    release.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (pool.getCorePoolSize() > base && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(pool.getCorePoolSize()).isEqualTo(base);
  }

  @Test
  void busyWorkersThatProgressDoNotGrowThePool() throws Exception {
    int base = pool.getCorePoolSize();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    int n = 20_000;
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      pool.execute(
          () -> {
            threads.add(Thread.currentThread().getName());
            done.countDown();
          });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(threads).hasSizeLessThanOrEqualTo(base);
    assertThat(pool.getCorePoolSize()).isEqualTo(base);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
