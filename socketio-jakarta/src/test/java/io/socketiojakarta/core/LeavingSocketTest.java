package io.socketiojakarta.core;

import static io.socketiojakarta.core.RawSio.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.Args;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.Socket;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A socket that is leaving while one of its listeners still runs (its disconnect listeners wait
 * their turn) is gone at once for everybody else, as in the reference: no broadcast counts on its
 * acknowledgement, and the namespace no longer lists it.
 */
class LeavingSocketTest {
  private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
  private final CountDownLatch blocking = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  private SocketIoTestServer start() throws Exception {
    return SocketIoTestServer.start(
        io ->
            io.onConnection(
                socket -> {
                  sockets.put(socket.id(), socket);
                  socket.on(
                      "block",
                      e -> {
                        blocking.countDown();
                        release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                      });
                }));
  }

  /** Answers the next broadcast {@code q} on a raw session with {@code answer}. */
  private static void answer(WsClient ws, String answer) throws Exception {
    String event = ws.nextMessage();
    assertThat(event).endsWith("[\"q\"]");
    ws.send("43" + RawSio.ackId(event) + "[\"" + answer + "\"]");
  }

  @Test
  void aSocketDisconnectedByTheServerIsNotAwaitedWhileItsListenerStillRuns() throws Exception {
    try (SocketIoTestServer server = start();
        WsClient busy = RawSio.open(server);
        WsClient other = RawSio.open(server)) {
      String busyId = RawSio.join(busy);
      RawSio.join(other);
      busy.send("42[\"block\"]");
      assertThat(blocking.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      try {
        sockets.get(busyId).disconnect(false);
        assertThat(busy.nextMessage()).isEqualTo("41");
        CompletableFuture<List<Args>> acks =
            server.io().timeout(Duration.ofSeconds(30)).emitWithAck("q");
        answer(other, "b");
        // only the connected socket was asked: no waiting for the 30 s timeout
        List<Args> responses = acks.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(responses).hasSize(1);
        assertThat(responses.get(0).get(0)).isEqualTo("b");
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void aSocketWhoseConnectionClosedIsNotAwaitedWhileItsListenerStillRuns() throws Exception {
    try (SocketIoTestServer server = start();
        WsClient busy = RawSio.open(server);
        WsClient other = RawSio.open(server)) {
      RawSio.join(busy);
      RawSio.join(other);
      busy.send("42[\"block\"]");
      assertThat(blocking.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      try {
        busy.close();
        RawSio.await(() -> server.io().clientsCount() == 1, "the connection closed");
        CompletableFuture<List<Args>> acks =
            server.io().timeout(Duration.ofSeconds(30)).emitWithAck("q");
        answer(other, "b");
        assertThat(acks.get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).hasSize(1);
      } finally {
        release.countDown();
      }
    }
  }

  @Test
  void aSocketDisconnectedByTheServerIsNoLongerListed() throws Exception {
    try (SocketIoTestServer server = start();
        WsClient busy = RawSio.open(server);
        WsClient other = RawSio.open(server)) {
      String busyId = RawSio.join(busy);
      String otherId = RawSio.join(other);
      busy.send("42[\"block\"]");
      assertThat(blocking.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      try {
        sockets.get(busyId).disconnect(false);
        assertThat(server.io().sockets().sockets().keySet()).containsExactly(otherId);
        assertThat(server.io().allSockets().get(WAIT.toMillis(), TimeUnit.MILLISECONDS))
            .containsExactly(otherId);
        List<RemoteSocket> fetched =
            server.io().fetchSockets().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(fetched).extracting(RemoteSocket::id).containsExactly(otherId);
      } finally {
        release.countDown();
      }
    }
  }
}
