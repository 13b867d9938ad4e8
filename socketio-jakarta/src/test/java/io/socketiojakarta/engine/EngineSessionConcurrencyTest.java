package io.socketiojakarta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Concurrency regressions of the session (manual clock, channels of the test's own): a fast
 * producer with sends that complete inline, a failed send, listener calls racing the timer.
 */
class EngineSessionConcurrencyTest {

  static EngineOptions options() {
    return EngineOptions.builder()
        .pingInterval(Duration.ofMillis(300))
        .pingTimeout(Duration.ofMillis(200))
        .build();
  }

  /**
   * A send that completes inline while a producer keeps queueing (modelled by queueing from inside
   * sendText) must not recurse from one batch to the next: 200,000 frames on a 512 KiB stack.
   */
  @Test
  void inlineCompletionsWithAConcurrentProducerMustNotGrowTheStack() throws Exception {
    Engine engine = Engine.create(options(), s -> {}, new ManualScheduler());
    AtomicReference<EngineSession> session = new AtomicReference<>();
    AtomicInteger sent = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    FrameChannel inline =
        new FrameChannel() {
          @Override
          public void sendText(String text, Consumer<Throwable> done) {
            EngineSession s = session.get();
            // "another thread" queues one more message while this frame is on the wire
            if (s != null && sent.incrementAndGet() < 200_000) {
              s.send("m");
            }
            done.accept(null); // the container completed the send inline (Jetty often does)
          }

          @Override
          public void sendBinary(byte[] data, Consumer<Throwable> done) {
            done.accept(null);
          }

          @Override
          public void close() {}
        };
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                WebSocketTransport wt = engine.openWebSocket(EngineSessionTest.handshake(), inline);
                session.set(wt.session());
                wt.session().send("first");
              } catch (Throwable e) {
                failure.set(e);
              }
            },
            "producer",
            512 * 1024);
    t.start();
    t.join();
    assertThat(failure.get()).as("no StackOverflowError on the writing thread").isNull();
    assertThat(sent.get()).isGreaterThanOrEqualTo(200_000);
  }

  /** onClose, from the timer thread, waits for an onMessage still running on another thread. */
  @Test
  void onCloseDoesNotOverlapARunningOnMessage() throws Exception {
    ManualScheduler clock = new ManualScheduler();
    CountDownLatch inMessage = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean messageRunning = new AtomicBoolean();
    AtomicBoolean overlap = new AtomicBoolean();
    Engine engine =
        Engine.create(
            options(),
            s ->
                s.listener(
                    new EngineSessionListener() {
                      @Override
                      public void onMessage(EngineSession x, String text) {
                        messageRunning.set(true);
                        inMessage.countDown();
                        try {
                          release.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        messageRunning.set(false);
                      }

                      @Override
                      public void onClose(EngineSession x, String reason, String d) {
                        if (messageRunning.get()) {
                          overlap.set(true);
                        }
                      }
                    }),
            clock);
    EngineSession s =
        engine.openPolling(
            EngineSessionTest.handshake(),
            new PollResponder() {
              public boolean respond(List<EnginePacket> p) {
                return true;
              }

              public void fail(EngineError e) {}

              public void fail(int status) {}
            },
            x -> {});
    Thread post = new Thread(() -> s.onPost("4hello"));
    post.start();
    assertThat(inMessage.await(5, TimeUnit.SECONDS)).isTrue();
    clock.advanceMillis(300); // ping queued (no GET pending)
    clock.advanceMillis(200); // pong deadline: "ping timeout" on the timer thread
    release.countDown();
    post.join();
    assertThat(overlap.get()).as("onClose ran while onMessage was still running").isFalse();
  }

  /** A failed send ends the session and closes the connection (the write slot is given up). */
  @Test
  void aFailedSendClosesTheConnection() {
    Engine engine = Engine.create(options(), s -> {}, new ManualScheduler());
    AtomicInteger sends = new AtomicInteger();
    AtomicBoolean closed = new AtomicBoolean();
    FrameChannel failing =
        new FrameChannel() {
          @Override
          public void sendText(String text, Consumer<Throwable> done) {
            // the open packet goes out, the next frame fails (asynchronously in real life)
            done.accept(sends.getAndIncrement() == 0 ? null : new java.io.IOException("reset"));
          }

          @Override
          public void sendBinary(byte[] data, Consumer<Throwable> done) {}

          @Override
          public void close() {
            closed.set(true);
          }
        };
    WebSocketTransport t = engine.openWebSocket(EngineSessionTest.handshake(), failing);
    t.session().send("x");
    assertThat(t.session().isOpen()).isFalse(); // "transport error"
    assertThat(closed.get()).as("channel closed after the session ended").isTrue();
  }
}
