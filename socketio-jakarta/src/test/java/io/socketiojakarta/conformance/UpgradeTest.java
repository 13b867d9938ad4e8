package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.BAD_REQUEST;
import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.testing.JettyTestServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrade of a polling session to WebSocket: {@code 2probe}/{@code 3probe}, noop to the polling
 * side, switch on {@code 5}, polling refused afterwards, nothing lost, aborts.
 */
class UpgradeTest {
  private static JettyTestServer server;
  private static JettyTestServer quickUpgradeTimeout;
  private static EioHttp http;

  @BeforeAll
  static void start() throws Exception {
    server = JettyTestServer.start(Fixture.options().build(), new ServerEvents());
    quickUpgradeTimeout =
        JettyTestServer.start(
            Fixture.options()
                .pingTimeout(Duration.ofMillis(2000))
                .upgradeTimeout(Duration.ofMillis(400))
                .build(),
            new ServerEvents());
    http = new EioHttp(server.uri(PATH));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    quickUpgradeTimeout.close();
  }

  /** A WebSocket carrying the sid of a polling session (no probe sent yet). */
  static WsClient attach(JettyTestServer s, String sid, boolean autoPong) throws Exception {
    return WsClient.connect(s.wsUri(PATH + "?EIO=4&transport=websocket&sid=" + sid), autoPong);
  }

  /** Upgrades the session: probe, {@code 3probe}, {@code 5} (written before returning). */
  static WsClient upgrade(JettyTestServer s, String sid, boolean autoPong) throws Exception {
    WsClient ws = attach(s, sid, autoPong);
    ws.send("2probe");
    assertThat(ws.nextText()).isEqualTo("3probe");
    ws.send("5");
    ws.flushSends();
    return ws;
  }

  @Test
  void probeOverNewWebSocketIsAnsweredPongProbe() throws Exception {
    String sid = http.handshake().sid();
    try (WsClient ws = attach(server, sid, false)) {
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
    }
  }

  @Test
  void getPendingWhenProbeArrivesIsAnsweredNoop() throws Exception {
    EioHttp.Handshake h = http.handshake();
    try (WsClient ws = attach(server, h.sid(), false)) {
      CompletableFuture<EioHttp.Res> pending = http.pollLater(h.sid());
      Fixture.pause(Fixture.SETTLE);
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
      EioHttp.Res res = EioHttp.await(pending);
      assertThat(res.body()).isEqualTo("6");
      assertThat(res.at() - h.res().at())
          .as("before the ping is due")
          .isLessThan(Fixture.PING_INTERVAL);
    }
  }

  @Test
  void getSentAfterProbeIsAnsweredNoop() throws Exception {
    EioHttp.Handshake h = http.handshake();
    try (WsClient ws = attach(server, h.sid(), false)) {
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
      long sent = Fixture.now();
      EioHttp.Res res = http.poll(h.sid());
      assertThat(res.body()).isEqualTo("6");
      assertThat(res.at() - sent)
          .as("answered well before a ping")
          .isLessThan(Fixture.PING_INTERVAL);
    }
  }

  @Test
  void afterUpgradeMessagesAreEchoedOverWebSocket() throws Exception {
    String sid = http.handshake().sid();
    try (WsClient ws = upgrade(server, sid, false)) {
      ws.send("4hello");
      assertThat(ws.nextMessage()).isEqualTo("4hello");
      ws.send(new byte[] {1, 2});
      assertThat(ws.nextNonPing().binary()).containsExactly(1, 2);
    }
  }

  @Test
  void pollingGetRightAfterUpgradeIs400Code3() throws Exception {
    String sid = http.handshake().sid();
    try (WsClient ws = upgrade(server, sid, false)) {
      EioHttp.Res res = http.poll(sid);
      assertThat(res.status()).isEqualTo(400);
      assertThat(res.mediaType()).isEqualTo("application/json");
      assertThat(res.body()).isEqualTo(BAD_REQUEST);
      EioHttp.Res post = http.send(sid, "4late");
      assertThat(post.status()).isEqualTo(400);
      assertThat(post.body()).isEqualTo(BAD_REQUEST);
    }
  }

  @Test
  void secondWebSocketAfterUpgradeIsRefusedOrClosedWhileFirstGoesOn() throws Exception {
    String sid = http.handshake().sid();
    try (WsClient ws = upgrade(server, sid, true)) {
      ws.send("4ready");
      assertThat(ws.nextMessage()).isEqualTo("4ready");
      try (WsClient second = attach(server, sid, false)) {
        second.awaitClose(Duration.ofSeconds(1));
        assertThat(second.pending()).as("frames on the second WebSocket").isEmpty();
      } catch (WsClient.Refused refused) {
        assertThat(refused.status).isEqualTo(400);
      }
      ws.send("4still-here");
      assertThat(ws.nextMessage()).isEqualTo("4still-here");
    }
  }

  @Test
  void secondWebSocketDuringUpgradeIsClosedWhileFirstCompletesIt() throws Exception {
    String sid = http.handshake().sid();
    try (WsClient first = attach(server, sid, true)) {
      first.send("2probe");
      assertThat(first.nextText()).isEqualTo("3probe");
      try (WsClient second = attach(server, sid, false)) {
        second.awaitClose(Duration.ofSeconds(1));
        assertThat(second.pending()).isEmpty();
      } catch (WsClient.Refused refused) {
        assertThat(refused.status).isEqualTo(400);
      }
      first.send("5");
      first.send("4after");
      assertThat(first.nextMessage()).isEqualTo("4after");
    }
  }

  @Test
  void messagePostedDuringUpgradeIsDeliveredOverWebSocketAfterUpgradePacket() throws Exception {
    String sid = http.handshake().sid();
    try (WsClient ws = attach(server, sid, false)) {
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
      assertThat(http.send(sid, "4during-upgrade").body()).isEqualTo("ok");
      ws.send("5");
      assertThat(ws.nextMessage()).isEqualTo("4during-upgrade");
    }
  }

  @Test
  void packetOtherThanUpgradeAfterProbeAbortsUpgradeAndPollingGoesOn() throws Exception {
    String sid = http.handshake().sid();
    try (WsClient ws = attach(server, sid, false)) {
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
      ws.send("4not-an-upgrade");
      ws.awaitClose(Duration.ofSeconds(1));
    }
    assertThat(http.send(sid, "4still-polling").body()).isEqualTo("ok");
    String body = "6";
    for (int attempt = 0; attempt < 5 && body.equals("6"); attempt++) {
      body = http.poll(sid).body(); // skips noops answered while the upgrade was pending
    }
    assertThat(body).isEqualTo("4still-polling");
  }

  @Test
  void upgradeNotCompletedWithinUpgradeTimeoutIsAbortedAndPollingGoesOn() throws Exception {
    EioHttp slowHttp = new EioHttp(quickUpgradeTimeout.uri(PATH));
    String sid = slowHttp.handshake().sid();
    try (WsClient ws = attach(quickUpgradeTimeout, sid, false)) {
      long attached = Fixture.now();
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
      WsClient.Closed closed = ws.awaitClose(Duration.ofSeconds(2));
      Fixture.assertAbout(closed.at() - attached, 400, "upgrade timeout");
    }
    assertThat(slowHttp.send(sid, "4polling").body()).isEqualTo("ok");
    // the ping that fell due during the upgrade was held back for polling and may come first
    assertThat(slowHttp.poll(sid).body().split("\u001e"))
        .containsSubsequence("4polling")
        .doesNotContain("6", "1");
  }
}
