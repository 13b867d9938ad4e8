package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.assertTransport;
import static io.socketiojakarta.clients.JavaClients.await;
import static io.socketiojakarta.clients.JavaClients.connect;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.eventuallyGet;
import static io.socketiojakarta.clients.JavaClients.next;
import static io.socketiojakarta.clients.JavaClients.serverSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socketiojakarta.Args;
import io.socketiojakarta.DisconnectReason;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Disconnections started by the real Java client and by the server, over polling, WebSocket and
 * polling upgraded to WebSocket: reasons on both sides, what stays connected, rooms while
 * disconnecting.
 */
@Timeout(30)
class SioDisconnectJavaTest {
  /** What a server socket's disconnect listeners saw. */
  record Seen(String reason, Set<String> rooms, boolean connected) {}

  private static final Map<String, io.socketiojakarta.Socket> SOCKETS = new ConcurrentHashMap<>();
  private static final Map<String, Seen> DISCONNECTING = new ConcurrentHashMap<>();
  private static final Map<String, Seen> DISCONNECTED = new ConcurrentHashMap<>();

  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io -> {
              io.onConnection(SioDisconnectJavaTest::watch);
              io.of("/admin").onConnection(SioDisconnectJavaTest::watch);
            });
    clients = new JavaClients(server.uri("/"));
  }

  private static void watch(io.socketiojakarta.Socket s) {
    SOCKETS.put(s.id(), s);
    s.on("hello", e -> e.ack("hi"));
    s.onDisconnecting(
        (reason, description) ->
            DISCONNECTING.put(s.id(), new Seen(reason, s.rooms(), s.connected())));
    s.onDisconnect(
        (reason, description) ->
            DISCONNECTED.put(s.id(), new Seen(reason, s.rooms(), s.connected())));
  }

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

  private static Seen disconnected(String id) {
    return eventuallyGet("disconnect of " + id, () -> DISCONNECTED.get(id));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void clientDisconnects(String mode) {
    Socket client = clients.connect(mode, "/");
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);
    assertTransport(socket, mode);
    String id = client.id();
    CompletableFuture<Object[]> clientSide = next(client, Socket.EVENT_DISCONNECT);

    client.close();

    assertThat(await(clientSide)).containsExactly("io client disconnect");
    assertThat(disconnected(id).reason()).isEqualTo(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
    assertThat(disconnected(id).connected()).isFalse();
    assertThat(socket.connected()).isFalse();
    assertThat(server.io().sockets().sockets()).doesNotContainKey(id);
    // its last namespace gone, the client closes the connection
    eventually(() -> assertThat(socket.conn().isOpen()).isFalse());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void serverDisconnectLeavesTheConnectionOpen(String mode) {
    Manager manager = clients.manager(mode);
    Socket main = connect(clients.socket(manager, "/"));
    Socket admin = connect(clients.socket(manager, "/admin"));
    io.socketiojakarta.Socket mainSocket = serverSocket(SOCKETS, main);
    io.socketiojakarta.Socket adminSocket = serverSocket(SOCKETS, admin);
    assertTransport(mainSocket, mode);
    String id = main.id();
    CompletableFuture<Object[]> clientSide = next(main, Socket.EVENT_DISCONNECT);

    mainSocket.disconnect(false);

    assertThat(await(clientSide)).containsExactly("io server disconnect");
    assertThat(disconnected(id).reason()).isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    assertThat(main.connected()).isFalse();

    // the other namespace on the same connection goes on, both ways
    assertThat(admin.connected()).isTrue();
    assertThat(adminSocket.connected()).isTrue();
    assertThat(adminSocket.conn().isOpen()).isTrue();
    CompletableFuture<Object[]> reply = new CompletableFuture<>();
    admin.emit("hello", new Object[0], (Ack) reply::complete);
    assertThat(await(reply)).containsExactly("hi");
    admin.on("hello", args -> ((Ack) args[args.length - 1]).call("hi from client"));
    Args answer = await(adminSocket.emitWithAck("hello"));
    assertThat(answer.values()).containsExactly("hi from client");
    assertThat(DISCONNECTED).doesNotContainKey(admin.id());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void serverDisconnectWithCloseEndsEveryNamespace(String mode) {
    Manager manager = clients.manager(mode);
    Socket main = connect(clients.socket(manager, "/"));
    Socket admin = connect(clients.socket(manager, "/admin"));
    io.socketiojakarta.Socket mainSocket = serverSocket(SOCKETS, main);
    serverSocket(SOCKETS, admin);
    assertTransport(mainSocket, mode);
    String mainId = main.id();
    String adminId = admin.id();
    CompletableFuture<Object[]> mainSide = next(main, Socket.EVENT_DISCONNECT);
    CompletableFuture<Object[]> adminSide = next(admin, Socket.EVENT_DISCONNECT);

    mainSocket.disconnect(true);

    // the DISCONNECT packets go out before the connection closes
    assertThat(await(mainSide)).containsExactly("io server disconnect");
    assertThat(await(adminSide)).containsExactly("io server disconnect");
    assertThat(disconnected(mainId).reason())
        .isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    assertThat(disconnected(adminId).reason())
        .isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    eventually(() -> assertThat(mainSocket.conn().isOpen()).isFalse());
    assertThat(main.connected()).isFalse();
    assertThat(admin.connected()).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void disconnectingStillSeesTheRooms(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);
    assertTransport(socket, mode);
    String id = client.id();
    socket.join("red", "blue");

    client.close();

    Seen seen = disconnected(id);
    assertThat(DISCONNECTING.get(id)).isNotNull();
    assertThat(DISCONNECTING.get(id).rooms()).containsExactlyInAnyOrder(id, "red", "blue");
    assertThat(DISCONNECTING.get(id).reason())
        .isEqualTo(DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
    assertThat(seen.rooms()).isEmpty();
    assertThat(seen.connected()).isFalse();
    assertThat(await(server.io().in("red").fetchSockets())).isEmpty();
  }
}
