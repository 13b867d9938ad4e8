package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.SioNode.assertTransport;
import static io.socketiojakarta.clients.SioNode.assertTransports;
import static io.socketiojakarta.clients.SioNode.list;
import static io.socketiojakarta.clients.SioNode.map;
import static io.socketiojakarta.clients.SioNode.newTag;
import static io.socketiojakarta.clients.SioNode.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.BroadcastOperator;
import io.socketiojakarta.Event;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.Server;
import io.socketiojakarta.Socket;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.json.JsonTree;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's utility methods with the real {@code socket.io-client} 4.8 (Node) over polling,
 * WebSocket and polling upgraded to WebSocket: {@code socketsJoin}, {@code socketsLeave}, {@code
 * fetchSockets}, {@code allSockets}, {@code disconnectSockets}, volatile emits, {@code onAny} and
 * {@code onAnyOutgoing}. Every socket joins the rooms {@code <tag>} and {@code <tag>:<label>}; the
 * client drives the operations with an {@code op} event.
 */
class SioUtilityNodeTest {
  private static final SioRecorder REC = new SioRecorder();
  private static SocketIoTestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = SocketIoTestServer.start(io -> io.onConnection(socket -> onConnection(io, socket)));
  }

  private static void onConnection(Server io, Socket socket) {
    String tag = SioRecorder.tag(socket);
    String label = SioRecorder.label(socket);
    socket.join(tag, tag + ":" + label);
    socket.data().put("label", label);
    REC.add(socket, "connection:" + label, socket);
    socket.onDisconnect((reason, description) -> REC.add(socket, "disconnect:" + label, reason));
    socket.onAny(
        (name, args) -> REC.add(socket, "any", name + " " + JsonTree.write(args.values())));
    socket.onAnyOutgoing(
        (name, args) -> REC.add(socket, "outgoing", name + " " + JsonTree.write(args.values())));
    socket.on("sync", e -> e.ack());
    socket.on("op", e -> op(io, e));
    socket.on("any-test", e -> e.ack("ok"));
    socket.on(
        "volatile-me",
        e -> {
          REC.add(socket, "volatile-transport", socket.conn().transportName());
          socket.asVolatile().emit("vol", 1);
          e.ack();
        });
    socket.on(
        "volatile-broadcast",
        e -> {
          io.to(socket.id()).asVolatile().emit("vol", 2);
          e.ack();
        });
    socket.on("please-emit", e -> socket.emit("out", "x", 1));
  }

  private static String[] strings(Object jsonArray) {
    return list(jsonArray).stream().map(String::valueOf).toArray(String[]::new);
  }

  /** One operation on {@code io.in(in).except(except)}, answered by the ack. */
  private static void op(Server io, Event e) {
    Map<?, ?> op = e.get(0, Map.class);
    BroadcastOperator target = io;
    String[] in = strings(op.get("in"));
    String[] except = strings(op.get("except"));
    if (in.length > 0) {
      target = target.in(in);
    }
    if (except.length > 0) {
      target = target.except(except);
    }
    switch (String.valueOf(op.get("kind"))) {
      case "socketsJoin" -> {
        target.socketsJoin(strings(op.get("rooms")));
        e.ack();
      }
      case "socketsLeave" -> {
        target.socketsLeave(strings(op.get("rooms")));
        e.ack();
      }
      case "disconnectSockets" -> {
        target.disconnectSockets(Boolean.TRUE.equals(op.get("close")));
        e.ack();
      }
      case "emit" -> {
        target.emit(String.valueOf(op.get("event")), op.get("payload"));
        e.ack();
      }
      case "allSockets" -> target.allSockets().thenAccept(ids -> e.ack(new TreeSet<>(ids)));
      case "fetchSockets" ->
          target
              .fetchSockets()
              .thenAccept(
                  sockets -> {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (RemoteSocket s : sockets) {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("id", s.id());
                      m.put("label", s.data().get("label"));
                      m.put("rooms", new TreeSet<>(s.rooms()));
                      m.put("tag", s.handshake().query("tag").orElse(""));
                      m.put("local", s instanceof Socket);
                      out.add(m);
                      s.emit("fetched", s.id()); // emit to a fetched socket
                    }
                    e.ack(out);
                  });
      default -> e.ack("unknown op");
    }
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
  void socketsJoinLeaveFetchAllAndDisconnectSockets(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "utilities", tag, Map.of());

    Map<String, Object> ids = r.map("ids");
    Socket a = REC.first(tag, "connection:a", Socket.class);
    Socket b = REC.first(tag, "connection:b", Socket.class);
    Socket c = REC.first(tag, "connection:c", Socket.class);
    assertThat(ids)
        .containsEntry("a", a.id())
        .containsEntry("b", b.id())
        .containsEntry("c", c.id());

    // socketsJoin(a, b -> news), emit n1 to news; socketsLeave(a <- news), emit n2 to news;
    // emit n3 to everyone except news
    Map<String, Object> news = r.map("news");
    assertThat(news.get("a")).isEqualTo(List.of("n1", "n3"));
    assertThat(news.get("b")).isEqualTo(List.of("n1", "n2"));
    assertThat(news.get("c")).isEqualTo(List.of("n3"));
    assertThat(r.list("allSockets")).containsExactlyInAnyOrder(a.id(), b.id());

    // fetchSockets: ids, rooms, data; local sockets are the Socket objects
    List<Object> fetched = r.list("fetched");
    assertThat(fetched).hasSize(3);
    for (Object f : fetched) {
      Map<String, Object> m = map(f);
      String label = (String) m.get("label");
      assertThat(m.get("id")).isEqualTo(ids.get(label));
      assertThat(m.get("tag")).isEqualTo(tag);
      assertThat(m.get("local")).isEqualTo(true);
      List<Object> expectedRooms = new ArrayList<>(List.of(m.get("id"), tag, tag + ":" + label));
      if (!label.equals("c")) {
        expectedRooms.add(tag + ":news");
      }
      assertThat(list(m.get("rooms"))).containsExactlyInAnyOrderElementsOf(expectedRooms);
    }
    // each fetched socket got the event emitted to it
    Map<String, Object> fetchedEvents = r.map("fetchedEvents");
    for (String label : List.of("a", "b", "c")) {
      assertThat(fetchedEvents.get(label)).isEqualTo(List.of(ids.get(label)));
    }
    assertTransports(r, mode, 3);

    // disconnectSockets(false) for b (its client then closes the connection, having no other
    // socket), disconnectSockets(true) for c
    assertThat(r.string("bReason")).isEqualTo("io server disconnect");
    assertThat(REC.first(tag, "disconnect:b")).isEqualTo("server namespace disconnect");
    assertThat(r.string("cReason")).isEqualTo("io server disconnect");
    assertThat(REC.first(tag, "disconnect:c")).isEqualTo("server namespace disconnect");
    assertThat(c.conn().isOpen()).isFalse();
    assertThat(r.list("after")).containsExactly(a.id());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void onAnyOnAnyOutgoingAndVolatileEmits(String mode) {
    String tag = newTag(mode);
    Scenario r = runOk(server, mode, "anyAndVolatile", tag, Map.of());

    assertThat(r.string("anyAck")).isEqualTo("ok");
    // incoming: every event, with or without a listener, before the listeners
    assertThat(REC.get(tag, "any"))
        .containsSubsequence(
            "any-test [1,{\"k\":\"v\"}]",
            "no-handler [\"x\"]",
            "volatile-me []",
            "volatile-broadcast []",
            "please-emit []");
    // outgoing: direct and broadcast emits, volatile ones included; acks are no events
    assertThat(REC.await(tag, "outgoing", 3))
        .containsExactly("vol [1]", "vol [2]", "out [\"x\",1]");
    assertThat(r.list("out")).containsExactly("x", 1L);
    if (mode.equals("polling")) {
      // may be dropped when no GET is waiting at that instant
      assertThat(r.list("volatile")).isSubsetOf(1L, 2L);
    } else {
      // a WebSocket is writable: nothing is dropped
      assertThat(REC.first(tag, "volatile-transport")).isEqualTo("websocket");
      assertThat(r.list("volatile")).containsExactly(1L, 2L);
    }
    assertTransport(r, mode);
  }
}
