package io.socketiojakarta.core;

import io.socketiojakarta.Next;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Runs middlewares one after the other; each hands on through a {@link Next} whose first call
 * counts, possibly later and from another thread. A middleware that hands on while it runs is
 * followed at once; one that hands on later (from any thread) is followed on {@code resume}, the
 * client's sequence, so that no middleware runs on a foreign thread or beside the socket's
 * listeners. {@code done} gets null or the error, on whichever thread ended the chain.
 */
final class Chain<M> {
  /** How one middleware is invoked. */
  @FunctionalInterface
  interface Step<M> {
    void run(M middleware, Next next) throws Exception;
  }

  private final List<M> middlewares;
  private final Step<M> step;
  private final Executor resume;
  private final Consumer<Throwable> done;

  Chain(List<M> middlewares, Step<M> step, Executor resume, Consumer<Throwable> done) {
    this.middlewares = middlewares;
    this.step = step;
    this.resume = resume;
    this.done = done;
  }

  void start() {
    run(0);
  }

  private void run(int index) {
    if (index == middlewares.size()) {
      done.accept(null);
      return;
    }
    AtomicBoolean called = new AtomicBoolean();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread runner = Thread.currentThread();
    Next next =
        new Next() {
          @Override
          public void proceed() {
            if (called.compareAndSet(false, true)) {
              if (running.get() && Thread.currentThread() == runner) {
                run(index + 1);
              } else {
                resume.execute(() -> run(index + 1));
              }
            }
          }

          @Override
          public void fail(Throwable error) {
            if (called.compareAndSet(false, true)) {
              done.accept(error == null ? new IllegalStateException("refused") : error);
            }
          }
        };
    try {
      step.run(middlewares.get(index), next);
    } catch (Exception e) {
      next.fail(e);
    } finally {
      running.set(false);
    }
  }
}
