package io.socketiojakarta.parser;

import java.util.Optional;

/**
 * Decodes the messages of one connection. Keeps the state of a binary packet awaiting its
 * attachments, so one decoder per connection; calls must not overlap.
 */
public final class PacketDecoder {
  /** A decoder with the given limits. */
  public PacketDecoder(DecoderLimits limits) {}

  /**
   * Decodes a text message; empty while a binary packet waits for its attachments.
   *
   * @throws MalformedPacketException for any invalid form listed in protocol-notes 2.1
   */
  public Optional<Packet> decode(String text) throws MalformedPacketException {
    throw new UnsupportedOperationException("todo");
  }

  /**
   * Decodes a binary message (an attachment); the packet once all attachments are in.
   *
   * @throws MalformedPacketException when no binary packet is waiting or a placeholder is invalid
   */
  public Optional<Packet> decode(byte[] data) throws MalformedPacketException {
    throw new UnsupportedOperationException("todo");
  }
}
