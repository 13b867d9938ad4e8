package io.socketiojakarta.conformance.sio;

import static io.socketiojakarta.conformance.sio.Sio.ph;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.Args;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.RoomListener;
import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.SocketDisconnectedException;
import io.socketiojakarta.conformance.EioHttp;
import io.socketiojakarta.conformance.Fixture;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed or hostile Socket.IO packet (protocol-notes 2.1 and 4.10), over WebSocket and
 * over polling: the offending connection is closed cleanly (close frame / sid gone), a client
 * connected at the same time still gets its echo, and nothing of the offender is left: no socket,
 * no room, no pending acknowledgement (a server {@code emitWithAck} to it fails with {@link
 * SocketDisconnectedException}), no Engine.IO client; and nothing is logged at WARNING or with a
 * stack trace.
 *
 * <p>The server of this class: on {@code /} each socket joins {@code lobby}, is asked for an
 * acknowledgement of {@code probe} it never gives, and answers {@code echo} with {@code echo-back};
 * {@code /custom} exists (its sockets join {@code lobby}). Timers are long enough (ping 1 s + 1 s,
 * connectTimeout 10 s) that only the bad packet can close a connection during a test, and pings are
 * answered.
 */
class BadInputTest {
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

  private static SocketIoTestServer server;
  private static EioHttp http;
  private static Sio sio;
  private static final Map<String, CompletableFuture<Args>> probes = new ConcurrentHashMap<>();
  private static final Set<String> liveRooms = ConcurrentHashMap.newKeySet();
  private static final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void start() throws Exception {
    Logger.getLogger("").addHandler(CAPTURE);
    server =
        SocketIoTestServer.start(
            Fixture.options()
                .path(SioFixture.PATH)
                .pingInterval(Duration.ofMillis(1000))
                .pingTimeout(Duration.ofMillis(1000))
                .build(),
            ServerOptions.builder().connectTimeout(Duration.ofSeconds(10)).build(),
            BadInputTest::setup);
    http = new EioHttp(server.uri(SioFixture.PATH));
    sio = new Sio(server, http);
  }

