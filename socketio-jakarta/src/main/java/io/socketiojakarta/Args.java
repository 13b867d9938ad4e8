package io.socketiojakarta;

import java.lang.reflect.Type;
import java.util.List;

/**
 * The arguments of an event or of an acknowledgement, as the client sent them. Each argument is a
 * JSON tree ({@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Long},
 * {@code Double}, {@code Boolean}, {@code null}) with {@code byte[]} where the client sent binary;
 * {@link #get(int, Class)} binds one to an application type with JSON-B.
 *
 * <pre>{@code
 * socket.on("chat", event -> {
 *   ChatMessage m = event.get(0, ChatMessage.class);
 *   event.ack("received");
 * });
 * }</pre>
 */
public interface Args {
  /** The number of arguments. */
  int size();

  /** The raw arguments (unmodifiable). */
  List<Object> values();

  /** The raw argument at {@code index}. */
  Object get(int index);

  /**
   * The argument at {@code index} bound to {@code type}: returned as is when it already has that
   * type, otherwise converted with JSON-B.
   *
   * @throws IndexOutOfBoundsException when there is no such argument
   * @throws IllegalArgumentException when it does not bind to the type, or JSON-B is missing
   */
  <T> T get(int index, Class<T> type);

  /** Like {@link #get(int, Class)} for a generic type (e.g. a {@code List<Item>}). */
  <T> T get(int index, Type type);
}
