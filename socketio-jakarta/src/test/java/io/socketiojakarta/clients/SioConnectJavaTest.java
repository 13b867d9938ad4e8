package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.assertTransport;
import static io.socketiojakarta.clients.JavaClients.connect;
import static io.socketiojakarta.clients.JavaClients.connectError;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.serverSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real Java client connecting to namespaces over polling, WebSocket and polling upgraded to
 * WebSocket: socket ids, multiplexing, auth and query, unknown namespaces.
 */
@Timeout(30)
class SioConnectJavaTest {
  private static final Map<String, io.socketiojakarta.Socket> MAIN = new ConcurrentHashMap<>();
  private static final Map<String, io.socketiojakarta.Socket> ADMIN = new ConcurrentHashMap<>();

  /** Per socket of {@code /}: the transport its connection's upgrade listener got. */
  private static final Map<String, String> UPGRADES = new ConcurrentHashMap<>();

  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io -> {
              io.onConnection(
                  s -> {
                    MAIN.put(s.id(), s);
                    // an upgrade after this point must be reported to the listener
                    if (s.conn().upgraded()) {
                      UPGRADES.put(s.id(), "before connection");
                    } else {
                      s.conn().onUpgrade(transport -> UPGRADES.put(s.id(), transport));
                    }
                  });
              io.of("/admin").onConnection(s -> ADMIN.put(s.id(), s));
            });
    clients = new JavaClients(server.uri("/"));
  }

  /** Closes the clients; the server must see them all go. */
  @AfterEach
  void closeClients() {
    clients.closeSockets();
    eventually(
        () -> {
          assertThat(server.io().sockets().sockets()).isEmpty();
          assertThat(server.io().of("/admin").sockets()).isEmpty();
        });
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void socketIdIsTheServersAndNotTheEngineSessionId(String mode) {
    Socket client = clients.connect(mode, "/");

    io.socketiojakarta.Socket socket = serverSocket(MAIN, client);
    assertThat(socket.id()).isEqualTo(client.id());
    assertThat(socket.nsp().name()).isEqualTo("/");
    assertThat(socket.conn().id()).isNotBlank().isNotEqualTo(client.id());
    assertThat(socket.connected()).isTrue();
    assertThat(socket.rooms()).containsExactly(client.id());
    assertThat(server.io().sockets().sockets()).containsKey(client.id());
    assertTransport(socket, mode);
    if (mode.equals("upgrade")) {
      eventually(
          () -> assertThat(UPGRADES.get(client.id())).isIn("websocket", "before connection"));
    } else {
      assertThat(UPGRADES).doesNotContainKey(client.id());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void authAndQueryReachTheHandshake(String mode) {
    IO.Options options =
        clients.options(
            mode,
            o -> {
              o.auth = Map.of("token", "abc", "user", "ann");
              o.query = "room=blue&lang=en";
            });
    Socket client = connect(clients.socket("/", options));

    io.socketiojakarta.Socket socket = serverSocket(MAIN, client);
    assertThat(socket.handshake().auth()).isEqualTo(Map.of("token", "abc", "user", "ann"));
    assertThat(socket.handshake().query()).containsEntry("room", List.of("blue"));
    assertThat(socket.handshake().query("lang")).contains("en");
    assertThat(socket.handshake().query("EIO")).contains("4");
    assertThat(socket.handshake().address()).isEqualTo("127.0.0.1");
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void twoNamespacesShareOneConnection(String mode) {
    Manager manager = clients.manager(mode);
    Socket main =
        connect(
            clients.socket(
                manager, "/", clients.options(mode, o -> o.auth = Map.of("token", "m"))));
    Socket admin =
        connect(
            clients.socket(
                manager, "/admin", clients.options(mode, o -> o.auth = Map.of("token", "a"))));

    io.socketiojakarta.Socket mainSocket = serverSocket(MAIN, main);
    io.socketiojakarta.Socket adminSocket = serverSocket(ADMIN, admin);
    assertThat(adminSocket.nsp().name()).isEqualTo("/admin");
    assertThat(main.id()).isNotEqualTo(admin.id());
    assertThat(adminSocket.conn().id())
        .isEqualTo(mainSocket.conn().id())
        .isNotEqualTo(main.id())
        .isNotEqualTo(admin.id());
    assertThat(server.io().of("/admin").sockets()).containsOnlyKeys(admin.id());
    // each namespace CONNECT carries its own auth
    assertThat(mainSocket.handshake().auth()).isEqualTo(Map.of("token", "m"));
    assertThat(adminSocket.handshake().auth()).isEqualTo(Map.of("token", "a"));
    assertTransport(adminSocket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void unknownNamespaceIsRefused(String mode) throws Exception {
    int seen = MAIN.size() + ADMIN.size();
    Socket client = clients.socket("/nowhere", clients.options(mode));

    Object error = connectError(client);

    assertThat(error).isInstanceOf(JSONObject.class);
    assertThat(((JSONObject) error).getString("message")).isEqualTo("Invalid namespace");
    assertThat(client.connected()).isFalse();
    assertThat(client.id()).isNull();
    assertThat(MAIN.size() + ADMIN.size()).as("server sockets created").isEqualTo(seen);
  }
}
