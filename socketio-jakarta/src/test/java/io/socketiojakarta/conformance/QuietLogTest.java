package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's mistakes get protocol answers, not log noise: while a barrage of bad requests and
 * frames hits the server, neither the library nor Jetty (routed into java.util.logging) logs a
 * warning or a stack trace, and a well-behaved client is still served.
 */
class QuietLogTest extends FixtureServer {
  private static final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeAll
  static void capture() {
    Logger.getLogger("").addHandler(CAPTURE);
  }

  @AfterAll
  static void release() {
    Logger.getLogger("").removeHandler(CAPTURE);
  }

  @Test
  void badInputLeavesNoWarningNorStackTraceInTheLog() throws Exception {
    records.clear();
    // every HTTP error of the error table
    http.get("EIO=4");
    http.get("EIO=4&transport=abc");
    http.get("EIO=4&transport=polling&sid=nope");
    http.post("EIO=4&transport=polling", "4x");
    http.get("EIO=4&transport=websocket");
    http.get("EIO=4&transport=polling&refuse=1");
    http.get("EIO=abc&transport=polling");
    // misuse inside sessions
    http.send(http.handshake().sid(), "abc");
    http.send(http.handshake().sid(), "2");
    http.send(http.handshake().sid(), "b@@@");
    String sid = http.handshake().sid();
    http.request("PUT", EioHttp.q(sid), "4x".getBytes(StandardCharsets.UTF_8));
    http.post(EioHttp.q(sid), "4" + "a".repeat(Fixture.MAX_PAYLOAD));
    http.request(
        "POST",
        EioHttp.q(http.handshake().sid()),
        "4x".getBytes(StandardCharsets.UTF_8),
        "Content-Type",
        "application/octet-stream");
    // refused and malformed upgrades
    RawHttp.exchange(
        server.port(),
        RawHttp.upgradeRequest(server.port(), PATH + "?EIO=4&transport=websocket&sid=nope", ""));
    RawHttp.exchange(
        server.port(),
        "GET "
            + PATH
            + "?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Upgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    // bad WebSocket frames: undecodable, client ping, oversize
    for (String frame : List.of("abc", "2", "4" + "a".repeat(Fixture.MAX_PAYLOAD))) {
      try (WsClient ws =
          WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
        ws.nextText();
        ws.send(frame);
        ws.awaitClose(Duration.ofSeconds(3));
      }
    }

    http.assertServesEcho();
    assertThat(records)
        .as("log records at WARNING or above, or with a stack trace")
        .filteredOn(
            r -> r.getLevel().intValue() >= Level.WARNING.intValue() || r.getThrown() != null)
        .extracting(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
        .isEmpty();
  }
}
