package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.SioNode.assertTransport;
import static io.socketiojakarta.clients.SioNode.list;
import static io.socketiojakarta.clients.SioNode.map;
import static io.socketiojakarta.clients.SioNode.newTag;
import static io.socketiojakarta.clients.SioNode.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.ConnectionRefusedException;
import io.socketiojakarta.Socket;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Namespace middlewares ({@code io.use}) and packet middlewares ({@code socket.use}) with the real
 * {@code socket.io-client} 4.8 (Node) over polling, WebSocket and polling upgraded to WebSocket.
 *
 * <p>The middlewares of {@code /} act on the client's auth {@code mode}: {@code chain} makes the
 * second one proceed later from another thread, {@code refuse} makes the third one refuse with a
 * {@link ConnectionRefusedException}, {@code throw} makes it throw.
 */
class SioMiddlewareNodeTest {
  private static final SioRecorder REC = new SioRecorder();
  private static SocketIoTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server =
        SocketIoTestServer.start(
            io -> {
              io.use(
                  (socket, next) -> {
                    // a room joined before the socket is accepted (left again when refused)
                    socket.join(SioRecorder.tag(socket) + ":mw");
                    step(socket, "m1");
                    REC.add(socket, "m1-thread", Thread.currentThread().getName());
                    next.proceed();
                  });
              io.use(
                  (socket, next) -> {
                    step(socket, "m2");
                    if (mode(socket).equals("chain")) {
                      CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS)
                          .execute(
                              () -> {
                                REC.add(socket, "m2-thread", Thread.currentThread().getName());
                                step(socket, "m2-async");
                                next.proceed();
                              });
                    } else {
                      next.proceed();
                    }
                  });
              io.use(
                  (socket, next) -> {
                    step(socket, "m3");
                    switch (mode(socket)) {
                      case "refuse" ->
                          next.fail(
                              new ConnectionRefusedException("not authorized", Map.of("code", 42)));
                      case "throw" -> throw new IllegalStateException("boom");
                      default -> next.proceed();
                    }
                  });
              io.onConnection(
                  socket -> {
                    step(socket, "connection");
                    REC.add(socket, "connection", socket);
                    socket.onDisconnect(
                        (reason, description) -> REC.add(socket, "disconnect", reason));
                    socket.on(
                        "rooms",
                        e ->
                            io.in(SioRecorder.tag(socket) + ":mw")
                                .allSockets()
                                .thenAccept(ids -> e.ack(new TreeSet<>(ids))));
                    socket.on("order", e -> e.ack(order(socket)));
                    socket.use(
                        (event, next) -> {
                          REC.add(socket, "packet-middleware", event.name());
                          if (event.name().equals("forbidden")) {
                            next.fail(new IllegalArgumentException("forbidden: " + event.get(0)));
                          } else {
                            next.proceed();
                          }
                        });
                    socket.onError(error -> REC.add(socket, "error", error));
                    socket.on("forbidden", e -> REC.add(socket, "forbidden-listener", e.get(0)));
                    socket.on("allowed", e -> e.ack(List.of("allowed", e.get(0))));
                  });
              io.of("/free").onConnection(socket -> REC.add(socket, "free", socket));
            });
  }

  private static String mode(Socket socket) {
    return String.valueOf(socket.handshake().auth().get("mode"));
  }

  /** Records a step for the socket and for the tag (refused sockets included). */
  private static void step(Socket socket, String name) {
    order(socket).add(name);
    REC.add(socket, "steps", mode(socket) + ":" + name);
  }

  @SuppressWarnings("unchecked")
  private static List<String> order(Socket socket) {
    return (List<String>)
        socket
            .data()
            .computeIfAbsent("order", k -> Collections.synchronizedList(new ArrayList<String>()));
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
  void middlewaresRunInOrderAndMayProceedLaterFromAnotherThread(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "chain", tag, Map.of());

    List<String> expected = List.of("m1", "m2", "m2-async", "m3", "connection");
    assertThat(r.list("order")).isEqualTo(expected);
    assertThat(REC.await(tag, "steps", 5))
        .containsExactly(expected.stream().map(s -> "chain:" + s).toArray());
    assertThat(REC.first(tag, "m2-thread")).isNotEqualTo(REC.first(tag, "m1-thread"));
    assertThat(REC.first(tag, "connection", Socket.class).handshake().auth())
        .isEqualTo(Map.of("mode", "chain"));
    // in upgrade mode the upgrade may come first: the middlewares took 100 ms
    assertThat(r.list("events")).contains("connect");
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aRefusalReachesConnectErrorWithMessageAndData(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "refused", tag, Map.of());
    Socket main = REC.first(tag, "connection", Socket.class);

    List<Object> errors = r.list("errors");
    // ConnectionRefusedException: message and data
    assertThat(map(errors.get(0)))
        .containsEntry("error", "not authorized")
        .containsEntry("data", Map.of("code", 42L));
    // any other error: its message, no data
    assertThat(map(errors.get(1)))
        .containsEntry("error", "boom")
        .containsEntry("data", "<undefined>");
    assertThat(r.list("events"))
        .containsSubsequence("connect_error:not authorized", "connect_error:boom", "connect")
        .containsOnlyOnce("connect");
    // the third attempt passed every middleware
    assertThat(r.list("order")).isEqualTo(List.of("m1", "m2", "m3", "connection"));
    assertThat(REC.await(tag, "steps", 10))
        .containsExactly(
            "refuse:m1",
            "refuse:m2",
            "refuse:m3",
            "throw:m1",
            "throw:m2",
            "throw:m3",
            "ok:m1",
            "ok:m2",
            "ok:m3",
            "ok:connection");
    assertThat(REC.get(tag, "connection")).hasSize(1);
    // the refused sockets left the room their middleware joined; the accepted one is in it
    assertThat(r.list("mwRoom")).containsExactly(main.id());
    assertThat(main.rooms()).isEmpty();
    REC.first(tag, "disconnect");
    assertThat(server.io().in(tag + ":mw").allSockets().join()).isEmpty();
    // the refusals did not end the connection: "/free" and "/" share it
    Socket free = REC.first(tag, "free", Socket.class);
    assertThat(main.conn().id()).isEqualTo(free.conn().id()).isEqualTo(r.string("engineId"));
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aPacketMiddlewareErrorGoesToTheServerAndNotTheClient(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "packetMiddleware", tag, Map.of("ackTimeoutMs", 300));

    // the client heard nothing of the refused event: its ack timed out
    assertThat(r.map("forbidden")).containsEntry("error", "operation has timed out");
    assertThat(r.list("unexpected")).isEmpty();
    // later events still work
    assertThat(r.list("allowed")).containsExactly("allowed", 2L);
    assertThat(r.list("allowedAgain")).containsExactly("allowed", 4L);

    List<Object> errors = REC.await(tag, "error", 2);
    assertThat(errors).hasSize(2).allMatch(e -> e instanceof IllegalArgumentException);
    assertThat(errors.stream().map(e -> ((Throwable) e).getMessage()))
        .containsExactly("forbidden: 1", "forbidden: 3");
    assertThat(REC.get(tag, "forbidden-listener")).isEmpty();
    assertThat(REC.get(tag, "packet-middleware"))
        .containsExactly("forbidden", "allowed", "forbidden", "allowed");
    assertThat(list(r.get("events"))).contains("connect").doesNotContain("disconnect");
    assertTransport(r, mode);
  }
}
