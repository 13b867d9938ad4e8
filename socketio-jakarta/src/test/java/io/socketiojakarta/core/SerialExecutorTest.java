package io.socketiojakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One client's tasks: in order, one at a time, and a blocked client does not hold up others. */
class SerialExecutorTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void tasksRunInSubmissionOrderNeverTwoAtOnce() throws Exception {
    SerialExecutor serial = new SerialExecutor(pool);
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger running = new AtomicInteger();
    AtomicInteger overlaps = new AtomicInteger();
    int n = 10_000;
    CountDownLatch done = new CountDownLatch(n);
    for (int i = 0; i < n; i++) {
      int k = i;
      serial.execute(
          () -> {
            if (running.incrementAndGet() != 1) {
              overlaps.incrementAndGet();
            }
            order.add(k);
            running.decrementAndGet();
            done.countDown();
          });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(overlaps).hasValue(0);
    for (int i = 0; i < n; i++) {
      assertThat(order.get(i)).isEqualTo(i);
    }
  }

  @Test
  void aBlockedClientDoesNotStallAnother() throws Exception {
    SerialExecutor blocked = new SerialExecutor(pool);
    SerialExecutor other = new SerialExecutor(pool);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch otherRan = new CountDownLatch(1);
    blocked.execute(
        () -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    other.execute(otherRan::countDown);
    assertThat(otherRan.await(5, TimeUnit.SECONDS)).isTrue();
    release.countDown();
  }

  @Test
  void aFailingTaskDoesNotStopTheNextOnes() throws Exception {
    SerialExecutor serial = new SerialExecutor(pool);
    CountDownLatch after = new CountDownLatch(1);
    serial.execute(
        () -> {
          throw new IllegalStateException("boom");
        });
    serial.execute(after::countDown);
    assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
  }
}
