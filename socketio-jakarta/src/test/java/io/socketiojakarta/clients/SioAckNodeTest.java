package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.SioNode.assertTransport;
import static io.socketiojakarta.clients.SioNode.newTag;
import static io.socketiojakarta.clients.SioNode.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.AckCallback;
import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Socket;
import io.socketiojakarta.SocketDisconnectedException;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acknowledgements in both directions with the real {@code socket.io-client} 4.8 (Node) over
 * polling, WebSocket and polling upgraded to WebSocket: answers, timeouts, and pending acks of a
 * socket that leaves.
 */
class SioAckNodeTest {
  private static final SioRecorder REC = new SioRecorder();
  private static final Duration SERVER_ACK_TIMEOUT = Duration.ofMillis(300);
  private static SocketIoTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = SocketIoTestServer.start(io -> io.onConnection(SioAckNodeTest::onConnection));
  }

  private static void onConnection(Socket socket) {
    REC.add(socket, "connection", socket);
    socket.onDisconnect((reason, description) -> REC.add(socket, "disconnect", reason));
    socket.on(
        "sum",
        e -> {
          long sum = e.get(0, Long.class) + e.get(1, Long.class);
          REC.add(socket, "first-ack", e.ack(sum, "sum"));
          // only the first call sends
          REC.add(socket, "second-ack", e.ack("again"));
        });
    socket.on("echo", e -> e.ack(e.values()));
    socket.on("never", e -> REC.add(socket, "never", e.wantsAck()));
    socket.on(
        "later",
        e ->
            CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS)
                .execute(() -> e.ack("later from " + Thread.currentThread().getName())));
    socket.on(
        "burst",
        e -> {
          int n = e.get(0, Integer.class);
          for (int i = 0; i < n; i++) {
            socket.emit("tick", i);
          }
        });
    socket.on(
        "count",
        e -> {
          REC.add(socket, "count", e.get(0));
          e.ack(e.get(0));
        });
    socket.on(
        "ask",
        e ->
            socket
                .emitWithAck("question", "q", 21)
                .whenComplete(
                    (first, error) -> {
                      REC.add(socket, "emitWithAck", error != null ? error : first.values());
                      socket.emit(
                          "question2",
                          "p",
                          (AckCallback)
                              (error2, second) -> {
                                REC.add(
                                    socket, "callback", error2 != null ? error2 : second.values());
                                Map<String, Object> answers = new LinkedHashMap<>();
                                answers.put("first", first.values());
                                answers.put("second", second.values());
                                socket.emit("answers", answers);
                              });
                    }));
    socket.on(
        "ask-timeout",
        e -> {
          long start = System.nanoTime();
          socket
              .timeout(SERVER_ACK_TIMEOUT)
              .emitWithAck("ignored", 1)
              .whenComplete(
                  (args, error) -> {
                    REC.add(socket, "timeout-millis", (System.nanoTime() - start) / 1_000_000);
                    REC.add(socket, "timeout", error != null ? error : args.values());
                    Map<String, Object> what = new LinkedHashMap<>();
                    what.put("type", error == null ? "none" : error.getClass().getSimpleName());
                    what.put("message", error == null ? "" : error.getMessage());
                    socket.emit("timed-out", what);
                  });
        });
    socket.on(
        "ask-pending",
        e ->
            socket
                .emitWithAck("hold")
                .whenComplete(
                    (args, error) ->
                        REC.add(socket, "pending", error != null ? error : args.values())));
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
  void theServerAcknowledgesTheClientsEvents(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "clientAcks", tag, Map.of());

    // a callback as last argument
    assertThat(r.list("sum")).containsExactly(3L, "sum");
    assertThat(REC.first(tag, "first-ack")).isEqualTo(true);
    assertThat(REC.first(tag, "second-ack")).isEqualTo(false);
    // emitWithAck (which resolves with the first argument): the arguments as the client sent them
    assertThat(r.list("echo")).containsExactly(Map.of("a", Arrays.asList(1L, "x", null)), "two");
    // no answer: the client's own timeout, promise and callback forms
    assertThat(r.map("neverPromise")).containsEntry("error", "operation has timed out");
    assertThat(r.map("neverCallback"))
        .containsEntry("error", "operation has timed out")
        .containsEntry("args", List.of());
    assertThat(REC.await(tag, "never", 2)).containsExactly(true, true);
    // acknowledged later, from another thread
    assertThat(r.string("later")).startsWith("later from ").doesNotContain("socket.io");
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void eventsAndAcksInFlightDuringTheUpgradeKeepTheirOrder(String mode) {
    String tag = newTag(mode);
    int count = 300;
    Scenario r = runOk(server, mode, "burst", tag, Map.of("count", count));

    assertThat(r.get("acksRight")).as("%s", r).isEqualTo(true);
    assertThat(r.number("tickCount")).isEqualTo(count);
    assertThat(r.get("ticksInOrder")).as("%s", r).isEqualTo(true);
    List<Object> received = REC.await(tag, "count", count);
    assertThat(received).isEqualTo(LongStream.range(0, count).boxed().toList());
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void theClientAcknowledgesTheServersEvents(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "serverAsks", tag, Map.of());

    assertThat(REC.first(tag, "emitWithAck")).isEqualTo(List.of("q!", 42L));
    assertThat(REC.first(tag, "callback")).isEqualTo(List.of(Map.of("got", "p")));
    assertThat(r.map("answers"))
        .containsEntry("first", List.of("q!", 42L))
        .containsEntry("second", List.of(Map.of("got", "p")));
    assertThat(r.list("events")).containsSubsequence("event:question", "event:question2");
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void unansweredServerAcksTimeOutOrFailWhenTheClientLeaves(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "serverAckFailures", tag, Map.of());

    assertThat(REC.first(tag, "timeout")).isInstanceOf(AckTimeoutException.class);
    assertThat(REC.first(tag, "timeout-millis", Long.class))
        .isBetween(SERVER_ACK_TIMEOUT.toMillis() - 20, 3_000L);
    assertThat(r.map("timedOut"))
        .containsEntry("type", "AckTimeoutException")
        .containsEntry("message", "operation has timed out");
    // the client left with the "hold" ack pending
    assertThat(r.string("reason")).isEqualTo("io client disconnect");
    assertThat(REC.first(tag, "pending")).isInstanceOf(SocketDisconnectedException.class);
    assertThat(REC.first(tag, "disconnect")).isEqualTo("client namespace disconnect");
    assertTransport(r, mode);
  }
}
