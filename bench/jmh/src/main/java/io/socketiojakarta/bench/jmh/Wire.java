package io.socketiojakarta.bench.jmh;

import io.socketiojakarta.json.JsonException;
import io.socketiojakarta.json.JsonLimits;
import io.socketiojakarta.json.JsonTree;
import java.util.List;

/** The messages the benchmarks encode and decode: a small chat application's traffic. */
final class Wire {
  /** The chat event of the main namespace, as a client sends it. */
  static final String CHAT_EVENT = "2[\"chat\",{\"room\":\"lobby\",\"text\":\"hello world\"}]";

  /** The same event asking for an acknowledgement (id 12). */
  static final String CHAT_EVENT_WITH_ACK =
      "212[\"chat\",{\"room\":\"lobby\",\"text\":\"hello world\"}]";

  /** A binary event with one attachment: its text message; the 1 KiB follows. */
  static final String FILE_EVENT =
      "51-[\"file\",{\"name\":\"avatar.png\",\"data\":{\"_placeholder\":true,\"num\":0}}]";

  /** A typical chat message with its metadata, as the arguments of an event. */
  static final String CHAT_ARGUMENTS =
      "[\"chat\",{\"room\":\"lobby\",\"text\":\"hello world, how is everyone today?\","
          + "\"at\":1732380000000,\"user\":{\"id\":\"u-4711\",\"name\":\"Ada\",\"admin\":false},"
          + "\"tags\":[\"greeting\",\"public\"],\"replyTo\":null,\"score\":4.5}]";

  /** The JSON-B form of {@link ChatMessage}. */
  static final String CHAT_MESSAGE_JSON =
      "{\"at\":1732380000000,\"room\":\"lobby\",\"text\":\"hello world\"}";

  private Wire() {}

  /** The Socket.IO text of a chat event with the given text. */
  static String chatEventWithText(String text) {
    return "2[\"chat\",{\"room\":\"lobby\",\"text\":\"" + text + "\"}]";
  }

  /** The event arguments of a Socket.IO text, as the decoder builds them. */
  @SuppressWarnings("unchecked")
  static List<Object> arguments(String json) {
    try {
      return (List<Object>) JsonTree.read(json, 0, JsonLimits.DEFAULT);
    } catch (JsonException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 1 KiB of varied bytes. */
  static byte[] kibibyte() {
    byte[] bytes = new byte[1024];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 31 + 7);
    }
    return bytes;
  }
}
