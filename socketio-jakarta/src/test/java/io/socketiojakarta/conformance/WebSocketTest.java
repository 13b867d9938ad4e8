package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.testing.JettyTestServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebSocket framing: one packet per frame, binary messages as raw binary frames. */
class WebSocketTest extends FixtureServer {
  /** A WebSocket-only session whose open packet has been read. */
  static WsClient session(JettyTestServer s, boolean autoPong) throws Exception {
    WsClient ws = WsClient.connect(s.wsUri(PATH + "?EIO=4&transport=websocket"), autoPong);
    assertThat(ws.nextText()).startsWith("0{");
    return ws;
  }

  @Test
  void textFrameIsEchoedAsTextFrame() throws Exception {
    try (WsClient ws = session(server, false)) {
      ws.send("4hello");
      assertThat(ws.nextMessage()).isEqualTo("4hello");
    }
  }

  @Test
  void binaryFrameIsEchoedAsRawBinaryFrameWithoutPrefixOrBase64() throws Exception {
    try (WsClient ws = session(server, false)) {
      ws.send(new byte[] {1, 2, 3, 4});
      WsClient.Frame f = ws.nextNonPing();
      assertThat(f.isBinary()).as("binary frame expected, got %s", f).isTrue();
      assertThat(f.binary()).containsExactly(1, 2, 3, 4);
    }
  }

  @Test
  void multiByteUtf8TextIsEchoedIntact() throws Exception {
    try (WsClient ws = session(server, false)) {
      ws.send("4€😀日本");
      assertThat(ws.nextMessage()).isEqualTo("4€😀日本");
    }
  }

  @Test
  void fiveHundredFramesAreEchoedInOrder() throws Exception {
    try (WsClient ws = session(server, true)) {
      for (int i = 0; i < 500; i++) {
        ws.send("4m" + i);
      }
      for (int i = 0; i < 500; i++) {
        assertThat(ws.nextMessage()).isEqualTo("4m" + i);
      }
    }
  }

  @Test
  void framesAreEchoedOneFramePerPacketInOrder() throws Exception {
    try (WsClient ws = session(server, false)) {
      ws.send("4one");
      ws.send(new byte[] {9});
      ws.send("4three");
      List<String> got =
          List.of(
              ws.nextNonPing().toString(),
              ws.nextNonPing().toString(),
              ws.nextNonPing().toString());
      assertThat(got).containsExactly("text 4one", "binary 09", "text 4three");
    }
  }
}
