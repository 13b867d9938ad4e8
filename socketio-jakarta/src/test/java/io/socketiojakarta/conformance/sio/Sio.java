package io.socketiojakarta.conformance.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.conformance.EioHttp;
import io.socketiojakarta.conformance.Fixture;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.MiniJson;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Socket.IO v5 over the Engine.IO clients of the conformance package: every Socket.IO packet is the
 * payload of one Engine.IO message ({@code 4} + packet over WebSocket text frames and in polling
 * payloads), each binary attachment one binary message (a raw binary frame, or {@code b} + base64
 * in a polling payload).
 */
final class Sio {
  /** The record separator of polling payloads. */
  static final String SEP = "\u001e";

  private final SocketIoTestServer server;
  private final EioHttp http;

  Sio(SocketIoTestServer server, EioHttp http) {
    this.server = server;
    this.http = http;
  }

  // ------------------------------------------------------------------ WebSocket

  /** A WebSocket-only Engine.IO session at {@code /socket.io/} whose open packet has been read. */
  WsClient session(boolean autoPong) throws Exception {
    WsClient ws = WsClient.connect(wsUri("EIO=4&transport=websocket"), autoPong);
    assertThat(ws.nextText()).as("open packet").startsWith("0{");
    return ws;
  }

  /**
   * The arrival time of the open packet, the first frame of a WebSocket-only session (the server's
   * timers start with it).
   */
  static long openedAt(WsClient ws) throws Exception {
    WsClient.Frame open = ws.next();
    assertThat(open.text()).as("open packet").startsWith("0{");
    return open.at();
  }

  /** {@code ws://127.0.0.1:PORT/socket.io/?query}. */
  java.net.URI wsUri(String query) {
    return server.wsUri(SioFixture.PATH + "?" + query);
  }

  /** A session (pings answered) joined to {@code /}: CONNECT reply and first event read. */
  WsClient joined() throws Exception {
    WsClient ws = session(true);
    join(ws, "/", null);
    return ws;
  }

  /**
   * Sends CONNECT for {@code nsp} with an optional auth JSON, reads the CONNECT reply and the
   * fixture's {@code auth} event; returns the socket id.
   */
  static String join(WsClient ws, String nsp, String auth) throws Exception {
    ws.send(connect(nsp, auth));
    String sid = connectReply(ws.nextMessage(), nsp);
    assertThat(ws.nextMessage()).startsWith(eventPrefix(nsp) + "[\"auth\",");
    return sid;
  }

  /** The Engine.IO message of a CONNECT: {@code 40}, {@code 40/custom,}, {@code 40{"a":1}}. */
  static String connect(String nsp, String auth) {
    return "40" + ("/".equals(nsp) ? "" : nsp + ",") + (auth == null ? "" : auth);
  }

  /** {@code 42} or {@code 42/nsp,}. */
  static String eventPrefix(String nsp) {
    return "42" + ("/".equals(nsp) ? "" : nsp + ",");
  }

  /** Checks a CONNECT reply {@code 40[nsp,]{"sid":"…"}} with sid its only key; returns the sid. */
  static String connectReply(String message, String nsp) {
    String prefix = "/".equals(nsp) ? "40" : "40" + nsp + ",";
    assertThat(message).as("CONNECT reply for %s", nsp).startsWith(prefix);
    Map<String, Object> payload = MiniJson.object(message.substring(prefix.length()));
    assertThat(payload.keySet()).as("keys of %s", message).containsExactly("sid");
    assertThat(payload.get("sid")).isInstanceOf(String.class);
    String sid = (String) payload.get("sid");
    assertThat(sid).isNotEmpty();
    return sid;
  }

  /** {@code {"_placeholder":true,"num":N}}. */
  static String ph(int num) {
    return "{\"_placeholder\":true,\"num\":" + num + "}";
  }

  /**
   * Shows that the server sent nothing on {@code /} in reaction to what came before: a {@code
   * message} event sent now must be the next thing to come back (the packets of one socket are
   * handled in order).
   */
  static void assertNothingBefore(WsClient ws, String what) throws Exception {
    String marker = "marker-" + UUID.randomUUID();
    ws.send("42[\"message\",\"" + marker + "\"]");
    assertThat(ws.nextMessage())
        .as("nothing expected after %s", what)
        .isEqualTo("42[\"message-back\",\"" + marker + "\"]");
  }

