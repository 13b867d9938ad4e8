package io.socketiojakarta.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * Builds real Java Socket.IO clients ({@code io.socket:socket.io-client}) for one test server, in
 * one of three modes: {@code polling} (long-polling only), {@code websocket} (WebSocket only) and
 * {@code upgrade} (polling first, then upgraded to WebSocket). Every client uses one shared OkHttp
 * client, never reconnects and is closed by {@link #closeSockets()}; {@link #close()} also stops
 * OkHttp's threads.
 */
final class JavaClients implements AutoCloseable {
  /** How long any single wait of a test may take. */
  static final Duration WAIT = Duration.ofSeconds(10);

  private final URI base;
  private final OkHttpClient http;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  JavaClients(URI base) {
    this.base = base;
    // long-polling GETs stay open up to the ping interval (25 s): the read timeout must be longer
    this.http = new OkHttpClient.Builder().readTimeout(1, TimeUnit.MINUTES).build();
  }

  /** Fresh options for a mode: a new connection, no reconnection, the shared OkHttp client. */
  IO.Options options(String mode) {
    IO.Options o = new IO.Options();
    o.forceNew = true;
    o.reconnection = false;
    o.timeout = WAIT.toMillis();
    o.callFactory = http;
    o.webSocketFactory = http;
    switch (mode) {
      case "polling" -> {
        o.transports = new String[] {"polling"};
        o.upgrade = false;
      }
      case "websocket" -> o.transports = new String[] {"websocket"};
      case "upgrade" -> {
        o.transports = new String[] {"polling", "websocket"};
        o.upgrade = true;
      }
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
    return o;
  }

  /** Options for a mode, then adjusted (auth, query...). */
  IO.Options options(String mode, Consumer<IO.Options> adjust) {
    IO.Options o = options(mode);
    adjust.accept(o);
    return o;
  }

  /** A client of a namespace on its own connection, not connected yet. */
  Socket socket(String namespace, IO.Options options) {
    Socket s = IO.socket(base.resolve(namespace), options);
    sockets.add(s);
    return s;
  }

  /** A manager (one connection) for several namespaces: see {@link #socket(Manager, String)}. */
  Manager manager(String mode) {
    return new Manager(base, options(mode));
  }

  /** A client of a namespace on a shared manager's connection, not connected yet. */
  Socket socket(Manager manager, String namespace) {
    return socket(manager, namespace, null);
  }

  /**
   * A client of a namespace on a shared manager's connection with its own options (the client takes
   * only {@code auth} and {@code query} from them), not connected yet.
   */
  Socket socket(Manager manager, String namespace, IO.Options options) {
    Socket s = manager.socket(namespace, options);
    sockets.add(s);
    return s;
  }

  /** A connected client of a namespace on its own connection. */
  Socket connect(String mode, String namespace) {
    return connect(socket(namespace, options(mode)));
  }

  /** Connects a client and waits for {@code connect}; fails on {@code connect_error}. */
  static Socket connect(Socket s) {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    s.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
    s.once(
        Socket.EVENT_CONNECT_ERROR,
        args ->
            connected.completeExceptionally(
                new AssertionError("connect_error: " + List.of(args).toString())));
    s.connect();
    await(connected);
    return s;
  }

  /** Connects a client expecting a refusal; returns the {@code connect_error} argument. */
  static Object connectError(Socket s) {
    CompletableFuture<Object> error = new CompletableFuture<>();
    s.once(
        Socket.EVENT_CONNECT,
        args -> error.completeExceptionally(new AssertionError("connected unexpectedly")));
    s.once(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args.length > 0 ? args[0] : null));
    s.connect();
    return await(error);
  }

  /** The first argument of the client's next {@code event}. */
  static CompletableFuture<Object[]> next(Socket s, String event) {
    CompletableFuture<Object[]> f = new CompletableFuture<>();
    s.once(event, f::complete);
    return f;
  }

  /** Waits for a future, at most {@link #WAIT}. */
  static <T> T await(CompletableFuture<T> future) {
    try {
      return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AssertionError a) {
        throw a;
      }
      throw new AssertionError("failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("nothing within " + WAIT, e);
    }
  }

  /** Waits for a future that must fail; returns its error. */
  static Throwable awaitFailure(CompletableFuture<?> future) {
    try {
      Object value = future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      throw new AssertionError("completed normally with " + value);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("nothing within " + WAIT, e);
    }
  }

  /** Retries an assertion until it holds, at most {@link #WAIT}. */
  static void eventually(Runnable assertion) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        assertion.run();
        return;
      } catch (AssertionError e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
      }
      pause();
    }
  }

  /** Waits until {@code supplier} gives a non-null value, at most {@link #WAIT}. */
  static <T> T eventuallyGet(String what, Supplier<T> supplier) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      T value = supplier.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        return fail("no " + what + " within " + WAIT);
      }
      pause();
    }
  }

  /** The server's socket of a client, once the server has seen the connection. */
  static io.socketiojakarta.Socket serverSocket(
      Map<String, io.socketiojakarta.Socket> seen, Socket client) {
    String id = client.id();
    assertThat(id).as("client socket id").isNotNull();
    return eventuallyGet("server socket " + id, () -> seen.get(id));
  }

  /**
   * Asserts the transport the mode must end on: {@code polling} and {@code websocket} stay as they
   * are, {@code upgrade} must have moved from polling to WebSocket.
   */
  static void assertTransport(io.socketiojakarta.Socket server, String mode) {
    switch (mode) {
      case "polling" -> {
        assertThat(server.conn().transportName()).isEqualTo("polling");
        assertThat(server.conn().upgraded()).isFalse();
      }
      case "websocket" -> {
        assertThat(server.conn().transportName()).isEqualTo("websocket");
        assertThat(server.conn().upgraded()).isFalse();
      }
      case "upgrade" ->
          eventually(
              () -> {
                assertThat(server.conn().transportName()).isEqualTo("websocket");
                assertThat(server.conn().upgraded()).isTrue();
              });
      default -> throw new IllegalArgumentException("unknown mode " + mode);
    }
  }

  /** Closes every client made so far. */
  void closeSockets() {
    List<Socket> open = new ArrayList<>(sockets);
    sockets.clear();
    for (Socket s : open) {
      s.close();
    }
  }

  @Override
  public void close() {
    closeSockets();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
