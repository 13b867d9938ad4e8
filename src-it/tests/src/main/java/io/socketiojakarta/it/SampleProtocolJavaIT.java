package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socketiojakarta.it.SampleClients.Recorded;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample chat's wire protocol (Javadoc of the package {@code io.socketiojakarta.sample}) with
 * the Java client {@code io.socket:socket.io-client}, over long-polling and over WebSocket. The
 * deployment sets the context parameter {@code sample.adminToken}, so the admin tests also show
 * that the application read it at startup (the default token is refused).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@SuppressWarnings("unchecked")
class SampleProtocolJavaIT {
  private static final String ADMIN_TOKEN = "it-" + UUID.randomUUID();

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployments.withContextParams(Map.of("sample.adminToken", ADMIN_TOKEN));
  }

  @ArquillianResource URL base;

  private final List<SampleClients> opened = new ArrayList<>();

  @AfterEach
  void close() {
    opened.forEach(SampleClients::close);
  }

  private SampleClients clients(String mode) {
    SampleClients c = new SampleClients(base, mode);
    opened.add(c);
    return c;
  }

  /** A room name of its own for each test: the deployment is shared by the tests of the class. */
  private static String room(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aClientWithoutAValidNameIsRefusedWithMessageAndData(String mode) {
    SampleClients c = clients(mode);
    for (Map<String, String> auth :
        List.of(Map.<String, String>of(), Map.of("name", "  "), Map.of("name", "x".repeat(41)))) {
      assertThat(c.client("/", auth).refused())
          .as("%s", auth)
          .isEqualTo(Map.of("message", "a name is required", "data", Map.of("max", 40L)));
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aNewcomerIsWelcomedInTheLobbyAndTheLobbyIsTold(String mode) {
    SampleClients c = clients(mode);
    Recorded ann = c.member("  ann ");
    assertThat(ann.<Object>next("welcome", w -> true))
        .isEqualTo(Map.of("id", ann.id(), "name", "ann", "rooms", List.of("lobby")));

    c.member("bob");
    assertThat(ann.<Map<String, Object>>next("presence", p -> p.get("name").equals("bob")))
        .isEqualTo(Map.of("name", "bob", "room", "lobby", "joined", true));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void membersOfARoomChatWithAcknowledgements(String mode) {
    SampleClients c = clients(mode);
    String room = room("room");
    Recorded ann = c.member("ann");
    Recorded bob = c.member("bob");
    Recorded carol = c.member("carol");

    assertThat(ann.call("join", room)).isEqualTo(Map.of("room", room, "members", List.of("ann")));
    assertThat(bob.call("join", room))
        .isEqualTo(Map.of("room", room, "members", List.of("ann", "bob")));
    assertThat(ann.<Map<String, Object>>next("presence", p -> p.get("room").equals(room)))
        .isEqualTo(Map.of("name", "bob", "room", room, "joined", true));

    long before = System.currentTimeMillis();
    assertThat(ann.call("chat", chat(room, " hello bob "))).isEqualTo("delivered");
    Map<String, Object> atBob = bob.next("chat", m -> true);
    assertThat(atBob)
        .containsOnlyKeys("from", "fromId", "room", "text", "at")
        .containsEntry("from", "ann")
        .containsEntry("fromId", ann.id())
        .containsEntry("room", room)
        .containsEntry("text", "hello bob");
    assertThat((Long) atBob.get("at")).isBetween(before - 60_000, before + 60_000);

    assertThat(bob.call("chat", chat(room, "hi ann"))).isEqualTo("delivered");
    assertThat(ann.<Map<String, Object>>next("chat", m -> true))
        .containsEntry("from", "bob")
        .containsEntry("fromId", bob.id())
        .containsEntry("text", "hi ann");

    // carol is not in the room: she may not write to it, and got neither message (each was
    // handed on before its sender's ack)
    assertThat(carol.call("chat", chat(room, "let me in")))
        .isEqualTo(Map.of("error", "not in room " + room));
    assertThat(carol.received("chat")).isEmpty();
    assertThat(ann.received("chat")).hasSize(1);
    assertThat(ann.call("chat", chat(room, "   ")))
        .isEqualTo(Map.of("error", "a message has 1 to 1000 characters"));
    assertThat((Map<String, Object>) ann.call("chat", 42))
        .containsEntry("error", "invalid payload");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void leavingAndDisconnectingAreToldToTheRoom(String mode) {
    SampleClients c = clients(mode);
    String room = room("room");
    Recorded ann = c.member("ann");
    Recorded bob = c.member("bob");
    ann.call("join", room);
    bob.call("join", room);

    assertThat(bob.call("leave", room)).isEqualTo(Map.of("room", room));
    assertThat(
            ann.<Map<String, Object>>next(
                "presence", p -> p.get("room").equals(room) && p.get("joined").equals(false)))
        .isEqualTo(Map.of("name", "bob", "room", room, "joined", false));
    assertThat(bob.call("leave", room)).isEqualTo(Map.of("error", "not in room " + room));

    bob.socket.disconnect();
    assertThat(
            ann.<Map<String, Object>>next(
                "presence", p -> p.get("room").equals("lobby") && p.get("joined").equals(false)))
        .isEqualTo(Map.of("name", "bob", "room", "lobby", "joined", false));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aPrivateMessageReachesOnlyItsTarget(String mode) {
    SampleClients c = clients(mode);
    Recorded ann = c.member("ann");
    Recorded bob = c.member("bob");
    Recorded carol = c.member("carol");

    assertThat(bob.call("private", privately(ann.id(), "psst"))).isEqualTo("delivered");
    assertThat(ann.<Object>next("private", m -> true))
        .isEqualTo(Map.of("from", "bob", "fromId", bob.id(), "text", "psst"));

    Map<String, Object> noSuchUser = Map.of("error", "no such user");
    assertThat(bob.call("private", privately("nobody", "psst"))).isEqualTo(noSuchUser);
    // a room name is not a user, even though every socket is in the lobby
    assertThat(bob.call("private", privately("lobby", "psst"))).isEqualTo(noSuchUser);
    assertThat(carol.received("private")).isEmpty();
    assertThat(ann.received("private")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void usersListsEverySocketOfTheChat(String mode) {
    SampleClients c = clients(mode);
    Recorded ann = c.member("ann");
    Recorded bob = c.member("bob");
    assertThat((List<Object>) ann.call("users"))
        .contains(Map.of("id", ann.id(), "name", "ann"), Map.of("id", bob.id(), "name", "bob"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aBinaryFileReachesTheRoom(String mode) {
    SampleClients c = clients(mode);
    String room = room("files");
    Recorded ann = c.member("ann");
    Recorded bob = c.member("bob");
    ann.call("join", room);
    bob.call("join", room);
    byte[] data = new byte[100 * 1024];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31 + 7);
    }
    Object file =
        SampleClients.json(
            "room", room, "name", "pattern.bin", "type", "application/x-test", "data", data);
    assertThat(ann.call("file", file)).isEqualTo("delivered");
    Map<String, Object> atBob = bob.next("file", f -> true);
    assertThat(atBob)
        .containsOnlyKeys("from", "room", "name", "type", "data")
        .containsEntry("from", "ann")
        .containsEntry("room", room)
        .containsEntry("name", "pattern.bin")
        .containsEntry("type", "application/x-test");
    assertThat(atBob.get("data")).isInstanceOf(byte[].class).isEqualTo(data);

    Object tooLarge =
        SampleClients.json(
            "room", room, "name", "big.bin", "type", "", "data", new byte[512 * 1024 + 1]);
    assertThat(ann.call("file", tooLarge))
        .isEqualTo(Map.of("error", "file too large (at most 524288 bytes)"));
    assertThat(bob.received("file")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void typingReachesTheOthersInTheRoom(String mode) {
    SampleClients c = clients(mode);
    Recorded ann = c.member("ann");
    Recorded bob = c.member("bob");
    // volatile: dropped when bob's transport cannot take it at once (a long-poll between two
    // requests), so ann repeats it as a page does while keys are pressed, until bob has one
    Object typing = SampleClients.json("room", "lobby", "typing", true);
    await()
        .atMost(SampleClients.WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              ann.socket.emit("typing", typing);
              return !bob.received("typing").isEmpty();
            });
    assertThat(bob.received("typing").get(0))
        .isEqualTo(Map.of("name", "ann", "room", "lobby", "typing", true));
    assertThat(ann.received("typing")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void adminIsAdmittedWithTheConfiguredTokenOnly(String mode) {
    SampleClients c = clients(mode);
    for (Map<String, String> auth :
        List.of(Map.<String, String>of(), Map.of("token", "wrong"), Map.of("token", "change-me"))) {
      assertThat(c.client("/admin", auth).refused())
          .as("%s", auth)
          .isEqualTo(Map.of("message", "invalid token"));
    }
    Recorded admin = c.admin(ADMIN_TOKEN);
    String room = room("stats");
    Recorded ann = c.member("ann");
    ann.call("join", room);

    Map<String, Object> stats = SampleClients.map(admin.call("stats"));
    assertThat(stats).containsOnlyKeys("clients", "sockets", "rooms");
    assertThat((Long) stats.get("clients")).isGreaterThanOrEqualTo(2);
    assertThat((Long) stats.get("sockets")).isGreaterThanOrEqualTo(1);
    assertThat((List<Object>) stats.get("rooms")).contains("lobby", room);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void anAnnouncementReachesEveryChatClient(String mode) {
    SampleClients c = clients(mode);
    Recorded ann = c.member("ann");
    Recorded bob = c.member("bob");
    Recorded admin = c.admin(ADMIN_TOKEN);
    String text = "maintenance at noon " + UUID.randomUUID();

    assertThat(admin.call("announce", text)).isEqualTo("sent");
    Map<String, Object> announcement = Map.of("text", text);
    assertThat(ann.<Object>next("announce", announcement::equals)).isNotNull();
    assertThat(bob.<Object>next("announce", announcement::equals)).isNotNull();
    assertThat(admin.received("announce")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void kickDisconnectsOneChatSocket(String mode) {
    SampleClients c = clients(mode);
    Recorded ann = c.member("ann");
    Recorded bob = c.member("bob");
    Recorded admin = c.admin(ADMIN_TOKEN);
    CompletableFuture<Object> reason = new CompletableFuture<>();
    bob.socket.once(io.socket.client.Socket.EVENT_DISCONNECT, args -> reason.complete(args[0]));

    assertThat(admin.call("kick", bob.id())).isEqualTo(true);
    assertThat(reason).succeedsWithin(SampleClients.WAIT).isEqualTo("io server disconnect");
    assertThat(
            ann.<Map<String, Object>>next(
                "presence", p -> p.get("name").equals("bob") && p.get("joined").equals(false)))
        .isEqualTo(Map.of("name", "bob", "room", "lobby", "joined", false));
    assertThat(admin.call("kick", "nobody")).isEqualTo(false);
    assertThat(ann.socket.connected()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void theHandshakeShowsThePingIntervalOfTheAnnotation(String mode) throws Exception {
    String open;
    if (mode.equals("polling")) {
      open = Http.get(Http.resolve(base, "socket.io/?EIO=4&transport=polling")).body();
    } else {
      URI http = Http.resolve(base, "socket.io/?EIO=4&transport=websocket");
      URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
      CompletableFuture<String> first = new CompletableFuture<>();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .buildAsync(
                  ws,
                  new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      first.complete(data.toString());
                      return null;
                    }
                  })
              .get(10, java.util.concurrent.TimeUnit.SECONDS);
      try {
        assertThat(first).succeedsWithin(SampleClients.WAIT);
        open = first.join();
      } finally {
        socket.abort();
      }
    }
    // @SocketIoConfiguration(pingInterval = "20s") on the sample's ChatApplication
    assertThat(open).startsWith("0{").contains("\"pingInterval\":20000");
  }

  private static Object chat(String room, String text) {
    return SampleClients.json("room", room, "text", text);
  }

  private static Object privately(String to, String text) {
    return SampleClients.json("to", to, "text", text);
  }
}
