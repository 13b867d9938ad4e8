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
 * The real npm socket.io-client (Node, {@code src-it/tests/node/sample-chat.mjs}) chats through the
 * sample over long-polling and over WebSocket. Skipped where Node is not installed (failed in CI).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NodeChatIT {
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
            "sample-chat.mjs",
            List.of(
                Http.resolve(base, "socket.io/").toString(),
                mode,
                scenario,
                "{\"timeoutMs\":20000}"),
            PROCESS_TIMEOUT);
    assertThat(result.ok()).as("%s", result).isTrue();
    return result;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void chatIsAcknowledgedAndReachesTheLobby(String mode) {
    Scenario result = run(mode, "chat");
    assertThat(result.list("transports")).containsExactly(mode, mode);
    assertThat(result.get("ack")).isEqualTo("delivered");
    assertThat(result.list("bobReceived")).containsExactly(Map.of("name", "ann", "text", "hello"));
    assertThat(result.get("bobAck")).isEqualTo("delivered");
    assertThat(result.list("annReceived")).containsExactly(Map.of("name", "bob", "text", "hi ann"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aClientWithoutANameIsRefused(String mode) {
    Scenario result = run(mode, "refused");
    assertThat(result.string("refusal")).isEqualTo("a name is required");
    assertThat(result.map("data")).isEqualTo(Map.of("max", 40L));
  }
}
