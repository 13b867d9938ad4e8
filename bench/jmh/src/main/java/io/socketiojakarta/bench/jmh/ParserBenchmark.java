package io.socketiojakarta.bench.jmh;

import io.socketiojakarta.parser.DecoderLimits;
import io.socketiojakarta.parser.EncodedPacket;
import io.socketiojakarta.parser.MalformedPacketException;
import io.socketiojakarta.parser.Packet;
import io.socketiojakarta.parser.PacketDecoder;
import io.socketiojakarta.parser.PacketEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Socket.IO v5 packet codec: the chat event {@code 2["chat",{"room":"lobby","text":"hello world"}]}
 * (sent as the Engine.IO message {@code 42[...]}), the same event with ack id 12, and a binary
 * event with one 1 KiB attachment (text message, then the attachment).
 */
@State(Scope.Thread)
public class ParserBenchmark extends BenchmarkDefaults {
  private Packet event;
  private Packet eventWithAck;
  private Packet binaryEvent;
  private byte[] attachment;
  private PacketDecoder decoder;

  /** The packets as the server builds them, checked against their wire forms. */
  @Setup
  public void setUp() {
    Map<String, Object> chat = new LinkedHashMap<>();
    chat.put("room", "lobby");
    chat.put("text", "hello world");
    event = Packet.event("/", List.of("chat", chat), Packet.NO_ID);
    eventWithAck = Packet.event("/", List.of("chat", chat), 12);
    attachment = Wire.kibibyte();
    Map<String, Object> file = new LinkedHashMap<>();
    file.put("name", "avatar.png");
    file.put("data", attachment);
    binaryEvent = Packet.event("/", List.of("file", file), Packet.NO_ID);
    decoder = new PacketDecoder(DecoderLimits.DEFAULT);
    check();
  }

  /** The benchmarks must measure the wire forms they claim to. */
  private void check() {
    require(PacketEncoder.encode(event).text().equals(Wire.CHAT_EVENT), "event");
    require(PacketEncoder.encode(eventWithAck).text().equals(Wire.CHAT_EVENT_WITH_ACK), "ack");
    EncodedPacket binary = PacketEncoder.encode(binaryEvent);
    require(binary.text().equals(Wire.FILE_EVENT), "binary event");
    require(binary.attachments().size() == 1, "one attachment");
    try {
      List<?> args = (List<?>) decodeBinaryEvent().data();
      require(
          ((Map<?, ?>) args.get(1)).get("data") instanceof byte[] b && b.length == 1024,
          "decoded attachment");
    } catch (MalformedPacketException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("unexpected wire form: " + what);
    }
  }

  /** {@code 2["chat",{...}]} */
  @Benchmark
  public EncodedPacket encodeEvent() {
    return PacketEncoder.encode(event);
  }

  /** {@code 212["chat",{...}]} */
  @Benchmark
  public EncodedPacket encodeEventWithAck() {
    return PacketEncoder.encode(eventWithAck);
  }

  /** The placeholder replaces the bytes; the attachment list holds the same array. */
  @Benchmark
  public EncodedPacket encodeBinaryEvent() {
    return PacketEncoder.encode(binaryEvent);
  }

  /** {@code 2["chat",{...}]} */
  @Benchmark
  public Optional<Packet> decodeEvent() throws MalformedPacketException {
    return decoder.decode(Wire.CHAT_EVENT);
  }

  /** {@code 212["chat",{...}]} */
  @Benchmark
  public Optional<Packet> decodeEventWithAck() throws MalformedPacketException {
    return decoder.decode(Wire.CHAT_EVENT_WITH_ACK);
  }

  /** The text message (the decoder then waits), then the attachment completes the packet. */
  @Benchmark
  public Packet decodeBinaryEvent() throws MalformedPacketException {
    if (decoder.decode(Wire.FILE_EVENT).isPresent()) {
      throw new IllegalStateException("a binary event waits for its attachment");
    }
    return decoder.decode(attachment).orElseThrow();
  }
}
