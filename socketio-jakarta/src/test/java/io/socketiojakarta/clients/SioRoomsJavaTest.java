package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.assertTransport;
import static io.socketiojakarta.clients.JavaClients.await;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.serverSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.Socket;
import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Args;
import io.socketiojakarta.BroadcastAckCallback;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.json.JSONArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rooms and broadcasts with several real Java clients over polling, WebSocket and polling upgraded
 * to WebSocket. What a client did not receive is checked with a marker sent to everybody after the
 * broadcast: a client's packets arrive in order, so once it has the marker, it would have had the
 * broadcast too.
 */
@Timeout(30)
class SioRoomsJavaTest {
  private static final Map<String, io.socketiojakarta.Socket> SOCKETS = new ConcurrentHashMap<>();
  private static final AtomicInteger MARKERS = new AtomicInteger();

  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io ->
                io.onConnection(
                    s -> {
                      SOCKETS.put(s.id(), s);
                      s.on(
                          "join",
                          e -> {
                            s.join(e.get(0, String.class));
                            e.ack(List.copyOf(s.rooms()));
                          });
                      s.on(
                          "leave",
                          e -> {
                            s.leave(e.get(0, String.class));
                            e.ack(List.copyOf(s.rooms()));
                          });
                      // acknowledged once broadcast
                      s.on(
                          "shout",
                          e -> {
                            s.to(e.get(0, String.class)).emit("news", e.get(1));
                            e.ack();
                          });
                      s.on(
                          "shoutExcept",
                          e -> {
                            s.except(e.get(0, String.class)).emit("news", e.get(1));
                            e.ack();
                          });
                    }));
    clients = new JavaClients(server.uri("/"));
  }

  @AfterEach
  void closeClients() {
    clients.closeSockets();
    eventually(() -> assertThat(server.io().sockets().sockets()).isEmpty());
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close();
    server.close();
  }

  /** A connected client recording the {@code news} it receives. */
  private static final class Peer {
    final Socket client;
    final io.socketiojakarta.Socket server;
    final List<String> log = new CopyOnWriteArrayList<>();

    Peer(String mode) {
      client = clients.socket("/", clients.options(mode));
      client.on("news", args -> log.add("news:" + args[0]));
      client.on("marker", args -> log.add("marker:" + args[0]));
      JavaClients.connect(client);
      server = serverSocket(SOCKETS, client);
    }

    /** Emits an event with an ack and returns the ack's arguments. */
    Object[] call(String event, Object... args) {
      CompletableFuture<Object[]> answer = new CompletableFuture<>();
      client.emit(event, args, (Ack) answer::complete);
      return await(answer);
    }

    /** The news received since the last call, once the marker that follows has arrived. */
    List<String> news(String marker) {
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

  private static List<Peer> peers(String mode, int n) {
    List<Peer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Peer(mode));
    }
    return out;
  }

  /** Sends a marker to every client; returns it for {@link Peer#news}. */
  private static String mark() {
    String marker = "m" + MARKERS.incrementAndGet();
    server.io().emit("marker", marker);
    return marker;
  }

  private static List<String> ids(List<RemoteSocket> sockets) {
    return sockets.stream().map(RemoteSocket::id).toList();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void joinLeaveAndBroadcastToARoom(String mode) throws Exception {
    List<Peer> p = peers(mode, 3);
    Peer a = p.get(0);
    Peer b = p.get(1);
    Peer c = p.get(2);

    JSONArray roomsOfA = (JSONArray) a.call("join", "red")[0];
    assertThat(List.of(roomsOfA.getString(0), roomsOfA.getString(1)))
        .containsExactlyInAnyOrder(a.client.id(), "red");
    b.call("join", "red");
    assertThat(a.server.rooms()).containsExactlyInAnyOrder(a.client.id(), "red");
    assertThat(c.server.rooms()).containsExactly(c.client.id());
    assertThat(ids(await(server.io().in("red").fetchSockets())))
        .containsExactlyInAnyOrder(a.client.id(), b.client.id());

    server.io().to("red").emit("news", "r1");
    String m1 = mark();
    assertThat(a.news(m1)).containsExactly("news:r1");
    assertThat(b.news(m1)).containsExactly("news:r1");
    assertThat(c.news(m1)).isEmpty();

    JSONArray roomsOfB = (JSONArray) b.call("leave", "red")[0];
    assertThat(roomsOfB.length()).isEqualTo(1);
    assertThat(b.server.rooms()).containsExactly(b.client.id());

    server.io().to("red").emit("news", "r2");
    server.io().to(c.client.id()).emit("news", "just for c");
    String m2 = mark();
    assertThat(a.news(m2)).containsExactly("news:r2");
    assertThat(b.news(m2)).isEmpty();
    assertThat(c.news(m2)).containsExactly("news:just for c");
    for (Peer peer : p) {
      assertTransport(peer.server, mode);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void socketToExcludesTheSender(String mode) {
    List<Peer> p = peers(mode, 3);
    for (Peer peer : p) {
      peer.server.join("blue");
    }
    p.get(0).call("shout", "blue", "hi");
    String m = mark();
    assertThat(p.get(0).news(m)).isEmpty();
    assertThat(p.get(1).news(m)).containsExactly("news:hi");
    assertThat(p.get(2).news(m)).containsExactly("news:hi");
    for (Peer peer : p) {
      assertTransport(peer.server, mode);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void exceptLeavesRoomsOut(String mode) {
    List<Peer> p = peers(mode, 3);
    Peer a = p.get(0);
    Peer b = p.get(1);
    Peer c = p.get(2);
    a.server.join("red");
    b.server.join("red", "muted");

    server.io().except("muted").emit("news", "e1");
    server.io().to("red").except("muted").emit("news", "e2");
    String m1 = mark();
    assertThat(a.news(m1)).containsExactly("news:e1", "news:e2");
    assertThat(b.news(m1)).isEmpty();
    assertThat(c.news(m1)).containsExactly("news:e1");

    // from a socket: neither the sender nor the excluded rooms
    c.call("shoutExcept", "muted", "e3");
    String m2 = mark();
    assertThat(a.news(m2)).containsExactly("news:e3");
    assertThat(b.news(m2)).isEmpty();
    assertThat(c.news(m2)).isEmpty();
    for (Peer peer : p) {
      assertTransport(peer.server, mode);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void broadcastWithAcksCollectsOneResponsePerClient(String mode) {
    List<Peer> p = peers(mode, 3);
    for (int i = 0; i < p.size(); i++) {
      String name = "peer" + i;
      p.get(i).client.on("poll", args -> ((Ack) args[args.length - 1]).call(name, args[0]));
    }
    p.get(0).client.on("poll2", args -> ((Ack) args[args.length - 1]).call("peer0"));
    p.get(1).client.on("poll2", args -> ((Ack) args[args.length - 1]).call("peer1"));
    p.get(2).client.on("poll2", args -> {}); // never answers
    p.get(0).server.join("red");
    p.get(1).server.join("red");

    List<Args> all = await(server.io().timeout(Duration.ofSeconds(5)).emitWithAck("poll", "q"));
    assertThat(all).hasSize(3);
    assertThat(all.stream().map(r -> r.get(0)).toList())
        .containsExactlyInAnyOrder("peer0", "peer1", "peer2");
    assertThat(all).allSatisfy(r -> assertThat(r.get(1)).isEqualTo("q"));

    List<Args> red =
        await(server.io().to("red").timeout(Duration.ofSeconds(5)).emitWithAck("poll", "r"));
    assertThat(red.stream().map(r -> r.get(0)).toList())
        .containsExactlyInAnyOrder("peer0", "peer1");

    // one client stays silent: the callback gets the timeout and the responses received
    CompletableFuture<Throwable> error = new CompletableFuture<>();
    CompletableFuture<List<Args>> partial = new CompletableFuture<>();
    server
        .io()
        .timeout(Duration.ofMillis(1500))
        .emit(
            "poll2",
            (BroadcastAckCallback)
                (err, responses) -> {
                  error.complete(err);
                  partial.complete(responses);
                });
    assertThat(await(error)).isInstanceOf(AckTimeoutException.class);
    assertThat(await(partial).stream().map(r -> r.get(0)).toList())
        .containsExactlyInAnyOrder("peer0", "peer1");
    for (Peer peer : p) {
      assertTransport(peer.server, mode);
    }
  }
}
