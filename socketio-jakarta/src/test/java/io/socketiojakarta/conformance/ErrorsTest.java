package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.BAD_METHOD;
import static io.socketiojakarta.conformance.Fixture.BAD_REQUEST;
import static io.socketiojakarta.conformance.Fixture.FORBIDDEN;
import static io.socketiojakarta.conformance.Fixture.PATH;
import static io.socketiojakarta.conformance.Fixture.SID_UNKNOWN;
import static io.socketiojakarta.conformance.Fixture.TRANSPORT_UNKNOWN;
import static io.socketiojakarta.conformance.Fixture.UNSUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.engine.HandshakeDecision;
import io.socketiojakarta.testing.JettyTestServer;
import io.socketiojakarta.testing.MiniJson;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every row of the error table: HTTP status, {@code application/json} and the exact body; which
 * check wins; refused WebSocket upgrades (HTTP 400 with the message text). After each test a
 * well-behaved client must still be served.
 */
class ErrorsTest {
  private static JettyTestServer server;
  private static ServerEvents events;
  private static EioHttp http;

  /** A second server whose gate refuses with a message of the application. */
  private static JettyTestServer customGate;

  @BeforeAll
  static void start() throws Exception {
    events = new ServerEvents();
    server = JettyTestServer.start(Fixture.options().build(), events);
    http = new EioHttp(server.uri(PATH));
    customGate =
        JettyTestServer.start(
            Fixture.options()
                .allowRequest(
                    req ->
                        CompletableFuture.completedFuture(
                            req.queryParameters().containsKey("refuse")
                                ? HandshakeDecision.refuse("Not today, \"friend\"")
                                : HandshakeDecision.allow()))
                .build(),
            new ServerEvents());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    customGate.close();
  }

  @AfterEach
  void serverStillServesAWellBehavedClient() throws Exception {
    http.assertServesEcho();
  }

  private static void expect(EioHttp.Res res, int status, String body) {
    assertThat(res.status()).as("status of %s", res).isEqualTo(status);
    assertThat(res.mediaType()).as("content type of %s", res).isEqualTo("application/json");
    assertThat(res.body()).isEqualTo(body);
  }

  private static void expectGet(String query, int status, String body) throws Exception {
    expect(http.get(query), status, body);
  }

  // ------------------------------------------------------------------ code 0

  @Test
  void transportMissingIs400Code0() throws Exception {
    expectGet("EIO=4", 400, TRANSPORT_UNKNOWN);
  }

  @Test
  void requestWithoutQueryIs400Code0() throws Exception {
    EioHttp.Res res = http.request("GET", "", null);
    expect(res, 400, TRANSPORT_UNKNOWN);
  }

  @Test
  void transportUnknownIs400Code0() throws Exception {
    expectGet("EIO=4&transport=abc", 400, TRANSPORT_UNKNOWN);
  }

  // ------------------------------------------------------------------ code 1

  @Test
  void unknownSidOnGetIs400Code1() throws Exception {
    expectGet("EIO=4&transport=polling&sid=no-such-session", 400, SID_UNKNOWN);
  }

  @Test
  void unknownSidOnPostIs400Code1() throws Exception {
    expect(http.post("EIO=4&transport=polling&sid=no-such-session", "4hello"), 400, SID_UNKNOWN);
  }

  // ------------------------------------------------------------------ code 2

  @Test
  void handshakeWithPostIs400Code2() throws Exception {
    expect(http.post("EIO=4&transport=polling", "4hello"), 400, BAD_METHOD);
  }

  @Test
  void handshakeWithPutIs400Code2() throws Exception {
    expect(
        http.request("PUT", "EIO=4&transport=polling", "4hello".getBytes(StandardCharsets.UTF_8)),
        400,
        BAD_METHOD);
  }

  @Test
  void handshakeWithOptionsIs400Code2WhenCorsIsOff() throws Exception {
    expect(http.request("OPTIONS", "EIO=4&transport=polling", null), 400, BAD_METHOD);
  }

  // ------------------------------------------------------------------ code 3

  @Test
  void websocketTransportOnPlainGetIs400Code3() throws Exception {
    expectGet("EIO=4&transport=websocket", 400, BAD_REQUEST);
  }

  @Test
  void websocketTransportOnPlainGetWithPollingSidIs400Code3() throws Exception {
    String sid = http.handshake().sid();
    expectGet("EIO=4&transport=websocket&sid=" + sid, 400, BAD_REQUEST);
  }

