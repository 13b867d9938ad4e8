package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.SioNode.assertTransport;
import static io.socketiojakarta.clients.SioNode.newTag;
import static io.socketiojakarta.clients.SioNode.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.DisconnectReason;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.Socket;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.config.SocketIoMount;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Disconnections with the real {@code socket.io-client} 4.8 (Node) over polling, WebSocket and
 * polling upgraded to WebSocket: by the client, by the server with and without closing the
 * connection, and by the transport; each scenario connects {@code /} and {@code /admin} over one
 * connection. Keys of the recorder end with the namespace.
 */
class SioDisconnectNodeTest {
  private static final SioRecorder REC = new SioRecorder();
  private static SocketIoTestServer server;

  /**
   * Runs the handlers 20 ms late, as under load: what a client sends just before it leaves is still
   * queued when its DISCONNECT or the closing transport arrives.
   */
  private static ExecutorService handlers;

  @BeforeAll
  static void startServer() throws Exception {
    handlers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "lagging-handler");
              t.setDaemon(true);
              return t;
            });
    server =
        SocketIoTestServer.start(
            EngineOptions.builder().path(SocketIoMount.DEFAULT_PATH).build(),
            ServerOptions.builder()
                .handlerExecutor(
                    CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS, handlers))
                .build(),
            io -> {
              io.onConnection(SioDisconnectNodeTest::setup);
              io.of("/admin").onConnection(SioDisconnectNodeTest::setup);
            });
  }

  private static void setup(Socket socket) {
    String nsp = socket.nsp().name();
    socket.join("room-x");
    REC.add(socket, "connection" + nsp, socket);
    socket.onDisconnecting(
        (reason, description) -> {
          REC.add(socket, "disconnecting" + nsp, reason);
          REC.add(socket, "rooms-disconnecting" + nsp, socket.rooms());
        });
    socket.on(
        "disconnecting",
        e -> REC.add(socket, "disconnecting-event" + nsp, e.get(0) + " " + socket.rooms()));
    socket.onDisconnect(
        (reason, description) -> {
          REC.add(socket, "disconnect" + nsp, reason);
          REC.add(socket, "rooms-disconnect" + nsp, socket.rooms());
          REC.add(socket, "connected-disconnect" + nsp, socket.connected());
          REC.add(socket, "conn-open-disconnect" + nsp, socket.conn().isOpen());
        });
    socket.on("disconnect", e -> REC.add(socket, "disconnect-event" + nsp, e.get(0)));
    socket.on("whoami", e -> e.ack(socket.id()));
    socket.on("bye", e -> REC.add(socket, "bye" + nsp, e.get(0)));
    socket.on("kick-me", e -> socket.disconnect(false));
    socket.on("close-me", e -> socket.disconnect(true));
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
    if (handlers != null) {
      handlers.shutdownNow();
    }
  }

  @BeforeEach
  void requireNode() {
    NodeRunner.requireNode();
  }

  /** The listeners of a socket that left with {@code reason} could still read its rooms. */
  private static void assertLeft(String tag, String nsp, String reason) {
    Socket socket = REC.first(tag, "connection" + nsp, Socket.class);
    assertThat(REC.first(tag, "disconnect" + nsp)).isEqualTo(reason);
    assertThat(REC.first(tag, "disconnecting" + nsp)).isEqualTo(reason);
    assertThat(REC.first(tag, "disconnect-event" + nsp)).isEqualTo(reason);
    assertThat(REC.first(tag, "rooms-disconnecting" + nsp))
        .isEqualTo(Set.of(socket.id(), "room-x"));
    assertThat(REC.first(tag, "disconnecting-event" + nsp, String.class))
        .startsWith(reason + " ")
        .contains("room-x", socket.id());
    assertThat(REC.first(tag, "rooms-disconnect" + nsp)).isEqualTo(Set.of());
    assertThat(REC.first(tag, "connected-disconnect" + nsp)).isEqualTo(false);
    assertThat(socket.connected()).isFalse();
    assertThat(REC.get(tag, "disconnect" + nsp)).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void theClientLeavesOneNamespaceThenClosesTheConnection(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "clientDisconnect", tag, Map.of());

    assertThat(r.string("mainReason")).isEqualTo("io client disconnect");
    assertLeft(tag, "/", DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
    // the connection stayed open for /admin
    assertThat(REC.first(tag, "conn-open-disconnect/")).isEqualTo(true);
    Socket admin = REC.first(tag, "connection/admin", Socket.class);
    assertThat(r.string("adminAfter")).isEqualTo(admin.id());
    // then the client closed the Engine.IO connection itself
    assertThat(r.string("adminReason")).isEqualTo("forced close");
    assertLeft(tag, "/admin", DisconnectReason.TRANSPORT_CLOSE);
    assertThat(admin.conn().isOpen()).isFalse();
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void anEventJustBeforeADisconnectIsHandledFirst(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "lastWords", tag, Map.of("how", "disconnect"));

    assertThat(r.string("reason")).isEqualTo("io client disconnect");
    assertThat(REC.first(tag, "bye/")).isEqualTo("last words");
    assertLeft(tag, "/", DisconnectReason.CLIENT_NAMESPACE_DISCONNECT);
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void anEventJustBeforeTheTransportClosesIsHandledFirst(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "lastWords", tag, Map.of("how", "close"));

    assertThat(r.string("reason")).isEqualTo("forced close");
    assertThat(REC.first(tag, "bye/")).isEqualTo("last words");
    assertLeft(tag, "/", DisconnectReason.TRANSPORT_CLOSE);
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void theServerDisconnectsOneNamespaceAndKeepsTheConnection(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "serverDisconnect", tag, Map.of("trigger", "kick-me"));

    assertThat(r.string("mainReason")).isEqualTo("io server disconnect");
    assertLeft(tag, "/", DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    assertThat(REC.first(tag, "conn-open-disconnect/")).isEqualTo(true);
    Socket admin = REC.first(tag, "connection/admin", Socket.class);
    assertThat(r.string("adminAfter")).isEqualTo(admin.id());
    assertThat(r.get("adminConnected")).isEqualTo(true);
    assertThat(r.list("events")).doesNotContain("admin|disconnect:io server disconnect");
    // the process ended: the transport closed under /admin
    assertLeft(tag, "/admin", DisconnectReason.TRANSPORT_CLOSE);
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void disconnectTrueDisconnectsEveryNamespaceAndClosesTheConnection(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "serverDisconnect", tag, Map.of("trigger", "close-me"));

    // every namespace got its DISCONNECT before the connection closed
    assertThat(r.string("mainReason")).isEqualTo("io server disconnect");
    assertThat(r.string("adminReason")).isEqualTo("io server disconnect");
    assertThat(r.string("managerClose")).isNotNull();
    assertLeft(tag, "/", DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    assertLeft(tag, "/admin", DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    Socket main = REC.first(tag, "connection/", Socket.class);
    assertThat(main.conn().isOpen()).isFalse();
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aServerShutdownLooksLikeALostConnectionSoThatClientsReconnect(String mode) throws Exception {
    // reference: io.close() sends no DISCONNECT; the client sees the transport go ("io server
    // disconnect" would stop its reconnection)
    String tag = newTag(mode);
    Scenario r;
    try (SocketIoTestServer own =
        SocketIoTestServer.start(
            io -> {
              io.onConnection(SioDisconnectNodeTest::setup);
              io.of("/admin").onConnection(SioDisconnectNodeTest::setup);
              io.onConnection(socket -> socket.on("shutdown", e -> io.close()));
            })) {
      r = runOk(own, mode, "serverDisconnect", tag, Map.of("trigger", "shutdown"));
    }
    assertThat(r.string("mainReason")).isIn("transport close", "transport error");
    assertThat(r.string("adminReason")).isEqualTo(r.string("mainReason"));
    assertThat(r.string("managerClose")).isEqualTo(r.string("mainReason"));
    assertThat(r.list("events")).doesNotContain("disconnect:io server disconnect");
    assertLeft(tag, "/", DisconnectReason.SERVER_SHUTTING_DOWN);
    assertLeft(tag, "/admin", DisconnectReason.SERVER_SHUTTING_DOWN);
    assertTransport(r, mode);
  }
}
