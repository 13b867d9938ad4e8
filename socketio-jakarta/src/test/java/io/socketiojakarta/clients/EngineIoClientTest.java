package io.socketiojakarta.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.clients.RecordingEngineListener.Recorded;
import io.socketiojakarta.engine.CloseReason;
import io.socketiojakarta.engine.EngineError;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.engine.HandshakeDecision;
import io.socketiojakarta.testing.JettyTestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real npm {@code engine.io-client} (6.6, run by Node through {@code eio-scenario.mjs}) against
 * the engine in embedded Jetty, over long-polling only, WebSocket only, and polling upgraded to
 * WebSocket. Skipped when Node is not installed.
 */
class EngineIoClientTest {
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(20);

  /** The script's own bound, below the process timeout so that it can still report. */
  private static final int SCRIPT_TIMEOUT_MS = 10_000;

  private static final Duration SERVER_WAIT = Duration.ofSeconds(5);

  private static JettyTestServer server;
  private static RecordingEngineListener recorder;

  @BeforeAll
  static void startServer() throws Exception {
    recorder = new RecordingEngineListener();
    // the defaults: pingInterval 25 s, pingTimeout 20 s, maxHttpBufferSize 1e6
    server = JettyTestServer.start(EngineOptions.builder().build(), recorder);
  }

  /** Each test is skipped (reported as such) when Node is not installed. */
  @BeforeEach
  void requireNode() {
    NodeRunner.requireNode();
  }

  @AfterAll
  static void stopServer() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static Scenario run(JettyTestServer on, String mode, String scenario, String params) {
    String json =
        "{\"timeoutMs\":" + SCRIPT_TIMEOUT_MS + (params.isEmpty() ? "" : "," + params) + "}";
    Scenario result =
        NodeRunner.eioScenario(
            on.uri("/engine.io/"), mode, scenario, asciiJson(json), PROCESS_TIMEOUT);
    assertThat(result.string("mode")).isEqualTo(mode);
    return result;
  }

  /** Scenarios that must succeed: ok, opened, and on the transport the mode asks for. */
  private static Scenario runOk(String mode, String scenario, String params) {
    Scenario result = run(server, mode, scenario, params);
    assertThat(result.ok()).as("%s", result).isTrue();
    assertThat(result.list("events")).as("%s", result).contains("open");
    assertThat(result.string("transport")).as("%s", result).isEqualTo(expectedTransport(mode));
    if (mode.equals("upgrade")) {
      assertThat(result.string("openTransport")).isEqualTo("polling");
      assertThat(result.string("upgradedTo")).isEqualTo("websocket");
    }
    return result;
  }

  private static String expectedTransport(String mode) {
    return mode.equals("polling") ? "polling" : "websocket";
  }

