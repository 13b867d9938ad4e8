package io.socketiojakarta.engine;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A session's listener events, delivered one at a time and in order. Events are added under the
 * session's lock, at the state transition they report, so that nothing can be added after the
 * close; they are delivered without the lock, on the calling thread unless another thread is
 * already delivering this session's events (that thread then delivers these too).
 */
final class SessionEvents {
  private static final System.Logger LOG = System.getLogger(SessionEvents.class.getName());

  private final ReentrantLock lock;
  private ArrayDeque<Runnable> queue; // guarded by lock, created on first use
  private boolean delivering; // guarded by lock

  SessionEvents(ReentrantLock lock) {
    this.lock = lock;
  }

  /** Adds an event. Under the session's lock. */
  void add(Runnable event) {
    if (queue == null) {
      queue = new ArrayDeque<>(4);
    }
    queue.add(event);
  }

  /** Delivers the queued events unless another thread is doing it. Without the lock. */
  void deliver() {
    lock.lock();
    try {
      if (delivering || queue == null || queue.isEmpty()) {
        return;
      }
      delivering = true;
    } finally {
      lock.unlock();
    }
    while (true) {
      Runnable event;
      lock.lock();
      try {
        event = queue.poll();
        if (event == null) {
          delivering = false;
          return;
        }
      } finally {
        lock.unlock();
      }
      try {
        event.run();
      } catch (RuntimeException failure) {
        LOG.log(Level.WARNING, "session listener failed", failure);
      }
    }
  }
}