  /** The next frame that is not a ping, which must be binary; its bytes. */
  static byte[] nextBinary(WsClient ws) throws Exception {
    WsClient.Frame f = ws.nextNonPing();
    assertThat(f.isBinary()).as("binary frame expected, got %s", f).isTrue();
    return f.binary();
  }

  /**
   * Waits for the server to close the connection, which it must do with a close frame (a connection
   * dropped without one reports 1006).
   */
  static WsClient.Closed awaitClosedCleanly(WsClient ws, Duration timeout) throws Exception {
    WsClient.Closed closed = ws.awaitClose(timeout);
    assertThat(closed.code()).as("close code (%s)", closed).isNotEqualTo(1006);
    return closed;
  }

  /** Waits up to two seconds for a condition the server reaches asynchronously. */
  static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
    long deadline = Fixture.now() + 2000;
    while (!condition.getAsBoolean()) {
      assertThat(Fixture.now()).as(what).isLessThan(deadline);
      Fixture.pause(10);
    }
  }

  // ------------------------------------------------------------------ polling

  /** The packets of a polling payload. */
  static List<String> packets(String body) {
    return body.isEmpty() ? List.of() : Arrays.asList(body.split(SEP, -1));
  }

  /** A binary message in a polling payload: {@code b} + base64. */
  static String b64(byte[] data) {
    return "b" + Base64.getEncoder().encodeToString(data);
  }

  /**
   * GETs until {@code count} packets other than ping and noop have arrived, answering pings;
   * returns them in order.
   */
  List<String> pollPackets(String sid, int count) throws Exception {
    long deadline = Fixture.now() + 3000;
    List<String> received = new ArrayList<>();
    while (received.size() < count) {
      assertThat(Fixture.now())
          .as("only %d of %d packets: %s", received.size(), count, received)
          .isLessThan(deadline);
      EioHttp.Res res = http.poll(sid);
      assertThat(res.status()).as("GET: %s", res).isEqualTo(200);
      for (String p : packets(res.body())) {
        if (p.equals("2")) {
          assertThat(http.send(sid, "3").body()).isEqualTo("ok");
        } else if (!p.equals("6")) {
          received.add(p);
        }
      }
    }
    return received;
  }

  /** A polling session joined to {@code /}: its Engine.IO sid and the socket id. */
  record PollingJoin(String engineSid, String socketId) {}

  /** Polling handshake, CONNECT to {@code /}, CONNECT reply and the first event read. */
  PollingJoin pollingJoined() throws Exception {
    String sid = http.handshake().sid();
    assertThat(http.send(sid, "40").body()).isEqualTo("ok");
    List<String> got = pollPackets(sid, 2);
    String socketId = connectReply(got.get(0), "/");
    assertThat(got.get(1)).as("first event").startsWith("42");
    return new PollingJoin(sid, socketId);
  }

  /** POSTs a payload whose answer is not prescribed (the server may also cut the connection). */
  void postIgnoringAnswer(String sid, String payload) throws Exception {
    try {
      http.send(sid, payload);
    } catch (IOException cut) {
      // allowed
    }
  }

  /**
   * Waits for the server to close a polling session: GETs (answering pings) until one carries the
   * close packet {@code 1} or the sid is unknown; then the sid must be unknown. Returns the packets
   * received before the close.
   */
  List<String> awaitPollingClosed(String sid, Duration timeout) throws Exception {
    long deadline = Fixture.now() + timeout.toMillis();
    List<String> before = new ArrayList<>();
    while (true) {
      assertThat(Fixture.now())
          .as("session %s still open; received %s", sid, before)
          .isLessThan(deadline);
      EioHttp.Res res = http.poll(sid);
      if (res.status() == 400) {
        assertThat(res.body()).isEqualTo(Fixture.SID_UNKNOWN);
        return before;
      }
      assertThat(res.status()).as("GET: %s", res).isEqualTo(200);
      List<String> got = packets(res.body());
      for (String p : got) {
        if (p.equals("1")) {
          http.assertGone(sid);
          return before;
        }
        if (p.equals("2")) {
          http.send(sid, "3");
        } else if (!p.equals("6")) {
          before.add(p);
        }
      }
    }
  }
}
