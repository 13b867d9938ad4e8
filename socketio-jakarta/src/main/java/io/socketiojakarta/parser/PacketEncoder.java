package io.socketiojakarta.parser;

/** Encodes packets to wire form. Stateless and thread-safe. */
public final class PacketEncoder {
  private PacketEncoder() {}

  /**
   * Encodes a packet (protocol-notes 2.1): binary found depth-first in the data is replaced by
   * {@code {"_placeholder":true,"num":N}} and EVENT/ACK become BINARY_EVENT/BINARY_ACK. The data is
   * not modified. Throws {@link IllegalArgumentException} for data that is not a JSON tree or nests
   * deeper than the writer allows (cycles included).
   */
  public static EncodedPacket encode(Packet packet) {
    throw new UnsupportedOperationException("todo");
  }
}
