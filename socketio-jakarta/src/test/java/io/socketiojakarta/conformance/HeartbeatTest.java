package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static io.socketiojakarta.conformance.Fixture.PING_INTERVAL;
import static io.socketiojakarta.conformance.Fixture.PING_TIMEOUT;
import static io.socketiojakarta.conformance.Fixture.assertAbout;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.testing.JettyTestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Heartbeat, protocol v4: the server pings every pingInterval counted from the handshake or the
 * last pong; no pong within pingTimeout ends the session; a message while a pong is awaited
 * postpones the deadline once (engine.io >= 6.6.10).
 */
class HeartbeatTest {
  /** pingTimeout of the second server, long enough for late pongs that tell timings apart. */
  private static final int SLOW_TIMEOUT = 1000;

  private static JettyTestServer server;
  private static JettyTestServer slow;
  private static EioHttp http;
  private static EioHttp slowHttp;

  @BeforeAll
  static void start() throws Exception {
    server = JettyTestServer.start(Fixture.options().build(), new ServerEvents());
    slow =
        JettyTestServer.start(
            Fixture.options().pingTimeout(Duration.ofMillis(SLOW_TIMEOUT)).build(),
            new ServerEvents());
    http = new EioHttp(server.uri(PATH));
    slowHttp = new EioHttp(slow.uri(PATH));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    slow.close();
  }

  private static WsClient wsSession(JettyTestServer s) throws Exception {
    return WsClient.connect(s.wsUri(PATH + "?EIO=4&transport=websocket"));
  }

  // ------------------------------------------------------------------ polling

  @Test
  void pollingPingsEveryIntervalAfterHandshakeOrLastPong() throws Exception {
    EioHttp.Handshake h = http.handshake();
    long since = h.res().at();
    for (int round = 1; round <= 3; round++) {
      EioHttp.Res ping = http.poll(h.sid());
      assertThat(ping.body()).as("round %d", round).isEqualTo("2");
      assertAbout(ping.at() - since, PING_INTERVAL, "ping of round " + round);
      EioHttp.Res pong = http.send(h.sid(), "3");
      assertThat(pong.body()).isEqualTo("ok");
      since = pong.at();
    }
  }

  @Test
  void pollingNextPingIsTimedFromTheLatePong() throws Exception {
    String sid = slowHttp.handshake().sid();
    assertThat(slowHttp.poll(sid).body()).isEqualTo("2");
    Fixture.pause(500); // a late pong: a ping timed from the previous ping would be due meanwhile
    EioHttp.Res pong = slowHttp.send(sid, "3");
    EioHttp.Res ping = slowHttp.poll(sid);
    assertThat(ping.body()).isEqualTo("2");
    assertAbout(ping.at() - pong.at(), PING_INTERVAL, "ping after the late pong");
  }

  @Test
  void pollingWithoutPongPendingGetIsAnsweredCloseAtIntervalPlusTimeoutThenSidUnknown()
      throws Exception {
    EioHttp.Handshake h = http.handshake();
    assertThat(http.poll(h.sid()).body()).isEqualTo("2");
    EioHttp.Res close = http.poll(h.sid());
    assertThat(close.status()).isEqualTo(200);
    assertThat(close.body()).isEqualTo("1");
    assertAbout(close.at() - h.res().at(), PING_INTERVAL + PING_TIMEOUT, "close packet");
    http.assertGone(h.sid());
  }

  @Test
  void pollingWithoutPongAndWithoutPendingGetTheSidIsUnknownAfterTheDeadline() throws Exception {
    EioHttp.Handshake h = http.handshake();
    Fixture.pause(PING_INTERVAL + PING_TIMEOUT + Fixture.SLACK - (Fixture.now() - h.res().at()));
    http.assertGone(h.sid());
  }

