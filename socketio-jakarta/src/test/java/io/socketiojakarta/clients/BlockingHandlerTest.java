package io.socketiojakarta.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.IO;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A listener that blocks holds up only its own socket: another client is served meanwhile, the
 * blocked client's heartbeat goes on (pings every 200 ms, 200 ms to answer, while the listener
 * blocks for 1.5 s), and the blocked socket's next event runs after it, in order.
 */
class BlockingHandlerTest {
  @ParameterizedTest
  @ValueSource(strings = {"polling", "websocket"})
  void aBlockingListenerStallsOnlyItsOwnSocket(String transport) throws Exception {
    AtomicBoolean blocking = new AtomicBoolean();
    AtomicInteger servedWhileBlocked = new AtomicInteger();
    List<String> disconnects = Collections.synchronizedList(new ArrayList<>());
    EngineOptions engine =
        EngineOptions.builder()
            .path("/socket.io/")
            .pingInterval(Duration.ofMillis(200))
            .pingTimeout(Duration.ofMillis(200))
            .build();
    try (SocketIoTestServer server =
        SocketIoTestServer.start(
            engine,
            ServerOptions.defaults(),
            io ->
                io.onConnection(
                    socket -> {
                      socket.on(
                          "block",
                          e -> {
                            blocking.set(true);
                            Thread.sleep(1500);
                            blocking.set(false);
                            e.ack("done");
                          });
                      socket.on(
                          "echo",
                          e -> {
                            if (blocking.get()) {
                              servedWhileBlocked.incrementAndGet();
                            }
                            e.ack(e.values().toArray());
                          });
                      socket.onDisconnect((reason, d) -> disconnects.add(reason));
                    }))) {
      IO.Options options =
          IO.Options.builder()
              .setForceNew(true)
              .setReconnection(false)
              .setTransports(new String[] {transport})
              .build();
      URI uri = server.uri("/");
      io.socket.client.Socket slow = IO.socket(uri, options);
      io.socket.client.Socket other = IO.socket(uri, options);
      try {
        CountDownLatch connected = new CountDownLatch(2);
        slow.on(io.socket.client.Socket.EVENT_CONNECT, a -> connected.countDown());
        other.on(io.socket.client.Socket.EVENT_CONNECT, a -> connected.countDown());
        slow.connect();
        other.connect();
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();

        List<String> slowOrder = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> slowDone = new CompletableFuture<>();
        slow.emit("block", new Object[] {}, a -> slowOrder.add("block:" + a[0]));
        slow.emit(
            "echo",
            new Object[] {"after"},
            a -> {
              slowOrder.add("echo:" + a[0]);
              slowDone.complete(null);
            });
        // wait until the server-side listener blocks, then talk on the other connection
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!blocking.get() && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
        assertThat(blocking.get()).as("the slow listener started").isTrue();
        CountDownLatch echoes = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
          other.emit("echo", new Object[] {i}, a -> echoes.countDown());
        }
        assertThat(echoes.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(servedWhileBlocked.get())
            .as("served while the other listener blocked")
            .isPositive();

        slowDone.get(10, TimeUnit.SECONDS);
        assertThat(slowOrder).containsExactly("block:done", "echo:after");
        assertThat(slow.connected()).as("heartbeat kept the blocked client").isTrue();
        assertThat(disconnects).isEmpty();
      } finally {
        slow.close();
        other.close();
      }
    }
  }
}
