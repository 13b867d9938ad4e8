package io.socketiojakarta.bench.jmh;

import io.socketiojakarta.engine.EngineCodec;
import io.socketiojakarta.engine.EnginePacket;
import io.socketiojakarta.engine.EngineParseException;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Engine.IO v4 wire formats: one polling payload of ten Socket.IO events (joined with the record
 * separator, as a long-poll GET answers or a POST carries them) and single WebSocket text frames.
 */
@State(Scope.Thread)
public class EngineCodecBenchmark extends BenchmarkDefaults {
  private List<EnginePacket> tenMessages;
  private String tenMessagesPayload;
  private EnginePacket message;
  private String messageFrame;

  /** Ten chat events as one payload, and one as a frame. */
  @Setup
  public void setUp() {
    tenMessages = new ArrayList<>(10);
    for (int i = 0; i < 10; i++) {
      tenMessages.add(EnginePacket.message(Wire.chatEventWithText("hello world " + i)));
    }
    tenMessagesPayload = EngineCodec.encodePayload(tenMessages);
    message = EnginePacket.message(Wire.CHAT_EVENT);
    messageFrame = EngineCodec.encodeText(message);
  }

  /** A GET answer: ten queued messages in one payload. */
  @Benchmark
  public String encodePayload10() {
    return EngineCodec.encodePayload(tenMessages);
  }

  /** A POST body: one payload split into ten packets. */
  @Benchmark
  public List<EnginePacket> decodePayload10() throws EngineParseException {
    return EngineCodec.decodePayload(tenMessagesPayload);
  }

  /** One WebSocket text frame out. */
  @Benchmark
  public String encodeText() {
    return EngineCodec.encodeText(message);
  }

  /** One WebSocket text frame in. */
  @Benchmark
  public EnginePacket decodeText() throws EngineParseException {
    return EngineCodec.decodeText(messageFrame);
  }
}
