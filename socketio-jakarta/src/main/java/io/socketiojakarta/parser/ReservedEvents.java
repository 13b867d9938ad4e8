package io.socketiojakarta.parser;

import java.util.Set;

/**
 * Event names with a special meaning (socket.io-parser's {@code RESERVED_EVENTS}): an incoming
 * EVENT named so is malformed, and emitting one is an error.
 */
public final class ReservedEvents {
  /**
   * {@code connect}, {@code connect_error}, {@code disconnect}, {@code disconnecting}, {@code
   * newListener}, {@code removeListener}.
   */
  public static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect", // used on the client side
          "connect_error", // used on the client side
          "disconnect", // used on both sides
          "disconnecting", // used on the server side
          "newListener", // used by the Node.js EventEmitter
          "removeListener"); // used by the Node.js EventEmitter

  private ReservedEvents() {}

  /** Whether {@code name} is reserved. */
  public static boolean isReserved(String name) {
    return name != null && RESERVED_EVENTS.contains(name);
  }
}
