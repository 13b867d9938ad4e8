package io.socketiojakarta.core;

import static io.socketiojakarta.core.RawSio.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.Next;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A middleware that hands on later from a thread of its own (a callback of some other library) does
 * not make the next middleware run on that thread: the chain resumes on the client's sequence,
 * where everything else of the socket runs.
 */
class MiddlewareThreadTest {
  private static final String FOREIGN = "some-library-callback";

  /** Calls {@code next.proceed()} from a new thread named {@link #FOREIGN}. */
  private static void proceedElsewhere(Next next) {
    new Thread(next::proceed, FOREIGN).start();
  }

  @Test
  void theNamespaceMiddlewareAfterAnAsynchronousOneRunsOnTheSequence() throws Exception {
    CompletableFuture<String> second = new CompletableFuture<>();
    try (SocketIoTestServer server =
            SocketIoTestServer.start(
                io ->
                    io.use((socket, next) -> proceedElsewhere(next))
                        .use(
                            (socket, next) -> {
                              second.complete(Thread.currentThread().getName());
                              next.proceed();
                            }));
        WsClient ws = RawSio.open(server)) {
      RawSio.join(ws);
      assertThat(second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .isNotEqualTo(FOREIGN)
          .startsWith("socket.io-");
    }
  }

  @Test
  void thePacketMiddlewareAfterAnAsynchronousOneRunsOnTheSequence() throws Exception {
    CompletableFuture<String> second = new CompletableFuture<>();
    CompletableFuture<String> listener = new CompletableFuture<>();
    try (SocketIoTestServer server =
            SocketIoTestServer.start(
                io ->
                    io.onConnection(
                        socket ->
                            socket
                                .use((event, next) -> proceedElsewhere(next))
                                .use(
                                    (event, next) -> {
                                      second.complete(Thread.currentThread().getName());
                                      next.proceed();
                                    })
                                .on(
                                    "hello",
                                    e -> listener.complete(Thread.currentThread().getName()))));
        WsClient ws = RawSio.open(server)) {
      RawSio.join(ws);
      ws.send("42[\"hello\"]");
      assertThat(second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .isNotEqualTo(FOREIGN)
          .startsWith("socket.io-");
      assertThat(listener.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).startsWith("socket.io-");
    }
  }
}
