package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.testing.MiniJson;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Ending a session from the client side. */
class CloseTest extends FixtureServer {

  @Test
  void postCloseIsAnsweredOkPendingGetGetsNoopThenSidIsUnknown() throws Exception {
    String sid = http.handshake().sid();
    CompletableFuture<EioHttp.Res> pending = http.pollLater(sid);
    Fixture.pause(Fixture.SETTLE);
    assertThat(http.send(sid, "1").body()).isEqualTo("ok");
    EioHttp.Res get = EioHttp.await(pending);
    assertThat(get.status()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("6");
    http.assertGone(sid);
  }

  @Test
  void postCloseWithoutPendingGetEndsSessionAtOnce() throws Exception {
    String sid = http.handshake().sid();
    assertThat(http.send(sid, "1").body()).isEqualTo("ok");
    http.assertGone(sid);
    assertThat(http.send(sid, "4x").body()).isEqualTo(Fixture.SID_UNKNOWN);
  }

  @Test
  void closingWebSocketOfUpgradedSessionEndsSession() throws Exception {
    String sid = http.handshake().sid();
    try (WsClient ws = UpgradeTest.upgrade(server, sid, true)) {
      ws.send("4ready");
      assertThat(ws.nextMessage()).isEqualTo("4ready");
      ws.closeNormally();
    }
    // pings were answered, so only the close can end the session
    http.assertGoneSoon(sid);
    assertThat(events.closeReason(sid, Duration.ofSeconds(1))).isEqualTo("transport close");
  }

  @Test
  void closingWebSocketOnlySessionEndsSession() throws Exception {
    String sid;
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
      sid = (String) MiniJson.object(ws.nextText().substring(1)).get("sid");
      ws.closeNormally();
    }
    assertThat(events.closeReason(sid, Duration.ofSeconds(1))).isEqualTo("transport close");
    assertThat(server.engine().session(sid)).isEmpty();
  }
}
