package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.SioNode.assertTransport;
import static io.socketiojakarta.clients.SioNode.bytes;
import static io.socketiojakarta.clients.SioNode.list;
import static io.socketiojakarta.clients.SioNode.map;
import static io.socketiojakarta.clients.SioNode.newTag;
import static io.socketiojakarta.clients.SioNode.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.Socket;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Binary payloads with the real {@code socket.io-client} 4.8 (Node) over polling, WebSocket and
 * polling upgraded to WebSocket: Buffers and ArrayBuffers to {@code byte[]}, {@code byte[]} to
 * Buffers, nested attachments and binary acknowledgements both ways.
 */
class SioBinaryNodeTest {
  private static final SioRecorder REC = new SioRecorder();
  private static SocketIoTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = SocketIoTestServer.start(io -> io.onConnection(SioBinaryNodeTest::onConnection));
  }

  private static void onConnection(Socket socket) {
    socket.on(
        "bin",
        e -> {
          byte[] bytes = e.get(0, byte[].class);
          REC.add(socket, "bin", bytes);
          e.ack(reversed(bytes));
        });
    socket.on(
        "nested",
        e -> {
          REC.add(socket, "nested", e.get(0));
          e.ack(e.get(0)); // back with its two attachments
        });
    socket.on(
        "send-me",
        e -> {
          Map<String, Object> second = new LinkedHashMap<>();
          second.put("file", new byte[] {9, 8, 7});
          second.put("n", 2);
          second.put("list", List.of(new byte[] {1}, "x"));
          socket.emit("bin-from-server", range(256), second);
        });
    socket.on(
        "ask-bin",
        e ->
            socket
                .emitWithAck("bin-ack-req", new byte[] {1, 2, 3})
                .whenComplete(
                    (args, error) -> {
                      REC.add(socket, "bin-ack", error != null ? error : args.values());
                      Map<String, Object> done = new LinkedHashMap<>();
                      done.put("length", args.get(0, byte[].class).length);
                      done.put("second", args.get(1));
                      socket.emit("bin-ack-done", done);
                    }));
  }

  private static byte[] range(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  private static byte[] reversed(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void requireNode() {
    NodeRunner.requireNode();
  }

  /** The script's form of a binary value: its type and bytes. */
  private static void assertBinary(Object value, byte[] expected) {
    Map<String, Object> m = map(value);
    // socket.io-client in Node hands binary over as Buffer
    assertThat(m.get("binary")).as("%s", value).isIn("Buffer", "ArrayBuffer");
    assertThat(bytes(m.get("bytes"))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void clientBinaryArrivesAsByteArraysAndBinaryAcksComeBack(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "clientBinary", tag, Map.of());

    assertThat(REC.first(tag, "bin", byte[].class)).isEqualTo(range(256));
    assertBinary(r.get("binAck"), reversed(range(256)));

    // {name, parts: [Buffer, {deep: ArrayBuffer}], n}: two attachments, nested
    Map<String, Object> nested = map(REC.first(tag, "nested"));
    assertThat(nested).containsEntry("name", "two").containsEntry("n", 1L);
    List<Object> parts = list(nested.get("parts"));
    assertThat(parts.get(0)).isEqualTo(new byte[] {1, 2, 3});
    assertThat(map(parts.get(1)).get("deep")).isEqualTo(new byte[] {4, 5});

    Map<String, Object> echoed = r.map("nestedAck");
    assertThat(echoed).containsEntry("name", "two").containsEntry("n", 1L);
    List<Object> echoedParts = list(echoed.get("parts"));
    assertBinary(echoedParts.get(0), new byte[] {1, 2, 3});
    assertBinary(map(echoedParts.get(1)).get("deep"), new byte[] {4, 5});
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void serverByteArraysArriveAsBuffersAndTheClientAcksWithBinary(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "serverBinary", tag, Map.of());

    List<Object> args = r.list("fromServer");
    assertThat(args).hasSize(2);
    assertBinary(args.get(0), range(256));
    Map<String, Object> second = map(args.get(1));
    assertBinary(second.get("file"), new byte[] {9, 8, 7});
    assertThat(second.get("n")).isEqualTo(2L);
    List<Object> mixed = list(second.get("list"));
    assertBinary(mixed.get(0), new byte[] {1});
    assertThat(mixed.get(1)).isEqualTo("x");

    // the server asked with binary; the client answered with a Buffer and a string
    assertBinary(r.get("ackRequest"), new byte[] {1, 2, 3});
    List<Object> ack = list(REC.first(tag, "bin-ack"));
    assertThat(ack.get(0)).isEqualTo(new byte[] {3, 2, 1});
    assertThat(ack.get(1)).isEqualTo("text");
    assertThat(r.map("ackDone")).containsEntry("length", 3L).containsEntry("second", "text");
    assertTransport(r, mode);
  }
}
