package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.clients.NodeRunner;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sample chat's wire protocol (Javadoc of the package {@code io.socketiojakarta.sample}) with
 * the real npm socket.io-client ({@code src-it/tests/node/sample-protocol.mjs}), over long-polling
 * and over WebSocket. The sample as built, without a {@code web.xml}: the admin token is the
 * default one. Skipped where Node is not installed (failed in CI).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SampleProtocolNodeIT {
  /** Bound of one Node process; the script bounds itself below that. */
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployments.sample();
  }

  @ArquillianResource URL base;

  private Scenario run(String mode, String scenario) {
    Path dir = Path.of(System.getProperty("it.node.dir", "src-it/tests/node"));
    Scenario result =
        NodeRunner.run(
            dir,
            "sample-protocol.mjs",
            List.of(
                Http.resolve(base, "socket.io/").toString(),
                mode,
                scenario,
                "{\"timeoutMs\":20000,\"adminToken\":\"change-me\"}"),
            PROCESS_TIMEOUT);
    assertThat(result.ok()).as("%s", result).isTrue();
    return result;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void theHandshakeShowsThePingIntervalOfTheAnnotation(String mode) {
    Scenario result = run(mode, "handshake");
    assertThat(result.string("transport")).isEqualTo(mode);
    assertThat(result.number("pingInterval")).isEqualTo(20000);
    assertThat(result.number("pingTimeout")).isEqualTo(20000);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aClientWithoutAValidNameIsRefusedWithMessageAndData(String mode) {
    Scenario result = run(mode, "refused");
    Map<String, Object> refusal =
        Map.of("message", "a name is required", "data", Map.of("max", 40L));
    assertThat(result.list("errors")).containsExactly(refusal, refusal, refusal);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aNewcomerIsWelcomedInTheLobbyAndTheLobbyIsTold(String mode) {
    Scenario result = run(mode, "welcome");
    assertThat(result.map("welcome"))
        .isEqualTo(Map.of("id", result.string("annId"), "name", "ann", "rooms", List.of("lobby")));
    assertThat(result.map("presence"))
        .isEqualTo(Map.of("name", "bob", "room", "lobby", "joined", true));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void membersOfARoomChatWithAcknowledgements(String mode) {
    Scenario result = run(mode, "roomChat");
    String room = result.string("room");
    Map<String, Object> ids = result.map("ids");
    assertThat(result.map("annJoin")).isEqualTo(Map.of("room", room, "members", List.of("ann")));
    assertThat(result.map("bobJoin"))
        .isEqualTo(Map.of("room", room, "members", List.of("ann", "bob")));
    assertThat(result.map("presence"))
        .isEqualTo(Map.of("name", "bob", "room", room, "joined", true));
    assertThat(result.get("annAck")).isEqualTo("delivered");
    assertThat(result.map("bobReceived"))
        .containsEntry("from", "ann")
        .containsEntry("fromId", ids.get("ann"))
        .containsEntry("room", room)
        .containsEntry("text", "hello bob")
        .containsKey("at");
    assertThat(result.get("bobAck")).isEqualTo("delivered");
    assertThat(result.map("annReceived"))
        .containsEntry("from", "bob")
        .containsEntry("fromId", ids.get("bob"))
        .containsEntry("text", "hi ann");
    assertThat(result.map("carolAck")).isEqualTo(Map.of("error", "not in room " + room));
    assertThat(result.map("invalid")).containsEntry("error", "invalid payload");
    assertThat(result.list("carolReceived")).isEmpty();
    assertThat(result.number("annOwn")).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void leavingAndDisconnectingAreToldToTheRoom(String mode) {
    Scenario result = run(mode, "leaveAndDisconnect");
    String room = (String) result.map("leave").get("room");
    assertThat(result.map("leftPresence"))
        .isEqualTo(Map.of("name", "bob", "room", room, "joined", false));
    assertThat(result.map("leaveAgain")).isEqualTo(Map.of("error", "not in room " + room));
    assertThat(result.map("gonePresence"))
        .isEqualTo(Map.of("name", "bob", "room", "lobby", "joined", false));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aPrivateMessageReachesItsTarget(String mode) {
    Scenario result = run(mode, "private");
    assertThat(result.get("ack")).isEqualTo("delivered");
    assertThat(result.map("annReceived"))
        .isEqualTo(Map.of("from", "bob", "fromId", result.map("ids").get("bob"), "text", "psst"));
    assertThat(result.map("unknown")).isEqualTo(Map.of("error", "no such user"));
    assertThat(result.map("room")).isEqualTo(Map.of("error", "no such user"));
    assertThat(result.list("bobReceived")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void usersListsEverySocketOfTheChat(String mode) {
    Scenario result = run(mode, "users");
    Map<String, Object> ids = result.map("ids");
    assertThat(result.list("users"))
        .contains(
            Map.of("id", ids.get("ann"), "name", "ann"),
            Map.of("id", ids.get("bob"), "name", "bob"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aBinaryFileReachesTheRoom(String mode) {
    Scenario result = run(mode, "file");
    assertThat(result.get("ack")).isEqualTo("delivered");
    assertThat(result.map("received"))
        .containsEntry("from", "ann")
        .containsEntry("name", "pattern.bin")
        .containsEntry("type", "application/x-test")
        .containsEntry("binary", true)
        .containsEntry("size", 65536L)
        .containsEntry("same", true);
    assertThat(result.map("tooLarge"))
        .isEqualTo(Map.of("error", "file too large (at most 524288 bytes)"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void typingReachesTheOthersInTheRoom(String mode) {
    Scenario result = run(mode, "typing");
    assertThat(result.map("received"))
        .isEqualTo(Map.of("name", "ann", "room", "lobby", "typing", true));
    assertThat(result.list("annReceived")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  @SuppressWarnings("unchecked")
  void adminIsRefusedWithoutTheTokenAndAdmittedWithIt(String mode) {
    Scenario result = run(mode, "admin");
    assertThat(result.list("errors")).containsExactly("invalid token", "invalid token");
    Map<String, Object> stats = result.map("stats");
    assertThat(((Number) stats.get("clients")).longValue()).isGreaterThanOrEqualTo(2);
    assertThat(((Number) stats.get("sockets")).longValue()).isGreaterThanOrEqualTo(1);
    assertThat((List<Object>) stats.get("rooms")).contains("lobby", result.string("room"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void anAnnouncementReachesEveryChatClient(String mode) {
    Scenario result = run(mode, "announce");
    Map<String, Object> announcement = Map.of("text", result.string("text"));
    assertThat(result.get("ack")).isEqualTo("sent");
    assertThat(result.map("annReceived")).isEqualTo(announcement);
    assertThat(result.map("bobReceived")).isEqualTo(announcement);
    assertThat(result.list("adminReceived")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void kickDisconnectsOneChatSocket(String mode) {
    Scenario result = run(mode, "kick");
    assertThat(result.get("ack")).isEqualTo(true);
    assertThat(result.string("reason")).isEqualTo("io server disconnect");
    assertThat(result.map("presence"))
        .isEqualTo(Map.of("name", "bob", "room", "lobby", "joined", false));
    assertThat(result.get("unknown")).isEqualTo(false);
    assertThat(result.get("annConnected")).isEqualTo(true);
  }
}
