package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.await;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socketiojakarta.ConnectionRefusedException;
import io.socketiojakarta.Disconnection;
import io.socketiojakarta.Event;
import io.socketiojakarta.Middleware;
import io.socketiojakarta.Namespace;
import io.socketiojakarta.Next;
import io.socketiojakarta.Server;
import io.socketiojakarta.annotation.OnConnection;
import io.socketiojakarta.annotation.OnDisconnect;
import io.socketiojakarta.annotation.OnEvent;
import io.socketiojakarta.annotation.SocketNamespace;
import io.socketiojakarta.cdi.CdiIntegration;
import io.socketiojakarta.cdi.SocketIoExtension;
import io.socketiojakarta.testing.SocketIoTestServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * CDI observer methods as Socket.IO handlers, in a real CDI container (Weld) with the real Java
 * client over polling, WebSocket and polling upgraded to WebSocket: connection, typed payloads with
 * acknowledgements, raw events, asynchronous observers, disconnection, middleware beans refusing
 * with data, the injected server and namespace, payloads that do not bind, and deployment errors
 * naming the method.
 */
@Timeout(60)
class CdiObserversJavaTest {
  /** A typed payload. */
  public record ChatMessage(String room, String text) {}

  /** What the observers saw. */
  static final Map<String, Object> SEEN = new ConcurrentHashMap<>();

  static final AtomicInteger CHAT_CALLS = new AtomicInteger();
  static final List<String> ORDER = new CopyOnWriteArrayList<>();

  /** A request-scoped bean: observers run inside a request context. */
  @RequestScoped
  public static class PerCall {
    private final long created = System.nanoTime();

    long created() {
      return created;
    }
  }

  /** The application's observers on {@code /chat}. */
  @ApplicationScoped
  public static class ChatHandlers {
    @Inject PerCall perCall;

    void joined(@Observes @OnConnection @SocketNamespace("/chat") io.socketiojakarta.Socket s) {
      s.join("lobby");
      s.emit("welcome", s.id(), perCall.created() != 0);
    }

    void chat(
        @Observes @OnEvent("chat") @SocketNamespace("/chat") ChatMessage m,
        io.socketiojakarta.Socket socket,
        Event.Acknowledgement ack) {
      CHAT_CALLS.incrementAndGet();
      ORDER.add(m.text());
      socket.to(m.room()).emit("chat", m);
      ack.send("delivered " + m.text());
    }

    void raw(@Observes @OnEvent("sum") @SocketNamespace("/chat") Event e) {
      long sum = 0;
      for (int i = 0; i < e.size(); i++) {
        sum += e.get(i, Long.class);
      }
      e.ack(sum);
    }

    void ping(
        @Observes @OnEvent("ping") @SocketNamespace("/chat") io.socketiojakarta.Socket socket) {
      socket.emit("pong", socket.nsp().name());
    }

    void later(
        @ObservesAsync @OnEvent("later") @SocketNamespace("/chat") String text,
        Event.Acknowledgement ack) {
      SEEN.put("async-thread", Thread.currentThread().getName());
      ack.send("later " + text);
    }

    void left(@Observes @OnDisconnect @SocketNamespace("/chat") Disconnection d) {
      SEEN.put("left:" + d.socket().id(), d.reason());
    }
  }

  /** Observers on the main namespace (no {@code @SocketNamespace}). */
  @Dependent
  public static class MainHandlers {
    void number(@Observes @OnEvent("either") Integer n, Event.Acknowledgement ack) {
      ack.send("number " + n);
    }

    void message(@Observes @OnEvent("either") ChatMessage m, Event.Acknowledgement ack) {
      ack.send("message " + m.text());
    }

    void hello(@Observes @OnEvent("hello") List<String> names, Event.Acknowledgement ack) {
      ack.send(names.size(), String.join("+", names));
    }
  }

  /** A middleware bean guarding {@code /admin}. */
  @ApplicationScoped
  @SocketNamespace("/admin")
  public static class AdminGuard implements Middleware {
    @Override
    public void handle(io.socketiojakarta.Socket socket, Next next) {
      if ("s3cret".equals(socket.handshake().auth().get("token"))) {
        next.proceed();
      } else {
        next.fail(new ConnectionRefusedException("not authorized", Map.of("need", "token")));
      }
    }
  }

  /** Emits from outside any handler, through the injected server and namespace. */
  @ApplicationScoped
  public static class Notifier {
    @Inject Server io;

    @Inject
    @SocketNamespace("/chat")
    Namespace chat;

    void announce(String text) {
      io.emit("announce", text);
      chat.to("lobby").emit("announce", "chat: " + text);
    }
  }

