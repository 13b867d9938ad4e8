package io.socketiojakarta.core;

import static io.socketiojakarta.core.RawSio.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.DisconnectReason;
import io.socketiojakarta.Namespace;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.engine.Engine;
import io.socketiojakarta.engine.EngineError;
import io.socketiojakarta.engine.EngineListener;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.engine.EnginePacket;
import io.socketiojakarta.engine.EngineRequestSnapshot;
import io.socketiojakarta.engine.EngineSession;
import io.socketiojakarta.engine.PollResponder;
import io.socketiojakarta.engine.Scheduler;
import io.socketiojakarta.spi.InMemoryAdapter;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code Server.close()} and connections racing with it. */
class CoreServerCloseTest {
  private static final Scheduler NO_TIMERS = (delay, task) -> Scheduler.Cancellable.NONE;

  @Test
  void closeCompletesOnceTheDisconnectListenersHaveRun() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> reasons = Collections.synchronizedList(new ArrayList<>());
    try (SocketIoTestServer server =
            SocketIoTestServer.start(
                io ->
                    io.onConnection(
                        socket ->
                            socket.onDisconnect(
                                (reason, description) -> {
                                  entered.countDown();
                                  release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                                  reasons.add(reason);
                                })));
        WsClient ws = RawSio.open(server)) {
      RawSio.join(ws);
      CompletableFuture<Void> closing = server.io().close();
      assertThat(entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
      assertThat(closing).as("closed while a disconnect listener still runs").isNotDone();
      release.countDown();
      closing.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      assertThat(reasons).containsExactly(DisconnectReason.SERVER_SHUTTING_DOWN);
    }
  }

  @Test
  void closeClosesTheAdaptersOfParentNamespacesToo() throws Exception {
    Set<String> closed = ConcurrentHashMap.newKeySet();
    CoreServer io =
        new CoreServer(
            ServerOptions.builder().serveClient(false).build(),
            context ->
                new InMemoryAdapter(context) {
                  @Override
                  public void close() {
                    closed.add(context.namespace());
                  }
                },
            NO_TIMERS,
            Optional.empty());
    Namespace parent = io.of(Pattern.compile("^/dyn-"));
    Namespace admin = io.of("/admin");
    io.close().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(closed).containsExactlyInAnyOrder("/", admin.name(), parent.name());
  }

  @Test
  void aConnectionClosedBeforeTheServerHearsOfItIsNotCounted() throws Exception {
    CoreServer io =
        new CoreServer(
            ServerOptions.builder().serveClient(false).build(),
            InMemoryAdapter::new,
            NO_TIMERS,
            Optional.empty());
    // the session closes (e.g. the engine closing concurrently) before the server sees it
    Engine engine =
        Engine.create(
            EngineOptions.builder().path("/socket.io/").build(),
            new EngineListener() {
              @Override
              public void onConnection(EngineSession session) {
                session.close();
                io.onConnection(session);
              }
            },
            NO_TIMERS);
    io.attach(engine);
    engine.openPolling(
        new EngineRequestSnapshot(
            "GET",
            "/socket.io/?EIO=4&transport=polling",
            Map.of("EIO", List.of("4"), "transport", List.of("polling")),
            Map.of(),
            "127.0.0.1",
            false,
            false),
        new PollResponder() {
          @Override
          public boolean respond(List<EnginePacket> packets) {
            return true;
          }

          @Override
          public void fail(EngineError error) {}

          @Override
          public void fail(int status) {}
        },
        session -> {});
    assertThat(io.clientsCount()).isZero();
    io.close().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
