package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.SioNode.assertTransport;
import static io.socketiojakarta.clients.SioNode.assertTransports;
import static io.socketiojakarta.clients.SioNode.newTag;
import static io.socketiojakarta.clients.SioNode.runOk;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.Namespace;
import io.socketiojakarta.Next;
import io.socketiojakarta.Server;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.Socket;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.config.SocketIoMount;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dynamic namespaces ({@code io.of(Pattern)}) with the real {@code socket.io-client} 4.8 (Node)
 * over polling, WebSocket and polling upgraded to WebSocket: children created on demand with the
 * parent's middleware and connection listener, broadcasts on the parent, refused names, and {@code
 * cleanupEmptyChildNamespaces}. New namespaces are recorded under the tag {@code "nsp"} by name.
 */
class SioDynamicNamespaceNodeTest {
  private static final SioRecorder REC = new SioRecorder();
  private static final String NSP = "nsp";
  private static final AtomicInteger NUMBERS = new AtomicInteger(1000);
  private static final Map<String, Next> HELD = new ConcurrentHashMap<>();
  private static SocketIoTestServer server;
  private static SocketIoTestServer cleanupServer;

  /**
   * Runs the handlers 20 ms late, as under load: packets that arrive together (a DISCONNECT and the
   * CONNECT right after it) are then both queued before the first is handled.
   */
  private static ExecutorService handlers;

