package io.socketiojakarta.conformance.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.conformance.Fixture;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.MiniJson;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Joining namespaces (official socket.io-protocol suite, group "connect", and more): the CONNECT
 * reply {@code 40{"sid":"…"}} with sid its only key, the fixture's {@code auth} event, custom
 * namespaces with and without trailing comma, CONNECT_ERROR for an unknown namespace, connections
 * closed for an invalid handshake or no handshake at all.
 */
class ConnectTest extends SioServer {

  @Test
  void connectsToTheMainNamespace() throws Exception {
    try (WsClient ws = WsClient.connect(sio.wsUri("EIO=4&transport=websocket"))) {
      String open = ws.nextText();
      String engineSid = (String) MiniJson.object(open.substring(1)).get("sid");
      ws.send("40");
      String socketId = Sio.connectReply(ws.nextText(), "/");
      assertThat(socketId).as("socket id, not the Engine.IO sid").isNotEqualTo(engineSid);
      assertThat(ws.nextText()).isEqualTo("42[\"auth\",{}]");
    }
  }

  @Test
  void connectsToTheMainNamespaceWithAPayload() throws Exception {
    try (WsClient ws = sio.session(false)) {
      ws.send("40{\"token\":\"123\"}");
      Sio.connectReply(ws.nextText(), "/");
      assertThat(ws.nextText()).isEqualTo("42[\"auth\",{\"token\":\"123\"}]");
    }
  }

  @Test
  void connectsToACustomNamespace() throws Exception {
    try (WsClient ws = sio.session(false)) {
      ws.send("40/custom,");
      Sio.connectReply(ws.nextText(), "/custom");
      assertThat(ws.nextText()).isEqualTo("42/custom,[\"auth\",{}]");
    }
  }

  @Test
  void connectsToACustomNamespaceWithAPayload() throws Exception {
    try (WsClient ws = sio.session(false)) {
      ws.send("40/custom,{\"token\":\"abc\"}");
      Sio.connectReply(ws.nextText(), "/custom");
      assertThat(ws.nextText()).isEqualTo("42/custom,[\"auth\",{\"token\":\"abc\"}]");
    }
  }

  @Test
  void connectsToACustomNamespaceWrittenWithoutTrailingComma() throws Exception {
    try (WsClient ws = sio.session(false)) {
      ws.send("40/custom");
      Sio.connectReply(ws.nextText(), "/custom");
      assertThat(ws.nextText()).isEqualTo("42/custom,[\"auth\",{}]");
    }
  }

  @Test
  void authPayloadKeepsKeyOrderAndNesting() throws Exception {
    try (WsClient ws = sio.session(false)) {
      ws.send("40{\"z\":1,\"a\":{\"y\":[true,null,\"é\"],\"b\":2.5}}");
      Sio.connectReply(ws.nextText(), "/");
      assertThat(ws.nextText())
          .isEqualTo("42[\"auth\",{\"z\":1,\"a\":{\"y\":[true,null,\"é\"],\"b\":2.5}}]");
    }
  }

  @Test
  void refusesAnUnknownNamespace() throws Exception {
    try (WsClient ws = sio.session(false)) {
      ws.send("40/random");
      assertThat(ws.nextText()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
    }
  }

  @Test
  void refusesAnUnknownNamespaceWrittenWithTrailingCommaAndKeepsTheConnectionUsable()
      throws Exception {
    try (WsClient ws = sio.session(true)) {
      ws.send("40/random,");
      assertThat(ws.nextMessage()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
      ws.send("40");
      Sio.connectReply(ws.nextMessage(), "/");
      assertThat(ws.nextMessage()).isEqualTo("42[\"auth\",{}]");
      Sio.assertNothingBefore(ws, "the CONNECT");
    }
  }

  @Test
  void closesTheConnectionUponAnInvalidHandshake() throws Exception {
    try (WsClient ws = sio.session(true)) {
      ws.send("4abc");
      Sio.awaitClosedCleanly(ws, Duration.ofSeconds(1));
    }
  }

  @Test
  void closesTheConnectionWhenNoHandshakeIsReceived() throws Exception {
    // pings are answered: the close comes from connectTimeout
    try (WsClient ws = WsClient.connect(sio.wsUri("EIO=4&transport=websocket"), true)) {
      long start = Sio.openedAt(ws);
      WsClient.Closed closed = Sio.awaitClosedCleanly(ws, Duration.ofSeconds(3));
      Fixture.assertAbout(closed.at() - start, SioFixture.CONNECT_TIMEOUT, "close");
      assertThat(ws.pending()).as("frames after the open packet").isEmpty();
    }
  }

  @Test
  void multiplexesNamespacesOnOneConnection() throws Exception {
    try (WsClient ws = sio.session(true)) {
      String main = Sio.join(ws, "/", null);
      String custom = Sio.join(ws, "/custom", "{\"k\":\"v\"}");
      assertThat(custom).isNotEqualTo(main);
      ws.send("42[\"message\",\"on main\"]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"message-back\",\"on main\"]");
    }
  }

  @Test
  void connectsOverPolling() throws Exception {
    String sid = http.handshake().sid();
    assertThat(http.send(sid, "40{\"token\":\"p\"}").body()).isEqualTo("ok");
    List<String> got = sio.pollPackets(sid, 2);
    assertThat(Sio.connectReply(got.get(0), "/")).isNotEqualTo(sid);
    assertThat(got.get(1)).isEqualTo("42[\"auth\",{\"token\":\"p\"}]");
    assertThat(http.send(sid, "42[\"message\",\"over polling\"]").body()).isEqualTo("ok");
    assertThat(sio.pollPackets(sid, 1)).containsExactly("42[\"message-back\",\"over polling\"]");
    http.send(sid, "1");
  }

  @Test
  void connectsOverPollingThenUpgrades() throws Exception {
    Sio.PollingJoin joined = sio.pollingJoined();
    try (WsClient ws =
        WsClient.connect(sio.wsUri("EIO=4&transport=websocket&sid=" + joined.engineSid()), true)) {
      ws.send("2probe");
      assertThat(ws.nextText()).isEqualTo("3probe");
      ws.send("5");
      ws.send("42[\"message\",\"over websocket\"]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"message-back\",\"over websocket\"]");
      assertThat(server.io().sockets().sockets()).containsKey(joined.socketId());
    }
  }
}
