package io.socketiojakarta.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.engine.AllowRequest;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.engine.HandshakeDecision;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The fixture of the conformance suites: pingInterval 300 ms, pingTimeout 200 ms, maxPayload
 * 1000000, engine at {@code /engine.io/}, and a handshake gate refusing any handshake whose query
 * has a {@code refuse} parameter. Also the exact error bodies and the timing tolerance.
 */
public final class Fixture {
  public static final String PATH = "/engine.io/";
  public static final int PING_INTERVAL = 300;
  public static final int PING_TIMEOUT = 200;
  public static final int MAX_PAYLOAD = 1_000_000;

  /** Tolerance of every timing assertion (CI machines have 2 cores). */
  public static final long SLACK = 120;

  public static final String TRANSPORT_UNKNOWN = error(0, "Transport unknown");
  public static final String SID_UNKNOWN = error(1, "Session ID unknown");
  public static final String BAD_METHOD = error(2, "Bad handshake method");
  public static final String BAD_REQUEST = error(3, "Bad request");
  public static final String FORBIDDEN = error(4, "Forbidden");
  public static final String UNSUPPORTED = error(5, "Unsupported protocol version");

  /** Refuses a handshake whose query has a {@code refuse} parameter (with or without value). */
  public static final AllowRequest REFUSE_GATE =
      req ->
          CompletableFuture.completedFuture(
              req.queryParameters().containsKey("refuse")
                  ? HandshakeDecision.refuse()
                  : HandshakeDecision.allow());

  private Fixture() {}

  /** The fixture options, as a builder to vary one option. */
  public static EngineOptions.Builder options() {
    return EngineOptions.builder()
        .path(PATH)
        .pingInterval(Duration.ofMillis(PING_INTERVAL))
        .pingTimeout(Duration.ofMillis(PING_TIMEOUT))
        .maxHttpBufferSize(MAX_PAYLOAD)
        .allowRequest(REFUSE_GATE);
  }

  /** {@code {"code":N,"message":"..."}}. */
  public static String error(int code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
  }

  /** Milliseconds of a monotonic clock. */
  public static long now() {
    return System.nanoTime() / 1_000_000;
  }

  /** Asserts that a measured delay is {@code expected} ms within {@link #SLACK}. */
  public static void assertAbout(long actual, long expected, String what) {
    assertThat(actual)
        .as(what + " after " + actual + " ms, expected about " + expected)
        .isBetween(expected - SLACK, expected + SLACK);
  }

  /**
   * A deliberate delay of the client (a late pong, a message at a given moment), or the little time
   * a request needs to reach the server when nothing comes back to wait for (a GET held open).
   */
  public static void pause(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** How long a request held by the server (a pending GET) is given to reach it. */
  public static final long SETTLE = 80;
}