  @Test
  void pollingRequestWithSidOfWebSocketSessionIs400Code3() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
      String sid = (String) MiniJson.object(ws.nextText().substring(1)).get("sid");
      expectGet(EioHttp.q(sid), 400, BAD_REQUEST);
    }
  }

  @Test
  void eio3WithSidOfV4SessionIs400Code3() throws Exception {
    String sid = http.handshake().sid();
    expectGet("EIO=3&transport=polling&sid=" + sid, 400, BAD_REQUEST);
  }

  // ------------------------------------------------------------------ code 4

  @Test
  void handshakeRefusedByAllowRequestIs403Code4() throws Exception {
    expectGet("EIO=4&transport=polling&refuse=1", 403, FORBIDDEN);
  }

  @Test
  void handshakeRefusedWithCustomMessageCarriesThatMessage() throws Exception {
    EioHttp other = new EioHttp(customGate.uri(PATH));
    expect(
        other.get("EIO=4&transport=polling&refuse"),
        403,
        "{\"code\":4,\"message\":\"Not today, \\\"friend\\\"\"}");
    assertThat(other.handshake().sid()).isNotEmpty();
  }

  // ------------------------------------------------------------------ code 5

  @Test
  void eioMissingIs400Code5() throws Exception {
    expectGet("transport=polling", 400, UNSUPPORTED);
  }

  @Test
  void eioAbcIs400Code5() throws Exception {
    expectGet("EIO=abc&transport=polling", 400, UNSUPPORTED);
  }

  @Test
  void eio3IsRefusedWhenV3IsNotEnabled400Code5() throws Exception {
    expectGet("EIO=3&transport=polling", 400, UNSUPPORTED);
  }

  // ------------------------------------------------------------------ order of checks

  @Test
  void transportIsCheckedBeforeProtocol() throws Exception {
    expectGet("EIO=abc&transport=abc", 400, TRANSPORT_UNKNOWN);
  }

  @Test
  void methodIsCheckedBeforeProtocol() throws Exception {
    expect(http.post("EIO=abc&transport=polling", "4x"), 400, BAD_METHOD);
  }

  @Test
  void transportIsCheckedBeforeSid() throws Exception {
    expectGet("EIO=4&transport=abc&sid=no-such-session", 400, TRANSPORT_UNKNOWN);
  }

  @Test
  void sidIsCheckedBeforeProtocol() throws Exception {
    expectGet("EIO=abc&transport=polling&sid=no-such-session", 400, SID_UNKNOWN);
  }

  @Test
  void allowRequestIsCheckedBeforeProtocolButAfterMethod() throws Exception {
    expectGet("EIO=abc&transport=polling&refuse=1", 403, FORBIDDEN);
    expect(http.post("EIO=4&transport=polling&refuse=1", "4x"), 400, BAD_METHOD);
  }

  // ------------------------------------------------------------------ other methods with a sid

  @Test
  void putWithValidSidIs500WithEmptyBody() throws Exception {
    String sid = http.handshake().sid();
    EioHttp.Res res = http.request("PUT", EioHttp.q(sid), "4x".getBytes(StandardCharsets.UTF_8));
    assertThat(res.status()).isEqualTo(500);
    assertThat(res.bytes()).isEmpty();
  }

  @Test
  void optionsWithValidSidIs500WithEmptyBodyWhenCorsIsOff() throws Exception {
    String sid = http.handshake().sid();
    EioHttp.Res res = http.request("OPTIONS", EioHttp.q(sid), null);
    assertThat(res.status()).isEqualTo(500);
    assertThat(res.bytes()).isEmpty();
  }

  // ------------------------------------------------------------------ connection_error

  @Test
  void everyRefusalIsReportedToTheApplicationWithCodeAndMessage() throws Exception {
    events.refused.clear();
    http.get("EIO=4&transport=abc");
    http.get("EIO=4&transport=polling&refuse=1");
    ServerEvents.Refused first = events.refused.poll(2, TimeUnit.SECONDS);
    ServerEvents.Refused second = events.refused.poll(2, TimeUnit.SECONDS);
    assertThat(first).isNotNull();
    assertThat(first.code()).isEqualTo(0);
    assertThat(first.message()).isEqualTo("Transport unknown");
    assertThat(second).isNotNull();
    assertThat(second.code()).isEqualTo(4);
    assertThat(second.message()).isEqualTo("Forbidden");
  }

  // ------------------------------------------------------------------ refused WebSocket upgrades

  private static RawHttp.Response upgrade(JettyTestServer s, String query) throws Exception {
    try (RawHttp raw = RawHttp.open(s.port())) {
      raw.write(RawHttp.upgradeRequest(s.port(), s.uri(PATH).getRawPath() + "?" + query, ""));
      RawHttp.Response res = raw.readResponse();
      if (res.status() != 101) {
        assertThat(raw.closedByServer()).as("connection closed after the refusal").isTrue();
      }
      return res;
    }
  }

  private static void expectUpgradeRefused(RawHttp.Response res, String message) {
    assertThat(res.status()).as("%s", res).isEqualTo(400);
    assertThat(res.header("content-type").orElse("")).startsWith("text/html");
    assertThat(res.body()).isEqualTo(message);
  }

  @Test
  void webSocketUpgradeWithUnknownSidIsRefused400WithMessageText() throws Exception {
    expectUpgradeRefused(
        upgrade(server, "EIO=4&transport=websocket&sid=no-such-session"), "Session ID unknown");
  }

  @Test
  void webSocketUpgradeWithUnknownTransportIsRefused400WithMessageText() throws Exception {
    expectUpgradeRefused(upgrade(server, "EIO=4&transport=abc"), "Transport unknown");
  }

  @Test
  void webSocketUpgradeRefusedByAllowRequestIs400Forbidden() throws Exception {
    expectUpgradeRefused(upgrade(server, "EIO=4&transport=websocket&refuse=1"), "Forbidden");
  }

  @Test
  void webSocketUpgradeRefusedWithCustomMessageCarriesThatMessage() throws Exception {
    expectUpgradeRefused(
        upgrade(customGate, "EIO=4&transport=websocket&refuse"), "Not today, \"friend\"");
  }

  @Test
  void webSocketUpgradeWithUnsupportedProtocolIsRefused400() throws Exception {
    expectUpgradeRefused(
        upgrade(server, "EIO=abc&transport=websocket"), "Unsupported protocol version");
  }

  @Test
  void webSocketUpgradeWithSidOfWebSocketOnlySessionIsRefused400BadRequest() throws Exception {
    try (WsClient ws = WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
      String sid = (String) MiniJson.object(ws.nextText().substring(1)).get("sid");
      expectUpgradeRefused(upgrade(server, "EIO=4&transport=websocket&sid=" + sid), "Bad request");
      ws.send("4still-open");
      assertThat(ws.nextMessage()).isEqualTo("4still-open");
    }
  }
}
