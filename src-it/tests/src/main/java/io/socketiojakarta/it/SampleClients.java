package io.socketiojakarta.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;
import org.json.JSONArray;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * Java clients ({@code io.socket:socket.io-client}) of the sample on one deployment: each on its
 * own connection, not reconnecting, over one forced transport, recording every event it receives.
 * Every wait is bounded; {@link #close()} closes them all.
 */
final class SampleClients implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(10);

  private final URL base;
  private final String mode;
  // long-polling GETs stay open up to the ping interval (20 s here): the read timeout is longer
  private final OkHttpClient http =
      new OkHttpClient.Builder().readTimeout(1, TimeUnit.MINUTES).build();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  SampleClients(URL base, String mode) {
    this.base = base;
    this.mode = mode;
  }

  /** A client of {@code namespace}, not connected yet, recording what it receives. */
  Recorded client(String namespace, Map<String, String> auth) {
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
        URI.create(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + namespace);
    Socket s = IO.socket(origin, o);
    sockets.add(s);
    Recorded r = new Recorded(s);
    s.onAnyIncoming(args -> r.record(args));
    return r;
  }

  /** A chat client connected with that name, once it was welcomed. */
  Recorded member(String name) {
    Recorded r = client("/", Map.of("name", name)).connect();
    r.next("welcome", m -> true);
    return r;
  }

  /** An admin client connected with that token. */
  Recorded admin(String token) {
    return client("/admin", Map.of("token", token)).connect();
  }

  @Override
  public void close() {
    sockets.forEach(Socket::close);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** The first argument of an event or ack that had none. */
  static final Object NONE = "(no argument)";

  /**
   * A received value in plain Java: JSON objects as maps, arrays as lists, integers as {@code
   * Long}, binary as {@code byte[]}.
   */
  static Object plain(Object value) {
    try {
      if (value instanceof JSONObject o) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Iterator<String> keys = o.keys(); keys.hasNext(); ) {
          String key = keys.next();
          out.put(key, plain(o.get(key)));
        }
        return out;
      }
      if (value instanceof JSONArray a) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
          out.add(plain(a.get(i)));
        }
        return out;
      }
    } catch (JSONException e) {
      throw new AssertionError("unreadable " + value, e);
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value == JSONObject.NULL ? null : value;
  }

  /** {@link #plain(Object)} of a JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    Object plain = plain(value);
    assertThat(plain).isInstanceOf(Map.class);
    return (Map<String, Object>) plain;
  }

  /** A JSON object to send, from keys and values. */
  static JSONObject json(Object... keysAndValues) {
    JSONObject o = new JSONObject();
    try {
      for (int i = 0; i < keysAndValues.length; i += 2) {
        o.put((String) keysAndValues[i], keysAndValues[i + 1]);
      }
    } catch (JSONException e) {
      throw new AssertionError(e);
    }
    return o;
  }

  /** A client and the events it received: name, then first argument. */
  static final class Recorded {
    final Socket socket;
    private final Map<String, List<Object>> seen = new ConcurrentHashMap<>();

    Recorded(Socket socket) {
      this.socket = socket;
    }

    private void record(Object[] args) {
      if (args.length > 0 && args[0] instanceof String event) {
        seen.computeIfAbsent(event, k -> new CopyOnWriteArrayList<>())
            .add(args.length > 1 ? plain(args[1]) : NONE);
      }
    }

    /** Connects and waits for {@code connect}; fails on {@code connect_error}. */
    Recorded connect() {
      CompletableFuture<Void> connected = new CompletableFuture<>();
      socket.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
      socket.once(
          Socket.EVENT_CONNECT_ERROR,
          args -> connected.completeExceptionally(new AssertionError("connect_error " + args[0])));
      socket.connect();
      assertThat(connected).succeedsWithin(WAIT);
      return this;
    }

    /** Connects expecting a refusal; returns the {@code connect_error} argument as a map. */
    Map<String, Object> refused() {
      CompletableFuture<Object> error = new CompletableFuture<>();
      socket.once(
          Socket.EVENT_CONNECT,
          args -> error.completeExceptionally(new AssertionError("connected, not refused")));
      socket.once(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
      socket.connect();
      assertThat(error).succeedsWithin(WAIT).isInstanceOf(JSONObject.class);
      return map(error.join());
    }

    String id() {
      return socket.id();
    }

    /**
     * Emits and returns the acknowledgement's first argument, as {@link #plain(Object)} makes it.
     */
    Object call(String event, Object... args) {
      CompletableFuture<Object> answer = new CompletableFuture<>();
      socket.emit(
          event, args, (Ack) reply -> answer.complete(reply.length == 0 ? NONE : plain(reply[0])));
      assertThat(answer).as("ack of %s", event).succeedsWithin(WAIT);
      return answer.join();
    }

    /**
     * Waits for a received {@code event} whose first argument ({@linkplain #plain(Object) plain})
     * matches, and returns it.
     */
    @SuppressWarnings("unchecked")
    <T> T next(String event, Predicate<T> match) {
      Object[] found = new Object[1];
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(20))
          .until(
              () -> {
                for (Object o : seen.getOrDefault(event, List.of())) {
                  if (match.test((T) o)) {
                    found[0] = o;
                    return true;
                  }
                }
                return false;
              });
      return (T) found[0];
    }

    /** What was received of {@code event} so far. */
    List<Object> received(String event) {
      return List.copyOf(seen.getOrDefault(event, List.of()));
    }
  }
}
