package io.socketiojakarta.core;

import static io.socketiojakarta.core.RawSio.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Args;
import io.socketiojakarta.Socket;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Broadcasts with acknowledgements: who completes them and when, and what they leave behind. */
class BroadcastAckTest {
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();

  private SocketIoTestServer start() throws Exception {
    return SocketIoTestServer.start(io -> io.onConnection(s -> sockets.put(s.id(), s)));
  }

  @Test
  void aTimedOutBroadcastCompletesOffTheTimerThread() throws Exception {
    try (SocketIoTestServer server = start();
        WsClient silent = RawSio.open(server)) {
      RawSio.join(silent);
      CompletableFuture<List<Args>> acks =
          server.io().timeout(Duration.ofMillis(300)).emitWithAck("q");
      CompletableFuture<String> thread = new CompletableFuture<>();
      acks.whenComplete((r, e) -> thread.complete(Thread.currentThread().getName()));
      assertThat(silent.nextMessage()).endsWith("[\"q\"]");
      // the dependents of the future are user code: never on the timer thread of every session
      assertThat(thread.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .doesNotStartWith("engine.io-timer");
      assertThatThrownBy(acks::join).hasCauseInstanceOf(AckTimeoutException.class);
    }
  }

  @Test
  void aTimedOutBroadcastLeavesNoPendingAckOnTheSocketsThatDidNotAnswer() throws Exception {
    try (SocketIoTestServer server = start();
        WsClient silent = RawSio.open(server)) {
      String id = RawSio.join(silent);
      for (int i = 0; i < 3; i++) {
        CompletableFuture<List<Args>> acks =
            server.io().timeout(Duration.ofMillis(100)).emitWithAck("q");
        assertThatThrownBy(() -> acks.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
            .isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(AckTimeoutException.class);
      }
      assertThat(((CoreSocket) sockets.get(id)).pendingAcks()).isZero();
    }
  }

  @Test
  void aBroadcastInFlightWhenTheServerClosesCompletes() throws Exception {
    try (SocketIoTestServer server = start();
        WsClient silent = RawSio.open(server)) {
      RawSio.join(silent);
      CompletableFuture<List<Args>> acks =
          server.io().timeout(Duration.ofMinutes(5)).emitWithAck("q");
      assertThat(silent.nextMessage()).endsWith("[\"q\"]");
      server.io().close();
      assertThatThrownBy(() -> acks.get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(AckTimeoutException.class);
    }
  }
}
