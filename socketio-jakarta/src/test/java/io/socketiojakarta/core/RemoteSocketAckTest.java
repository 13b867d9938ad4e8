package io.socketiojakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.AckCallback;
import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Handshake;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.engine.Scheduler;
import io.socketiojakarta.spi.BroadcastOptions;
import io.socketiojakarta.spi.InMemoryAdapter;
import io.socketiojakarta.spi.SocketDetails;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The acknowledgement callback of a socket on another node gets the documented errors. */
class RemoteSocketAckTest {
  @Test
  void anUnansweredEmitToARemoteSocketReportsAnAckTimeout() throws Exception {
    SocketDetails elsewhere =
        new SocketDetails(
            "remote-1",
            new Handshake(Map.of(), "", "10.0.0.2", false, false, 0, "/", Map.of(), Map.of()),
            Set.of("remote-1"),
            Map.of());
    CoreServer io =
        new CoreServer(
            ServerOptions.builder().serveClient(false).build(),
            context ->
                new InMemoryAdapter(context) {
                  @Override
                  public CompletableFuture<List<SocketDetails>> fetchSockets(
                      BroadcastOptions options) {
                    return CompletableFuture.completedFuture(List.of(elsewhere));
                  }
                },
            (delay, task) -> Scheduler.Cancellable.NONE,
            Optional.empty());
    try {
      List<RemoteSocket> found = io.fetchSockets().get(5, TimeUnit.SECONDS);
      assertThat(found).hasSize(1);
      CompletableFuture<Throwable> error = new CompletableFuture<>();
      found.get(0).emit("q", (AckCallback) (err, response) -> error.complete(err));
      assertThat(error.get(5, TimeUnit.SECONDS)).isInstanceOf(AckTimeoutException.class);
    } finally {
      io.close();
    }
  }
}
