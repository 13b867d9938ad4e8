package io.socketiojakarta.it.tomcat;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.clients.NodeRunner;
import io.socketiojakarta.clients.NodeRunner.Scenario;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real npm engine.io-client against the fixture WAR on Tomcat, over polling, WebSocket and
 * polling-then-upgrade. Skipped where Node is not installed.
 */
class EngineIoClientOnTomcatIT {
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(20);
  static TomcatServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TomcatServer.start("fixture.war");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static Scenario run(String mode, String scenario, String params) {
    String json = "{\"timeoutMs\":10000" + (params.isEmpty() ? "" : "," + params) + "}";
    Scenario result =
        NodeRunner.eioScenario(server.uri("/engine.io/"), mode, scenario, json, PROCESS_TIMEOUT);
    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.string("transport"))
        .isEqualTo(mode.equals("polling") ? "polling" : "websocket");
    return result;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void textIsEchoed(String mode) {
    Scenario result = run(mode, "echo", "\"texts\":[\"hello\",\"\\u20ac\\ud83d\\ude00\"]");
    assertThat(result.list("echoes")).containsExactly("hello", "€😀");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void binaryIsEchoedAsBinary(String mode) {
    Scenario result = run(mode, "binary", "");
    assertThat(result.get("isBuffer")).isEqualTo(true);
    assertThat(result.list("bytes")).hasSize(256);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void a900KbMessageIsEchoedIntact(String mode) {
    Scenario result = run(mode, "large", "\"size\":" + 900 * 1024);
    assertThat(result.get("intact")).as("%s", result).isEqualTo(true);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aThousandMessagesInFlightComeBackInOrder(String mode) {
    Scenario result = run(mode, "many", "\"count\":1000");
    assertThat(result.number("receivedCount")).isEqualTo(1000);
    assertThat(result.get("inOrder")).isEqualTo(true);
  }
}
