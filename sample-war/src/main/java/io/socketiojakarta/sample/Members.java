package io.socketiojakarta.sample;

import io.socketiojakarta.RemoteSocket;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the chat keeps in {@code socket.data()}: the name the middleware admitted, and the chat
 * rooms the socket joined (without its own room, the socket id). The rooms are kept there because a
 * socket has left all its rooms by the time {@code @OnDisconnect} observers run (as in the
 * reference server, where only {@code disconnecting} still sees them); the disconnect observer
 * reads them to tell each room who left. That keeps every handler a CDI observer, rather than a
 * listener registered by hand on the socket.
 */
final class Members {
  static final String NAME = "name";
  static final String ROOMS = "rooms";

  private Members() {}

  /** The socket's name ("" for a socket the name middleware did not see). */
  static String name(RemoteSocket socket) {
    return socket.data().get(NAME) instanceof String s ? s : "";
  }

  /** The live set of chat rooms of a socket of this node, created on first use. */
  @SuppressWarnings("unchecked")
  static Set<String> rooms(RemoteSocket socket) {
    return (Set<String>)
        socket.data().computeIfAbsent(ROOMS, k -> ConcurrentHashMap.<String>newKeySet());
  }

  /** The chat rooms of any socket (also one returned by {@code fetchSockets}), sorted. */
  static Set<String> chatRooms(RemoteSocket socket) {
    Set<String> rooms = new TreeSet<>(socket.rooms());
    rooms.remove(socket.id());
    return rooms;
  }
}
