package io.socketiojakarta.spi;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** The narrow view of a socket of this node that an adapter uses. Thread-safe. */
public interface LocalSocket {
  /** The socket id. */
  String id();

  /** Its details (live data map). */
  SocketDetails details();

  /** Writes a pre-encoded packet to the socket's connection, honouring the flags. */
  void deliver(PreEncodedPacket packet, BroadcastFlags flags);

  /**
   * Writes a packet that asks for an acknowledgement with id {@code packet.packet().id()}; {@code
   * ack} receives the client's arguments.
   */
  void deliverWithAck(PreEncodedPacket packet, BroadcastFlags flags, Consumer<List<Object>> ack);

  /** Joins rooms (through the adapter). */
  void join(Set<String> rooms);

  /** Leaves a room (through the adapter). */
  void leave(String room);

  /** Disconnects; {@code close} closes the connection too. */
  void disconnect(boolean close);
}
