package io.socketiojakarta.parser;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Socket.IO packet. {@code data} is a JSON tree (see {@code io.socketiojakarta.json}): {@code
 * Map<String, Object>} (insertion order kept), {@code List<Object>}, {@code String}, {@code
 * Number}, {@code Boolean}, {@code null}, {@code byte[]} for binary, {@code RawJson} for
 * pre-encoded JSON. EVENT and ACK carry a list, CONNECT a map or null, CONNECT_ERROR a map or
 * string, DISCONNECT null. Decoded packets never have the BINARY_* types: binary events come back
 * as EVENT/ACK with {@code byte[]} in their data, and the encoder chooses BINARY_* when the data
 * holds binary.
 *
 * <p>The data is treated as immutable once in a packet: a broadcast shares one packet.
 *
 * @param type the packet type
 * @param namespace the namespace, {@code "/"} for the main one
 * @param id the ack id, or {@link #NO_ID}
 * @param data the payload tree, see above
 */
public record Packet(PacketType type, String namespace, long id, Object data) {
  /** No ack id. */
  public static final long NO_ID = -1;

  /** Validates the namespace. */
  public Packet {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(namespace, "namespace");
  }

  /** An EVENT (ack id optional). */
  public static Packet event(String namespace, List<Object> args, long id) {
    return new Packet(PacketType.EVENT, namespace, id, args);
  }

  /** An ACK for {@code id}. */
  public static Packet ack(String namespace, List<Object> args, long id) {
    return new Packet(PacketType.ACK, namespace, id, args);
  }

  /** A CONNECT reply or request. */
  public static Packet connect(String namespace, Map<String, Object> data) {
    return new Packet(PacketType.CONNECT, namespace, NO_ID, data);
  }

  /** A DISCONNECT. */
  public static Packet disconnect(String namespace) {
    return new Packet(PacketType.DISCONNECT, namespace, NO_ID, null);
  }

  /** A CONNECT_ERROR. */
  public static Packet connectError(String namespace, Object data) {
    return new Packet(PacketType.CONNECT_ERROR, namespace, NO_ID, data);
  }

  /** Whether the packet asks for an acknowledgement / answers one. */
  public boolean hasId() {
    return id >= 0;
  }
}
