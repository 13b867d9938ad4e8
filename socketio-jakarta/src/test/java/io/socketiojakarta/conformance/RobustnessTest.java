package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Misuse inside a session: overlapping requests, refused content, undecodable packets and client
 * pings end the session (polling) or the connection (WebSocket); the server goes on serving others.
 */
class RobustnessTest extends FixtureServer {

  @AfterEach
  void serverStillServesAWellBehavedClient() throws Exception {
    http.assertServesEcho();
  }

  /** POSTs a payload whose answer is not prescribed (the server may also cut the connection). */
  private static void postIgnoringAnswer(String sid, String payload) throws Exception {
    try {
      http.send(sid, payload);
    } catch (IOException cut) {
      // allowed: the reference destroys the connection of an undecodable POST
    }
  }

  // ------------------------------------------------------------------ polling

  @Test
  void secondConcurrentGetGets400FirstGetsCloseAndSessionEnds() throws Exception {
    String sid = http.handshake().sid();
    CompletableFuture<EioHttp.Res> first = http.pollLater(sid);
    Fixture.pause(Fixture.SETTLE);
    EioHttp.Res second = http.poll(sid);
    assertThat(second.status()).as("second GET").isIn(400, 500);
    EioHttp.Res answer = EioHttp.await(first);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("1");
    http.assertGone(sid);
  }

  @Test
  void secondConcurrentPostWhileFirstIsUploadingGets400AndSessionEnds() throws Exception {
    String sid = http.handshake().sid();
    try (RawHttp first = RawHttp.open(server.port())) {
      // headers and part of the body; the rest never comes
      first.write(
          "POST "
              + server.uri(PATH).getRawPath()
              + "?"
              + EioHttp.q(sid)
              + " HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 100\r\n\r\n4par");
      Fixture.pause(Fixture.SETTLE);
      EioHttp.Res second = http.send(sid, "4second");
      assertThat(second.status()).isEqualTo(400);
      http.assertGone(sid);
    }
  }

  @Test
  void aPostThatStallsMidBodyIsCutOffByTheTimeout() throws Exception {
    String sid = http.handshake().sid();
    long start = System.nanoTime();
    try (RawHttp stalled = RawHttp.open(server.port())) {
      stalled.write(
          "POST "
              + server.uri(PATH).getRawPath()
              + "?"
              + EioHttp.q(sid)
              + " HTTP/1.1\r\n"
              + "Host: 127.0.0.1\r\nContent-Type: text/plain;charset=UTF-8\r\nContent-Length: 100\r\n\r\n4par");
      // the answer comes after pingInterval + pingTimeout + 5 s, not never
      stalled.soTimeout(10_000);
      RawHttp.Response answer = stalled.readResponse();
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(answer.status()).isEqualTo(408);
      assertThat(elapsedMs).isBetween(5_000L, 9_000L);
    }
  }

  @Test
  void octetStreamPostGets400AndSessionEnds() throws Exception {
    String sid = http.handshake().sid();
    EioHttp.Res res =
        http.request(
            "POST",
            EioHttp.q(sid),
            "4hello".getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/octet-stream");
    assertThat(res.status()).isEqualTo(400);
    http.assertGone(sid);
  }

  @Test
  void undecodablePostEndsSession() throws Exception {
    String sid = http.handshake().sid();
    postIgnoringAnswer(sid, "abc");
    http.assertGone(sid);
  }

  @Test
  void undecodablePacketAfterValidOneInSamePostEndsSession() throws Exception {
    String sid = http.handshake().sid();
    postIgnoringAnswer(sid, "4fine\u001ex");
    http.assertGone(sid);
  }

  @Test
  void clientPingOverPollingEndsSession() throws Exception {
    String sid = http.handshake().sid();
    postIgnoringAnswer(sid, "2");
    http.assertGone(sid);
  }

  @Test
  void concurrentSessionsEachReceiveOnlyTheirOwnMessages() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
      for (int c = 0; c < 8; c++) {
        int client = c;
        runs.add(
            pool.submit(
                () -> {
                  if (client % 2 == 0) {
                    String sid = http.handshake().sid();
                    for (int i = 0; i < 10; i++) {
                      assertThat(http.send(sid, "4c" + client + "-" + i).body()).isEqualTo("ok");
                      assertThat(http.poll(sid).body()).isEqualTo("4c" + client + "-" + i);
                    }
                  } else {
                    try (WsClient ws = WebSocketTest.session(server, true)) {
                      for (int i = 0; i < 10; i++) {
                        ws.send("4c" + client + "-" + i);
                        assertThat(ws.nextMessage()).isEqualTo("4c" + client + "-" + i);
                      }
                    }
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> f : runs) {
        f.get(10, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------ WebSocket

  @Test
  void undecodableWebSocketFrameClosesConnection() throws Exception {
    try (WsClient ws = WebSocketTest.session(server, true)) {
      ws.send("abc");
      ws.awaitClose(Duration.ofSeconds(1));
    }
  }

  @Test
  void emptyWebSocketTextFrameClosesConnection() throws Exception {
    try (WsClient ws = WebSocketTest.session(server, true)) {
      ws.send("");
      ws.awaitClose(Duration.ofSeconds(1));
    }
  }

  @Test
  void clientPingOverWebSocketClosesConnection() throws Exception {
    try (WsClient ws = WebSocketTest.session(server, true)) {
      ws.send("2");
      ws.awaitClose(Duration.ofSeconds(1));
    }
  }

  @Test
  void probeOnWebSocketOnlySessionClosesConnection() throws Exception {
    try (WsClient ws = WebSocketTest.session(server, true)) {
      ws.send("2probe");
      ws.awaitClose(Duration.ofSeconds(1));
      assertThat(ws.pending()).extracting(WsClient.Frame::text).doesNotContain("3probe");
    }
  }

  @Test
  void upgradeWithSidOfClosedSessionIsRefused() throws Exception {
    String sid = http.handshake().sid();
    assertThat(http.send(sid, "1").body()).isEqualTo("ok");
    try (WsClient ws = UpgradeTest.attach(server, sid, false)) {
      throw new AssertionError("upgrade of a closed session accepted: " + ws.pending());
    } catch (WsClient.Refused refused) {
      assertThat(refused.status).isEqualTo(400);
    }
  }
}
