package io.socketiojakarta.engine;

/** The seven Engine.IO v4 packet types with their wire digit. */
public enum EnginePacketType {
  OPEN('0'),
  CLOSE('1'),
  PING('2'),
  PONG('3'),
  MESSAGE('4'),
  UPGRADE('5'),
  NOOP('6');

  private static final EnginePacketType[] BY_DIGIT = values();

  private final char digit;

  EnginePacketType(char digit) {
    this.digit = digit;
  }

  /** The character that starts a packet of this type on the wire. */
  public char digit() {
    return digit;
  }

  /** The type for a wire digit, or {@code null} when the character is not a packet type. */
  static EnginePacketType fromDigit(char c) {
    int i = c - '0';
    return i >= 0 && i < BY_DIGIT.length ? BY_DIGIT[i] : null;
  }
}
