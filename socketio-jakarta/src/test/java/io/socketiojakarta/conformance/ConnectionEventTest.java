package io.socketiojakarta.conformance;

import static io.socketiojakarta.conformance.Fixture.PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.engine.EngineListener;
import io.socketiojakarta.engine.HandshakeDecision;
import io.socketiojakarta.testing.JettyTestServer;
import io.socketiojakarta.testing.MiniJson;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application hears of a session before its client can use it (the reference emits {@code
 * connection} in the same tick as the handshake, before any later request is read): a client that
 * sends right after the open packet must not lose its first message, even when the application
 * takes a moment to set its listener and the handshake gate answers asynchronously.
 */
class ConnectionEventTest {
  /** How long the application's connection handler takes before it sets the session listener. */
  private static final long SLOW_SETUP_MS = 150;

  private static JettyTestServer server;
  private static ServerEvents events;
  private static JettyTestServer slow;
  private static EioHttp http;
  private static EioHttp slowHttp;

  @BeforeAll
  static void start() throws Exception {
    events = new ServerEvents();
    server = JettyTestServer.start(Fixture.options().build(), events);
    ServerEvents slowEvents = new ServerEvents();
    EngineListener slowApp =
        session -> {
          Fixture.pause(SLOW_SETUP_MS);
          slowEvents.onConnection(session);
        };
    // the gate answers on another thread, as an application checking a token remotely would
    slow =
        JettyTestServer.start(
            Fixture.options()
                .allowRequest(
                    req ->
                        CompletableFuture.supplyAsync(
                            HandshakeDecision::allow,
                            CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS)))
                .build(),
            slowApp);
    http = new EioHttp(server.uri(PATH));
    slowHttp = new EioHttp(slow.uri(PATH));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    slow.close();
  }

  @Test
  void applicationKnowsThePollingSessionWhenTheClientGetsTheOpenPacket() throws Exception {
    for (int i = 0; i < 20; i++) {
      String sid = http.handshake().sid();
      assertThat(events.announced(sid)).as("announced before the handshake answer").isTrue();
    }
  }

  @Test
  void applicationKnowsTheWebSocketSessionWhenTheClientGetsTheOpenPacket() throws Exception {
    for (int i = 0; i < 10; i++) {
      try (WsClient ws =
          WsClient.connect(server.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
        String sid = (String) MiniJson.object(ws.nextText().substring(1)).get("sid");
        assertThat(events.announced(sid)).as("announced before the open frame").isTrue();
      }
    }
  }

  @Test
  void messagePostedRightAfterHandshakeReachesSlowApplication() throws Exception {
    String sid = slowHttp.handshake().sid();
    assertThat(slowHttp.send(sid, "4early").body()).isEqualTo("ok");
    assertThat(slowHttp.poll(sid).body()).isEqualTo("4early");
  }

  @Test
  void webSocketMessageSentRightAfterOpenReachesSlowApplication() throws Exception {
    try (WsClient ws = WsClient.connect(slow.wsUri(PATH + "?EIO=4&transport=websocket"), true)) {
      assertThat(ws.nextText()).startsWith("0{");
      ws.send("4early");
      assertThat(ws.nextMessage()).isEqualTo("4early");
    }
  }
}