  /** JSON with every non-ASCII character escaped, so that no platform encoding touches argv. */
  private static String asciiJson(String json) {
    StringBuilder sb = new StringBuilder(json.length());
    for (char c : json.toCharArray()) {
      if (c < 0x80) {
        sb.append(c);
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  // ---------------------------------------------------------------- scenarios

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void handshakeOpensASessionWhoseIdTheClientKnows(String mode) throws Exception {
    Scenario result = runOk(mode, "handshake", "");

    Recorded session = recorder.session(result.string("id"));
    assertThat(session.session.id()).isEqualTo(result.string("id"));
    if (mode.equals("upgrade")) {
      assertThat(session.upgraded.await(SERVER_WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      assertThat(session.upgradedTo).isEqualTo("websocket");
      assertThat(session.session.upgraded()).isTrue();
    } else {
      assertThat(session.session.upgraded()).isFalse();
    }
    assertThat(session.session.transportName()).isEqualTo(expectedTransport(mode));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void textMessagesAreEchoed(String mode) {
    List<String> texts = List.of("hello", "€😀日本");
    Scenario result =
        runOk(mode, "echo", "\"texts\":[" + quote(texts.get(0)) + "," + quote(texts.get(1)) + "]");

    assertThat(result.list("echoes")).containsExactlyElementsOf(texts);
    assertThat(recorder.session(result.string("id")).textsCopy()).containsExactlyElementsOf(texts);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void binaryMessagesAreEchoedAsBinary(String mode) {
    Scenario result = runOk(mode, "binary", "");

    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    assertThat(recorder.session(result.string("id")).binaries).singleElement().isEqualTo(all);
    // engine.io-client in Node delivers binary as a Buffer (binaryType "nodebuffer")
    assertThat(result.get("isBuffer")).as("%s", result).isEqualTo(true);
    List<Long> expected = IntStream.range(0, 256).mapToObj(i -> (long) i).toList();
    assertThat(result.list("bytes").stream().map(n -> ((Number) n).longValue()).toList())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aLargeTextMessageIsEchoedIntact(String mode) {
    int size = 900 * 1024;
    Scenario result = runOk(mode, "large", "\"size\":" + size);

    assertThat(result.get("intact")).as("%s", result).isEqualTo(true);
    assertThat(result.number("receivedLength")).isEqualTo(size);
    assertThat(result.string("receivedSha256")).isEqualTo(result.string("sentSha256"));
    List<String> received = recorder.session(result.string("id")).textsCopy();
    assertThat(received).hasSize(1);
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    String expected = alphabet.repeat(size / alphabet.length() + 1).substring(0, size);
    assertThat(received.get(0).equals(expected)).as("the server received the text intact").isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void manyMessagesInFlightAreAllEchoedInOrder(String mode) {
    int count = 1000;
    Scenario result = runOk(mode, "many", "\"count\":" + count);

    assertThat(result.number("receivedCount")).isEqualTo(count);
    assertThat(result.get("inOrder")).as("%s", result).isEqualTo(true);
    List<String> expected = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      expected.add("m" + i);
    }
    assertThat(recorder.session(result.string("id")).textsCopy()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void serverCloseReachesTheClient(String mode) throws Exception {
    Scenario result = runOk(mode, "serverClose", "");

    // engine.io-client reports a close by the other side as "transport close"
    assertThat(result.string("closeReason")).as("%s", result).isEqualTo("transport close");
    @SuppressWarnings("unchecked")
    Map<String, Object> details = (Map<String, Object>) result.get("closeDescription");
    // polling: the server's close packet; WebSocket: the socket closed by the server
    assertThat(details.get("description"))
        .as("%s", result)
        .isEqualTo(
            mode.equals("polling")
                ? "transport closed by the server"
                : "websocket connection closed");
    assertThat(result.list("events")).doesNotContain("error");
    Recorded session = recorder.session(result.string("id"));
    assertThat(session.awaitClose(SERVER_WAIT)).isEqualTo(CloseReason.FORCED_CLOSE);
    assertThat(session.textsCopy()).containsExactly("first");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void clientCloseReachesTheServerPromptly(String mode) throws Exception {
    Scenario result = runOk(mode, "clientClose", "");

    // engine.io-client names its own close "forced close"
    assertThat(result.string("clientCloseReason")).isEqualTo("forced close");
    Recorded session = recorder.session(result.string("id"));
    // pingInterval is 25 s: only the client's close can end the session this early
    assertThat(session.awaitClose(SERVER_WAIT)).isEqualTo(CloseReason.TRANSPORT_CLOSE);
    assertThat(session.millisToClose()).isLessThan(10_000);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aClientThatStopsAnsweringPingsTimesOut(String mode) throws Exception {
    RecordingEngineListener heartbeat = new RecordingEngineListener();
    EngineOptions options =
        EngineOptions.builder()
            .pingInterval(Duration.ofMillis(300))
            .pingTimeout(Duration.ofMillis(200))
            .build();
    try (JettyTestServer s = JettyTestServer.start(options, heartbeat)) {
      Scenario result = run(s, mode, "silent", "");

      assertThat(result.ok()).as("%s", result).isTrue();
      assertThat(result.string("transport")).isEqualTo(expectedTransport(mode));
      assertThat(result.number("droppedPongs")).as("%s", result).isGreaterThanOrEqualTo(1);
      // the server's close arrives first ("transport close"), unless the client's own timer
      // (pingInterval + pingTimeout after the ping) fired before it
      assertThat(result.string("closeReason"))
          .as("%s", result)
          .isIn("transport close", "ping timeout");
      Recorded session = heartbeat.session(result.string("id"));
      assertThat(session.awaitClose(SERVER_WAIT)).isEqualTo(CloseReason.PING_TIMEOUT);
      // first ping at 300 ms, no pong within 200 ms
      assertThat(session.millisToClose()).isBetween(350L, 1500L);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void aRefusedHandshakeIsAnErrorWithoutOpen(String mode) throws Exception {
    RecordingEngineListener refused = new RecordingEngineListener();
    AtomicInteger gateCalls = new AtomicInteger();
    EngineOptions options =
        EngineOptions.builder()
            .allowRequest(
                req -> {
                  gateCalls.incrementAndGet();
                  return CompletableFuture.completedFuture(HandshakeDecision.refuse());
                })
            .build();
    try (JettyTestServer s = JettyTestServer.start(options, refused)) {
      Scenario result = run(s, mode, "refused", "");

      assertThat(result.ok()).as("%s", result).isTrue();
      assertThat(result.list("events")).as("%s", result).doesNotContain("open").startsWith("error");
      assertThat(result.string("closeReason")).isEqualTo("transport error");
      assertThat(result.string("errorType")).isEqualTo("TransportError");
      if (mode.equals("websocket")) {
        assertThat(result.string("errorMessage")).isEqualTo("websocket error");
        // the ws package's error event: the upgrade was answered with 400 (as the reference does)
        assertThat(result.string("errorDescription")).contains("Unexpected server response: 400");
      } else {
        // polling first (also in upgrade mode): the XHR status and body of the refusal
        assertThat(result.string("errorMessage")).isEqualTo("xhr poll error");
        assertThat(result.number("errorDescription")).isEqualTo(403);
        assertThat(result.number("errorContextStatus")).isEqualTo(403);
        assertThat(result.string("errorContextResponseText"))
            .isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
      }
      assertThat(gateCalls.get()).isGreaterThanOrEqualTo(1);
      // the reference's connection_error; the client gives up after the first refusal
      assertThat(refused.connectionErrors).containsExactly(EngineError.FORBIDDEN);
      assertThat(s.engine().clientsCount()).isZero();
    }
  }
}
