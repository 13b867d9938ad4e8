package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.SioNode.assertTransport;
import static io.socketiojakarta.clients.SioNode.expectedTransport;
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
 * Namespace connections of the real {@code socket.io-client} 4.8 (Node) over polling, WebSocket and
 * polling upgraded to WebSocket: ids, auth, query, multiplexing and unknown namespaces.
 */
class SioConnectNodeTest {
  private static final SioRecorder REC = new SioRecorder();
  private static SocketIoTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        SocketIoTestServer.start(
            io -> {
              io.use(
                  (socket, next) -> {
                    // registered before the connection exists, so no upgrade can be missed
                    socket.conn().onUpgrade(t -> REC.add(socket, "upgrade", t));
                    next.proceed();
                  });
              io.onConnection(
                  socket -> {
                    REC.add(socket, "connection", socket);
                    socket.on("whoami", e -> e.ack(whoami(socket)));
                    socket.emit("welcome", socket.id());
                  });
              io.of("/admin")
                  .onConnection(
                      socket -> {
                        REC.add(socket, "admin-connection", socket);
                        socket.on("whoami", e -> e.ack(whoami(socket)));
                      });
            });
  }

  /** The server's view of a socket, sent back to the client. */
  private static Map<String, Object> whoami(Socket socket) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", socket.id());
    m.put("nsp", socket.nsp().name());
    m.put("connId", socket.conn().id());
    m.put("transport", socket.conn().transportName());
    m.put("upgraded", socket.conn().upgraded());
    m.put("auth", socket.handshake().auth());
    return m;
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

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void theSocketIdIsTheServersAndNotTheEngineSid(String mode) {
    String tag = newTag(mode);
    Scenario r =
        runOk(server, mode, "connect", tag, Map.of("auth", Map.of("token", "abc", "n", 1)));

    Socket socket = REC.first(tag, "connection", Socket.class);
    assertThat(r.string("id")).isEqualTo(socket.id()).isNotEqualTo(socket.conn().id());
    assertThat(r.string("engineId")).isEqualTo(socket.conn().id());
    assertThat(socket.nsp().name()).isEqualTo("/");
    // the auth object of the CONNECT packet and the query of the Engine.IO handshake
    assertThat(socket.handshake().auth()).isEqualTo(Map.of("token", "abc", "n", 1L));
    assertThat(socket.handshake().query("extra")).contains("q1");
    assertThat(socket.handshake().query("EIO")).contains("4");
    assertThat(socket.handshake().query("transport"))
        .contains(mode.equals("websocket") ? "websocket" : "polling");
    // in upgrade mode the client may see the upgrade first
    assertThat(r.list("events")).as("%s", r).containsSubsequence("connect", "event:welcome");
    // emitted by the connection listener
    assertThat(r.list("welcome")).containsExactly(socket.id());

    // what the server saw while the client asked (after the upgrade in upgrade mode)
    Map<String, Object> who = r.map("whoami");
    assertThat(who.get("id")).isEqualTo(socket.id());
    assertThat(who.get("connId")).isEqualTo(socket.conn().id());
    assertThat(who.get("transport")).isEqualTo(expectedTransport(mode));
    assertThat(who.get("upgraded")).isEqualTo(mode.equals("upgrade"));
    assertThat(who.get("auth")).isEqualTo(Map.of("token", "abc", "n", 1L));

    assertTransport(r, mode);
    // the namespace CONNECT went over polling in upgrade mode; its answer may come after the
    // upgrade
    assertThat(r.string("connectTransport"))
        .isIn(
            switch (mode) {
              case "polling" -> List.of("polling");
              case "websocket" -> List.of("websocket");
              default -> List.of("polling", "websocket");
            });
    if (mode.equals("upgrade")) {
      assertThat(REC.await(tag, "upgrade", 1)).containsExactly("websocket");
      assertThat(socket.conn().upgraded()).isTrue();
    } else {
      assertThat(REC.get(tag, "upgrade")).isEmpty();
      assertThat(socket.conn().upgraded()).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void twoNamespacesShareOneConnection(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "multiplex", tag, Map.of("auth", Map.of("token", "xyz")));

    Socket main = REC.first(tag, "connection", Socket.class);
    Socket admin = REC.first(tag, "admin-connection", Socket.class);
    Map<String, Object> ids = r.map("ids");
    assertThat(ids.get("main")).isEqualTo(main.id());
    assertThat(ids.get("admin")).isEqualTo(admin.id());
    assertThat(main.id()).isNotEqualTo(admin.id());
    // one Engine.IO connection under both sockets
    assertThat(main.conn().id()).isEqualTo(admin.conn().id()).isEqualTo(r.string("engineId"));
    assertThat(main.nsp().name()).isEqualTo("/");
    assertThat(admin.nsp().name()).isEqualTo("/admin");
    // each CONNECT carries its own auth
    assertThat(main.handshake().auth()).isEqualTo(Map.of("token", "xyz"));
    assertThat(admin.handshake().auth()).isEmpty();
    assertThat(r.map("whoamiMain").get("nsp")).isEqualTo("/");
    assertThat(r.map("whoamiAdmin").get("nsp")).isEqualTo("/admin");
    assertThat(r.map("whoamiAdmin").get("id")).isEqualTo(admin.id());
    assertThat(r.list("events")).contains("connect", "admin|connect");
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void anUnknownNamespaceIsRefusedAndTheConnectionKept(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "invalidNamespace", tag, Map.of("nsp", "/nope"));

    assertThat(r.map("connectError"))
        .containsEntry("error", "Invalid namespace")
        .containsEntry("data", "<undefined>");
    assertThat(r.get("badConnected")).isEqualTo(false);
    assertThat(r.list("events"))
        .contains("bad|connect_error:Invalid namespace", "connect")
        .doesNotContain("bad|connect");
    // "/" on the same connection works: the refusal did not close it
    Socket main = REC.first(tag, "connection", Socket.class);
    assertThat(r.map("whoami").get("connId")).isEqualTo(r.string("engineId"));
    assertThat(main.conn().id()).isEqualTo(r.string("engineId"));
    assertThat(REC.get(tag, "connection")).hasSize(1);
    assertTransport(r, mode);
  }
}
