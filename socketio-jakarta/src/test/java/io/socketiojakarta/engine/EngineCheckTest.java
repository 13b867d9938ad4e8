package io.socketiojakarta.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's request checks on requests no container would let through (an Origin header with
 * control characters): the HTTP-level rows are covered by the conformance tests.
 */
class EngineCheckTest {
  private final Engine engine =
      Engine.create(EngineOptions.builder().build(), s -> {}, new ManualScheduler());

  private static EngineRequest get(String query, Map<String, List<String>> headers) {
    return new EngineRequestSnapshot(
        "GET",
        "/engine.io/?" + query,
        EngineRequestSnapshot.parseQuery(query),
        headers,
        "127.0.0.1",
        false,
        false);
  }

  @Test
  void anOriginWithControlCharactersIsABadRequest() {
    Engine.Check check =
        engine.check(get("EIO=4&transport=polling", Map.of("Origin", List.of("http://a\u0001b"))));
    assertThat(check.error()).isEqualTo(EngineError.BAD_REQUEST);
  }

  @Test
  void anOriginWithLatin1CharactersIsAccepted() {
    Engine.Check check =
        engine.check(
            get("EIO=4&transport=polling", Map.of("Origin", List.of("http://caf\u00e9.example"))));
    assertThat(check.ok()).isTrue();
    assertThat(check.session()).isNull();
  }

  @Test
  void theTransportIsCheckedBeforeTheOrigin() {
    Engine.Check check =
        engine.check(get("EIO=4&transport=abc", Map.of("Origin", List.of("http://a\u0001b"))));
    assertThat(check.error()).isEqualTo(EngineError.TRANSPORT_UNKNOWN);
  }
}
