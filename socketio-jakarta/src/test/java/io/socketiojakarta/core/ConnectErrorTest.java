package io.socketiojakarta.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.ConnectionRefusedException;
import io.socketiojakarta.ServerOptions;
import io.socketiojakarta.conformance.WsClient;
import io.socketiojakarta.engine.EngineOptions;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A refusal whose data cannot be sent still reaches the client, and leaves nothing behind. */
class ConnectErrorTest {
  @Test
  void aRefusalWithDataThatCannotBeEncodedSendsItsMessage() throws Exception {
    Map<String, Object> cyclic = new HashMap<>();
    cyclic.put("self", cyclic);
    AtomicInteger children = new AtomicInteger();
    try (SocketIoTestServer server =
            SocketIoTestServer.start(
                EngineOptions.builder().path("/socket.io/").build(),
                ServerOptions.builder().cleanupEmptyChildNamespaces(true).build(),
                io -> {
                  io.onNewNamespace(n -> children.incrementAndGet());
                  io.of(Pattern.compile("^/dyn$"))
                      .use(
                          (socket, next) ->
                              next.fail(new ConnectionRefusedException("nope", cyclic)));
                });
        WsClient ws = RawSio.open(server)) {
      for (int i = 1; i <= 2; i++) {
        ws.send("40/dyn,");
        assertThat(ws.nextMessage()).isEqualTo("44/dyn,{\"message\":\"nope\"}");
        // the refused socket's empty child namespace was removed: the next CONNECT makes another
        int created = i;
        RawSio.await(() -> children.get() == created, "child namespace " + created);
      }
    }
  }
}