  private static WeldContainer weld;
  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    weld =
        new Weld()
            .disableDiscovery()
            .addExtension(new SocketIoExtension())
            .addBeanClasses(
                PerCall.class,
                ChatHandlers.class,
                MainHandlers.class,
                AdminGuard.class,
                Notifier.class)
            .initialize();
    server =
        SocketIoTestServer.start(
            io -> assertThat(CdiIntegration.attach(io, weld.getBeanManager())).isTrue());
    clients = new JavaClients(server.uri("/"));
  }

  @AfterEach
  void closeClients() {
    clients.closeSockets();
    eventually(() -> assertThat(server.io().clientsCount()).isZero());
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close();
    server.close();
    weld.shutdown();
  }

  private static Object[] call(Socket client, String event, Object... args) {
    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    client.emit(event, args, (Ack) answer::complete);
    return await(answer);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void connectionObserverRunsInARequestContext(String mode) {
    Socket client = clients.socket("/chat", clients.options(mode));
    CompletableFuture<Object[]> welcome = next(client, "welcome");
    JavaClients.connect(client);
    Object[] args = await(welcome);
    assertThat(args[0]).isEqualTo(client.id());
    assertThat(args[1]).isEqualTo(true);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void typedPayloadReachesTheRoomAndIsAcknowledged(String mode) throws Exception {
    Socket alice = clients.connect(mode, "/chat");
    Socket bob = clients.connect(mode, "/chat");
    CompletableFuture<Object[]> toBob = next(bob, "chat");
    Object[] ack = call(alice, "chat", new JSONObject().put("room", "lobby").put("text", "hi"));
    assertThat(ack).containsExactly("delivered hi");
    JSONObject received = (JSONObject) await(toBob)[0];
    assertThat(received.getString("text")).isEqualTo("hi");
    assertThat(received.getString("room")).isEqualTo("lobby");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void eventsOfOneSocketReachObserversInOrder(String mode) throws Exception {
    ORDER.clear();
    Socket alice = clients.connect(mode, "/chat");
    for (int i = 0; i < 50; i++) {
      alice.emit("chat", new JSONObject().put("room", "nobody").put("text", "m" + i));
    }
    call(alice, "chat", new JSONObject().put("room", "nobody").put("text", "last"));
    assertThat(ORDER).hasSize(51).startsWith("m0", "m1", "m2").endsWith("m49", "last");
  }

  @Test
  void rawEventAndSocketObservers() {
    Socket alice = clients.connect("websocket", "/chat");
    assertThat(call(alice, "sum", 1, 2, 39)).containsExactly(42);
    CompletableFuture<Object[]> pong = next(alice, "pong");
    alice.emit("ping");
    assertThat(await(pong)).containsExactly("/chat");
  }

  @Test
  void genericPayloadOnTheMainNamespace() {
    Socket alice = clients.connect("polling", "/");
    assertThat(call(alice, "hello", new JSONArray(List.of("ann", "bob"))))
        .containsExactly(2, "ann+bob");
  }

  @Test
  void asynchronousObserverRunsOffTheSocketSequence() {
    Socket alice = clients.connect("websocket", "/chat");
    assertThat(call(alice, "later", "soon")).containsExactly("later soon");
    assertThat((String) SEEN.get("async-thread")).isNotBlank();
  }

  @Test
  void payloadThatDoesNotBindIsAnsweredWithAnErrorAndNotHandled() throws Exception {
    Socket alice = clients.connect("websocket", "/chat");
    int before = CHAT_CALLS.get();
    JSONObject error = (JSONObject) call(alice, "chat", 42)[0];
    assertThat(error.getString("error")).isEqualTo("invalid payload");
    assertThat(error.getString("message"))
        .isEqualTo("event \"chat\": its first argument does not have the expected form");
    JSONObject missing = (JSONObject) call(alice, "chat")[0];
    assertThat(missing.getString("message")).contains("no argument");
    assertThat(CHAT_CALLS.get()).isEqualTo(before);
    // the socket goes on
    Object[] ack = call(alice, "chat", new JSONObject().put("room", "x").put("text", "ok"));
    assertThat(ack).containsExactly("delivered ok");
  }

  @Test
  void noErrorAcknowledgementWhenAnotherObserverTookTheEvent() throws Exception {
    Socket alice = clients.connect("websocket", "/");
    assertThat(call(alice, "either", 7)).containsExactly("number 7");
    assertThat(call(alice, "either", new JSONObject().put("room", "r").put("text", "t")))
        .containsExactly("message t");
    JSONObject error = (JSONObject) call(alice, "either", "neither")[0];
    assertThat(error.getString("error")).isEqualTo("invalid payload");
  }

  @Test
  void disconnectObserverGetsTheReason() {
    Socket alice = clients.connect("websocket", "/chat");
    String id = alice.id();
    alice.disconnect();
    eventually(() -> assertThat(SEEN.get("left:" + id)).isEqualTo("client namespace disconnect"));
  }

  @Test
  void middlewareBeanRefusesWithData() throws Exception {
    Socket refused = clients.socket("/admin", clients.options("websocket"));
    JSONObject error = (JSONObject) JavaClients.connectError(refused);
    assertThat(error.getString("message")).isEqualTo("not authorized");
    assertThat(error.getJSONObject("data").getString("need")).isEqualTo("token");
    IO.Options withToken = clients.options("websocket", o -> o.auth = Map.of("token", "s3cret"));
    Socket admitted = JavaClients.connect(clients.socket("/admin", withToken));
    assertThat(admitted.connected()).isTrue();
  }

  @Test
  void injectedServerAndNamespaceEmitFromAnyBean() {
    Socket main = clients.connect("websocket", "/");
    Socket chat = clients.connect("polling", "/chat");
    CompletableFuture<Object[]> toMain = next(main, "announce");
    CompletableFuture<Object[]> toChat = next(chat, "announce");
    weld.select(Notifier.class).get().announce("maintenance");
    assertThat(await(toMain)).containsExactly("maintenance");
    assertThat(await(toChat)).containsExactly("chat: maintenance");
  }

  @Test
  void socketIsNotAvailableOutsideAnObserver() {
    assertThatThrownBy(() -> weld.select(io.socketiojakarta.Socket.class).get())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only injectable as a parameter of a Socket.IO observer method");
  }

  /** Observes the connection as a String: not servable. */
  @ApplicationScoped
  public static class WrongConnectionType {
    void joined(@Observes @OnConnection String s) {}
  }

  /** Observes a reserved event name. */
  @ApplicationScoped
  public static class ReservedName {
    void disconnecting(@Observes @OnEvent("disconnecting") io.socketiojakarta.Socket s) {}
  }

  /** Wants an acknowledgement in a connection observer. */
  @ApplicationScoped
  public static class AckOnConnection {
    void joined(@Observes @OnConnection io.socketiojakarta.Socket s, Event.Acknowledgement ack) {}
  }

  /** Wants the raw arguments in a connection observer. */
  @ApplicationScoped
  public static class ArgsOnConnection {
    void joined(@Observes @OnConnection io.socketiojakarta.Socket s, io.socketiojakarta.Args a) {}
  }

  /** Wants the CDI event metadata, which Socket.IO observers do not get. */
  @ApplicationScoped
  public static class MetadataOnEvent {
    void chat(
        @Observes @OnEvent("chat") String text, jakarta.enterprise.inject.spi.EventMetadata m) {}
  }

  /** Injects the current socket into a field: it has no current socket. */
  @ApplicationScoped
  public static class SocketField {
    @Inject io.socketiojakarta.Socket socket;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      classes = {
        WrongConnectionType.class,
        ReservedName.class,
        AckOnConnection.class,
        ArgsOnConnection.class,
        MetadataOnEvent.class,
        SocketField.class
      })
  void observerThatCannotBeServedFailsTheDeploymentNamingIt(Class<?> bean) {
    String expected =
        switch (bean.getSimpleName()) {
          case "WrongConnectionType" ->
              "WrongConnectionType.joined(String) observes @OnConnection"
                  + " with type java.lang.String, not Socket";
          case "ReservedName" ->
              "ReservedName.disconnecting(Socket) observes the reserved event"
                  + " name \"disconnecting\"";
          case "ArgsOnConnection" -> "has a parameter of type io.socketiojakarta.Args, which only";
          case "MetadataOnEvent" -> "has a parameter of type EventMetadata";
          case "SocketField" -> "a Socket.IO io.socketiojakarta.Socket is injected at";
          default ->
              "AckOnConnection.joined(Socket, Acknowledgement) has a parameter of type"
                  + " io.socketiojakarta.Event$Acknowledgement, which only observers of @OnEvent"
                  + " receive";
        };
    Weld bad =
        new Weld("bad-" + bean.getSimpleName())
            .disableDiscovery()
            .addExtension(new SocketIoExtension())
            .addBeanClasses(bean);
    assertThatThrownBy(
            () -> {
              try (WeldContainer c = bad.initialize()) {
                c.getBeanManager();
              }
            })
        .hasStackTraceContaining(bean.getSimpleName())
        .hasStackTraceContaining(expected);
  }
}
