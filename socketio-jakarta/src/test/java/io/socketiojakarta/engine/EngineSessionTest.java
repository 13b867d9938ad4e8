package io.socketiojakarta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The session state machine driven by a manual clock: heartbeat, close, upgrade, single writer. */
class EngineSessionTest {
  static final Duration PING_INTERVAL = Duration.ofMillis(300);
  static final Duration PING_TIMEOUT = Duration.ofMillis(200);

  ManualScheduler clock;
  Engine engine;
  List<String> events;
  EngineSession session;

  @BeforeEach
  void setUp() {
    clock = new ManualScheduler();
    events = new CopyOnWriteArrayList<>();
    EngineOptions options =
        EngineOptions.builder()
            .pingInterval(PING_INTERVAL)
            .pingTimeout(PING_TIMEOUT)
            .upgradeTimeout(Duration.ofSeconds(10))
            .build();
    engine =
        Engine.create(
            options,
            s ->
                s.listener(
                    new EngineSessionListener() {
                      @Override
                      public void onMessage(EngineSession x, String text) {
                        events.add("message:" + text);
                      }

                      @Override
                      public void onUpgrade(EngineSession x, String transport) {
                        events.add("upgrade:" + transport);
                      }

                      @Override
                      public void onClose(EngineSession x, String reason, String description) {
                        events.add("close:" + reason);
                      }
                    }),
            clock);
  }

  /** Records what the engine answered to one GET. */
  static final class Get implements PollResponder {
    final List<String> answers = new ArrayList<>();

    @Override
    public boolean respond(List<EnginePacket> packets) {
      answers.add(EngineCodec.encodePayload(packets));
      return true;
    }

    @Override
    public void fail(EngineError error) {
      answers.add("error " + error.code());
    }

    @Override
    public void fail(int status) {
      answers.add("status " + status);
    }

    String only() {
      assertThat(answers).hasSize(1);
      return answers.get(0);
    }
  }

  /** A WebSocket whose sends complete only when the test says so. */
  static final class Channel implements FrameChannel {
    final List<String> sent = new ArrayList<>();
    final List<Consumer<Throwable>> inFlight = new ArrayList<>();
    boolean autoComplete = true;
    boolean closed;
    int concurrentSends;
    int maxConcurrentSends;

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
      record(text, done);
    }

    @Override
    public void sendBinary(byte[] data, Consumer<Throwable> done) {
      record("<" + data.length + " bytes>", done);
    }

    private void record(String frame, Consumer<Throwable> done) {
      sent.add(frame);
      concurrentSends++;
      maxConcurrentSends = Math.max(maxConcurrentSends, concurrentSends);
      Consumer<Throwable> wrapped =
          e -> {
            concurrentSends--;
            done.accept(e);
          };
      if (autoComplete) {
        wrapped.accept(null);
      } else {
        inFlight.add(wrapped);
      }
    }

