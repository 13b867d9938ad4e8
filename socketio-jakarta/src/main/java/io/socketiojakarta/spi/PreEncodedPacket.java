package io.socketiojakarta.spi;

import io.socketiojakarta.parser.Packet;

/**
 * A packet encoded once for a broadcast, handed unchanged to every local recipient ({@link
 * LocalSocket#deliver}). Created by {@link AdapterContext#encode}.
 */
public interface PreEncodedPacket {
  /** The packet. */
  Packet packet();
}
