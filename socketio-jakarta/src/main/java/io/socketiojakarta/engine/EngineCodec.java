package io.socketiojakarta.engine;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Engine.IO v4 wire formats.
 *
 * <ul>
 *   <li>WebSocket: one packet per frame; text packets as {@code <digit><data>} text frames, binary
 *       messages as raw binary frames.
 *   <li>HTTP long-polling: packets joined with the record separator {@code \x1e}; binary messages
 *       as {@code b} followed by the standard base64 of the bytes. No length prefixes (v4).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class EngineCodec {
  /** Record separator between the packets of a polling payload. */
  public static final char SEPARATOR = '\u001e';

  private EngineCodec() {}

  /** The text frame for a text packet, e.g. {@code 4hello}. */
  public static String encodeText(EnginePacket packet) {
    if (packet.isBinary()) {
      throw new IllegalArgumentException("binary packet has no text form");
    }
    return packet.type().digit() + packet.text();
  }

  /** Decodes a WebSocket text frame (or one packet of a polling payload). */
  public static EnginePacket decodeText(String frame) throws EngineParseException {
    if (frame.isEmpty()) {
      throw new EngineParseException("empty packet");
    }
    EnginePacketType type = EnginePacketType.fromDigit(frame.charAt(0));
    if (type == null) {
      throw new EngineParseException("unknown packet type");
    }
    return EnginePacket.of(type, frame.substring(1));
  }

  /** Decodes a WebSocket binary frame: always a binary message. */
  public static EnginePacket decodeBinary(byte[] frame) {
    return EnginePacket.message(frame);
  }

  /** Encodes packets as one polling payload. */
  public static String encodePayload(List<EnginePacket> packets) {
    StringBuilder sb = new StringBuilder(estimate(packets));
    for (int i = 0; i < packets.size(); i++) {
      if (i > 0) {
        sb.append(SEPARATOR);
      }
      EnginePacket p = packets.get(i);
      if (p.isBinary()) {
        sb.append('b').append(Base64.getEncoder().encodeToString(p.binary()));
      } else {
        sb.append(p.type().digit()).append(p.text());
      }
    }
    return sb.toString();
  }

  private static int estimate(List<EnginePacket> packets) {
    long n = 0;
    for (EnginePacket p : packets) {
      n += p.isBinary() ? 2L + (p.binary().length + 2L) / 3 * 4 : 2L + p.text().length();
    }
    return (int) Math.min(n, Integer.MAX_VALUE - 16);
  }

  /** Decodes a polling payload into its packets. */
  public static List<EnginePacket> decodePayload(String payload) throws EngineParseException {
    List<EnginePacket> packets = new ArrayList<>(2);
    int start = 0;
    int len = payload.length();
    if (len == 0) {
      throw new EngineParseException("empty payload");
    }
    while (start <= len) {
      int end = payload.indexOf(SEPARATOR, start);
      if (end < 0) {
        end = len;
      }
      packets.add(decodePollingPacket(payload.substring(start, end)));
      start = end + 1;
    }
    return packets;
  }

  private static EnginePacket decodePollingPacket(String text) throws EngineParseException {
    if (!text.isEmpty() && text.charAt(0) == 'b') {
      try {
        return EnginePacket.message(Base64.getDecoder().decode(withoutWhitespace(text, 1)));
      } catch (IllegalArgumentException e) {
        throw new EngineParseException("invalid base64 in binary packet");
      }
    }
    return decodeText(text);
  }

  /**
   * The base64 text from {@code start} without spaces, tabs and line breaks, which the reference
   * (Node's base64 decoding) ignores: some clients wrap their base64 in lines (the Java client ends
   * it with a newline and breaks it every 76 characters).
   */
  private static String withoutWhitespace(String text, int start) {
    int len = text.length();
    int i = start;
    while (i < len && !isWhitespace(text.charAt(i))) {
      i++;
    }
    if (i == len) {
      return text.substring(start);
    }
    StringBuilder sb = new StringBuilder(len - start);
    sb.append(text, start, i);
    for (; i < len; i++) {
      char c = text.charAt(i);
      if (!isWhitespace(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b;
  }
}
