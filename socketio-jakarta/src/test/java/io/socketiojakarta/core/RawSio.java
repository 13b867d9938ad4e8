package io.socketiojakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.MiniJson;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Raw Socket.IO over a WebSocket-only Engine.IO session, for the core's regression tests. */
final class RawSio {
  /** How long any single wait of a test may take. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private RawSio() {}

  /** A WebSocket-only session (pings answered) whose open packet has been read. */
  static WsClient open(SocketIoTestServer server) throws Exception {
    WsClient ws = WsClient.connect(server.wsUri("/socket.io/?EIO=4&transport=websocket"), true);
    assertThat(ws.nextText()).as("open packet").startsWith("0{");
    return ws;
  }

  /** A session joined to the main namespace; returns the socket id. */
  static String join(WsClient ws) throws Exception {
    ws.send("40");
    String reply = ws.nextMessage();
    assertThat(reply).as("CONNECT reply").startsWith("40{");
    return (String) MiniJson.object(reply.substring(2)).get("sid");
  }

  /** The ack id of an EVENT {@code 42<id>[...]} on the main namespace. */
  static long ackId(String event) {
    assertThat(event).startsWith("42");
    int end = event.indexOf('[');
    assertThat(end).as("ack id in %s", event).isGreaterThan(2);
    return Long.parseLong(event.substring(2, end));
  }

  /** Waits (bounded) until a condition holds. */
  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached within " + WAIT.toSeconds() + " s: " + what);
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
  }
}
