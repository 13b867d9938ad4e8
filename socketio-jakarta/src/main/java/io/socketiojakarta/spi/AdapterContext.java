package io.socketiojakarta.spi;

import io.socketiojakarta.RoomListener;
import io.socketiojakarta.parser.Packet;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the server gives its adapter for one namespace: the local sockets, the encoder and the ack
 * ids. Thread-safe.
 */
public interface AdapterContext {
  /** The namespace name. */
  String namespace();

  /** A socket of this node, if connected. */
  Optional<LocalSocket> socket(String id);

  /** Encodes a packet once for several recipients. */
  PreEncodedPacket encode(Packet packet);

  /** A new ack id of this namespace. */
  long nextAckId();

  /** Reports a room event to the namespace's room listeners. */
  void roomEvent(RoomListener.Kind kind, String room, String socketId);

  /**
   * Delivers a server-side event received from another node to this namespace's listeners.
   *
   * @param args the event name followed by its arguments
   * @param ack receives this node's acknowledgement arguments, or nothing when none is asked
   */
  void onServerSideEmit(List<Object> args, Optional<Consumer<List<Object>>> ack);
}
