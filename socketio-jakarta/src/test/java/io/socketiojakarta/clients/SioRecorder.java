package io.socketiojakarta.clients;

import io.socketiojakarta.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server saw in the Node client tests, by test run (the {@code tag} query parameter each
 * scenario's connections send) and key. Listeners add from any thread; tests read snapshots or wait
 * for values (woken by each addition, never by polling).
 */
final class SioRecorder {
  /** How long a test waits for the server to have seen something. */
  static final Duration SERVER_WAIT = Duration.ofSeconds(5);

  private final Map<String, List<Object>> values = new HashMap<>();

  private static String key(String tag, String key) {
    return tag + "\u0000" + key;
  }

  /** The tag of a socket's connection. */
  static String tag(Socket socket) {
    return socket.handshake().query("tag").orElse("");
  }

  /** The label of a socket's connection within its scenario. */
  static String label(Socket socket) {
    return socket.handshake().query("label").orElse("");
  }

  /** Adds a value under the socket's tag. */
  void add(Socket socket, String key, Object value) {
    add(tag(socket), key, value);
  }

  /** Adds a value. */
  synchronized void add(String tag, String key, Object value) {
    values.computeIfAbsent(key(tag, key), k -> new ArrayList<>()).add(value);
    notifyAll();
  }

  /** A snapshot of the values so far (nulls are kept). */
  synchronized List<Object> get(String tag, String key) {
    return new ArrayList<>(values.getOrDefault(key(tag, key), List.of()));
  }

  /**
   * Waits until there are at least {@code count} values, and returns them; fails after {@link
   * #SERVER_WAIT}.
   */
  synchronized List<Object> await(String tag, String key, int count) {
    long deadline = System.nanoTime() + SERVER_WAIT.toNanos();
    while (values.getOrDefault(key(tag, key), List.of()).size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "the server did not see "
                + count
                + " x "
                + key
                + " for "
                + tag
                + " within "
                + SERVER_WAIT
                + "; seen: "
                + get(tag, key));
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
    return get(tag, key);
  }

  /** Waits for the first value. */
  Object first(String tag, String key) {
    return await(tag, key, 1).get(0);
  }

  /** Waits for the first value, of that type. */
  <T> T first(String tag, String key, Class<T> type) {
    return type.cast(first(tag, key));
  }
}
