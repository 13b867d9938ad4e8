package io.socketiojakarta.conformance.sio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketiojakarta.AckCallback;
import io.socketiojakarta.BroadcastAckCallback;
import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.Socket;
import io.socketiojakarta.SocketDisconnectedException;
import io.socketiojakarta.conformance.EioHttp;
import io.socketiojakarta.conformance.Fixture;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deeply nested data never overflows the server's stack. Outgoing: an emit, an acknowledgement or a
 * broadcast of data nested too deep (100,000 levels, or just past the encoder's bound) throws
 * {@link IllegalArgumentException} to the caller, registers nothing (no acknowledgement is ever
 * reported for it) and the connection goes on. Incoming: JSON up to the depth limit is accepted,
 * deeper JSON closes that connection only; with the limit raised far beyond, the application gets
 * the tree and binding it fails with an exception, not a stack overflow.
 */
class DeepStructureTest {
  private static final int DEEP = 100_000;

  private static SocketIoTestServer server;
  private static SocketIoTestServer lenient;
  private static Sio sio;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            Fixture.options().path(SioFixture.PATH).build(),
            ServerOptions.builder().connectTimeout(Duration.ofSeconds(10)).build(),
            DeepStructureTest::setup);
    sio = new Sio(server, new EioHttp(server.uri(SioFixture.PATH)));
    lenient =
        SocketIoTestServer.start(
            Fixture.options().path(SioFixture.PATH).build(),
            ServerOptions.builder()
                .connectTimeout(Duration.ofSeconds(10))
                .maxJsonDepth(2 * DEEP)
                .build(),
            DeepStructureTest::setup);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    lenient.close();
  }

  private static void setup(Server io) {
    io.onConnection(
        socket -> {
          socket.join("room");
          socket.emit("auth", socket.handshake().auth());
          socket.on("echo", e -> socket.emit("echo-back", e.values().toArray()));
          socket.on(
              "deep-ack",
              e -> {
                try {
                  e.ack(nestedList(DEEP));
                  socket.emit("result", "sent");
                } catch (IllegalArgumentException x) {
                  socket.emit("result", "refused");
                }
                e.ack("fallback");
              });
          socket.on(
              "bind",
              e -> {
                String outcome;
                try {
                  e.get(0, String.class);
                  outcome = "bound";
                } catch (IllegalArgumentException x) {
                  outcome = "refused";
                }
                String echo;
                try {
                  socket.emit("echo-back", e.values().toArray());
                  echo = "sent";
                } catch (IllegalArgumentException x) {
                  echo = "refused";
                }
                socket.emit("result", outcome, echo);
              });
        });
  }

  /** A list nested {@code depth} levels: {@code [[[…]]]}. */
  static List<Object> nestedList(int depth) {
    List<Object> value = new ArrayList<>();
    for (int i = 1; i < depth; i++) {
      List<Object> outer = new ArrayList<>(1);
      outer.add(value);
      value = outer;
    }
    return value;
  }

  private static Map<String, Object> nestedMap(int depth) {
    Map<String, Object> value = new LinkedHashMap<>();
    for (int i = 1; i < depth; i++) {
      Map<String, Object> outer = new LinkedHashMap<>();
      outer.put("a", value);
      value = outer;
    }
    return value;
  }

  private static Object[] nestedArray(int depth) {
    Object[] value = new Object[0];
    for (int i = 1; i < depth; i++) {
      value = new Object[] {value};
    }
    return value;
  }

  private static String json(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** A session joined to {@code /} and the server's socket. */
  private record Joined(WsClient ws, Socket socket) {}

  private static Joined joined(SocketIoTestServer s) throws Exception {
    WsClient ws = WsClient.connect(s.wsUri(SioFixture.PATH + "?EIO=4&transport=websocket"), true);
    assertThat(ws.nextText()).startsWith("0{");
    ws.send("40");
    String id = Sio.connectReply(ws.nextMessage(), "/");
    assertThat(ws.nextMessage()).isEqualTo("42[\"auth\",{}]");
    Socket socket = s.io().sockets().sockets().get(id);
    assertThat(socket).isNotNull();
    return new Joined(ws, socket);
  }

  private static void assertStillServed(WsClient ws) throws Exception {
    ws.send("42[\"echo\",\"still here\"]");
    assertThat(ws.nextMessage()).isEqualTo("42[\"echo-back\",\"still here\"]");
  }

  // ------------------------------------------------------------------ outgoing

  @Test
  void emitOfDataNested100000LevelsThrowsAndTheConnectionGoesOn() throws Exception {
    Joined j = joined(server);
    try (WsClient ws = j.ws()) {
      for (Object deep : List.of(nestedList(DEEP), nestedMap(DEEP), nestedArray(DEEP))) {
        assertThatThrownBy(() -> j.socket().emit("deep", deep))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> j.socket().emit("deep", "x", List.of(1, deep)))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> j.socket().emitWithAck("deep", deep))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> j.socket().timeout(Duration.ofSeconds(1)).emit("deep", deep))
            .isInstanceOf(IllegalArgumentException.class);
      }
      j.socket().emit("after", 1);
      assertThat(ws.nextMessage()).as("nothing sent before").isEqualTo("42[\"after\",1]");
      assertStillServed(ws);
    }
  }

  @Test
  void broadcastOfDataNested100000LevelsThrowsAndTheConnectionsGoOn() throws Exception {
    Joined j = joined(server);
    Server io = server.io();
    Object deep = nestedList(DEEP);
    try (WsClient ws = j.ws()) {
      assertThatThrownBy(() -> io.emit("deep", deep)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> io.to("room").emit("deep", deep))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> io.of("/").except("none").emit("deep", deep))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> io.timeout(Duration.ofSeconds(1)).emitWithAck("deep", deep))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> j.socket().broadcast().emit("deep", deep))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> io.sockets().serverSideEmit("deep", deep))
          .isInstanceOf(IllegalArgumentException.class);
      io.to("room").emit("after", 2);
      assertThat(ws.nextMessage()).as("nothing sent before").isEqualTo("42[\"after\",2]");
      assertStillServed(ws);
    }
  }

  @Test
  void ackOfDataNested100000LevelsThrowsAndTheAckCanStillBeSent() throws Exception {
    Joined j = joined(server);
    try (WsClient ws = j.ws()) {
      ws.send("4212[\"deep-ack\"]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"result\",\"refused\"]");
      assertThat(ws.nextMessage()).isEqualTo("4312[\"fallback\"]");
      assertStillServed(ws);
    }
  }

  @Test
  void aroundTheEncodersDepthBoundAnEmitIsEitherSentOrRefusedWithoutTrace() throws Exception {
    Joined j = joined(server);
    List<Integer> sent = new ArrayList<>();
    List<Integer> refused = new ArrayList<>();
    Map<Integer, CompletableFuture<Throwable>> outcomes = new LinkedHashMap<>();
    try (WsClient ws = j.ws()) {
      for (int depth = 990; depth <= 1010; depth++) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        try {
          j.socket()
              .emit("deep", nestedList(depth), (AckCallback) (e, args) -> outcome.complete(e));
          sent.add(depth);
        } catch (IllegalArgumentException e) {
          refused.add(depth);
        }
        outcomes.put(depth, outcome);
      }
      assertThat(sent).as("sent").isNotEmpty();
      assertThat(refused).as("refused").isNotEmpty();
      assertThat(sent.get(sent.size() - 1)).as("sent below refused").isLessThan(refused.get(0));
      for (int depth : sent) {
        assertThat(ws.nextMessage())
            .as("depth %d", depth)
            .matches("42\\d+\\[\"deep\",.*")
            .endsWith("[\"deep\"," + json(depth) + "]");
      }
      j.socket().disconnect(false);
      assertThat(ws.nextMessage()).isEqualTo("41");
      for (int depth : sent) {
        assertThat(outcomes.get(depth))
            .as("ack of depth %d", depth)
            .succeedsWithin(Duration.ofSeconds(2))
            .isInstanceOf(SocketDisconnectedException.class);
      }
      Fixture.pause(200);
      for (int depth : refused) {
        assertThat(outcomes.get(depth)).as("callback of the refused depth %d", depth).isNotDone();
      }
    }
  }

  @Test
  void aroundTheEncodersDepthBoundABroadcastWithAckIsEitherSentOrRefusedWithoutTrace()
      throws Exception {
    Joined j = joined(server);
    Server io = server.io();
    List<CompletableFuture<Throwable>> refusedOutcomes = new ArrayList<>();
    try (WsClient ws = j.ws()) {
      for (int depth = 990; depth <= 1010; depth++) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        try {
          io.to(j.socket().id())
              .timeout(Duration.ofMillis(100))
              .emit(
                  "deep",
                  nestedList(depth),
                  (BroadcastAckCallback) (e, responses) -> outcome.complete(e));
          assertThat(ws.nextMessage()).endsWith("[\"deep\"," + json(depth) + "]");
        } catch (IllegalArgumentException e) {
          refusedOutcomes.add(outcome);
        }
      }
      assertThat(refusedOutcomes).isNotEmpty();
      Fixture.pause(400); // well past the timeout of 100 ms
      assertThat(refusedOutcomes).noneMatch(CompletableFuture::isDone);
      assertStillServed(ws);
    }
  }

  // ------------------------------------------------------------------ incoming

  @Test
  void clientJsonAtTheDepthLimitIsAcceptedOneLevelMoreClosesOnlyThatConnection() throws Exception {
    try (WsClient bystander = joined(server).ws();
        WsClient ws = joined(server).ws()) {
      // the payload array is level 1: 63 more levels make 64, the default limit
      ws.send("42[\"echo\"," + json(63) + "]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"echo-back\"," + json(63) + "]");
      ws.send("42[\"echo\"," + json(64) + "]");
      Sio.awaitClosedCleanly(ws, Duration.ofSeconds(2));
      assertStillServed(bystander);
    }
  }

  @Test
  void clientJson100000LevelsDeepClosesOnlyThatConnection() throws Exception {
    try (WsClient bystander = joined(server).ws()) {
      for (String packet :
          List.of(
              "42[\"echo\"," + json(DEEP) + "]",
              "42[\"echo\"," + "[".repeat(DEEP),
              "42[\"echo\"," + "{\"a\":".repeat(DEEP) + "1" + "}".repeat(DEEP) + "]",
              "451-[\"echo\"," + json(DEEP) + "]")) {
        try (WsClient ws = joined(server).ws()) {
          ws.send(packet);
          Sio.awaitClosedCleanly(ws, Duration.ofSeconds(2));
        }
      }
      Sio.PollingJoin polling = sio.pollingJoined();
      sio.postIgnoringAnswer(polling.engineSid(), "42[\"echo\"," + json(DEEP) + "]");
      sio.awaitPollingClosed(polling.engineSid(), Duration.ofSeconds(2));
      assertStillServed(bystander);
    }
  }

  @Test
  void withTheLimitRaisedDeepClientDataIsRefusedByBindingAndEmitNotByAStackOverflow()
      throws Exception {
    Joined j = joined(lenient);
    try (WsClient ws = j.ws()) {
      ws.send("42[\"bind\"," + json(DEEP) + "]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"result\",\"refused\",\"refused\"]");
      ws.send("42[\"bind\",{\"a\":" + json(DEEP) + "}]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"result\",\"refused\",\"refused\"]");
      ws.send("42[\"echo\",\"after\"]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"echo-back\",\"after\"]");
      assertThat(lenient.io().sockets().sockets()).containsKey(j.socket().id());
      j.socket().disconnect(true);
      ws.awaitClose(Duration.ofSeconds(2));
    }
    // the socket's resources were released normally
    Sio.awaitTrue(() -> lenient.io().sockets().sockets().isEmpty(), "socket removed");
    assertThat(lenient.io().sockets().fetchSockets().get(2, TimeUnit.SECONDS)).isEmpty();
  }
}