  @Test
  void pollingMessageWhileAwaitingPongPostponesTheDeadlineOnce() throws Exception {
    String sid = slowHttp.handshake().sid();
    EioHttp.Res ping = slowHttp.poll(sid);
    assertThat(ping.body()).isEqualTo("2");
    Fixture.pause(300 - (Fixture.now() - ping.at()));
    slowHttp.send(sid, "4first"); // deadline becomes now + pingTimeout
    assertThat(slowHttp.poll(sid).body()).isEqualTo("4first");
    Fixture.pause(800 - (Fixture.now() - ping.at()));
    slowHttp.send(sid, "4second"); // no second extension
    assertThat(slowHttp.poll(sid).body()).isEqualTo("4second");
    EioHttp.Res close = slowHttp.poll(sid);
    assertThat(close.body()).isEqualTo("1");
    assertAbout(close.at() - ping.at(), 300 + SLOW_TIMEOUT, "close after the postponed deadline");
  }

  // ------------------------------------------------------------------ WebSocket

  @Test
  void webSocketPingsEveryIntervalWhileEachIsAnswered() throws Exception {
    try (WsClient ws = wsSession(server)) {
      long since = ws.next().at(); // open packet
      for (int round = 1; round <= 3; round++) {
        WsClient.Frame ping = ws.next();
        assertThat(ping.text()).as("round %d", round).isEqualTo("2");
        assertAbout(ping.at() - since, PING_INTERVAL, "ping of round " + round);
        ws.send("3");
        since = Fixture.now();
      }
    }
  }

  @Test
  void webSocketNextPingIsTimedFromTheLatePong() throws Exception {
    try (WsClient ws = wsSession(slow)) {
      ws.next(); // open packet
      WsClient.Frame ping = ws.next();
      assertThat(ping.text()).isEqualTo("2");
      Fixture.pause(500 - (Fixture.now() - ping.at()));
      assertThat(ws.pending()).as("no frame while the pong is awaited").isEmpty();
      ws.send("3");
      long pong = Fixture.now();
      WsClient.Frame next = ws.next();
      assertThat(next.text()).isEqualTo("2");
      assertAbout(next.at() - pong, PING_INTERVAL, "ping after the late pong");
    }
  }

  @Test
  void webSocketWithoutPongIsClosedAtIntervalPlusTimeoutAfterHandshake() throws Exception {
    try (WsClient ws = wsSession(server)) {
      WsClient.Frame open = ws.next();
      WsClient.Closed closed = ws.awaitClose(Duration.ofSeconds(2));
      assertAbout(closed.at() - open.at(), PING_INTERVAL + PING_TIMEOUT, "close");
      assertThat(ws.pending()).extracting(WsClient.Frame::text).containsExactly("2");
    }
  }

  @Test
  void webSocketMessageWhileAwaitingPongPostponesTheDeadlineOnce() throws Exception {
    try (WsClient ws = wsSession(slow)) {
      ws.next(); // open packet
      WsClient.Frame ping = ws.next();
      assertThat(ping.text()).isEqualTo("2");
      Fixture.pause(300 - (Fixture.now() - ping.at()));
      ws.send("4first"); // deadline becomes now + pingTimeout
      Fixture.pause(800 - (Fixture.now() - ping.at()));
      ws.send("4second"); // no second extension
      WsClient.Closed closed = ws.awaitClose(Duration.ofSeconds(3));
      assertAbout(
          closed.at() - ping.at(), 300 + SLOW_TIMEOUT, "close after the postponed deadline");
      assertThat(ws.pending())
          .extracting(WsClient.Frame::text)
          .containsExactly("4first", "4second");
    }
  }

  @Test
  void webSocketPongKeepsTheSessionAlivePastIntervalPlusTimeout() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
      ws.next(); // open packet
      Fixture.pause(2 * (PING_INTERVAL + PING_TIMEOUT)); // two ping rounds, each answered
      assertThat(ws.isClosed()).as("closed although every ping was answered").isFalse();
      ws.send("4alive");
      assertThat(ws.nextMessage()).isEqualTo("4alive");
    }
  }
}