  @BeforeAll
  static void startServers() throws Exception {
    handlers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "lagging-handler");
              t.setDaemon(true);
              return t;
            });
    Executor lagging = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS, handlers);
    EngineOptions engine = EngineOptions.builder().path(SocketIoMount.DEFAULT_PATH).build();
    server =
        SocketIoTestServer.start(
            engine,
            ServerOptions.builder().handlerExecutor(lagging).build(),
            SioDynamicNamespaceNodeTest::setup);
    cleanupServer =
        SocketIoTestServer.start(
            engine,
            ServerOptions.builder()
                .cleanupEmptyChildNamespaces(true)
                .handlerExecutor(lagging)
                .build(),
            SioDynamicNamespaceNodeTest::setup);
  }

  private static void setup(Server io) {
    io.onNewNamespace(nsp -> REC.add(NSP, nsp.name(), nsp));
    Namespace parent = io.of(Pattern.compile("^/dyn-\\d+$"));
    parent.use(
        (socket, next) -> {
          REC.add(socket, "middleware", socket.nsp().name());
          if (Boolean.TRUE.equals(socket.handshake().auth().get("hold"))) {
            // held until the other socket of the child has left (childRemovedMeanwhile)
            HELD.put(socket.nsp().name(), next);
            socket.nsp().emit("x-waiting");
          } else {
            next.proceed();
          }
        });
    parent.onConnection(
        socket -> {
          REC.add(socket, "connection", socket);
          socket.onDisconnect(
              (reason, description) -> {
                Next held = HELD.remove(socket.nsp().name());
                if (held != null) {
                  held.proceed();
                }
              });
          socket.on(
              "whoami",
              e -> {
                Map<String, Object> who = new LinkedHashMap<>();
                who.put("nsp", socket.nsp().name());
                who.put("nspIdentity", System.identityHashCode(socket.nsp()));
                who.put("middlewareRan", REC.get(SioRecorder.tag(socket), "middleware"));
                e.ack(who);
              });
          socket.on(
              "parent-broadcast",
              e -> {
                parent.emit("news", e.get(0));
                e.ack();
              });
        });
    io.onConnection(socket -> socket.on("whoami", e -> e.ack(Map.of("nsp", "/"))));
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (server != null) {
      server.close();
    }
    if (cleanupServer != null) {
      cleanupServer.close();
    }
    if (handlers != null) {
      handlers.shutdownNow();
    }
  }

  @BeforeEach
  void requireNode() {
    NodeRunner.requireNode();
  }

  private static String freshName() {
    return "/dyn-" + NUMBERS.incrementAndGet();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void matchingNamesCreateChildrenThatTheParentBroadcastsTo(String mode) {
    String tag = newTag(mode);
    String n1 = freshName();
    String n2 = freshName();
    String bad = "/dyn-x" + NUMBERS.incrementAndGet();
    Scenario r = runOk(server, mode, "dynamic", tag, Map.of("nsps", List.of(n1, n2), "bad", bad));

    // each child was created once, announced, and went through the parent's middleware
    Namespace child1 = REC.first(NSP, n1, Namespace.class);
    Namespace child2 = REC.first(NSP, n2, Namespace.class);
    assertThat(child1.name()).isEqualTo(n1);
    assertThat(child2.name()).isEqualTo(n2);
    assertThat(REC.get(NSP, bad)).isEmpty();
    assertThat(REC.await(tag, "middleware", 2)).containsExactlyInAnyOrder(n1, n2);
    List<Object> sockets = REC.await(tag, "connection", 2);
    assertThat(sockets.stream().map(s -> ((Socket) s).nsp()))
        .containsExactlyInAnyOrder(child1, child2);
    assertThat(r.map("whoamiA"))
        .containsEntry("nsp", n1)
        .containsEntry("nspIdentity", (long) System.identityHashCode(child1));
    assertThat(r.map("whoamiB")).containsEntry("nsp", n2);

    // a name the pattern does not match
    assertThat(r.map("badError")).containsEntry("error", "Invalid namespace");
    assertThat(r.list("events")).contains("bad|connect_error:Invalid namespace");

    // the parent's broadcast reached both children, not "/"
    assertThat(r.list("newsA")).containsExactly("hello");
    assertThat(r.list("newsB")).containsExactly("hello");
    assertThat(r.list("rootPending")).isEmpty();
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aChildIsKeptWhenItsLastSocketLeavesByDefault(String mode) {
    String tag = newTag(mode);
    String name = freshName();
    Scenario r = runOk(server, mode, "childTwice", tag, Map.of("nsp", name));

    assertThat(REC.get(NSP, name)).hasSize(1);
    assertThat(r.map("first").get("nspIdentity")).isEqualTo(r.map("second").get("nspIdentity"));
    assertThat(r.list("news")).containsExactly("again");
    assertThat(REC.await(tag, "middleware", 2)).containsExactly(name, name);
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void cleanupEmptyChildNamespacesRemovesAChildWithItsLastSocket(String mode) {
    String tag = newTag(mode);
    String name = freshName();
    // the client leaves and joins again at once: the second CONNECT must find a new child
    Scenario r = runOk(cleanupServer, mode, "childTwice", tag, Map.of("nsp", name));

    List<Object> created = REC.await(NSP, name, 2);
    assertThat(created).hasSize(2);
    assertThat(created.get(0)).isNotSameAs(created.get(1));
    assertThat(r.map("first").get("nspIdentity"))
        .isEqualTo((long) System.identityHashCode(created.get(0)));
    assertThat(r.map("second").get("nspIdentity"))
        .isEqualTo((long) System.identityHashCode(created.get(1)));
    // the new child is the parent's: its broadcast reaches it
    assertThat(r.list("news")).containsExactly("again");
    assertThat(REC.await(tag, "middleware", 2)).containsExactly(name, name);
    assertTransport(r, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aSocketAcceptedWhileItsChildIsCleanedUpLandsInALiveChild(String mode) {
    String tag = newTag(mode);
    String name = freshName();
    // X passes the middleware only after Y, the child's only socket, has left: with cleanup the
    // child X was admitted to is gone by then
    Scenario r = runOk(cleanupServer, mode, "childRemovedMeanwhile", tag, Map.of("nsp", name));

    assertThat(r.map("whoamiX")).containsEntry("nsp", name);
    assertThat(r.list("news")).containsExactly("still");
    // X's namespace is the registered child of that name
    List<Object> created = REC.await(NSP, name, 1);
    assertThat(r.map("whoamiX").get("nspIdentity"))
        .isEqualTo((long) System.identityHashCode(created.get(created.size() - 1)));
    assertTransports(r, mode, 1);
  }
}
