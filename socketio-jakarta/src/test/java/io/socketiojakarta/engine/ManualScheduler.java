package io.socketiojakarta.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A manual clock: tasks run only when the test advances time, in due order. Single-threaded. */
final class ManualScheduler implements Scheduler {
  private record Task(long due, long seq, Runnable run, boolean[] cancelled) {}

  private final List<Task> tasks = new ArrayList<>();
  private long now;
  private long seq;

  @Override
  public synchronized Cancellable schedule(Duration delay, Runnable task) {
    boolean[] cancelled = {false};
    tasks.add(new Task(now + delay.toMillis(), seq++, task, cancelled));
    return () -> cancelled[0] = true;
  }

  /** Milliseconds since the start. */
  long now() {
    return now;
  }

  /** Advances the clock, running every task that falls due, in order. */
  void advance(Duration d) {
    long target = now + d.toMillis();
    while (true) {
      Task next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> !t.cancelled[0] && t.due <= target)
                .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq))
                .orElse(null);
        if (next == null) {
          now = target;
          tasks.removeIf(t -> t.cancelled[0]);
          return;
        }
        tasks.remove(next);
        now = next.due;
      }
      next.run.run();
    }
  }

  void advanceMillis(long ms) {
    advance(Duration.ofMillis(ms));
  }
}
