package io.socketiojakarta.parser;

/** Socket.IO v5 packet types, with their wire digit (protocol-notes 2.1). */
public enum PacketType {
  CONNECT,
  DISCONNECT,
  EVENT,
  ACK,
  CONNECT_ERROR,
  BINARY_EVENT,
  BINARY_ACK;

  /** The wire digit. */
  public int code() {
    return ordinal();
  }

  /** The type of a wire digit, or null. */
  static PacketType ofCode(char digit) {
    int i = digit - '0';
    return i >= 0 && i < VALUES.length ? VALUES[i] : null;
  }

  private static final PacketType[] VALUES = values();
}
