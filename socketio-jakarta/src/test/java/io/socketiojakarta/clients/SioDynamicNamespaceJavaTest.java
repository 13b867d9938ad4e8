package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.assertTransport;
import static io.socketiojakarta.clients.JavaClients.await;
import static io.socketiojakarta.clients.JavaClients.connect;
import static io.socketiojakarta.clients.JavaClients.connectError;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.eventuallyGet;
import static io.socketiojakarta.clients.JavaClients.next;
import static io.socketiojakarta.clients.JavaClients.serverSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socketiojakarta.Namespace;
import io.socketiojakarta.Next;
import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.config.SocketIoMount;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dynamic namespaces ({@code io.of(Pattern)} and {@code io.of(NamespaceMatcher)}) with the real
 * Java client over polling, WebSocket and polling upgraded to WebSocket: children created on demand
 * with the parent's middleware and connection listener, broadcasts on the parent, refused names, an
 * asynchronous matcher, and {@code cleanupEmptyChildNamespaces}.
 */
@Timeout(30)
class SioDynamicNamespaceJavaTest {
  private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

  /** What one server saw. */
  private static final class Seen {
    /** Namespaces announced by {@code onNewNamespace}, by name, in order of creation. */
    final Map<String, List<Namespace>> created = new ConcurrentHashMap<>();

    /** Sockets seen by the connection listeners, by id. */
    final Map<String, io.socketiojakarta.Socket> sockets = new ConcurrentHashMap<>();

    /** Sockets held in the parent's middleware, by namespace name. */
    final Map<String, Next> held = new ConcurrentHashMap<>();

    /** What the namespace matcher was asked and what it decided. */
    final List<String> matcherLog = new CopyOnWriteArrayList<>();

    volatile Namespace parent;
    volatile Namespace teams;

    List<Namespace> created(String name) {
      return created.getOrDefault(name, List.of());
    }
  }

  private static final Seen MAIN = new Seen();
  private static final Seen CLEANUP = new Seen();

  private static SocketIoTestServer server;
  private static SocketIoTestServer cleanupServer;
  private static JavaClients clients;
  private static JavaClients cleanupClients;

  /**
   * Runs the handlers 20 ms late, as under load: packets that arrive together (a DISCONNECT and the
   * CONNECT right after it) are then both queued before the first is handled.
   */
  private static ExecutorService handlers;

  /** Where the namespace matcher decides, later than it is asked. */
  private static ExecutorService deciders;

