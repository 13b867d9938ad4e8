package io.socketiojakarta.core;

import static io.socketiojakarta.core.RawSio.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A client that floods a socket whose listener blocks is disconnected once {@code
 * maxPendingPackets} packets wait, instead of being queued without limit; what it sent before is
 * still handled.
 */
class PendingPacketsLimitTest {
  @Test
  void aFloodWhileTheListenerBlocksClosesTheConnection() throws Exception {
    int limit = 10;
    CountDownLatch blocking = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger handled = new AtomicInteger();
    List<String> reasons = Collections.synchronizedList(new ArrayList<>());
    try (SocketIoTestServer server =
            SocketIoTestServer.start(
                EngineOptions.builder().path("/socket.io/").build(),
                ServerOptions.builder().maxPendingPackets(limit).build(),
                io ->
                    io.onConnection(
                        socket -> {
                          socket.on(
                              "block",
                              e -> {
                                blocking.countDown();
                                release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                              });
                          socket.on("flood", e -> handled.incrementAndGet());
                          socket.onDisconnect((reason, description) -> reasons.add(reason));
                        }));
        WsClient ws = RawSio.open(server)) {
      RawSio.join(ws);
      ws.send("42[\"block\"]");
      assertThat(blocking.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      for (int i = 0; i < 5 * limit; i++) {
        ws.send("42[\"flood\"]");
      }
      try {
        ws.awaitClose(WAIT);
      } finally {
        release.countDown();
      }
      RawSio.await(() -> !reasons.isEmpty(), "the disconnect");
      assertThat(reasons).containsExactly("transport error");
      // the blocked one and the flood packets that fitted were handled before the disconnect
      assertThat(handled.get()).isEqualTo(limit - 1);
    }
  }

  @Test
  void theLimitIsAnOptionWithADefault() {
    assertThat(ServerOptions.defaults().maxPendingPackets())
        .isEqualTo(ServerOptions.DEFAULT_MAX_PENDING_PACKETS)
        .isEqualTo(1000);
    assertThat(ServerOptions.builder().maxPendingPackets(5).build().toBuilder().build())
        .extracting(ServerOptions::maxPendingPackets)
        .isEqualTo(5);
  }
}
