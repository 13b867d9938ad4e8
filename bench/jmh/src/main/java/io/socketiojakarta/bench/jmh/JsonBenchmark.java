package io.socketiojakarta.bench.jmh;

import io.socketiojakarta.Args;
import io.socketiojakarta.core.ArgsAccess;
import io.socketiojakarta.json.JsonException;
import io.socketiojakarta.json.JsonLimits;
import io.socketiojakarta.json.JsonMapper;
import io.socketiojakarta.json.JsonTree;
import io.socketiojakarta.json.JsonbMapper;
import java.lang.reflect.Type;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JSON: the library's tree reader and writer on a typical chat event's arguments, and JSON-B
 * (Yasson) binding of a {@link ChatMessage} record, directly and through {@link Args#get(int,
 * Type)} as a handler receives it (tree written back to JSON, then bound).
 */
@State(Scope.Thread)
public class JsonBenchmark extends BenchmarkDefaults {
  private static final Type CHAT_MESSAGE = ChatMessage.class;

  private Object chatTree;
  private JsonMapper mapper;
  private ChatMessage message;
  private Args received;

  /** The inputs, each checked to be what the benchmarks claim. */
  @Setup
  public void setUp() throws JsonException {
    chatTree = JsonTree.read(Wire.CHAT_ARGUMENTS, 0, JsonLimits.DEFAULT);
    if (!JsonTree.write(chatTree).equals(Wire.CHAT_ARGUMENTS)) {
      throw new IllegalStateException("tree does not write back to its JSON");
    }
    mapper = JsonbMapper.detect().orElseThrow(() -> new IllegalStateException("no JSON-B"));
    message = new ChatMessage("lobby", "hello world", 1732380000000L);
    if (!mapper.toJson(message).equals(Wire.CHAT_MESSAGE_JSON)) {
      throw new IllegalStateException("unexpected JSON-B form: " + mapper.toJson(message));
    }
    List<Object> args = Wire.arguments("[" + Wire.CHAT_MESSAGE_JSON + "]");
    received = ArgsAccess.args(args, mapper);
    if (!message.equals(received.get(0, CHAT_MESSAGE))) {
      throw new IllegalStateException("Args.get does not bind the record");
    }
  }

  /** A received event's arguments, parsed into a tree. */
  @Benchmark
  public Object treeRead() throws JsonException {
    return JsonTree.read(Wire.CHAT_ARGUMENTS, 0, JsonLimits.DEFAULT);
  }

  /** The same tree written (what the encoder appends). */
  @Benchmark
  public String treeWrite() {
    return JsonTree.write(chatTree);
  }

  /** A record to JSON with JSON-B (an emitted typed argument). */
  @Benchmark
  public String jsonbWriteRecord() {
    return mapper.toJson(message);
  }

  /** JSON to a record with JSON-B. */
  @Benchmark
  public Object jsonbReadRecord() {
    return mapper.fromJson(Wire.CHAT_MESSAGE_JSON, ChatMessage.class);
  }

  /** A handler's {@code event.get(0, ChatMessage.class)} on a decoded argument. */
  @Benchmark
  public ChatMessage argsGetRecord() {
    return received.get(0, CHAT_MESSAGE);
  }
}
