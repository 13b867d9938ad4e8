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
import io.socketiojakarta.AckCallback;
import io.socketiojakarta.AnyListener;
import io.socketiojakarta.Args;
import io.socketiojakarta.DisconnectReason;
import io.socketiojakarta.EventListener;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.json.JsonTree;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server's utility methods with the real Java client over polling, WebSocket and polling
 * upgraded to WebSocket: {@code socketsJoin}, {@code socketsLeave}, {@code fetchSockets}, {@code
 * allSockets}, {@code disconnectSockets}, volatile emits, catch-all listeners and the listener
 * methods of a server socket. Every client sends a tag and a label in its auth; a middleware copies
 * the label into the socket's data, and every socket joins the rooms {@code <tag>} and {@code
 * <tag>:<label>}. What a client did not receive is checked with a marker sent after: a client's
 * packets arrive in order.
 */
@Timeout(30)
class SioUtilityJavaTest {
  private static final Map<String, io.socketiojakarta.Socket> SOCKETS = new ConcurrentHashMap<>();
  private static final Map<String, io.socketiojakarta.Socket> SIDE = new ConcurrentHashMap<>();
  private static final Map<String, String> DISCONNECTED = new ConcurrentHashMap<>();
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io -> {
              io.use(
                  (socket, next) -> {
                    socket.data().put("label", socket.handshake().auth().get("label"));
                    socket.data().put("checked", true);
                    next.proceed();
                  });
              io.onConnection(
                  s -> {
                    Object tag = s.handshake().auth().get("tag");
                    s.join(tag + "", tag + ":" + s.data().get("label"));
                    s.onDisconnect((reason, description) -> DISCONNECTED.put(s.id(), reason));
                    s.on("sync", e -> e.ack());
                    SOCKETS.put(s.id(), s); // last: once seen, the socket is in its rooms
                  });
              io.of("/side")
                  .onConnection(
                      s -> {
                        s.onDisconnect((reason, description) -> DISCONNECTED.put(s.id(), reason));
                        s.on("sync", e -> e.ack());
                        SIDE.put(s.id(), s);
                      });
            });
    clients = new JavaClients(server.uri("/"));
  }

  @AfterEach
  void closeClients() {
    clients.closeSockets();
    eventually(
        () -> {
          assertThat(server.io().sockets().sockets()).isEmpty();
          assertThat(server.io().of("/side").sockets()).isEmpty();
        });
  }

  @AfterAll
  static void stop() throws Exception {
    if (clients != null) {
      clients.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A client of {@code /} on its own connection, recording what it receives. */
  private static final class Peer {
    final String tag;
    final String label;
    final Manager manager;
    final Socket client;
    final io.socketiojakarta.Socket server;
    final List<String> log = new CopyOnWriteArrayList<>();

    Peer(String mode, String tag, String label) {
      this.tag = tag;
      this.label = label;
      manager = clients.manager(mode);
      client =
          clients.socket(
              manager,
              "/",
              clients.options(mode, o -> o.auth = Map.of("tag", tag, "label", label)));
      for (String event : List.of("news", "fetched", "vol", "marker")) {
        client.on(event, args -> log.add(event + ":" + args[0]));
      }
      // answers a question with its label and the question
      client.on("question", args -> ((Ack) args[args.length - 1]).call(label, args[0]));
      connect(client);
      server = serverSocket(SOCKETS, client);
    }

    /** The room of this client alone. */
    String room() {
      return tag + ":" + label;
    }

    /** A client of {@code /side} on the same connection. */
    Socket side() {
      return connect(clients.socket(manager, "/side"));
    }

    /** Emits an event with an ack and returns the ack's arguments. */
    Object[] call(String event, Object... args) {
      CompletableFuture<Object[]> answer = new CompletableFuture<>();
      client.emit(event, args, (Ack) answer::complete);
      return await(answer);
    }

    /** What was received since the last call, once the marker that follows has arrived. */
    List<String> received(String marker) {
      eventually(() -> assertThat(log).contains("marker:" + marker));
      List<String> out = new ArrayList<>();
      for (String entry : List.copyOf(log)) {
        log.remove(entry);
        if (entry.equals("marker:" + marker)) {
          break;
        }
        out.add(entry);
      }
      return out;
    }
  }

  private static String newTag() {
    return "u" + COUNTER.incrementAndGet();
  }

  /** Sends a marker to every client of the tag; returns it for {@link Peer#received}. */
  private static String mark(String tag) {
    String marker = "m" + COUNTER.incrementAndGet();
    server.io().to(tag).emit("marker", marker);
    return marker;
  }

  private static List<String> ids(List<RemoteSocket> sockets) {
    return sockets.stream().map(RemoteSocket::id).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void socketsJoinAndSocketsLeave(String mode) {
    String tag = newTag();
    Peer a = new Peer(mode, tag, "a");
    Peer b = new Peer(mode, tag, "b");
    Peer c = new Peer(mode, tag, "c");
    String news = tag + ":news";

    server.io().in(a.room(), b.room()).socketsJoin(news);
    assertThat(a.server.rooms()).containsExactlyInAnyOrder(a.client.id(), tag, a.room(), news);
    assertThat(b.server.rooms()).containsExactlyInAnyOrder(b.client.id(), tag, b.room(), news);
    assertThat(c.server.rooms()).containsExactlyInAnyOrder(c.client.id(), tag, c.room());
    assertThat(await(server.io().in(news).allSockets()))
        .containsExactlyInAnyOrder(a.client.id(), b.client.id());
    server.io().to(news).emit("news", "n1");

    server.io().in(a.room()).socketsLeave(news);
    assertThat(a.server.rooms()).containsExactlyInAnyOrder(a.client.id(), tag, a.room());
    assertThat(b.server.rooms()).contains(news);
    assertThat(await(server.io().in(news).allSockets())).containsExactly(b.client.id());
    server.io().to(news).emit("news", "n2");
    server.io().in(tag).except(news).emit("news", "n3");

    String m = mark(tag);
    assertThat(a.received(m)).containsExactly("news:n1", "news:n3");
    assertThat(b.received(m)).containsExactly("news:n1", "news:n2");
    assertThat(c.received(m)).containsExactly("news:n3");
    assertThat(await(server.io().in(tag).allSockets()))
        .containsExactlyInAnyOrder(a.client.id(), b.client.id(), c.client.id());
    // socketsJoin on a socket's own operator targets the others
    a.server.broadcast().socketsJoin(tag + ":others");
    assertThat(await(server.io().in(tag + ":others").allSockets()))
        .containsExactlyInAnyOrder(b.client.id(), c.client.id());
    for (Peer p : List.of(a, b, c)) {
      assertTransport(p.server, mode);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void fetchSocketsGivesTheSocketsWithTheirRoomsAndData(String mode) {
    String tag = newTag();
    Peer a = new Peer(mode, tag, "a");
    Peer b = new Peer(mode, tag, "b");
    Peer c = new Peer(mode, tag, "c");
    List<Peer> peers = List.of(a, b, c);

    List<RemoteSocket> fetched = await(server.io().in(tag).fetchSockets());
    assertThat(ids(fetched)).containsExactlyInAnyOrder(a.client.id(), b.client.id(), c.client.id());
    for (Peer p : peers) {
      RemoteSocket s =
          fetched.stream().filter(f -> f.id().equals(p.client.id())).findFirst().orElseThrow();
      // local sockets are the Socket objects
      assertThat(s).isSameAs(p.server);
      assertThat(s.rooms()).containsExactlyInAnyOrder(p.client.id(), tag, p.room());
      assertThat(s.data()).containsEntry("label", p.label).containsEntry("checked", true);
      assertThat(s.handshake().auth()).containsEntry("tag", tag);
      s.emit("fetched", s.id());
    }
    String m = mark(tag);
    for (Peer p : peers) {
      assertThat(p.received(m)).containsExactly("fetched:" + p.client.id());
    }

    // rooms narrow the result
    assertThat(ids(await(server.io().in(b.room()).fetchSockets()))).containsExactly(b.client.id());
    assertThat(ids(await(server.io().in(tag).except(b.room()).fetchSockets())))
        .containsExactlyInAnyOrder(a.client.id(), c.client.id());

    // an emit with an acknowledgement through a fetched socket
    RemoteSocket fetchedA = await(server.io().in(a.room()).fetchSockets()).get(0);
    Args answer =
        await(fetchedA.timeout(Duration.ofSeconds(5)).emitWithAck("question", "who are you?"));
    assertThat(answer.values()).containsExactly("a", "who are you?");
    RemoteSocket fetchedB = await(server.io().in(b.room()).fetchSockets()).get(0);
    CompletableFuture<Args> callback = new CompletableFuture<>();
    fetchedB
        .timeout(Duration.ofSeconds(5))
        .emit(
            "question",
            "and you?",
            (AckCallback)
                (error, response) -> {
                  if (error != null) {
                    callback.completeExceptionally(error);
                  } else {
                    callback.complete(response);
                  }
                });
    assertThat(await(callback).values()).containsExactly("b", "and you?");
    for (Peer p : peers) {
      assertTransport(p.server, mode);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void disconnectSocketsWithAndWithoutClosing(String mode) {
    String tag = newTag();
    Peer a = new Peer(mode, tag, "a");
    Peer b = new Peer(mode, tag, "b");
    Peer c = new Peer(mode, tag, "c");
    // b and c also use /side on their connection
    Socket bSide = b.side();
    Socket cSide = c.side();
    io.socketiojakarta.Socket bSideServer = serverSocket(SIDE, bSide);
    io.socketiojakarta.Socket cSideServer = serverSocket(SIDE, cSide);
    for (Peer p : List.of(a, b, c)) {
      assertTransport(p.server, mode);
    }

    // without closing: b leaves "/", its connection and its other namespace stay
    CompletableFuture<Object[]> bGone = next(b.client, Socket.EVENT_DISCONNECT);
    server.io().in(b.room()).disconnectSockets(false);
    assertThat(await(bGone)).containsExactly("io server disconnect");
    String bId = b.server.id();
    assertThat(eventuallyGet("disconnect of b", () -> DISCONNECTED.get(bId)))
        .isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    assertThat(b.server.connected()).isFalse();
    assertThat(b.client.connected()).isFalse();
    assertThat(bSide.connected()).isTrue();
    assertThat(bSideServer.connected()).isTrue();
    assertThat(bSideServer.conn().isOpen()).isTrue();
    CompletableFuture<Object[]> sideAnswer = new CompletableFuture<>();
    bSide.emit("sync", new Object[0], (Ack) sideAnswer::complete);
    await(sideAnswer);
    assertThat(DISCONNECTED).doesNotContainKey(bSideServer.id());

    // with closing: c leaves every namespace and its connection closes
    CompletableFuture<Object[]> cGone = next(c.client, Socket.EVENT_DISCONNECT);
    CompletableFuture<Object[]> cSideGone = next(cSide, Socket.EVENT_DISCONNECT);
    server.io().in(c.room()).disconnectSockets(true);
    assertThat(await(cGone)).containsExactly("io server disconnect");
    assertThat(await(cSideGone)).containsExactly("io server disconnect");
    String cId = c.server.id();
    assertThat(eventuallyGet("disconnect of c", () -> DISCONNECTED.get(cId)))
        .isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    assertThat(eventuallyGet("disconnect of c's side", () -> DISCONNECTED.get(cSideServer.id())))
        .isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
    eventually(() -> assertThat(c.server.conn().isOpen()).isFalse());

    // a was not targeted
    assertThat(await(server.io().in(tag).allSockets())).containsExactly(a.client.id());
    assertThat(a.server.connected()).isTrue();
    assertThat(a.call("sync")).isEmpty();
    assertThat(DISCONNECTED).doesNotContainKey(a.client.id());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void volatileEmitsReachAWebSocketClient(String mode) {
    String tag = newTag();
    Peer p = new Peer(mode, tag, "v");
    assertTransport(p.server, mode);
    List<String> outgoing = new CopyOnWriteArrayList<>();
    p.server.onAnyOutgoing(
        (name, args) -> {
          if (name.equals("vol")) {
            outgoing.add(name + " " + json(args));
          }
        });

    p.server.asVolatile().emit("vol", 1);
    String m1 = mark(tag);
    List<String> direct = p.received(m1);
    server.io().to(p.client.id()).asVolatile().emit("vol", 2);
    String m2 = mark(tag);
    List<String> broadcast = p.received(m2);
    if (mode.equals("polling")) {
      // dropped when no GET is waiting at that instant
      assertThat(direct).isSubsetOf("vol:1");
      assertThat(broadcast).isSubsetOf("vol:2");
    } else {
      // a WebSocket not busy writing takes it: nothing is dropped
      assertThat(p.server.conn().transportName()).isEqualTo("websocket");
      assertThat(direct).containsExactly("vol:1");
      assertThat(broadcast).containsExactly("vol:2");
    }
    // the outgoing listeners see them, sent or dropped
    assertThat(outgoing).containsExactly("vol [1]", "vol [2]");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void catchAllListenersOfIncomingAndOutgoingEvents(String mode) throws Exception {
    Peer p = new Peer(mode, newTag(), "any");
    io.socketiojakarta.Socket s = p.server;
    List<String> in = new CopyOnWriteArrayList<>();
    AnyListener first = (name, args) -> in.add("first " + name + " " + json(args));
    AnyListener pre = (name, args) -> in.add("pre " + name);
    s.onAny(first);
    s.prependAny(pre);
    s.on("hello", e -> in.add("listener hello"));
    assertThat(s.listenersAny()).containsExactly(pre, first);

    // every event, with or without a listener, goes to the catch-all listeners first
    p.client.emit("hello", 1, new JSONObject().put("k", "v"));
    p.client.emit("no-handler", "x");
    p.call("sync");
    assertThat(in)
        .containsExactly(
            "pre hello",
            "first hello [1,{\"k\":\"v\"}]",
            "listener hello",
            "pre no-handler",
            "first no-handler [\"x\"]",
            "pre sync",
            "first sync []");

    in.clear();
    s.offAny(pre);
    assertThat(s.listenersAny()).containsExactly(first);
    p.client.emit("again", 2);
    p.call("sync");
    assertThat(in).containsExactly("first again [2]", "first sync []");

    in.clear();
    s.offAny();
    assertThat(s.listenersAny()).isEmpty();
    p.client.emit("hello", 3);
    p.call("sync");
    assertThat(in).containsExactly("listener hello");

    // outgoing: direct and broadcast emits, not acknowledgements
    List<String> out = new CopyOnWriteArrayList<>();
    AnyListener later = (name, args) -> out.add("later " + name + " " + json(args));
    AnyListener earlier = (name, args) -> out.add("earlier " + name);
    s.onAnyOutgoing(later);
    s.prependAnyOutgoing(earlier);
    assertThat(s.listenersAnyOutgoing()).containsExactly(earlier, later);
    CompletableFuture<Object[]> direct = next(p.client, "direct");
    CompletableFuture<Object[]> broadcast = next(p.client, "bc");
    s.emit("direct", "x", 1);
    server.io().to(s.id()).emit("bc", 2);
    Object[] directArgs = await(direct);
    assertThat(directArgs[0]).isEqualTo("x");
    assertThat(((Number) directArgs[1]).intValue()).isEqualTo(1);
    assertThat(((Number) await(broadcast)[0]).intValue()).isEqualTo(2);
    p.call("sync");
    assertThat(out)
        .containsExactly("earlier direct", "later direct [\"x\",1]", "earlier bc", "later bc [2]");

    out.clear();
    s.offAnyOutgoing(earlier);
    CompletableFuture<Object[]> second = next(p.client, "direct");
    s.emit("direct", "y", 2);
    await(second);
    assertThat(out).containsExactly("later direct [\"y\",2]");
    out.clear();
    s.offAnyOutgoing();
    assertThat(s.listenersAnyOutgoing()).isEmpty();
    CompletableFuture<Object[]> third = next(p.client, "direct");
    s.emit("direct", "z", 3);
    await(third);
    assertThat(out).isEmpty();
    assertTransport(s, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void onceOffEventNamesAndListeners(String mode) {
    Peer p = new Peer(mode, newTag(), "l");
    io.socketiojakarta.Socket s = p.server;
    List<String> log = new CopyOnWriteArrayList<>();
    EventListener once = e -> log.add("once " + e.get(0));
    EventListener on = e -> log.add("on " + e.get(0));
    s.once("greet", once);
    s.on("greet", on);
    assertThat(s.listeners("greet")).containsExactly(once, on);
    assertThat(s.eventNames()).contains("greet", "sync", "disconnect");

    p.client.emit("greet", 1);
    p.client.emit("greet", 2);
    p.call("sync");
    assertThat(log).containsExactly("once 1", "on 1", "on 2");
    assertThat(s.listeners("greet")).containsExactly(on);
    assertThat(s.eventNames()).contains("greet");

    s.off("greet", on);
    assertThat(s.listeners("greet")).isEmpty();
    assertThat(s.eventNames()).doesNotContain("greet").contains("sync");
    p.client.emit("greet", 3);
    p.call("sync");
    assertThat(log).containsExactly("once 1", "on 1", "on 2");

    // a once listener removed before it fires; every listener of an event removed at once
    EventListener never = e -> log.add("never");
    s.once("later", never);
    assertThat(s.listeners("later")).containsExactly(never);
    s.off("later", never);
    s.on("many", e -> log.add("many 1"));
    s.on("many", e -> log.add("many 2"));
    assertThat(s.listeners("many")).hasSize(2);
    s.off("many");
    assertThat(s.listeners("later")).isEmpty();
    assertThat(s.listeners("many")).isEmpty();
    assertThat(s.eventNames()).doesNotContain("later", "many");
    p.client.emit("later");
    p.client.emit("many");
    p.call("sync");
    assertThat(log).containsExactly("once 1", "on 1", "on 2");

    // listeners added later work as usual
    s.on("many", e -> log.add("many again"));
    p.client.emit("many");
    p.call("sync");
    assertThat(log).containsExactly("once 1", "on 1", "on 2", "many again");
    assertThat(s.eventNames()).contains("many", "sync", "disconnect");
    assertTransport(s, mode);
  }

  private static String json(Args args) {
    return JsonTree.write(args.values());
  }
}
