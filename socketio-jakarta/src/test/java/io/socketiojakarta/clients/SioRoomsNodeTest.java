package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.SioNode.assertTransports;
import static io.socketiojakarta.clients.SioNode.list;
import static io.socketiojakarta.clients.SioNode.newTag;
import static io.socketiojakarta.clients.SioNode.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Args;
import io.socketiojakarta.BroadcastAckCallback;
import io.socketiojakarta.BroadcastOperator;
import io.socketiojakarta.Server;
import io.socketiojakarta.Socket;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rooms and broadcasts with several real {@code socket.io-client} 4.8 connections (one Node
 * process) over polling, WebSocket and polling upgraded to WebSocket. Every socket joins the room
 * named by its tag; rooms of a run are prefixed with the tag.
 */
class SioRoomsNodeTest {
  private static final SioRecorder REC = new SioRecorder();
  private static SocketIoTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = SocketIoTestServer.start(io -> io.onConnection(socket -> onConnection(io, socket)));
  }

  private static void onConnection(Server io, Socket socket) {
    String label = SioRecorder.label(socket);
    socket.join(SioRecorder.tag(socket));
    REC.add(socket, "connection:" + label, socket);
    socket.onDisconnect((reason, description) -> REC.add(socket, "disconnect:" + label, reason));
    socket.on("sync", e -> e.ack());
    socket.on(
        "join",
        e -> {
          socket.join(e.get(0, String.class));
          REC.add(socket, "rooms:" + label, socket.rooms());
          e.ack(new TreeSet<>(socket.rooms()));
        });
    socket.on(
        "leave",
        e -> {
          socket.leave(e.get(0, String.class));
          REC.add(socket, "rooms:" + label, socket.rooms());
          e.ack(new TreeSet<>(socket.rooms()));
        });
    socket.on(
        "op",
        e -> {
          Map<?, ?> op = e.get(0, Map.class);
          String[] to = strings(op.get("to"));
          String[] except = strings(op.get("except"));
          BroadcastOperator target =
              switch (String.valueOf(op.get("from"))) {
                case "io" -> to.length == 0 ? io : io.to(to);
                case "socket" -> socket.to(to);
                default -> socket.broadcast();
              };
          if (except.length > 0) {
            target = target.except(except);
          }
          target.emit("msg", op.get("payload"));
          e.ack();
        });
    socket.on(
        "ack-all",
        e -> {
          long start = System.nanoTime();
          Map<?, ?> op = e.get(0, Map.class);
          io.to(strings(op.get("to")))
              .timeout(Duration.ofMillis(((Number) op.get("timeoutMs")).longValue()))
              .emitWithAck("poll", "q")
              .whenComplete(
                  (responses, error) -> {
                    REC.add(socket, "ack-all-millis", (System.nanoTime() - start) / 1_000_000);
                    REC.add(socket, "ack-all", error != null ? error : responses);
                    e.ack(summary(error, responses));
                  });
        });
    socket.on(
        "ack-callback",
        e -> {
          Map<?, ?> op = e.get(0, Map.class);
          io.to(strings(op.get("to")))
              .timeout(Duration.ofMillis(((Number) op.get("timeoutMs")).longValue()))
              .emit(
                  "poll",
                  "q",
                  (BroadcastAckCallback)
                      (error, responses) -> {
                        REC.add(socket, "ack-callback-error", error == null ? "none" : error);
                        REC.add(socket, "ack-callback-responses", responses);
                        e.ack(summary(error, responses));
                      });
        });
  }

  private static String[] strings(Object jsonArray) {
    return list(jsonArray).stream().map(String::valueOf).toArray(String[]::new);
  }

  /** The error's message (or null) and the first argument of each response, sorted. */
  private static Map<String, Object> summary(Throwable error, List<Args> responses) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", error == null ? null : error.getMessage());
    m.put(
        "responses",
        responses == null
            ? List.of()
            : new TreeSet<>(responses.stream().map(a -> String.valueOf(a.get(0))).toList()));
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
  void broadcastsReachTheirRooms(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "roomsBroadcast", tag, Map.of());

    // a, c in r1; b in r1 and muted; d in r2 (c leaves r1 before m6)
    Map<String, Object> received = r.map("received");
    // io.to(r1): sender included
    // socket.to(r1): sender excluded
    // io.except(muted)
    // socket.broadcast: all but the sender
    // io.to(r1, r2).except(muted): union minus excluded
    // io.to(r1) after c left
    assertThat(received.get("a")).as("%s", r).isEqualTo(List.of("m1", "m3", "m5", "m6"));
    assertThat(received.get("b")).as("%s", r).isEqualTo(List.of("m1", "m2", "m4", "m6"));
    assertThat(received.get("c")).as("%s", r).isEqualTo(List.of("m1", "m2", "m3", "m4", "m5"));
    assertThat(received.get("d")).as("%s", r).isEqualTo(List.of("m3", "m4", "m5"));

    Socket b = REC.first(tag, "connection:b", Socket.class);
    assertThat(list(r.map("joined").get("b")))
        .containsExactlyInAnyOrder(b.id(), tag, tag + ":r1", tag + ":muted");
    Socket c = REC.first(tag, "connection:c", Socket.class);
    assertThat(list(r.get("left"))).containsExactlyInAnyOrder(c.id(), tag);
    List<Object> roomsOfC = REC.get(tag, "rooms:c");
    assertThat(roomsOfC.get(roomsOfC.size() - 1)).isEqualTo(Set.of(c.id(), tag));
    assertTransports(r, mode, 4);

    // the process has ended: every socket left every room
    for (String label : List.of("a", "b", "c", "d")) {
      assertThat(REC.first(tag, "disconnect:" + label)).isEqualTo("transport close");
      assertThat(REC.first(tag, "connection:" + label, Socket.class).rooms()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void broadcastAcksCollectOneResponsePerClient(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "broadcastAcks", tag, Map.of("silent", "c"));

    // a and b in r1 both answer: complete before the 3 s timeout
    assertThat(r.map("allAnswer"))
        .containsEntry("error", null)
        .containsEntry("responses", List.of("a:q", "b:q"));
    @SuppressWarnings("unchecked")
    List<Args> responses = (List<Args>) REC.first(tag, "ack-all");
    assertThat(responses).hasSize(2);
    assertThat(REC.first(tag, "ack-all-millis", Long.class)).isLessThan(2_500L);

    // everyone (a, b, c) asked, c never answers: timeout with the responses received
    assertThat(r.map("oneSilent"))
        .containsEntry("error", AckTimeoutException.MESSAGE)
        .containsEntry("responses", List.of("a:q", "b:q"));
    assertThat(REC.first(tag, "ack-callback-error")).isInstanceOf(AckTimeoutException.class);
    assertThat(list(REC.first(tag, "ack-callback-responses"))).hasSize(2);

    Map<String, Object> polls = r.map("polls");
    assertThat(polls.get("a")).isEqualTo(List.of("q", "q"));
    assertThat(polls.get("b")).isEqualTo(List.of("q", "q"));
    assertThat(polls.get("c")).isEqualTo(List.of("q"));
    assertTransports(r, mode, 3);
  }
}