  private static void setup(Server io) {
    io.sockets()
        .onRoomEvent(
            (kind, room, id) -> {
              if (kind == RoomListener.Kind.CREATE_ROOM) {
                liveRooms.add(room);
              } else if (kind == RoomListener.Kind.DELETE_ROOM) {
                liveRooms.remove(room);
              }
            });
    io.onConnection(
        socket -> {
          socket.join("lobby");
          socket.on("echo", e -> socket.emit("echo-back", e.values().toArray()));
          // registered before the probe goes out: the test may see the probe at once
          CompletableFuture<Args> probe = new CompletableFuture<>();
          probes.put(socket.id(), probe);
          socket
              .emitWithAck("probe")
              .whenComplete(
                  (args, error) -> {
                    if (error != null) {
                      probe.completeExceptionally(error);
                    } else {
                      probe.complete(args);
                    }
                  });
        });
    io.of("/custom").onConnection(socket -> socket.join("lobby"));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      server.close();
    } finally {
      Logger.getLogger("").removeHandler(CAPTURE);
    }
  }

  // ------------------------------------------------------------------ the cases

  /**
   * A bad input: Socket.IO packets (a {@code String}, sent as an Engine.IO message {@code 4…}) and
   * attachments ({@code byte[]}), sent after joining {@code /} when {@code join}.
   */
  record Case(String name, boolean join, List<Object> messages) {
    @Override
    public String toString() {
      return name;
    }
  }

  enum Transport {
    WEBSOCKET,
    POLLING
  }

  private static Case joined(String name, Object... messages) {
    return new Case(name, true, List.of(messages));
  }

  private static Case fresh(String name, Object... messages) {
    return new Case(name, false, List.of(messages));
  }

  private static String placeholders(int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(',').append(ph(i));
    }
    return b.toString();
  }

  static List<Case> badInputs() {
    byte[] one = {1, 2, 3};
    return List.of(
        joined("empty packet", ""),
        joined("unknown type digit 7", "7[]"),
        joined("unknown type digit 8 with namespace", "8/custom,[]"),
        fresh("unknown type before connecting", "abc"),
        joined("attachment count not a number", "5x-[\"echo\"," + ph(0) + "]", one),
        joined("attachment count without dash", "51[\"echo\"," + ph(0) + "]", one),
        joined("attachment count missing", "5-[\"echo\"," + ph(0) + "]", one),
        joined("attachment count negative", "5-1-[\"echo\"," + ph(0) + "]", one),
        joined("attachment count huge", "599999999999999999999-[\"echo\"]"),
        joined("11 attachments", "511-[\"echo\"" + placeholders(11) + "]"),
        joined("0 attachments", "50-[\"echo\"]"),
        joined("0 attachments binary ack", "60-1[]"),
        fresh("CONNECT with array payload", "0[]"),
        fresh("CONNECT with string payload", "0\"token\""),
        fresh("CONNECT with boolean payload", "0/custom,true"),
        fresh("CONNECT with null payload", "0null"),
        joined("CONNECT to /custom with array payload", "0/custom,[1]"),
        joined("DISCONNECT with payload", "1{}"),
        joined("DISCONNECT with array payload", "1[\"bye\"]"),
        joined("EVENT with object payload", "2{}"),
        joined("EVENT with string payload", "2\"echo\""),
        joined("EVENT with empty array", "2[]"),
        joined("EVENT named connect", "2[\"connect\"]"),
        joined("EVENT named connect_error", "2[\"connect_error\",1]"),
        joined("EVENT named disconnect", "2[\"disconnect\"]"),
        joined("EVENT named disconnecting", "2[\"disconnecting\",\"x\"]"),
        joined("EVENT named newListener", "2[\"newListener\"]"),
        joined("EVENT named removeListener", "2[\"removeListener\"]"),
        joined("EVENT with object name", "2[{\"name\":\"echo\"}]"),
        joined("EVENT with array name", "2[[\"echo\"]]"),
        joined("EVENT with null name", "2[null]"),
        joined("EVENT with boolean name", "2[true]"),
        joined("BINARY_EVENT with reserved name", "51-[\"disconnect\"," + ph(0) + "]", one),
        joined("ACK with object payload", "30{}"),
        joined("ACK with string payload", "30\"ok\""),
        joined("ACK without id", "3[]"),
        joined("BINARY_ACK without id", "61-[" + ph(0) + "]", one),
        joined("CONNECT_ERROR from the client", "4{\"message\":\"no\"}"),
        joined("CONNECT_ERROR with bad payload", "4[]"),
        joined("invalid JSON", "2[\"echo\",}"),
        joined("truncated JSON", "2[\"echo\",{\"a\":"),
        joined("trailing garbage", "2[\"echo\"]]"),
        joined("single-quoted JSON", "2['echo']"),
        joined("invalid escape in a string", "2[\"echo\",\"\\x\"]"),
        joined("ack id not digits", "2abc[\"echo\"]"),
        joined("JSON 100,000 levels deep", "2[\"echo\"," + "[".repeat(100_000)),
        joined("JSON 65 levels deep", "2[\"echo\"," + "[".repeat(64) + "]".repeat(65)),
        joined(
            "object 100,000 levels deep",
            "2[\"echo\"," + "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000) + "]"),
        fresh("CONNECT auth 100,000 levels deep", "0{\"a\":" + "[".repeat(100_000)),
        joined("number literal of 100 digits", "2[\"echo\"," + "1".repeat(100) + "]"),
        joined("number literal of 100,000 digits", "2[\"echo\",0." + "1".repeat(100_000) + "]"),
        joined("ack id 2^53", "29007199254740992[\"echo\"]"),
        joined("ack id of 30 digits", "2" + "9".repeat(30) + "[\"echo\"]"),
        joined("ACK id of 30 digits", "3" + "9".repeat(30) + "[]"),
        joined("text while attachments awaited", "51-[\"echo\"," + ph(0) + "]", "2[\"echo\"]"),
        joined(
            "CONNECT while attachments awaited",
            "52-[\"echo\"," + ph(0) + "," + ph(1) + "]",
            one,
            "0/custom,"),
        joined("stray binary", one),
        fresh("stray binary before connecting", one),
        joined("binary after a complete binary packet", "51-[\"echo\"," + ph(0) + "]", one, one),
        joined("placeholder num out of range", "51-[\"echo\"," + ph(1) + "]", one),
        joined("placeholder num negative", "51-[\"echo\"," + ph(-1) + "]", one),
        joined(
            "placeholder num not a number",
            "51-[\"echo\",{\"_placeholder\":true,\"num\":\"0\"}]",
            one),
        joined(
            "placeholder num fractional", "51-[\"echo\",{\"_placeholder\":true,\"num\":0.5}]", one),
        joined("placeholder num missing", "51-[\"echo\",{\"_placeholder\":true}]", one),
        fresh("EVENT before CONNECT", "2[\"echo\",\"x\"]"),
        fresh("ACK before CONNECT", "30[]"),
        fresh("DISCONNECT before CONNECT", "1"),
        joined("second CONNECT to /", "0"),
        joined("second CONNECT to / with auth", "0{\"token\":\"again\"}"),
        joined("EVENT for a namespace not joined", "2/custom,[\"echo\",\"x\"]"),
        joined("EVENT for an unknown namespace", "2/nowhere,[\"echo\",\"x\"]"),
        joined("ACK for a namespace not joined", "3/custom,0[]"),
        joined("DISCONNECT for a namespace not joined", "1/custom,"));
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Case c : badInputs()) {
      for (Transport t : Transport.values()) {
        out.add(Arguments.of(c, t));
      }
    }
    return out.stream();
  }

  // ------------------------------------------------------------------ the test

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("cases")
  void closesOnlyTheOffenderAndLeavesNothingBehind(Case c, Transport transport) throws Exception {
    Server io = server.io();
    Sio.awaitTrue(
        () -> io.clientsCount() == 0 && io.sockets().sockets().isEmpty() && liveRooms.isEmpty(),
        "the connections of the previous test gone");
    records.clear();
    try (WsClient bystander = sio.session(true)) {
      String bystanderId = join(bystander);
      String victimId;
      if (transport == Transport.WEBSOCKET) {
        try (WsClient ws = sio.session(true)) {
          victimId = c.join() ? join(ws) : null;
          for (Object m : c.messages()) {
            if (m instanceof byte[] b) {
              ws.send(b);
            } else {
              ws.send("4" + m);
            }
          }
          Sio.awaitClosedCleanly(ws, CLOSE_WAIT);
        }
      } else {
        String sid;
        if (c.join()) {
          Sio.PollingJoin joined = sio.pollingJoined();
          sid = joined.engineSid();
          victimId = joined.socketId();
        } else {
          sid = http.handshake().sid();
          victimId = null;
        }
        List<String> payload = new ArrayList<>();
        for (Object m : c.messages()) {
          payload.add(m instanceof byte[] b ? Sio.b64(b) : "4" + m);
        }
        sio.postIgnoringAnswer(sid, String.join(Sio.SEP, payload));
        sio.awaitPollingClosed(sid, CLOSE_WAIT);
      }

      if (victimId != null) {
        assertThat(probes.remove(victimId))
            .as("the server's emitWithAck to the offender")
            .failsWithin(CLOSE_WAIT)
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .withCauseInstanceOf(SocketDisconnectedException.class);
      }
      Sio.awaitTrue(() -> io.clientsCount() == 1, "only the bystander's connection left");
      assertThat(io.sockets().sockets().keySet()).containsExactly(bystanderId);
      assertThat(io.of("/custom").sockets()).isEmpty();
      assertThat(get(io.sockets().allSockets())).containsExactly(bystanderId);
      assertThat(get(io.sockets().in("lobby").allSockets())).containsExactly(bystanderId);
      assertThat(get(io.sockets().fetchSockets()))
          .extracting(RemoteSocket::id)
          .containsExactly(bystanderId);
      if (victimId != null) {
        assertThat(get(io.sockets().in(victimId).allSockets())).isEmpty();
      }
      assertThat(liveRooms).containsExactlyInAnyOrder(bystanderId, "lobby");

      bystander.send("42[\"echo\",\"still here\"]");
      assertThat(bystander.nextMessage()).isEqualTo("42[\"echo-back\",\"still here\"]");
      bystander.closeNormally();
    }
    assertThat(records)
        .as("log records at WARNING or above, or with a stack trace")
        .filteredOn(
            r -> r.getLevel().intValue() >= Level.WARNING.intValue() || r.getThrown() != null)
        .extracting(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
        .isEmpty();
  }

  /** CONNECT to {@code /}: the reply, then the server's {@code probe}; returns the socket id. */
  private static String join(WsClient ws) throws Exception {
    ws.send("40");
    String id = Sio.connectReply(ws.nextMessage(), "/");
    assertThat(ws.nextMessage()).matches("42\\d+\\[\"probe\"\\]");
    return id;
  }

  private static <T> T get(CompletableFuture<T> f) throws Exception {
    return f.get(2, TimeUnit.SECONDS);
  }
}