  @BeforeAll
  static void start() throws Exception {
    handlers = Executors.newCachedThreadPool(daemon("lagging-handler"));
    deciders = Executors.newCachedThreadPool(daemon("decider"));
    Executor lagging = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS, handlers);
    EngineOptions engine = EngineOptions.builder().path(SocketIoMount.DEFAULT_PATH).build();
    server =
        SocketIoTestServer.start(
            engine,
            ServerOptions.builder().handlerExecutor(lagging).build(),
            io -> setup(io, MAIN));
    cleanupServer =
        SocketIoTestServer.start(
            engine,
            ServerOptions.builder()
                .cleanupEmptyChildNamespaces(true)
                .handlerExecutor(lagging)
                .build(),
            io -> setup(io, CLEANUP));
    clients = new JavaClients(server.uri("/"));
    cleanupClients = new JavaClients(cleanupServer.uri("/"));
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static void setup(Server io, Seen seen) {
    io.onNewNamespace(
        nsp ->
            seen.created.computeIfAbsent(nsp.name(), k -> new CopyOnWriteArrayList<>()).add(nsp));
    io.onConnection(socket -> seen.sockets.put(socket.id(), socket));

    Namespace parent = io.of(Pattern.compile("^/dyn-\\d+$"));
    parent.use(
        (socket, next) -> {
          socket.data().put("middleware", socket.nsp().name());
          // the client's auth values are strings
          if ("true".equals(socket.handshake().auth().get("hold"))) {
            // held until the other socket of the child has left
            seen.held.put(socket.nsp().name(), next);
            socket.nsp().emit("x-waiting");
          } else {
            next.proceed();
          }
        });
    parent.onConnection(
        socket -> {
          seen.sockets.put(socket.id(), socket);
          socket.onDisconnect(
              (reason, description) -> {
                Next held = seen.held.remove(socket.nsp().name());
                if (held != null) {
                  held.proceed();
                }
              });
          socket.on("whoami", e -> e.ack(socket.nsp().name(), socket.data().get("middleware")));
          socket.on(
              "parent-broadcast",
              e -> {
                parent.emit("news", e.get(0));
                e.ack();
              });
        });
    seen.parent = parent;

    // accepts /team-* with the right key, decided later on another thread; /team-fail* fails
    Namespace teams =
        io.of(
            (name, auth) -> {
              seen.matcherLog.add("asked " + name + " " + auth.get("key"));
              CompletableFuture<Boolean> decision = new CompletableFuture<>();
              CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS, deciders)
                  .execute(
                      () -> {
                        String thread = Thread.currentThread().getName();
                        if (name.startsWith("/team-fail")) {
                          seen.matcherLog.add("failed " + name + " on " + thread);
                          decision.completeExceptionally(new IllegalStateException("no"));
                          return;
                        }
                        boolean ok = name.startsWith("/team-") && "letmein".equals(auth.get("key"));
                        seen.matcherLog.add("decided " + name + " " + ok + " on " + thread);
                        decision.complete(ok);
                      });
              return decision;
            });
    teams.use(
        (socket, next) -> {
          socket.data().put("team", socket.nsp().name());
          next.proceed();
        });
    teams.onConnection(
        socket -> {
          seen.sockets.put(socket.id(), socket);
          socket.on("whoami", e -> e.ack(socket.nsp().name(), socket.data().get("team")));
        });
    seen.teams = teams;
  }

  @AfterEach
  void closeClients() {
    clients.closeSockets();
    cleanupClients.closeSockets();
    eventually(
        () -> {
          assertThat(MAIN.sockets.values()).noneMatch(io.socketiojakarta.Socket::connected);
          assertThat(CLEANUP.sockets.values()).noneMatch(io.socketiojakarta.Socket::connected);
        });
    MAIN.sockets.clear();
    CLEANUP.sockets.clear();
  }

  @AfterAll
  static void stop() throws Exception {
    if (clients != null) {
      clients.close();
    }
    if (cleanupClients != null) {
      cleanupClients.close();
    }
    if (server != null) {
      server.close();
    }
    if (cleanupServer != null) {
      cleanupServer.close();
    }
    if (handlers != null) {
      handlers.shutdownNow();
    }
    if (deciders != null) {
      deciders.shutdownNow();
    }
  }

  private static String freshName() {
    return "/dyn-" + NUMBERS.incrementAndGet();
  }

  /** Emits an event with an ack and returns the ack's arguments. */
  private static Object[] call(Socket s, String event, Object... args) {
    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    s.emit(event, args, (Ack) answer::complete);
    return await(answer);
  }

  /** Records the first argument of every {@code event} the client receives. */
  private static List<Object> record(Socket s, String event) {
    List<Object> log = new CopyOnWriteArrayList<>();
    s.on(event, args -> log.add(args.length > 0 ? args[0] : null));
    return log;
  }

  /**
   * Sends a marker to the main namespace of a server and waits for it on {@code root}: a client's
   * packets arrive in order, so the namespaces sharing its connection have had everything sent
   * before.
   */
  private static void sync(SocketIoTestServer on, Socket root) {
    CompletableFuture<Object[]> marker = next(root, "marker");
    on.io().to(root.id()).emit("marker");
    await(marker);
  }

  /** The single namespace announced under {@code name}. */
  private static Namespace createdOnce(Seen seen, String name) {
    List<Namespace> created = eventuallyGet(name, () -> seen.created.get(name));
    assertThat(created).hasSize(1);
    return created.get(0);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void matchingNamesCreateChildrenThatTheParentBroadcastsTo(String mode) throws Exception {
    String n1 = freshName();
    String n2 = freshName();
    String bad = "/dyn-x" + NUMBERS.incrementAndGet();
    Manager m = clients.manager(mode);
    Socket root = connect(clients.socket(m, "/"));
    List<Object> rootNews = record(root, "news");
    Socket a = clients.socket(m, n1);
    Socket b = clients.socket(m, n2);
    List<Object> newsA = record(a, "news");
    List<Object> newsB = record(b, "news");
    connect(a);
    connect(b);

    // each child was created once, announced, went through the parent's middleware and its
    // connection listener
    Namespace child1 = createdOnce(MAIN, n1);
    Namespace child2 = createdOnce(MAIN, n2);
    assertThat(child1.name()).isEqualTo(n1);
    assertThat(child2.name()).isEqualTo(n2);
    assertThat(child1).isNotSameAs(child2).isNotSameAs(MAIN.parent);
    io.socketiojakarta.Socket sa = serverSocket(MAIN.sockets, a);
    io.socketiojakarta.Socket sb = serverSocket(MAIN.sockets, b);
    assertThat(sa.nsp()).isSameAs(child1);
    assertThat(sb.nsp()).isSameAs(child2);
    assertThat(sa.nsp().name()).isEqualTo(n1);
    assertThat(sa.data()).containsEntry("middleware", n1);
    assertThat(sb.data()).containsEntry("middleware", n2);
    assertThat(child1.sockets()).containsOnlyKeys(a.id());
    assertThat(child2.sockets()).containsOnlyKeys(b.id());
    assertThat(server.io().of(n1)).isSameAs(child1);
    // the client's events reach the child's socket
    assertThat(call(a, "whoami")).containsExactly(n1, n1);
    assertThat(call(b, "whoami")).containsExactly(n2, n2);

    // a name the pattern does not match
    Socket refused = clients.socket(m, bad);
    Object error = connectError(refused);
    assertThat(error).isInstanceOf(JSONObject.class);
    assertThat(((JSONObject) error).getString("message")).isEqualTo("Invalid namespace");
    assertThat(((JSONObject) error).has("data")).isFalse();
    assertThat(refused.connected()).isFalse();
    assertThat(MAIN.created(bad)).isEmpty();
    // the connection goes on for the others
    assertThat(a.connected()).isTrue();
    assertThat(root.connected()).isTrue();

    // the parent's broadcast reaches both children, not "/"
    call(a, "parent-broadcast", "hello");
    sync(server, root);
    assertThat(newsA).containsExactly("hello");
    assertThat(newsB).containsExactly("hello");
    assertThat(rootNews).isEmpty();
    // so does one from outside a handler
    MAIN.parent.emit("news", "again");
    sync(server, root);
    assertThat(newsA).containsExactly("hello", "again");
    assertThat(newsB).containsExactly("hello", "again");
    assertThat(rootNews).isEmpty();
    // and one to a room: only the child sockets in it
    sb.join("vip");
    MAIN.parent.to("vip").emit("news", "vip");
    sync(server, root);
    assertThat(newsA).containsExactly("hello", "again");
    assertThat(newsB).containsExactly("hello", "again", "vip");
    assertTransport(sa, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aChildIsKeptWhenItsLastSocketLeavesByDefault(String mode) {
    String name = freshName();
    Manager m = clients.manager(mode);
    Socket root = connect(clients.socket(m, "/"));
    Socket c = clients.socket(m, name);
    List<Object> news = record(c, "news");
    connect(c);
    io.socketiojakarta.Socket first = serverSocket(MAIN.sockets, c);
    Namespace child = createdOnce(MAIN, name);
    assertThat(first.nsp()).isSameAs(child);

    c.disconnect();
    eventually(() -> assertThat(child.sockets()).isEmpty());
    assertThat(first.connected()).isFalse();
    connect(c);

    io.socketiojakarta.Socket second = serverSocket(MAIN.sockets, c);
    assertThat(second).isNotSameAs(first);
    assertThat(second.nsp()).isSameAs(child);
    assertThat(createdOnce(MAIN, name)).isSameAs(child);
    assertThat(second.data()).containsEntry("middleware", name);
    assertThat(call(c, "whoami")).containsExactly(name, name);
    call(c, "parent-broadcast", "again");
    sync(server, root);
    assertThat(news).containsExactly("again");
    assertTransport(second, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void cleanupEmptyChildNamespacesRemovesAChildWithItsLastSocket(String mode) {
    String name = freshName();
    Manager m = cleanupClients.manager(mode);
    Socket root = connect(cleanupClients.socket(m, "/"));
    Socket c = cleanupClients.socket(m, name);
    List<Object> news = record(c, "news");
    connect(c);
    io.socketiojakarta.Socket first = serverSocket(CLEANUP.sockets, c);
    Namespace child1 = createdOnce(CLEANUP, name);
    assertThat(first.nsp()).isSameAs(child1);

    // the client leaves and joins again at once: the second CONNECT must find a new child
    c.disconnect();
    connect(c);
    io.socketiojakarta.Socket second = serverSocket(CLEANUP.sockets, c);
    List<Namespace> created = CLEANUP.created(name);
    assertThat(created).hasSize(2);
    Namespace child2 = created.get(1);
    assertThat(child2).isNotSameAs(child1);
    assertThat(second.nsp()).isSameAs(child2);
    assertThat(child1.sockets()).isEmpty();
    assertThat(child2.sockets()).containsOnlyKeys(c.id());
    assertThat(second.data()).containsEntry("middleware", name);
    assertThat(call(c, "whoami")).containsExactly(name, name);
    // the new child is the parent's: its broadcast reaches it, once
    call(c, "parent-broadcast", "again");
    sync(cleanupServer, root);
    assertThat(news).containsExactly("again");

    // it leaves, the server sees it: the child is gone, the next connection gets another one
    c.disconnect();
    eventually(() -> assertThat(second.connected()).isFalse());
    connect(c);
    io.socketiojakarta.Socket third = serverSocket(CLEANUP.sockets, c);
    assertThat(CLEANUP.created(name)).hasSize(3);
    Namespace child3 = CLEANUP.created(name).get(2);
    assertThat(child3).isNotSameAs(child2);
    assertThat(third.nsp()).isSameAs(child3);
    assertThat(child2.sockets()).isEmpty();
    CLEANUP.parent.emit("news", "third");
    sync(cleanupServer, root);
    assertThat(news).containsExactly("again", "third");
    assertTransport(third, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aSocketAcceptedWhileItsChildIsCleanedUpLandsInALiveChild(String mode) {
    String name = freshName();
    Socket y = connect(cleanupClients.socket(name, cleanupClients.options(mode)));
    CompletableFuture<Object[]> waiting = next(y, "x-waiting");
    // X passes the middleware only after Y, the child's only socket, has left: with cleanup the
    // child X was admitted to is gone by then
    Socket x =
        cleanupClients.socket(
            name, cleanupClients.options(mode, o -> o.auth = Map.of("hold", "true")));
    List<Object> news = record(x, "news");
    CompletableFuture<Void> xConnected = new CompletableFuture<>();
    x.once(Socket.EVENT_CONNECT, args -> xConnected.complete(null));
    x.once(
        Socket.EVENT_CONNECT_ERROR,
        args -> xConnected.completeExceptionally(new AssertionError("connect_error " + args[0])));
    x.connect();
    await(waiting);
    assertThat(xConnected).isNotDone();
    y.disconnect();
    await(xConnected);

    assertThat(call(x, "whoami")).containsExactly(name, name);
    io.socketiojakarta.Socket sx = serverSocket(CLEANUP.sockets, x);
    List<Namespace> created = CLEANUP.created(name);
    Namespace live = created.get(created.size() - 1);
    assertThat(sx.nsp()).isSameAs(live);
    assertThat(live.sockets()).containsOnlyKeys(x.id());
    // the parent's broadcast reaches X's child
    call(x, "parent-broadcast", "still");
    assertThat(news).containsExactly("still");
    assertTransport(sx, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void anAsynchronousMatcherAcceptsAndRefuses(String mode) throws Exception {
    int n = NUMBERS.incrementAndGet();
    String accepted = "/team-" + n;
    String refused = "/team-" + (n + 1000000);
    String failing = "/team-fail-" + n;

    Socket in =
        connect(
            clients.socket(
                accepted, clients.options(mode, o -> o.auth = Map.of("key", "letmein"))));
    Namespace child = createdOnce(MAIN, accepted);
    io.socketiojakarta.Socket socket = serverSocket(MAIN.sockets, in);
    assertThat(socket.nsp()).isSameAs(child);
    assertThat(socket.nsp().name()).isEqualTo(accepted);
    // the matcher saw the name and the auth, and decided later on another thread; the parent's
    // middleware and connection listener ran for the child
    assertThat(MAIN.matcherLog)
        .containsSubsequence(
            "asked " + accepted + " letmein", "decided " + accepted + " true on decider");
    assertThat(socket.data()).containsEntry("team", accepted);
    assertThat(call(in, "whoami")).containsExactly(accepted, accepted);

    Socket wrongKey =
        clients.socket(refused, clients.options(mode, o -> o.auth = Map.of("key", "guess")));
    Object error = connectError(wrongKey);
    assertThat(((JSONObject) error).getString("message")).isEqualTo("Invalid namespace");
    assertThat(MAIN.matcherLog)
        .containsSubsequence(
            "asked " + refused + " guess", "decided " + refused + " false on decider");
    assertThat(MAIN.created(refused)).isEmpty();

    // a matcher that fails refuses the name too
    Socket broken =
        clients.socket(failing, clients.options(mode, o -> o.auth = Map.of("key", "letmein")));
    assertThat(((JSONObject) connectError(broken)).getString("message"))
        .isEqualTo("Invalid namespace");
    assertThat(MAIN.matcherLog).contains("failed " + failing + " on decider");
    assertThat(MAIN.created(failing)).isEmpty();

    // a refusal is not remembered: the right key gets in
    Socket second =
        connect(
            clients.socket(refused, clients.options(mode, o -> o.auth = Map.of("key", "letmein"))));
    assertThat(serverSocket(MAIN.sockets, second).nsp()).isSameAs(createdOnce(MAIN, refused));

    // a broadcast on the matcher's parent reaches its children
    CompletableFuture<Object[]> news1 = next(in, "news");
    CompletableFuture<Object[]> news2 = next(second, "news");
    MAIN.teams.emit("news", "teams");
    assertThat(await(news1)).containsExactly("teams");
    assertThat(await(news2)).containsExactly("teams");
    assertTransport(socket, mode);
  }
}
