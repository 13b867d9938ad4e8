package io.socketiojakarta.core;

import static io.socketiojakarta.core.RawSio.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.conformance.EioHttp;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An event let through at once by the socket's packet middlewares is handled in arrival order, like
 * an event without middlewares: not after the namespace DISCONNECT or the connection close that
 * arrived behind it.
 */
class PacketMiddlewareOrderTest {
  private final CountDownLatch blocking = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch lastHandled = new CountDownLatch(1);
  private final List<String> seen = Collections.synchronizedList(new ArrayList<>());

  private SocketIoTestServer start() throws Exception {
    return SocketIoTestServer.start(
        io ->
            io.onConnection(
                socket -> {
                  socket.use((event, next) -> next.proceed());
                  socket.on(
                      "block",
                      e -> {
                        blocking.countDown();
                        release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                      });
                  socket.on(
                      "last",
                      e -> {
                        seen.add("last");
                        lastHandled.countDown();
                      });
                  socket.onDisconnect((reason, description) -> seen.add(reason));
                }));
  }

  @Test
  void anEventBeforeTheConnectionClosedIsHandled() throws Exception {
    try (SocketIoTestServer server = start();
        WsClient ws = RawSio.open(server)) {
      RawSio.join(ws);
      ws.send("42[\"block\"]");
      assertThat(blocking.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      ws.send("42[\"last\"]");
      ws.flushSends();
      ws.close();
      RawSio.await(() -> server.io().clientsCount() == 0, "the connection closed");
      release.countDown();
      assertThat(lastHandled.await(5, TimeUnit.SECONDS)).as("last handled").isTrue();
      RawSio.await(() -> seen.size() == 2, "the disconnect");
      assertThat(seen.get(0)).isEqualTo("last");
    }
  }

  @Test
  void anEventBeforeTheNamespaceDisconnectIsHandled() throws Exception {
    try (SocketIoTestServer server = start()) {
      EioHttp http = new EioHttp(server.uri("/socket.io/"));
      String sid = http.handshake().sid();
      assertThat(http.send(sid, "40").body()).isEqualTo("ok");
      assertThat(http.poll(sid).body()).startsWith("40{");
      assertThat(http.send(sid, "42[\"block\"]").body()).isEqualTo("ok");
      assertThat(blocking.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      // one payload: both packets are queued behind the blocked listener
      assertThat(http.send(sid, "42[\"last\"]\u001e41").body()).isEqualTo("ok");
      release.countDown();
      assertThat(lastHandled.await(5, TimeUnit.SECONDS)).as("last handled").isTrue();
      RawSio.await(() -> seen.size() == 2, "the disconnect");
      assertThat(seen).containsExactly("last", "client namespace disconnect");
    }
  }
}
