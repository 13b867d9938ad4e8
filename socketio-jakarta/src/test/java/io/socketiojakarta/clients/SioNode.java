package io.socketiojakarta.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.clients.NodeRunner.Scenario;
import io.socketiojakarta.json.JsonTree;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code sio-scenario.mjs} (the real socket.io-client in Node) against a {@link
 * SocketIoTestServer} and checks the common parts of its answer. With {@code -Dsio.debug=true}
 * every answer is printed.
 */
final class SioNode {
  /** The process bound, above the script's own so that it can still report. */
  private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);

  private static final int SCRIPT_TIMEOUT_MS = 15_000;

  private static final AtomicInteger TAGS = new AtomicInteger();

  private SioNode() {}

  /** A tag unique in this JVM: the scenario's connections send it, the server records by it. */
  static String newTag(String mode) {
    return mode + "-" + TAGS.incrementAndGet();
  }

  /** Runs a scenario; {@code params} get the tag and the script's timeout. */
  static Scenario run(
      SocketIoTestServer server,
      String mode,
      String scenario,
      String tag,
      Map<String, Object> params) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("timeoutMs", SCRIPT_TIMEOUT_MS);
    all.put("tag", tag);
    all.putAll(params);
    Scenario result =
        NodeRunner.sioScenario(
            server.uri("/socket.io/"),
            mode,
            scenario,
            asciiJson(JsonTree.write(all)),
            PROCESS_TIMEOUT);
    if (Boolean.getBoolean("sio.debug")) {
      System.out.println(scenario + " " + mode + ": " + result);
    }
    assertThat(result.string("mode")).isEqualTo(mode);
    return result;
  }

  /** Runs a scenario that must succeed. */
  static Scenario runOk(
      SocketIoTestServer server,
      String mode,
      String scenario,
      String tag,
      Map<String, Object> params) {
    Scenario result = run(server, mode, scenario, tag, params);
    assertThat(result.ok()).as("%s", result).isTrue();
    return result;
  }

  /** The transport a connection ends on in that mode. */
  static String expectedTransport(String mode) {
    return mode.equals("polling") ? "polling" : "websocket";
  }

  /**
   * Checks a connection's transport ({@code transport}, {@code openTransport}, {@code upgradedTo}
   * as the script reports them): the mode's transport, and in upgrade mode opened with polling and
   * upgraded to WebSocket.
   */
  static void assertTransport(Map<String, Object> info, String mode) {
    assertThat(info.get("transport")).as("%s", info).isEqualTo(expectedTransport(mode));
    switch (mode) {
      case "polling" -> {
        assertThat(info.get("openTransport")).as("%s", info).isEqualTo("polling");
        assertThat(info.get("upgradedTo")).as("%s", info).isNull();
      }
      case "websocket" -> {
        assertThat(info.get("openTransport")).as("%s", info).isEqualTo("websocket");
        assertThat(info.get("upgradedTo")).as("%s", info).isNull();
      }
      default -> {
        assertThat(info.get("openTransport")).as("%s", info).isEqualTo("polling");
        assertThat(info.get("upgradedTo")).as("%s", info).isEqualTo("websocket");
      }
    }
  }

  /** Checks the transport of a scenario with one connection (reported at the top level). */
  static void assertTransport(Scenario result, String mode) {
    assertTransport(result.json(), mode);
  }

  /** Checks the transports of a scenario with several connections ({@code transports}). */
  static void assertTransports(Scenario result, String mode, int connections) {
    List<Object> all = result.list("transports");
    assertThat(all).as("%s", result).hasSize(connections);
    for (Object info : all) {
      assertTransport(map(info), mode);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    assertThat(value).isInstanceOf(List.class);
    return (List<Object>) value;
  }

  /** A JSON array of small numbers as bytes (the script's {@code {binary, bytes}} form). */
  static byte[] bytes(Object jsonArray) {
    List<Object> l = list(jsonArray);
    byte[] out = new byte[l.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) ((Number) l.get(i)).intValue();
    }
    return out;
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
}
