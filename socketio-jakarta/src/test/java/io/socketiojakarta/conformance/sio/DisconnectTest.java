package io.socketiojakarta.conformance.sio;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.conformance.EioHttp;
import io.socketiojakarta.conformance.Fixture;
import io.socketiojakarta.conformance.WsClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Leaving namespaces (official suite, group "disconnect") and connectTimeout: {@code 41} has no
 * reply and keeps the Engine.IO connection; a connection that joins nothing is closed
 * connectTimeout (1000 ms) after its handshake, over WebSocket and polling.
 */
class DisconnectTest extends SioServer {

  @Test
  void disconnectsFromTheMainNamespaceWithoutReply() throws Exception {
    try (WsClient ws = sio.session(false)) {
      Sio.join(ws, "/", null);
      ws.send("41");
      assertThat(ws.nextText()).as("next frame: the ping").isEqualTo("2");
      assertThat(ws.isClosed()).isFalse();
    }
  }

  @Test
  void connectsThenDisconnectsFromACustomNamespace() throws Exception {
    try (WsClient ws = sio.session(true)) {
      Sio.join(ws, "/", null);
      ws.send("40/custom");
      Sio.connectReply(ws.nextMessage(), "/custom");
      assertThat(ws.nextMessage()).isEqualTo("42/custom,[\"auth\",{}]");
      ws.send("41/custom");
      ws.send("42[\"message\",\"message to main namespace\"]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"message-back\",\"message to main namespace\"]");
    }
  }

  @Test
  void leavingWithTrailingCommaKeepsTheOtherNamespace() throws Exception {
    try (WsClient ws = sio.session(true)) {
      Sio.join(ws, "/", null);
      String custom = Sio.join(ws, "/custom", null);
      ws.send("41/custom,");
      ws.send("42[\"message\",1]");
      assertThat(ws.nextMessage()).isEqualTo("42[\"message-back\",1]");
      Sio.awaitTrue(
          () -> !server.io().of("/custom").sockets().containsKey(custom), "/custom socket gone");
    }
  }

  @Test
  void afterDisconnectTheConnectionStaysOpenPastConnectTimeout() throws Exception {
    long start = Fixture.now();
    try (WsClient ws = sio.session(true)) {
      String id = Sio.join(ws, "/", null);
      ws.send("41");
      Fixture.pause(SioFixture.CONNECT_TIMEOUT + 300 - (Fixture.now() - start));
      assertThat(ws.isClosed()).as("closed: %s", ws.pending()).isFalse();
      assertThat(server.io().sockets().sockets()).doesNotContainKey(id);
      ws.send("40");
      Sio.connectReply(ws.nextMessage(), "/");
    }
  }

  @Test
  void afterDisconnectTheNamespaceCanBeJoinedAgainWithANewId() throws Exception {
    try (WsClient ws = sio.session(true)) {
      String first = Sio.join(ws, "/", null);
      ws.send("41");
      // 41 has no reply to wait for; the reference handles it one tick later
      Fixture.pause(50);
      String second = Sio.join(ws, "/", null);
      assertThat(second).isNotEqualTo(first);
      Sio.assertNothingBefore(ws, "the second CONNECT");
    }
  }

  @Test
  void connectTimeoutClosesAWebSocketThatJoinedNothing() throws Exception {
    try (WsClient ws = WsClient.connect(sio.wsUri("EIO=4&transport=websocket"), true)) {
      long start = Sio.openedAt(ws);
      WsClient.Closed closed = Sio.awaitClosedCleanly(ws, Duration.ofSeconds(3));
      Fixture.assertAbout(closed.at() - start, SioFixture.CONNECT_TIMEOUT, "close");
    }
  }

  @Test
  void aRefusedNamespaceDoesNotCountAsJoined() throws Exception {
    try (WsClient ws = WsClient.connect(sio.wsUri("EIO=4&transport=websocket"), true)) {
      long start = Sio.openedAt(ws);
      ws.send("40/random,");
      assertThat(ws.nextMessage()).isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
      WsClient.Closed closed = Sio.awaitClosedCleanly(ws, Duration.ofSeconds(3));
      Fixture.assertAbout(closed.at() - start, SioFixture.CONNECT_TIMEOUT, "close");
    }
  }

  @Test
  void connectTimeoutClosesAPollingSessionThatJoinedNothing() throws Exception {
    EioHttp.Handshake h = http.handshake();
    long closeAt = -1;
    while (closeAt < 0) {
      assertThat(Fixture.now() - h.res().at())
          .as("no close packet within connectTimeout + 1 s")
          .isLessThan(SioFixture.CONNECT_TIMEOUT + 1000);
      EioHttp.Res poll = http.poll(h.sid());
      assertThat(poll.status()).as("GET before the close: %s", poll).isEqualTo(200);
      List<String> got = Sio.packets(poll.body());
      if (got.contains("1")) {
        closeAt = poll.at();
      } else if (got.contains("2")) {
        http.send(h.sid(), "3");
      }
    }
    Fixture.assertAbout(closeAt - h.res().at(), SioFixture.CONNECT_TIMEOUT, "close packet");
    http.assertGone(h.sid());
  }
}
