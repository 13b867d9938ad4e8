package io.socketiojakarta.conformance.sio;

import static io.socketiojakarta.conformance.Fixture.PING_INTERVAL;
import static io.socketiojakarta.conformance.Fixture.PING_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.conformance.EioHttp;
import io.socketiojakarta.conformance.Fixture;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.MiniJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Engine.IO group of the official socket.io-protocol suite (16 checks), against the Socket.IO
 * server at {@code /socket.io/}: handshakes, heartbeat, close and upgrade, over polling and
 * WebSocket. The session joins no namespace here, so nothing else than Engine.IO packets comes.
 */
class EngineIoAtSocketIoPathTest extends SioServer {

  private static void assertOpenPacket(String packet, List<String> upgrades) {
    assertThat(packet).startsWith("0{");
    Map<String, Object> open = MiniJson.object(packet.substring(1));
    assertThat(open.keySet())
        .containsExactly("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
    assertThat(open.get("sid")).isInstanceOf(String.class);
    assertThat(open.get("upgrades")).isEqualTo(upgrades);
    assertThat(open.get("pingInterval")).isEqualTo((long) PING_INTERVAL);
    assertThat(open.get("pingTimeout")).isEqualTo((long) PING_TIMEOUT);
    assertThat(open.get("maxPayload")).isEqualTo((long) Fixture.MAX_PAYLOAD);
  }

  /** Refused with 400, or accepted and closed without an open packet. */
  private static void assertNoWebSocketSession(String query) throws Exception {
    try (WsClient ws = WsClient.connect(sio.wsUri(query))) {
      ws.awaitClose(Duration.ofSeconds(1));
      assertThat(ws.pending()).as(query).noneMatch(f -> !f.isBinary() && f.text().startsWith("0"));
    } catch (WsClient.Refused refused) {
      assertThat(refused.status).as(query).isEqualTo(400);
    }
  }

  @Nested
  class HandshakeOverPolling {
    @Test
    void opensASession() throws Exception {
      EioHttp.Res res = http.get("EIO=4&transport=polling");
      assertThat(res.status()).isEqualTo(200);
      assertThat(res.body()).as("the open packet alone").doesNotContain(Sio.SEP);
      assertOpenPacket(res.body(), List.of("websocket"));
    }

    @Test
    void failsWithAnInvalidEioParameter() throws Exception {
      EioHttp.Res missing = http.get("transport=polling");
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.body()).isEqualTo(Fixture.UNSUPPORTED);
      EioHttp.Res abc = http.get("EIO=abc&transport=polling");
      assertThat(abc.status()).isEqualTo(400);
      assertThat(abc.body()).isEqualTo(Fixture.UNSUPPORTED);
    }

    @Test
    void failsWithAnInvalidTransportParameter() throws Exception {
      EioHttp.Res missing = http.get("EIO=4");
      assertThat(missing.status()).isEqualTo(400);
      assertThat(missing.body()).isEqualTo(Fixture.TRANSPORT_UNKNOWN);
      EioHttp.Res abc = http.get("EIO=4&transport=abc");
      assertThat(abc.status()).isEqualTo(400);
      assertThat(abc.body()).isEqualTo(Fixture.TRANSPORT_UNKNOWN);
    }

    @Test
    void failsWithAnInvalidRequestMethod() throws Exception {
      EioHttp.Res post = http.request("POST", "EIO=4&transport=polling", new byte[0]);
      assertThat(post.status()).isEqualTo(400);
      assertThat(post.body()).isEqualTo(Fixture.BAD_METHOD);
      EioHttp.Res put = http.request("PUT", "EIO=4&transport=polling", new byte[0]);
      assertThat(put.status()).isEqualTo(400);
      assertThat(put.body()).isEqualTo(Fixture.BAD_METHOD);
    }
  }

  @Nested
  class HandshakeOverWebSocket {
    @Test
    void opensASession() throws Exception {
      try (WsClient ws = WsClient.connect(sio.wsUri("EIO=4&transport=websocket"))) {
        assertOpenPacket(ws.nextText(), List.of());
        ws.closeNormally();
      }
    }

    @Test
    void failsWithAnInvalidEioParameter() throws Exception {
      assertNoWebSocketSession("transport=websocket");
      assertNoWebSocketSession("EIO=abc&transport=websocket");
    }

    @Test
    void failsWithAnInvalidTransportParameter() throws Exception {
      assertNoWebSocketSession("EIO=4");
      assertNoWebSocketSession("EIO=4&transport=abc");
    }
  }

  @Nested
  class Heartbeat {
    @Test
    void pingsAndPongsOverPolling() throws Exception {
      EioHttp.Handshake h = http.handshake();
      long last = h.res().at();
      for (int i = 0; i < 3; i++) {
        EioHttp.Res poll = http.poll(h.sid());
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.body()).as("poll %d", i).isEqualTo("2");
        Fixture.assertAbout(poll.at() - last, PING_INTERVAL, "ping " + i);
        EioHttp.Res pong = http.send(h.sid(), "3");
        assertThat(pong.status()).isEqualTo(200);
        assertThat(pong.body()).isEqualTo("ok");
        last = pong.at();
      }
    }

