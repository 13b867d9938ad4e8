package io.socketiojakarta.core;

import io.socketiojakarta.engine.EnginePacket;
import io.socketiojakarta.parser.EncodedPacket;
import io.socketiojakarta.parser.Packet;
import io.socketiojakarta.parser.PacketEncoder;
import io.socketiojakarta.spi.PreEncodedPacket;
import java.util.ArrayList;
import java.util.List;

/**
 * A packet encoded once into its Engine.IO messages (text, then one binary message per attachment).
 * The message list is immutable and shared by every recipient of a broadcast.
 */
final class Frames implements PreEncodedPacket {
  private final Packet packet;
  private final List<EnginePacket> messages;
  private volatile List<EnginePacket> uncompressed;

  private Frames(Packet packet, List<EnginePacket> messages) {
    this.packet = packet;
    this.messages = messages;
  }

  static Frames encode(Packet packet) {
    EncodedPacket encoded = PacketEncoder.encode(packet);
    if (encoded.attachments().isEmpty()) {
      return new Frames(packet, List.of(EnginePacket.message(encoded.text())));
    }
    List<EnginePacket> messages = new ArrayList<>(1 + encoded.attachments().size());
    messages.add(EnginePacket.message(encoded.text()));
    for (byte[] attachment : encoded.attachments()) {
      messages.add(EnginePacket.message(attachment));
    }
    return new Frames(packet, List.copyOf(messages));
  }

  @Override
  public Packet packet() {
    return packet;
  }

  /** The messages, marked not compressible when {@code compress} is false. */
  List<EnginePacket> messages(boolean compress) {
    if (compress) {
      return messages;
    }
    List<EnginePacket> u = uncompressed;
    if (u == null) {
      List<EnginePacket> copy = new ArrayList<>(messages.size());
      for (EnginePacket m : messages) {
        copy.add(m.withCompress(false));
      }
      u = List.copyOf(copy);
      uncompressed = u;
    }
    return u;
  }
}
