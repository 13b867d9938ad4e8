package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.MAX_PAYLOAD;
import static io.socketiojakarta.conformance.Fixture.PATH;
import static io.socketiojakarta.conformance.Fixture.PING_INTERVAL;
import static io.socketiojakarta.conformance.Fixture.PING_TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.testing.MiniJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The open packet over polling and over WebSocket, and the official suite's handshake refusals. */
class HandshakeTest extends FixtureServer {

  private static void assertOpenPacket(Map<String, Object> open, List<String> upgrades) {
    assertThat(open.keySet())
        .containsExactlyInAnyOrder("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
    assertThat(open.get("sid")).isInstanceOf(String.class);
    assertThat((String) open.get("sid")).isNotEmpty();
    assertThat(open.get("upgrades")).isEqualTo(upgrades);
    assertThat(open.get("pingInterval")).isEqualTo((long) PING_INTERVAL);
    assertThat(open.get("pingTimeout")).isEqualTo((long) PING_TIMEOUT);
    assertThat(open.get("maxPayload")).isEqualTo((long) MAX_PAYLOAD);
  }

  @Test
  void pollingHandshakeAnswersOpenPacketWithExactKeysAndFixtureValues() throws Exception {
    EioHttp.Res res = http.get("EIO=4&transport=polling");
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.body()).startsWith("0{").doesNotContain("\u001e");
    assertOpenPacket(MiniJson.object(res.body().substring(1)), List.of("websocket"));
  }

  @Test
  void openPacketIsCompactJsonWithKeysInReferenceOrder() throws Exception {
    assertThat(http.get("EIO=4&transport=polling").body())
        .matches(
            "0\\{\"sid\":\"[A-Za-z0-9_-]+\",\"upgrades\":\\[\"websocket\"\\],\"pingInterval\":300,\"pingTimeout\":200,\"maxPayload\":1000000\\}");
  }

  @Test
  void anEmptySidIsAHandshakeAsInTheReference() throws Exception {
    EioHttp.Res res = http.get("EIO=4&transport=polling&sid=");
    assertThat(res.status()).isEqualTo(200);
    assertOpenPacket(MiniJson.object(res.body().substring(1)), List.of("websocket"));
  }

  @Test
  void cacheBusterParameterIsIgnored() throws Exception {
    EioHttp.Handshake h = http.handshakeWith("EIO=4&transport=polling&t=NxyZ12a");
    assertThat(http.send(h.sid(), "4t").body()).isEqualTo("ok");
    assertThat(http.get(EioHttp.q(h.sid()) + "&t=NxyZ12b").body()).isEqualTo("4t");
  }

  @Test
  void pollingHandshakeIsTextPlainUtf8NoStoreWithExactContentLength() throws Exception {
    EioHttp.Res res = http.get("EIO=4&transport=polling");
    assertThat(res.mediaType()).isEqualTo("text/plain");
    assertThat(res.charset()).isEqualTo("utf-8");
    assertThat(res.header("cache-control").orElse("")).containsIgnoringCase("no-store");
    assertThat(res.header("content-length")).hasValue(Integer.toString(res.bytes().length));
  }

  @Test
  void pollingAnswersOfPostAndGetCarryCacheControlNoStore() throws Exception {
    EioHttp.Handshake h = http.handshake();
    EioHttp.Res post = http.send(h.sid(), "4x");
    EioHttp.Res get = http.poll(h.sid());
    assertThat(post.header("cache-control").orElse("")).as("POST").containsIgnoringCase("no-store");
    assertThat(get.header("cache-control").orElse("")).as("GET").containsIgnoringCase("no-store");
  }

  @Test
  void eachHandshakeGetsAFreshTwentyCharacterUrlSafeSid() throws Exception {
    String a = http.handshake().sid();
    String b = http.handshake().sid();
    assertThat(a).matches("[A-Za-z0-9_-]{20}");
    assertThat(b).matches("[A-Za-z0-9_-]{20}").isNotEqualTo(a);
  }

  @Test
  void pollingHandshakeWithoutEioIsRefused400() throws Exception {
    EioHttp.Res res = http.get("transport=polling");
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.body()).isEqualTo(Fixture.UNSUPPORTED);
  }

  @Test
  void pollingHandshakeWithInvalidEioIsRefused400() throws Exception {
    EioHttp.Res res = http.get("EIO=abc&transport=polling");
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.body()).isEqualTo(Fixture.UNSUPPORTED);
  }

  @Test
  void pollingHandshakeWithInvalidTransportIsRefused400() throws Exception {
    EioHttp.Res res = http.get("EIO=4&transport=abc");
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.body()).isEqualTo(Fixture.TRANSPORT_UNKNOWN);
  }

  @Test
  void pollingHandshakeWithPostIsRefused400() throws Exception {
    EioHttp.Res res = http.post("EIO=4&transport=polling", "4hello");
    assertThat(res.status()).isEqualTo(400);
    assertThat(res.body()).isEqualTo(Fixture.BAD_METHOD);
  }

  @Test
  void webSocketHandshakeSendsOpenPacketAsFirstTextFrameWithNoUpgrades() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"))) {
      String first = ws.nextText();
      assertThat(first).startsWith("0{");
      assertOpenPacket(MiniJson.object(first.substring(1)), List.of());
    }
  }

  @Test
  void webSocketHandshakeWithInvalidEioDeliversNoOpenPacket() throws Exception {
    for (String query :
        List.of(
            "transport=websocket", "EIO=abc&transport=websocket", "EIO=3&transport=websocket")) {
      try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?" + query))) {
        ws.awaitClose(Duration.ofSeconds(1));
        assertThat(ws.pending())
            .as(query)
            .noneMatch(f -> !f.isBinary() && f.text().startsWith("0"));
      } catch (WsClient.Refused refused) {
        assertThat(refused.status).as(query).isEqualTo(400);
      }
    }
  }

  @Test
  void webSocketHandshakeWithInvalidTransportIsRefused400() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=abc"))) {
      throw new AssertionError("the upgrade was accepted; first frame: " + ws.pending());
    } catch (WsClient.Refused refused) {
      assertThat(refused.status).isEqualTo(400);
    }
  }
}
