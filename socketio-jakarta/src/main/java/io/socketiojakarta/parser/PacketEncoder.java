package io.socketiojakarta.parser;

import io.socketiojakarta.json.JsonTree;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes packets to wire form. Stateless and thread-safe.
 *
 * <p>Text form (protocol-notes 2.1): {@code <type>[<attachments>-][<namespace>,][<id>][<json>]},
 * e.g. {@code 2["foo"]}, {@code 2/admin,["bar"]}, {@code 212["foo"]}, {@code 3/admin,13["bar"]}.
 *
 * <pre>{@code
 * EncodedPacket wire = PacketEncoder.encode(Packet.event("/", List.of("hello", 1), Packet.NO_ID));
 * // wire.text() is 2["hello",1], wire.attachments() is empty
 * }</pre>
 */
public final class PacketEncoder {
  private PacketEncoder() {}

  /**
   * Encodes a packet (protocol-notes 2.1): binary found depth-first in the data is replaced by
   * {@code {"_placeholder":true,"num":N}} and EVENT/ACK become BINARY_EVENT/BINARY_ACK. The data is
   * not modified. Throws {@link IllegalArgumentException} for data that is not a JSON tree or nests
   * deeper than the writer allows (cycles included).
   *
   * <p>Binary is {@code byte[]} or a {@code ByteBuffer} (its remaining bytes, copied); it is only
   * extracted from EVENT and ACK. A BINARY_EVENT or BINARY_ACK given here is treated as EVENT or
   * ACK, so the type on the wire always matches the attachments. DISCONNECT is written without
   * data. The namespace must be {@code "/"} or start with {@code /}, and must not contain a comma
   * (it ends the namespace on the wire).
   */
  public static EncodedPacket encode(Packet packet) {
    PacketType type =
        switch (packet.type()) {
          case BINARY_EVENT -> PacketType.EVENT;
          case BINARY_ACK -> PacketType.ACK;
          default -> packet.type();
        };
    String namespace = packet.namespace();
    boolean mainNamespace = "/".equals(namespace);
    if (!mainNamespace && (!namespace.startsWith("/") || namespace.indexOf(',') >= 0)) {
      throw new IllegalArgumentException("invalid namespace: must start with / and have no comma");
    }
    Object data = type == PacketType.DISCONNECT ? null : packet.data();
    List<byte[]> attachments = List.of();
    if ((type == PacketType.EVENT || type == PacketType.ACK) && Attachments.containsBinary(data)) {
      List<byte[]> found = new ArrayList<>();
      data = Attachments.extract(data, found);
      attachments = List.copyOf(found);
      type = type == PacketType.EVENT ? PacketType.BINARY_EVENT : PacketType.BINARY_ACK;
    }
    StringBuilder text = new StringBuilder(64);
    text.append((char) ('0' + type.code()));
    if (!attachments.isEmpty()) {
      text.append(attachments.size()).append('-');
    }
    if (!mainNamespace) {
      text.append(namespace).append(',');
    }
    if (packet.hasId()) {
      text.append(packet.id());
    }
    if (data != null) {
      JsonTree.write(data, text);
    }
    return new EncodedPacket(text.toString(), attachments);
  }
}
