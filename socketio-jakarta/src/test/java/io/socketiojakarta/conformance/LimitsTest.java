package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.MAX_PAYLOAD;
import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * maxHttpBufferSize (announced as maxPayload, 1000000): larger POST bodies get 413 and the session
 * is kept; larger WebSocket messages close the connection with 1009; the limit counts bytes.
 */
class LimitsTest extends FixtureServer {

  @Test
  void postOfMaxPayloadPlusOneBytesIsRefused413() throws Exception {
    String sid = http.handshake().sid();
    EioHttp.Res res = http.send(sid, "4" + "a".repeat(MAX_PAYLOAD));
    assertThat(res.status()).isEqualTo(413);
    assertThat(res.bytes()).isEmpty();
  }

  @Test
  void sessionSurvivesA413NextPostAndGetWork() throws Exception {
    String sid = http.handshake().sid();
    assertThat(http.send(sid, "4" + "a".repeat(MAX_PAYLOAD)).status()).isEqualTo(413);
    assertThat(http.send(sid, "4after").body()).isEqualTo("ok");
    assertThat(http.poll(sid).body()).isEqualTo("4after");
  }

  @Test
  void postOfExactlyMaxPayloadBytesIsAcceptedAndEchoed() throws Exception {
    String sid = http.handshake().sid();
    String payload = "4" + "a".repeat(MAX_PAYLOAD - 1);
    assertThat(http.send(sid, payload).body()).isEqualTo("ok");
    String body = http.poll(sid).body();
    assertThat(body.length()).isEqualTo(payload.length());
    assertThat(body).isEqualTo(payload);
  }

  @Test
  void limitCountsUtf8BytesNotCharacters() throws Exception {
    String sid = http.handshake().sid();
    String payload = "4" + "é".repeat(MAX_PAYLOAD / 2); // 500001 characters, 1000001 bytes
    assertThat(http.send(sid, payload).status()).isEqualTo(413);
    String fits = "4" + "é".repeat(MAX_PAYLOAD / 2 - 1); // 999999 bytes
    assertThat(http.send(sid, fits).body()).isEqualTo("ok");
    assertThat(http.poll(sid).body()).isEqualTo(fits);
  }

  @Test
  void chunkedPostOverTheLimitIsRefused413WhileStreaming() throws Exception {
    String sid = http.handshake().sid();
    byte[] body = ("4" + "a".repeat(MAX_PAYLOAD)).getBytes(StandardCharsets.UTF_8);
    HttpRequest req =
        HttpRequest.newBuilder(http.uri(EioHttp.q(sid)))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "text/plain;charset=UTF-8")
            // no length known in advance: sent chunked, so the server must count while reading
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> res =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(res.statusCode()).isEqualTo(413);
    assertThat(http.send(sid, "4after").body()).isEqualTo("ok");
    assertThat(http.poll(sid).body()).isEqualTo("4after");
  }

  @Test
  void postDeclaringContentLengthOverTheLimitIs413BeforeTheBodyIsSent() throws Exception {
    String sid = http.handshake().sid();
    try (RawHttp raw = RawHttp.open(server.port())) {
      raw.write(
          "POST "
              + server.uri(PATH).getRawPath()
              + "?"
              + EioHttp.q(sid)
              + " HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: "
              + (MAX_PAYLOAD + 1)
              + "\r\n\r\n");
      RawHttp.Response res = raw.readResponse(); // no body byte was sent
      assertThat(res.status()).isEqualTo(413);
    }
    assertThat(http.send(sid, "4after").body()).isEqualTo("ok");
    assertThat(http.poll(sid).body()).isEqualTo("4after");
  }

  @Test
  void webSocketFrameOfMaxPayloadPlusOneBytesClosesWith1009() throws Exception {
    try (WsClient ws = WebSocketTest.session(server, true)) {
      ws.send("4" + "a".repeat(MAX_PAYLOAD));
      assertThat(ws.awaitClose(Duration.ofSeconds(3)).code()).isEqualTo(1009);
    }
  }

  @Test
  void webSocketBinaryFrameOverTheLimitClosesWith1009() throws Exception {
    try (WsClient ws = WebSocketTest.session(server, true)) {
      ws.send(new byte[MAX_PAYLOAD + 1]);
      assertThat(ws.awaitClose(Duration.ofSeconds(3)).code()).isEqualTo(1009);
    }
  }

  @Test
  void webSocketLimitCountsUtf8Bytes() throws Exception {
    try (WsClient ws = WebSocketTest.session(server, true)) {
      ws.send("4" + "é".repeat(MAX_PAYLOAD / 2)); // 1000001 bytes
      assertThat(ws.awaitClose(Duration.ofSeconds(3)).code()).isEqualTo(1009);
    }
  }

  @Test
  void webSocketFrameOfExactlyMaxPayloadBytesIsEchoed() throws Exception {
    try (WsClient ws = WebSocketTest.session(server, true)) {
      String payload = "4" + "a".repeat(MAX_PAYLOAD - 1);
      ws.send(payload);
      assertThat(ws.nextMessage()).isEqualTo(payload);
    }
  }
}