    void completeOne() {
      inFlight.remove(0).accept(null);
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static EngineRequest handshake() {
    return new EngineRequestSnapshot(
        "GET",
        "/engine.io/?EIO=4&transport=polling",
        Map.of(),
        Map.of(),
        "127.0.0.1",
        false,
        false);
  }

  EngineSession openPolling() {
    Get handshake = new Get();
    session = engine.openPolling(handshake(), handshake, s -> {});
    assertThat(handshake.only()).startsWith("0{\"sid\":\"" + session.id() + "\"");
    return session;
  }

  @Test
  void pingComesEveryPingIntervalTimedFromTheLastPong() throws Exception {
    openPolling();
    Get get = new Get();
    session.poll(get);
    clock.advanceMillis(299);
    assertThat(get.answers).isEmpty();
    clock.advanceMillis(1);
    assertThat(get.only()).isEqualTo("2");

    clock.advanceMillis(150); // a late pong
    session.onPost("3");
    Get next = new Get();
    session.poll(next);
    clock.advanceMillis(299);
    assertThat(next.answers).as("next ping is timed from the pong").isEmpty();
    clock.advanceMillis(1);
    assertThat(next.only()).isEqualTo("2");
    assertThat(events).isEmpty();
  }

  @Test
  void noPongClosesWithPingTimeoutAndThePendingGetGetsTheClosePacket() {
    openPolling();
    Get first = new Get();
    session.poll(first);
    clock.advanceMillis(300);
    assertThat(first.only()).isEqualTo("2");
    Get pending = new Get();
    session.poll(pending);
    clock.advanceMillis(199);
    assertThat(pending.answers).isEmpty();
    clock.advanceMillis(1);
    assertThat(pending.only()).isEqualTo("1");
    assertThat(events).containsExactly("close:ping timeout");
    assertThat(engine.session(session.id())).isEmpty();
  }

  @Test
  void aMessageWhileAPongIsAwaitedPostponesTheDeadlineOnce() {
    openPolling();
    session.poll(new Get());
    clock.advanceMillis(300); // ping sent
    clock.advanceMillis(100);
    session.onPost("4first"); // deadline becomes now + 200
    clock.advanceMillis(150);
    session.onPost("4second"); // no second extension
    clock.advanceMillis(49);
    assertThat(events).containsExactly("message:first", "message:second");
    clock.advanceMillis(1);
    assertThat(events).containsExactly("message:first", "message:second", "close:ping timeout");
  }

  @Test
  void clientCloseAnswersThePendingGetWithNoop() {
    openPolling();
    Get pending = new Get();
    session.poll(pending);
    assertThat(session.onPost("1")).isNull();
    assertThat(pending.only()).isEqualTo("6");
    assertThat(events).containsExactly("close:transport close");
    assertThat(engine.clientsCount()).isZero();
  }

  @Test
  void overlappingGetsEndTheSession() {
    openPolling();
    Get first = new Get();
    Get second = new Get();
    session.poll(first);
    session.poll(second);
    assertThat(first.only()).isEqualTo("1");
    assertThat(second.only()).isEqualTo("status 400");
    assertThat(events).containsExactly("close:transport error");
  }

  @Test
  void overlappingPostsEndTheSession() {
    openPolling();
    assertThat(session.beginPost()).isTrue();
    assertThat(session.beginPost()).isFalse();
    assertThat(events).containsExactly("close:transport error");
  }

  @Test
  void parseErrorAndClientPingEndTheSession() {
    openPolling();
    assertThat(session.onPost("abc")).isEqualTo(EngineError.BAD_REQUEST);
    assertThat(events).containsExactly("close:parse error");

    events.clear();
    openPolling();
    session.onPost("2");
    assertThat(events).containsExactly("close:transport error");
  }

  @Test
  void clientOpenUpgradeAndNoopPacketsAreIgnoredAsByTheReference() {
    openPolling();
    assertThat(session.onPost("0\u001e5\u001e6\u001e4after")).isNull();
    assertThat(session.isOpen()).isTrue();
    assertThat(events).containsExactly("message:after");
  }

  @Test
  void serverCloseWithoutPendingGetKeepsTheClosePacketForTheNextGet() {
    openPolling();
    session.close();
    assertThat(events).containsExactly("close:forced close");
    Get get = new Get();
    session.poll(get);
    assertThat(get.only()).isEqualTo("1");
    assertThat(engine.session(session.id())).isEmpty();
  }

  @Test
  void serverCloseSendsTheQueuedPacketsBeforeTheClosePacketInALaterGet() {
    // reference: the close waits for the queue to drain; a socket.io-client handles a close
    // packet batched with messages before those messages
    openPolling();
    session.send("bye");
    session.close();
    assertThat(events).containsExactly("close:forced close");
    Get first = new Get();
    session.poll(first);
    assertThat(first.only()).isEqualTo("4bye");
    Get second = new Get();
    session.poll(second);
    assertThat(second.only()).isEqualTo("1");
    assertThat(engine.session(session.id())).isEmpty();
  }

  @Test
  void serverCloseWithAPendingGetAndNothingQueuedAnswersItWithTheClosePacket() {
    openPolling();
    Get pending = new Get();
    session.poll(pending);
    session.close(); // nothing queued: the pending GET carries the close packet
    assertThat(pending.only()).isEqualTo("1");
    assertThat(engine.session(session.id())).isEmpty();
  }

  @Test
  void serverCloseIsForgottenAfterTheGracePeriodWithoutAGet() {
    openPolling();
    session.close();
    EngineRequest poll =
        new EngineRequestSnapshot(
            "GET",
            "/engine.io/",
            EngineRequestSnapshot.parseQuery("EIO=4&transport=polling&sid=" + session.id()),
            Map.of(),
            "127.0.0.1",
            false,
            false);
    assertThat(engine.clientsCount()).as("a closed session is no client any more").isZero();
    assertThat(engine.check(poll).session()).as("but its sid still reaches it").isSameAs(session);
    clock.advance(EngineSession.CLOSE_GRACE);
    assertThat(engine.check(poll).error()).isEqualTo(EngineError.UNKNOWN_SID);
  }

  @Test
  void aBatchThatAVanishedGetCouldNotCarryIsQueuedAgain() {
    openPolling();
    PollResponder gone =
        new PollResponder() {
          @Override
          public boolean respond(List<EnginePacket> packets) {
            return false; // the container timed the GET out first
          }

          @Override
          public void fail(EngineError error) {}

          @Override
          public void fail(int status) {}
        };
    session.poll(gone);
    session.send("kept");
    session.send("order");
    Get next = new Get();
    session.poll(next);
    assertThat(next.only()).isEqualTo("4kept\u001e4order");
  }

  @Test
  void aPostBodyArrivingAfterTheSessionEndedIsNotAccepted() {
    openPolling();
    assertThat(session.beginPost()).isTrue();
    session.close();
    assertThat(session.onPost("4late")).isEqualTo(EngineError.UNKNOWN_SID);
    assertThat(events).containsExactly("close:forced close");
  }

  @Test
  void packetsQueuedBeforeAGetAreFlushedTogether() {
    openPolling();
    session.send("a");
    session.send("b");
    Get get = new Get();
    session.poll(get);
    assertThat(get.only()).isEqualTo("4a\u001e4b");
  }

  @Test
  void upgradeProbeNoopSwitchAndFlush() {
    openPolling();
    Get pending = new Get();
    session.poll(pending);
    Channel ws = new Channel();
    WebSocketTransport t = engine.attachUpgrade(session, ws);
    assertThat(t).isNotNull();
    assertThat(engine.attachUpgrade(session, new Channel()))
        .as("second upgrade while one is running")
        .isNull();

    t.onText("2probe");
    assertThat(ws.sent).containsExactly("3probe");
    assertThat(pending.answers).as("the noop comes a little later").isEmpty();
    clock.advance(EngineSession.PROBE_NOOP_DELAY);
    assertThat(pending.only()).isEqualTo("6");

    session.send("during");
    Get afterProbe = new Get();
    session.poll(afterProbe);
    assertThat(afterProbe.answers).as("data waits for the WebSocket").isEmpty();
    clock.advance(EngineSession.PROBE_NOOP_DELAY);
    assertThat(afterProbe.only()).isEqualTo("6");

    t.onText("5");
    assertThat(session.transportName()).isEqualTo("websocket");
    assertThat(session.upgraded()).isTrue();
    assertThat(ws.sent).containsExactly("3probe", "4during");
    assertThat(events).containsExactly("upgrade:websocket");

    Get late = new Get();
    session.poll(late);
    assertThat(late.only()).isEqualTo("error 3");
  }

  @Test
  void anotherPacketDuringTheProbeAbortsTheUpgradeAndPollingGoesOn() {
    openPolling();
    Channel ws = new Channel();
    WebSocketTransport t = engine.attachUpgrade(session, ws);
    t.onText("2probe");
    t.onText("4not-an-upgrade");
    assertThat(ws.closed).isTrue();
    assertThat(session.transportName()).isEqualTo("polling");
    session.send("still");
    Get get = new Get();
    session.poll(get);
    assertThat(get.only()).isEqualTo("4still");
    assertThat(engine.attachUpgrade(session, new Channel()))
        .as("a new upgrade may start")
        .isNotNull();
  }

  @Test
  void upgradeTimeoutClosesTheProbe() {
    openPolling();
    Channel ws = new Channel();
    engine.attachUpgrade(session, ws);
    for (int i = 0; i < 39; i++) {
      clock.advanceMillis(250);
      session.onPost("3"); // keep the heartbeat alive
    }
    assertThat(ws.closed).isFalse();
    clock.advanceMillis(250);
    assertThat(ws.closed).isTrue();
    assertThat(session.isOpen()).isTrue();
  }

  @Test
  void aBrokenProbeDoesNotKillTheSession() {
    openPolling();
    Channel ws = new Channel();
    WebSocketTransport t = engine.attachUpgrade(session, ws);
    t.onText("garbage");
    t.onClosed();
    assertThat(session.isOpen()).isTrue();
    assertThat(events).isEmpty();
  }

  @Test
  void webSocketSessionHasOneWriterAndKeepsOrder() {
    Channel ws = new Channel();
    ws.autoComplete = false;
    WebSocketTransport t = engine.openWebSocket(handshake(), ws);
    session = t.session();
    assertThat(ws.sent).hasSize(1);
    assertThat(ws.sent.get(0)).startsWith("0{\"sid\":").contains("\"upgrades\":[]");
    session.send("a");
    session.send("b");
    assertThat(ws.sent).as("nothing else is sent while a send is in flight").hasSize(1);
    ws.completeOne();
    assertThat(ws.sent).hasSize(2).endsWith("4a");
    ws.completeOne();
    assertThat(ws.sent).endsWith("4b");
    ws.completeOne();
    assertThat(ws.maxConcurrentSends).isEqualTo(1);
  }

  @Test
  void webSocketCloseEndsTheSessionWithTransportClose() {
    WebSocketTransport t = engine.openWebSocket(handshake(), new Channel());
    t.onClosed();
    assertThat(events).containsExactly("close:transport close");
    assertThat(engine.clientsCount()).isZero();
  }

  @Test
  void webSocketServerCloseSendsQueuedPacketsThenCloses() {
    Channel ws = new Channel();
    ws.autoComplete = false;
    WebSocketTransport t = engine.openWebSocket(handshake(), ws);
    t.session().send("last");
    t.session().close();
    assertThat(ws.closed).isFalse();
    ws.completeOne(); // open packet
    ws.completeOne(); // "4last"
    assertThat(ws.sent).endsWith("4last");
    assertThat(ws.closed).isTrue();
    assertThat(events).containsExactly("close:forced close");
  }

  @Test
  void aLongBatchCompletingInlineDoesNotRecurse() {
    Channel ws = new Channel();
    WebSocketTransport t = engine.openWebSocket(handshake(), ws);
    List<EnginePacket> many = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      many.add(EnginePacket.message("m" + i));
    }
    t.session().send(many);
    assertThat(ws.sent).hasSize(100_001).endsWith("4m99999");
  }

  @Test
  void sendIfWritableDropsWhenTheTransportIsBusy() {
    openPolling();
    assertThat(session.sendIfWritable(List.of(EnginePacket.message("volatile")))).isFalse();
    Get get = new Get();
    session.poll(get);
    assertThat(get.answers).isEmpty();
  }
}