    @Test
    void closesThePollingSessionUponPingTimeout() throws Exception {
      EioHttp.Handshake h = http.handshake();
      Fixture.pause(PING_INTERVAL + PING_TIMEOUT + Fixture.SLACK);
      EioHttp.Res res = http.poll(h.sid());
      assertThat(res.status()).isEqualTo(400);
      assertThat(res.body()).isEqualTo(Fixture.SID_UNKNOWN);
    }

    @Test
    void pingsAndPongsOverWebSocket() throws Exception {
      try (WsClient ws = WsClient.connect(sio.wsUri("EIO=4&transport=websocket"))) {
        WsClient.Frame open = ws.next();
        assertThat(open.text()).startsWith("0{");
        long last = open.at();
        for (int i = 0; i < 3; i++) {
          WsClient.Frame ping = ws.next();
          assertThat(ping.text()).as("frame %d", i).isEqualTo("2");
          Fixture.assertAbout(ping.at() - last, PING_INTERVAL, "ping " + i);
          ws.send("3");
          last = Fixture.now();
        }
        ws.closeNormally();
      }
    }

    @Test
    void closesTheWebSocketUponPingTimeout() throws Exception {
      try (WsClient ws = WsClient.connect(sio.wsUri("EIO=4&transport=websocket"))) {
        long start = Sio.openedAt(ws);
        WsClient.Closed closed = Sio.awaitClosedCleanly(ws, Duration.ofSeconds(2));
        // the ping timeout, well before connectTimeout (1000 ms)
        Fixture.assertAbout(closed.at() - start, PING_INTERVAL + PING_TIMEOUT, "close");
        assertThat(ws.pending()).extracting(WsClient.Frame::text).contains("2");
      }
    }
  }

  @Nested
  class Close {
    @Test
    void forcefullyClosesThePollingSession() throws Exception {
      String sid = http.handshake().sid();
      CompletableFuture<EioHttp.Res> pending = http.pollLater(sid);
      Fixture.pause(Fixture.SETTLE);
      EioHttp.Res post = http.send(sid, "1");
      assertThat(post.body()).isEqualTo("ok");
      EioHttp.Res res = EioHttp.await(pending);
      assertThat(res.status()).isEqualTo(200);
      assertThat(res.body()).isEqualTo("6");
      http.assertGone(sid);
    }

    @Test
    void closesTheWebSocketSession() throws Exception {
      // the reference ignores "1" over WebSocket: the session then ends by ping timeout
      try (WsClient ws = WsClient.connect(sio.wsUri("EIO=4&transport=websocket"))) {
        assertThat(ws.nextText()).startsWith("0{");
        ws.send("1");
        Sio.awaitClosedCleanly(ws, Duration.ofSeconds(2));
      }
    }
  }

  @Nested
  class Upgrade {
    private WsClient attach(String sid) throws Exception {
      return WsClient.connect(sio.wsUri("EIO=4&transport=websocket&sid=" + sid), true);
    }

    @Test
    void upgradesFromPollingToWebSocket() throws Exception {
      String sid = http.handshake().sid();
      try (WsClient ws = attach(sid)) {
        ws.send("2probe");
        assertThat(ws.nextText()).isEqualTo("3probe");
        ws.send("5");
        // the session now runs over the WebSocket
        ws.send("40");
        Sio.connectReply(ws.nextMessage(), "/");
        assertThat(ws.nextMessage()).isEqualTo("42[\"auth\",{}]");
      }
    }

    @Test
    void refusesHttpRequestsWithTheSameSidAfterUpgrade() throws Exception {
      String sid = http.handshake().sid();
      try (WsClient ws = attach(sid)) {
        // as the suite does: 3probe not awaited; "5" must take effect before the GET is answered
        ws.send("2probe");
        ws.send("5");
        EioHttp.Res res = http.poll(sid);
        assertThat(res.status()).isEqualTo(400);
        assertThat(res.body()).isEqualTo(Fixture.BAD_REQUEST);
      }
    }

    @Test
    void refusesAWebSocketWithTheSameSidAfterUpgrade() throws Exception {
      String sid = http.handshake().sid();
      try (WsClient ws = attach(sid)) {
        ws.send("2probe");
        assertThat(ws.nextText()).isEqualTo("3probe");
        ws.send("5");
        ws.flushSends();
        try (WsClient second = attach(sid)) {
          second.awaitClose(Duration.ofSeconds(1));
          assertThat(second.pending()).as("frames on the second WebSocket").isEmpty();
        } catch (WsClient.Refused refused) {
          assertThat(refused.status).isEqualTo(400);
        }
        ws.send("40");
        Sio.connectReply(ws.nextMessage(), "/");
      }
    }
  }
}
