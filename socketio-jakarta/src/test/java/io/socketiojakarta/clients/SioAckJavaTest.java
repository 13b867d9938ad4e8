package io.socketiojakarta.clients;

import static io.socketiojakarta.clients.JavaClients.assertTransport;
import static io.socketiojakarta.clients.JavaClients.await;
import static io.socketiojakarta.clients.JavaClients.awaitFailure;
import static io.socketiojakarta.clients.JavaClients.eventually;
import static io.socketiojakarta.clients.JavaClients.serverSocket;
import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.Ack;
import io.socket.client.Socket;
import io.socketiojakarta.AckCallback;
import io.socketiojakarta.AckTimeoutException;
import io.socketiojakarta.Args;
import io.socketiojakarta.SocketDisconnectedException;
import io.socketiojakarta.testing.SocketIoTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Acknowledgements both ways between the server and the real Java client over polling, WebSocket
 * and polling upgraded to WebSocket, with timeouts and disconnections.
 */
@Timeout(30)
class SioAckJavaTest {
  private static final Map<String, io.socketiojakarta.Socket> SOCKETS = new ConcurrentHashMap<>();

  /** Whether the server's {@code sum} listener was asked for an acknowledgement, per socket. */
  private static final Map<String, Boolean> WANTED_ACK = new ConcurrentHashMap<>();

  private static SocketIoTestServer server;
  private static JavaClients clients;

  @BeforeAll
  static void start() throws Exception {
    server =
        SocketIoTestServer.start(
            io ->
                io.onConnection(
                    s -> {
                      SOCKETS.put(s.id(), s);
                      s.on(
                          "sum",
                          e -> {
                            WANTED_ACK.put(s.id(), e.wantsAck());
                            long a = e.get(0, Long.class);
                            long b = e.get(1, Long.class);
                            e.ack(a + b, Map.of("of", List.of(a, b)));
                            e.ack("ignored: only the first ack is sent");
                          });
                      s.on("noAck", e -> WANTED_ACK.put(s.id(), e.wantsAck()));
                    }));
    clients = new JavaClients(server.uri("/"));
  }

  @AfterEach
  void closeClients() {
    clients.closeSockets();
    eventually(() -> assertThat(server.io().sockets().sockets()).isEmpty());
  }

  @AfterAll
  static void stop() throws Exception {
    clients.close();
    server.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void clientAsksTheServerForAnAck(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);

    CompletableFuture<Object[]> answer = new CompletableFuture<>();
    client.emit("sum", new Object[] {2, 3}, (Ack) answer::complete);

    Object[] args = await(answer);
    assertThat(args).hasSize(2);
    assertThat(((Number) args[0]).intValue()).isEqualTo(5);
    JSONObject of = (JSONObject) args[1];
    assertThat(of.getJSONArray("of").getInt(0)).isEqualTo(2);
    assertThat(of.getJSONArray("of").getInt(1)).isEqualTo(3);
    assertThat(WANTED_ACK).containsEntry(client.id(), true);

    // an event without an ack function is not acknowledged
    client.emit("noAck", 1);
    eventually(() -> assertThat(WANTED_ACK).containsEntry(client.id(), false));
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void serverAsksTheClientForAnAck(String mode) throws Exception {
    Socket client = clients.connect(mode, "/");
    client.on(
        "ask",
        args -> {
          Ack ack = (Ack) args[args.length - 1];
          ack.call("answer:" + args[0], args.length - 1);
        });
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);

    // as a future
    Args viaFuture = await(socket.emitWithAck("ask", "q1"));
    assertThat(viaFuture.values()).containsExactly("answer:q1", 1L);

    // as a callback, with flags
    CompletableFuture<Args> viaCallback = new CompletableFuture<>();
    socket
        .timeout(Duration.ofSeconds(5))
        .emit(
            "ask",
            "q2",
            Map.of("k", "v"),
            (AckCallback)
                (error, response) -> {
                  if (error != null) {
                    viaCallback.completeExceptionally(error);
                  } else {
                    viaCallback.complete(response);
                  }
                });
    Args response = await(viaCallback);
    assertThat(response.get(0)).isEqualTo("answer:q2");
    assertThat(response.get(1, Integer.class)).isEqualTo(2);
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void silentClientTimesOut(String mode) {
    Socket client = clients.connect(mode, "/");
    CompletableFuture<Object[]> received = new CompletableFuture<>();
    client.on("silent", received::complete); // never calls the ack
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);

    long start = System.nanoTime();
    CompletableFuture<Args> future =
        socket.timeout(Duration.ofMillis(300)).emitWithAck("silent", "hello?");

    assertThat(awaitFailure(future))
        .isInstanceOf(AckTimeoutException.class)
        .hasMessage("operation has timed out");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(250));
    Object[] args = await(received);
    assertThat(args[0]).isEqualTo("hello?");
    assertThat(args[args.length - 1]).as("the client was asked for an ack").isInstanceOf(Ack.class);
    // a late ack is ignored, the socket goes on
    ((Ack) args[args.length - 1]).call("too late");
    assertThat(socket.connected()).isTrue();
    assertTransport(socket, mode);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket", "upgrade"})
  void pendingAckFailsWhenTheClientDisconnects(String mode) {
    Socket client = clients.connect(mode, "/");
    CompletableFuture<Object[]> received = new CompletableFuture<>();
    client.on("hold", received::complete);
    io.socketiojakarta.Socket socket = serverSocket(SOCKETS, client);
    assertTransport(socket, mode);

    CompletableFuture<Args> future = socket.emitWithAck("hold");
    CompletableFuture<Args> withTimeout =
        socket.timeout(Duration.ofSeconds(20)).emitWithAck("hold");
    await(received);
    client.close();

    assertThat(awaitFailure(future))
        .isInstanceOf(SocketDisconnectedException.class)
        .hasMessage("socket has been disconnected");
    assertThat(awaitFailure(withTimeout)).isInstanceOf(SocketDisconnectedException.class);
    assertThat(socket.connected()).isFalse();

    // emitting to a disconnected socket fails at once
    assertThat(awaitFailure(socket.emitWithAck("hold")))
        .isInstanceOf(SocketDisconnectedException.class);
  }
}
