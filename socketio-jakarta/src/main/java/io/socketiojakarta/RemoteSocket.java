package io.socketiojakarta;

import java.util.Map;
import java.util.Set;

/**
 * A socket as {@code fetchSockets} returns it, possibly on another node: its details and the
 * operations that work from anywhere.
 */
public interface RemoteSocket extends SocketEmitter {
  /** The socket id. */
  String id();

  /** The handshake. */
  Handshake handshake();

  /** The rooms, including the socket's own room (a snapshot). */
  Set<String> rooms();

  /** Per-socket application data (a live, thread-safe map for a local socket). */
  Map<String, Object> data();

  /** Joins rooms. */
  void join(String... rooms);

  /** Leaves rooms. */
  void leave(String... rooms);

  /** Disconnects the socket; {@code close} also closes its connection. */
  void disconnect(boolean close);
}
