package io.socketiojakarta.core;

import static io.socketiojakarta.core.RawSio.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code connectTimeout}: as in the reference, a connection without any joined namespace when it
 * expires is closed, even if a namespace middleware is still deciding.
 */
class ConnectTimeoutTest {
  @Test
  void aConnectionWhoseOnlyConnectIsStillInAMiddlewareIsClosedInTime() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (SocketIoTestServer server =
            SocketIoTestServer.start(
                EngineOptions.builder().path("/socket.io/").build(),
                ServerOptions.builder().connectTimeout(Duration.ofMillis(300)).build(),
                io ->
                    io.use(
                        (socket, next) -> {
                          entered.countDown();
                          // decides later, on another thread, once the test lets it
                          new Thread(
                                  () -> {
                                    try {
                                      release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                                    } catch (InterruptedException e) {
                                      Thread.currentThread().interrupt();
                                    }
                                    next.proceed();
                                  })
                              .start();
                        }));
        WsClient ws = RawSio.open(server)) {
      ws.send("40");
      assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      try {
        ws.awaitClose(WAIT);
      } finally {
        release.countDown();
      }
      assertThat(ws.pending()).as("no CONNECT reply").isEmpty();
      RawSio.await(() -> server.io().clientsCount() == 0, "the connection gone");
    }
  }
}
