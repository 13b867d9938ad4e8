package io.socketiojakarta.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * One Engine.IO packet: a type with either text data (possibly empty) or binary data.
 *
 * <p>Only {@link EnginePacketType#MESSAGE} packets carry binary data. Instances are immutable by
 * contract (the binary array is never modified after construction), so one packet can be queued on
 * many sessions: a broadcast is encoded once.
 *
 * @param type the packet type
 * @param text the text data, empty for a binary packet or a packet without data
 * @param binary the binary data, or {@code null} for a text packet
 * @param compress whether HTTP compression may be applied to a payload carrying this packet
 */
public record EnginePacket(EnginePacketType type, String text, byte[] binary, boolean compress) {

  static final EnginePacket PING = new EnginePacket(EnginePacketType.PING, "", null, true);
  static final EnginePacket PONG_PROBE =
      new EnginePacket(EnginePacketType.PONG, "probe", null, true);
  static final EnginePacket CLOSE = new EnginePacket(EnginePacketType.CLOSE, "", null, true);
  static final EnginePacket NOOP = new EnginePacket(EnginePacketType.NOOP, "", null, true);

  /** Validates the components. */
  public EnginePacket {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    if (binary != null && (type != EnginePacketType.MESSAGE || !text.isEmpty())) {
      throw new IllegalArgumentException(
          "only a message packet without text may carry binary data");
    }
  }

  /** A text message packet. */
  public static EnginePacket message(String text) {
    return new EnginePacket(EnginePacketType.MESSAGE, text, null, true);
  }

  /** A binary message packet; the array must not be modified afterwards. */
  public static EnginePacket message(byte[] data) {
    return new EnginePacket(EnginePacketType.MESSAGE, "", Objects.requireNonNull(data), true);
  }

  /** A packet of the given type with text data. */
  public static EnginePacket of(EnginePacketType type, String text) {
    return new EnginePacket(type, text, null, true);
  }

  /** This packet with another compress flag. */
  public EnginePacket withCompress(boolean flag) {
    return flag == compress ? this : new EnginePacket(type, text, binary, flag);
  }

  /** Whether this packet carries binary data. */
  public boolean isBinary() {
    return binary != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnginePacket p
        && p.type == type
        && p.text.equals(text)
        && Arrays.equals(p.binary, binary)
        && p.compress == compress;
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, text, Arrays.hashCode(binary), compress);
  }

  @Override
  public String toString() {
    return binary != null
        ? "EnginePacket[" + type + ", " + binary.length + " bytes]"
        : "EnginePacket["
            + type
            + ", "
            + (text.length() > 64 ? text.substring(0, 64) + "…" : text)
            + "]";
  }
}
