package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Java client {@code io.socket:socket.io-client} chats through the sample over long-polling and
 * over WebSocket.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JavaChatIT {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return SampleDeployments.sample();
  }

  @ArquillianResource URL base;

  // long-polling GETs stay open up to the ping interval (25 s): the read timeout must be longer
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(1, TimeUnit.MINUTES).build();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() {
    sockets.forEach(Socket::close);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** A client of "/" on its own connection, not connected yet. */
  private Socket client(String mode, Map<String, String> auth) {
    IO.Options o = new IO.Options();
    o.forceNew = true;
    o.reconnection = false;
    o.timeout = WAIT.toMillis();
    o.callFactory = http;
    o.webSocketFactory = http;
    o.path = Http.resolve(base, "socket.io/").getPath();
    o.transports = new String[] {mode};
    o.upgrade = false;
    o.auth = auth;
    URI origin =
        URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/");
    Socket s = IO.socket(origin, o);
    sockets.add(s);
    return s;
  }

  /** Connects and waits for {@code connect}; fails on {@code connect_error}. */
  private static Socket connected(Socket s) {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    s.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
    s.once(
        Socket.EVENT_CONNECT_ERROR,
        args -> connected.completeExceptionally(new AssertionError("connect_error " + args[0])));
    s.connect();
    assertThat(connected).succeedsWithin(WAIT);
    return s;
  }

  /**
   * Connects a named client and waits until it is in the lobby: the server announces every arrival
   * to the lobby after the join, and the newcomer hears its own.
   */
  private Socket inLobby(String mode, String name, List<String> chats) {
    Socket s = client(mode, Map.of("name", name));
    List<Object> presence = new CopyOnWriteArrayList<>();
    s.on("presence", args -> presence.add(args[0]));
    s.on("chat", args -> chats.add(args[0].toString()));
    connected(s);
    await().atMost(WAIT).until(() -> presence.contains(name + " joined"));
    return s;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void chatIsAcknowledgedAndReachesTheLobby(String mode) throws Exception {
    List<String> annReceived = new CopyOnWriteArrayList<>();
    List<String> bobReceived = new CopyOnWriteArrayList<>();
    Socket ann = inLobby(mode, "ann", annReceived);
    inLobby(mode, "bob", bobReceived);

    List<Object> acks = new CopyOnWriteArrayList<>();
    ann.emit("chat", new Object[] {"hello"}, (Ack) args -> acks.add(args[0]));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(acks).containsExactly("delivered");
              assertThat(bobReceived).hasSize(1);
            });
    JSONObject message = new JSONObject(bobReceived.get(0));
    assertThat(message.getString("name")).isEqualTo("ann");
    assertThat(message.getString("text")).isEqualTo("hello");
    assertThat(annReceived).as("the sender is left out").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"polling", "websocket"})
  void aClientWithoutANameIsRefused(String mode) throws Exception {
    Socket anonymous = client(mode, null);
    CompletableFuture<Object> error = new CompletableFuture<>();
    anonymous.once(
        Socket.EVENT_CONNECT,
        args -> error.completeExceptionally(new AssertionError("connected without a name")));
    anonymous.once(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
    anonymous.connect();

    assertThat(error).succeedsWithin(WAIT).isInstanceOf(JSONObject.class);
    JSONObject json = (JSONObject) error.join();
    assertThat(json.getString("message")).isEqualTo("a name is required");
    assertThat(json.getJSONObject("data").getInt("max")).isEqualTo(40);
  }
}
