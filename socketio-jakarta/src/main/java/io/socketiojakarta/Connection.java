package io.socketiojakarta;

import java.util.function.Consumer;

/** The Engine.IO connection under a socket (the reference's {@code socket.conn}). */
public interface Connection {
  /** The Engine.IO session id (not the socket id). */
  String id();

  /** The current transport: {@code polling} or {@code websocket}. */
  String transportName();

  /** Whether the connection moved to WebSocket after starting with polling. */
  boolean upgraded();

  /** The client's address. */
  String remoteAddress();

  /** Whether the connection is open. */
  boolean isOpen();

  /** Calls {@code listener} with the new transport's name when the connection upgrades. */
  void onUpgrade(Consumer<String> listener);

  /** Closes the connection (every namespace of this client). */
  void close();
}
