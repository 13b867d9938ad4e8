package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.assertTransport;
import static io.socketiojakarta.clients.JavaClients.await;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.next;
import static io.socketiojakarta.clients.JavaClients.serverSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.Socket;
import io.socketiojakarta.Args;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Binary payloads between the server and the real Java client over polling (base64 in the payload),
 * WebSocket (binary frames) and polling upgraded to WebSocket: top-level and nested {@code byte[]},
 * several attachments in one packet, binary acknowledgements.
 */
@Timeout(30)
class SioBinaryJavaTest {
  private static final Map<String, io.socketiojakarta.Socket> SOCKETS = new ConcurrentHashMap<>();

  /** The arguments of the last {@code upload} per socket, as the server got them. */
  private static final Map<String, List<Object>> UPLOADS = new ConcurrentHashMap<>();

  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io ->
                io.onConnection(
                    s -> {
                      SOCKETS.put(s.id(), s);
                      s.on(
                          "upload",
                          e -> {
                            UPLOADS.put(s.id(), e.values());
                            byte[] first = e.get(0, byte[].class);
                            e.ack(reversed(first), first.length);
                          });
                    }));
    clients = new JavaClients(server.uri("/"));
  }

  @AfterEach
  void closeClients() {
    clients.closeSockets();
    eventually(() -> assertThat(server.io().sockets().sockets()).isEmpty());
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close();
    server.close();
  }

  private static byte[] reversed(byte[] in) {
    byte[] out = new byte[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = in[in.length - 1 - i];
    }
    return out;
  }

  /** Every byte value, so that no encoding step can get away with text. */
  private static byte[] allBytes() {
    byte[] b = new byte[256];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void clientSendsBinaryAndGetsABinaryAck(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);
    byte[] top = allBytes();
    JSONObject nested = new JSONObject();
    nested.put("name", "photo");
    nested.put("thumb", new byte[] {9, 8, 7});
    nested.put("parts", new JSONArray().put(new byte[] {1}).put("text"));

    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    client.emit("upload", new Object[] {top, nested}, (Ack) answer::complete);

    Object[] ack = await(answer);
    assertThat(ack[0]).isInstanceOf(byte[].class);
    assertThat((byte[]) ack[0]).isEqualTo(reversed(top));
    assertThat(((Number) ack[1]).intValue()).isEqualTo(256);

    List<Object> got = UPLOADS.get(client.id());
    assertThat(got).hasSize(2);
    assertThat((byte[]) got.get(0)).isEqualTo(top);
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) got.get(1);
    assertThat(map).containsEntry("name", "photo");
    assertThat((byte[]) map.get("thumb")).containsExactly(9, 8, 7);
    assertThat((List<?>) map.get("parts")).hasSize(2).element(1).isEqualTo("text");
    assertThat((byte[]) ((List<?>) map.get("parts")).get(0)).containsExactly(1);
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void serverSendsBinaryNestedAndTopLevel(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);
    CompletableFuture<Object[]> received = next(client, "files");

    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", "a.bin");
    meta.put("content", new byte[] {0, (byte) 0xff, 0x1e, 10});
    meta.put("chunks", List.of(ByteBuffer.wrap(new byte[] {5, 6}), "end"));
    socket.emit("files", allBytes(), meta, "plain");

    Object[] args = await(received);
    assertThat(args).hasSize(3);
    assertThat((byte[]) args[0]).isEqualTo(allBytes());
    JSONObject json = (JSONObject) args[1];
    assertThat(json.getString("name")).isEqualTo("a.bin");
    assertThat((byte[]) json.get("content")).containsExactly(0, 0xff, 0x1e, 10);
    assertThat((byte[]) json.getJSONArray("chunks").get(0)).containsExactly(5, 6);
    assertThat(json.getJSONArray("chunks").getString(1)).isEqualTo("end");
    assertThat(args[2]).isEqualTo("plain");
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void clientAcknowledgesWithBinary(String mode) {
    Socket client = clients.connect(mode, "/");
    client.on(
        "checksum",
        args -> {
          byte[] data = (byte[]) args[0];
          ((Ack) args[args.length - 1]).call(reversed(data), new byte[] {(byte) data.length});
        });
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);

    Args response = await(socket.emitWithAck("checksum", new byte[] {1, 2, 3, 4}));

    assertThat(response.size()).isEqualTo(2);
    assertThat(response.get(0, byte[].class)).containsExactly(4, 3, 2, 1);
    assertThat(response.get(1, byte[].class)).containsExactly(4);
    assertThat(Arrays.equals((byte[]) response.get(0), new byte[] {4, 3, 2, 1})).isTrue();
    assertTransport(socket, mode);
  }
}
