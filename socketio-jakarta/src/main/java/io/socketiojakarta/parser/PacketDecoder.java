package io.socketiojakarta.parser;

import io.socketiojakarta.json.JsonException;
import io.socketiojakarta.json.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decodes the messages of one connection. Keeps the state of a binary packet awaiting its
 * attachments, so one decoder per connection; calls must not overlap.
 *
 * <p>Validation follows socket.io-parser 4.2 (protocol-notes 2.1), with bounds of its own: the
 * attachment count and the ack id are plain digits, the id at most 2^53 - 1 (the reference would
 * lose precision above), the JSON within {@link DecoderLimits#json()}. After any error the decoder
 * is back in its initial state; the connection is meant to be closed anyway.
 *
 * <pre>{@code
 * PacketDecoder decoder = new PacketDecoder(DecoderLimits.DEFAULT);
 * decoder.decode("2/chat,12[\"message\",\"hi\"]"); // EVENT on /chat, ack id 12
 * decoder.decode("51-[\"file\",{\"_placeholder\":true,\"num\":0}]"); // empty: awaits 1 attachment
 * decoder.decode(bytes); // the EVENT, with bytes in place of the placeholder
 * }</pre>
 */
public final class PacketDecoder {
  /** Largest integer a JavaScript number holds exactly (Number.MAX_SAFE_INTEGER). */
  static final long MAX_ID = 9007199254740991L;

  private static final int MAX_ID_DIGITS = 16;

  private final DecoderLimits limits;
  private Packet pending;
  private int expected;
  private List<byte[]> received;

  /** A decoder with the given limits. */
  public PacketDecoder(DecoderLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Decodes a text message; empty while a binary packet waits for its attachments.
   *
   * @throws MalformedPacketException for any invalid form listed in protocol-notes 2.1
   */
  public Optional<Packet> decode(String text) throws MalformedPacketException {
    Objects.requireNonNull(text, "text");
    if (pending != null) {
      reset();
      throw new MalformedPacketException("text message while awaiting binary attachments");
    }
    if (text.isEmpty()) {
      throw new MalformedPacketException("empty packet");
    }
    PacketType type = PacketType.ofCode(text.charAt(0));
    if (type == null) {
      throw new MalformedPacketException("unknown packet type");
    }
    int length = text.length();
    int i = 1;
    int attachments = 0;
    boolean binary = type == PacketType.BINARY_EVENT || type == PacketType.BINARY_ACK;
    if (binary) {
      int start = i;
      long count = 0;
      while (i < length && text.charAt(i) != '-') {
        char c = text.charAt(i++);
        if (c < '0' || c > '9') {
          throw new MalformedPacketException("illegal attachments");
        }
        count = Math.min(count * 10 + (c - '0'), Integer.MAX_VALUE);
      }
      if (i == length || i == start || count < 1) {
        throw new MalformedPacketException("illegal attachments");
      }
      if (count > limits.maxAttachments()) {
        throw new MalformedPacketException("too many attachments");
      }
      attachments = (int) count;
      i++; // the '-'
    }
    String namespace = "/";
    if (i < length && text.charAt(i) == '/') {
      // up to the first comma, or the end: "0/custom" has no comma
      int comma = text.indexOf(',', i);
      int end = comma < 0 ? length : comma;
      namespace = text.substring(i, end);
      i = comma < 0 ? length : comma + 1;
    }
    long id = Packet.NO_ID;
    int idStart = i;
    while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i > idStart) {
      if (i - idStart > MAX_ID_DIGITS) {
        throw new MalformedPacketException("ack id too large");
      }
      id = Long.parseLong(text, idStart, i, 10);
      if (id > MAX_ID) {
        throw new MalformedPacketException("ack id too large");
      }
    }
    boolean hasPayload = i < length;
    Object data = null;
    if (hasPayload) {
      try {
        data = JsonTree.read(text, i, limits.json());
      } catch (JsonException e) {
        throw new MalformedPacketException("invalid payload: " + e.getMessage());
      }
    }
    if (!isPayloadValid(type, hasPayload, data)) {
      throw new MalformedPacketException("invalid payload");
    }
    if ((type == PacketType.ACK || type == PacketType.BINARY_ACK) && id < 0) {
      throw new MalformedPacketException("ack without id");
    }
    if (!binary) {
      return Optional.of(new Packet(type, namespace, id, data));
    }
    PacketType plain = type == PacketType.BINARY_EVENT ? PacketType.EVENT : PacketType.ACK;
    pending = new Packet(plain, namespace, id, data);
    expected = attachments;
    received = new ArrayList<>(attachments);
    return Optional.empty();
  }

  /**
   * Decodes a binary message (an attachment); the packet once all attachments are in.
   *
   * @throws MalformedPacketException when no binary packet is waiting or a placeholder is invalid
   */
  public Optional<Packet> decode(byte[] data) throws MalformedPacketException {
    Objects.requireNonNull(data, "data");
    if (pending == null) {
      throw new MalformedPacketException("binary message without a binary packet");
    }
    received.add(data);
    if (received.size() < expected) {
      return Optional.empty();
    }
    Packet packet = pending;
    List<byte[]> attachments = received;
    reset();
    Attachments.restore(packet.data(), attachments);
    return Optional.of(packet);
  }

  private void reset() {
    pending = null;
    expected = 0;
    received = null;
  }

  /**
   * The reference's {@code isPayloadValid}, plus: EVENT, ACK and CONNECT_ERROR must have a payload
   * (the reference lets an absent one through; no client sends that).
   */
  private static boolean isPayloadValid(PacketType type, boolean present, Object payload) {
    return switch (type) {
      case CONNECT -> !present || payload instanceof Map;
      case DISCONNECT -> !present;
      case CONNECT_ERROR -> payload instanceof String || payload instanceof Map;
      case EVENT, BINARY_EVENT ->
          payload instanceof List<?> args
              && !args.isEmpty()
              && (args.get(0) instanceof Number
                  || (args.get(0) instanceof String name && !ReservedEvents.isReserved(name)));
      case ACK, BINARY_ACK -> payload instanceof List;
    };
  }
}
