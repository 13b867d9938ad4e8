package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.assertTransport;
import static io.socketiojakarta.clients.JavaClients.await;
import static io.socketiojakarta.clients.JavaClients.connect;
import static io.socketiojakarta.clients.JavaClients.connectError;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.serverSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.Socket;
import io.socketiojakarta.ConnectionRefusedException;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Namespace middlewares (synchronous and asynchronous, accepting and refusing) and packet
 * middlewares, seen by the real Java client over polling, WebSocket and polling upgraded to
 * WebSocket.
 */
@Timeout(30)
class SioMiddlewareJavaTest {
  private static final Map<String, io.socketiojakarta.Socket> GUARDED = new ConcurrentHashMap<>();
  private static final Map<String, io.socketiojakarta.Socket> ASYNC = new ConcurrentHashMap<>();
  private static final Map<String, io.socketiojakarta.Socket> FILTERED = new ConcurrentHashMap<>();

  /** Auth objects the guard middleware examined. */
  private static final List<Map<String, Object>> EXAMINED = new CopyOnWriteArrayList<>();

  /** What the packet middleware and the listeners of /filtered saw, in order. */
  private static final List<String> FILTER_LOG = new CopyOnWriteArrayList<>();

  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io -> {
              io.of("/guarded")
                  .use(
                      (socket, next) -> {
                        EXAMINED.add(socket.handshake().auth());
                        if ("secret".equals(socket.handshake().auth().get("token"))) {
                          next.proceed();
                        } else {
                          next.fail(
                              new ConnectionRefusedException("not authorized", Map.of("code", 42)));
                        }
                      })
                  .onConnection(s -> GUARDED.put(s.id(), s));

              io.of("/async")
                  .use(
                      (socket, next) ->
                          // decides later, on another thread
                          CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
                              .execute(
                                  () -> {
                                    Object user = socket.handshake().auth().get("user");
                                    if (user == null) {
                                      next.fail(new IllegalStateException("who are you?"));
                                    } else {
                                      socket.data().put("user", user);
                                      next.proceed();
                                    }
                                  }))
                  .use(
                      (socket, next) -> {
                        // runs after the first one has proceeded
                        socket.data().put("second", socket.data().containsKey("user"));
                        next.proceed();
                      })
                  .onConnection(
                      s -> {
                        ASYNC.put(s.id(), s);
                        s.on("whoami", e -> e.ack(s.data().get("user"), s.data().get("second")));
                      });

              io.of("/filtered")
                  .onConnection(
                      s -> {
                        FILTERED.put(s.id(), s);
                        s.use(
                            (event, next) -> {
                              FILTER_LOG.add("middleware:" + event.name());
                              if (event.name().startsWith("forbidden")) {
                                next.fail(new IllegalStateException("no " + event.name()));
                              } else {
                                next.proceed();
                              }
                            });
                        s.use(
                            (event, next) ->
                                // asynchronous packet middleware: the event waits for it
                                CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)
                                    .execute(next::proceed));
                        s.onError(error -> FILTER_LOG.add("error:" + error.getMessage()));
                        s.on("forbidden", e -> FILTER_LOG.add("listener:forbidden"));
                        s.on(
                            "allowed",
                            e -> {
                              FILTER_LOG.add("listener:allowed");
                              e.ack("ok", e.get(0));
                            });
                      });
            });
    clients = new JavaClients(server.uri("/"));
  }

  @AfterEach
  void closeClients() {
    clients.closeSockets();
    EXAMINED.clear();
    FILTER_LOG.clear();
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void refusalCarriesMessageAndData(String mode) throws Exception {
    Socket refused =
        clients.socket("/guarded", clients.options(mode, o -> o.auth = Map.of("token", "wrong")));

    Object error = connectError(refused);

    assertThat(error).isInstanceOf(JSONObject.class);
    JSONObject json = (JSONObject) error;
    assertThat(json.getString("message")).isEqualTo("not authorized");
    assertThat(json.getJSONObject("data").getInt("code")).isEqualTo(42);
    assertThat(json.getJSONObject("data").length()).isEqualTo(1);
    assertThat(refused.connected()).isFalse();
    assertThat(EXAMINED).containsExactly(Map.of("token", "wrong"));
    assertThat(GUARDED).isEmpty();

    // the same middleware lets the right token in
    Socket accepted =
        connect(
            clients.socket(
                "/guarded", clients.options(mode, o -> o.auth = Map.of("token", "secret"))));
    io.socketiojakarta.Socket socket = serverSocket(GUARDED, accepted);
    assertThat(socket.connected()).isTrue();
    assertThat(EXAMINED).hasSize(2);
    assertTransport(socket, mode);
    accepted.close();
    eventually(() -> assertThat(server.io().of("/guarded").sockets()).isEmpty());
    GUARDED.clear();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void asynchronousMiddlewaresDecideLater(String mode) throws Exception {
    Socket anonymous = clients.socket("/async", clients.options(mode));
    Object error = connectError(anonymous);
    assertThat(error).isInstanceOf(JSONObject.class);
    assertThat(((JSONObject) error).getString("message")).isEqualTo("who are you?");
    assertThat(((JSONObject) error).has("data")).isFalse();

    Socket client =
        connect(
            clients.socket("/async", clients.options(mode, o -> o.auth = Map.of("user", "ann"))));
    io.socketiojakarta.Socket socket = serverSocket(ASYNC, client);
    assertThat(socket.data()).containsEntry("user", "ann").containsEntry("second", true);

    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    client.emit("whoami", new Object[0], (Ack) answer::complete);
    assertThat(await(answer)).containsExactly("ann", true);
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void packetMiddlewaresFilterEvents(String mode) throws Exception {
    Socket client = clients.connect(mode, "/filtered");
    io.socketiojakarta.Socket socket = serverSocket(FILTERED, client);

    client.emit("forbidden", "x");
    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    client.emit("allowed", new Object[] {7}, (Ack) answer::complete);

    Object[] ack = await(answer);
    assertThat(ack).hasSize(2);
    assertThat(ack[0]).isEqualTo("ok");
    assertThat(((Number) ack[1]).intValue()).isEqualTo(7);
    // events go through the middlewares in arrival order; the refused one never reaches a listener
    eventually(
        () ->
            assertThat(FILTER_LOG)
                .containsExactlyInAnyOrder(
                    "middleware:forbidden",
                    "error:no forbidden",
                    "middleware:allowed",
                    "listener:allowed")
                .containsSubsequence(
                    "middleware:forbidden", "middleware:allowed", "listener:allowed")
                .containsSubsequence("middleware:forbidden", "error:no forbidden"));
    assertThat(socket.connected()).as("a refused event does not disconnect").isTrue();
    assertTransport(socket, mode);
  }
}
