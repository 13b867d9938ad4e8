package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.testing.MiniJson;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Closing from the server side ({@code EngineSession.close()}), and the close reasons the
 * application sees, verbatim.
 */
class ServerCloseTest extends FixtureServer {
  private static final Duration WAIT = Duration.ofSeconds(2);

  private static String wsSid(WsClient ws) throws InterruptedException {
    return (String) MiniJson.object(ws.nextText().substring(1)).get("sid");
  }

  // ------------------------------------------------------------------ server close

  @Test
  void serverCloseAnswersPendingGetWithClosePacket() throws Exception {
    String sid = http.handshake().sid();
    CompletableFuture<EioHttp.Res> pending = http.pollLater(sid);
    Fixture.pause(Fixture.SETTLE);
    events.session(sid).close();
    EioHttp.Res res = EioHttp.await(pending);
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("1");
    http.assertGone(sid);
    assertThat(events.closeReason(sid, WAIT)).isEqualTo("forced close");
  }

  @Test
  void serverCloseWithoutPendingGetDeliversClosePacketOnNextGet() throws Exception {
    String sid = http.handshake().sid();
    events.session(sid).close();
    EioHttp.Res res = http.poll(sid);
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).isEqualTo("1");
    http.assertGone(sid);
  }

  @Test
  void serverCloseOverPollingSendsQueuedMessagesBeforeClosePacket() throws Exception {
    String sid = http.handshake().sid();
    events.session(sid).send("bye");
    events.session(sid).close();
    // reference: the close waits for the queue to drain, the close packet goes with a later GET
    // (a socket.io-client handles a close packet batched with messages before those messages)
    assertThat(http.poll(sid).body()).isEqualTo("4bye");
    assertThat(http.poll(sid).body()).isEqualTo("1");
    http.assertGone(sid);
  }

  @Test
  void serverCloseOverWebSocketClosesConnectionAfterQueuedMessages() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"))) {
      String sid = wsSid(ws);
      events.session(sid).send("bye");
      events.session(sid).close();
      ws.awaitClose(WAIT);
      assertThat(ws.pending()).extracting(WsClient.Frame::text).containsExactly("4bye");
      assertThat(events.closeReason(sid, WAIT)).isEqualTo("forced close");
      assertThat(server.engine().session(sid)).isEmpty();
    }
  }

  @Test
  void serverCloseOverWebSocketWhileASendIsInFlightStillDeliversEverythingQueued()
      throws Exception {
    try (RawHttp raw = RawHttp.open(server.port())) {
      // a client that does not read for a while, so that the server's send stays in flight
      raw.write(
          RawHttp.upgradeRequest(
              server.port(), server.uri(PATH).getRawPath() + "?EIO=4&transport=websocket", ""));
      assertThat(raw.readResponse().status()).isEqualTo(101);
      RawHttp.WsFrame open = raw.readWsFrame();
      String sid = (String) MiniJson.object(open.text().substring(1)).get("sid");
      String big = "x".repeat(900_000);
      for (int i = 0; i < 8; i++) {
        events.session(sid).send(big + i);
      }
      events.session(sid).send("bye");
      events.session(sid).close();
      for (int i = 0; i < 8; i++) {
        RawHttp.WsFrame f = raw.readWsFrame();
        assertThat(f.opcode()).isEqualTo(1);
        assertThat(f.text().equals("4" + big + i))
            .as("big message %d intact (%d chars)", i, f.text().length())
            .isTrue();
      }
      assertThat(raw.readWsFrame().text())
          .as("the message queued before the close")
          .isEqualTo("4bye");
      assertThat(raw.readWsFrame().opcode()).as("then the close frame").isEqualTo(8);
    }
  }

  @Test
  void sendAfterCloseIsRefused() throws Exception {
    String sid = http.handshake().sid();
    events.session(sid).close();
    assertThat(events.session(sid).send("late")).isFalse();
    assertThat(http.poll(sid).body()).isEqualTo("1");
  }

  // ------------------------------------------------------------------ close reasons

  @Test
  void reasonIsTransportCloseWhenClientClosesWebSocket() throws Exception {
    String sid;
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
      sid = wsSid(ws);
      ws.closeNormally();
    }
    assertThat(events.closeReason(sid, WAIT)).isEqualTo("transport close");
  }

  @Test
  void reasonIsTransportCloseWhenClientPostsClosePacket() throws Exception {
    String sid = http.handshake().sid();
    http.send(sid, "1");
    assertThat(events.closeReason(sid, WAIT)).isEqualTo("transport close");
  }

  @Test
  void reasonIsPingTimeoutWithoutPong() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"))) {
      String sid = wsSid(ws);
      assertThat(events.closeReason(sid, WAIT)).isEqualTo("ping timeout");
    }
  }

  @Test
  void reasonIsParseErrorForUndecodablePost() throws Exception {
    String sid = http.handshake().sid();
    try {
      http.send(sid, "abc");
    } catch (IOException cut) {
      // the answer is not prescribed
    }
    assertThat(events.closeReason(sid, WAIT)).isEqualTo("parse error");
  }

  @Test
  void reasonIsParseErrorForUndecodableWebSocketFrame() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
      String sid = wsSid(ws);
      ws.send("abc");
      assertThat(events.closeReason(sid, WAIT)).isEqualTo("parse error");
    }
  }

  @Test
  void reasonIsTransportErrorForOverlappingGets() throws Exception {
    String sid = http.handshake().sid();
    CompletableFuture<EioHttp.Res> first = http.pollLater(sid);
    Fixture.pause(Fixture.SETTLE);
    http.poll(sid);
    EioHttp.await(first);
    assertThat(events.closeReason(sid, WAIT)).isEqualTo("transport error");
  }

  @Test
  void reasonIsTransportErrorForClientPing() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
      String sid = wsSid(ws);
      ws.send("2");
      assertThat(events.closeReason(sid, WAIT)).isEqualTo("transport error");
    }
  }

  @Test
  void reasonIsForcedCloseWhenServerCloses() throws Exception {
    String sid = http.handshake().sid();
    events.session(sid).close();
    assertThat(events.closeReason(sid, WAIT)).isEqualTo("forced close");
  }
}
