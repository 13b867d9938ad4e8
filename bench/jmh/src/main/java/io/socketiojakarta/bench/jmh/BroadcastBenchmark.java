package io.socketiojakarta.bench.jmh;

import io.socketiojakarta.RoomListener;
import io.socketiojakarta.engine.EnginePacket;
import io.socketiojakarta.parser.EncodedPacket;
import io.socketiojakarta.parser.Packet;
import io.socketiojakarta.parser.PacketEncoder;
import io.socketiojakarta.spi.AdapterContext;
import io.socketiojakarta.spi.BroadcastFlags;
import io.socketiojakarta.spi.BroadcastOptions;
import io.socketiojakarta.spi.InMemoryAdapter;
import io.socketiojakarta.spi.LocalSocket;
import io.socketiojakarta.spi.PreEncodedPacket;
import io.socketiojakarta.spi.SocketDetails;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Broadcast fan-out through {@link InMemoryAdapter}: one chat event to every socket of the
 * namespace ({@code io.emit}) and to a room holding all of them ({@code io.to("lobby").emit}). The
 * local sockets only count what they receive, so the time is the adapter's: one encode, the target
 * set, then one delivery per recipient. The per-recipient cost is (t(1000) - t(1)) / 999.
 *
 * <p>After each trial the counters are checked: one encode per broadcast, and every recipient
 * handed that very encoded instance.
 */
@State(Scope.Thread)
public class BroadcastBenchmark extends BenchmarkDefaults {
  /** Local sockets in the namespace. */
  @Param({"1", "1000"})
  public int sockets;

  private Context context;
  private InMemoryAdapter adapter;
  private Packet packet;
  private BroadcastOptions everyone;
  private BroadcastOptions lobby;

  /** The sockets, each in its own room and in {@code lobby}, and the chat event. */
  @Setup(Level.Trial)
  public void setUp() {
    context = new Context();
    adapter = new InMemoryAdapter(context);
    for (int i = 0; i < sockets; i++) {
      String id = "sid-" + i;
      context.sockets.put(id, new CountingSocket(id, context));
      adapter.addAll(id, Set.of(id, "lobby"));
    }
    Map<String, Object> chat = new LinkedHashMap<>();
    chat.put("room", "lobby");
    chat.put("text", "hello world");
    packet = Packet.event("/", List.of("chat", chat), Packet.NO_ID);
    everyone = new BroadcastOptions(Set.of(), Set.of(), BroadcastFlags.DEFAULT);
    lobby = new BroadcastOptions(Set.of("lobby"), Set.of(), BroadcastFlags.DEFAULT);
  }

  /** Every socket of the namespace. */
  @Benchmark
  public long broadcastAll() {
    adapter.broadcast(packet, everyone);
    return context.deliveries;
  }

  /** Every socket of a room. */
  @Benchmark
  public long broadcastRoom() {
    adapter.broadcast(packet, lobby);
    return context.deliveries;
  }

  /** Fails the trial when a broadcast was encoded more than once or not shared. */
  @TearDown(Level.Trial)
  public void checkEncodedOnce() {
    if (context.encodes == 0
        || context.deliveries != context.encodes * sockets
        || context.foreign != 0) {
      throw new IllegalStateException(
          "broadcast not encoded once: "
              + context.encodes
              + " encodes, "
              + context.deliveries
              + " deliveries to "
              + sockets
              + " sockets, "
              + context.foreign
              + " with another encoding");
    }
  }

  /** The packet encoded as the server does: one Engine.IO message (no attachments here). */
  private record Encoded(Packet packet, List<EnginePacket> messages) implements PreEncodedPacket {}

  /** The namespace side of the adapter: local sockets by id, an encoder that counts. */
  private static final class Context implements AdapterContext {
    final Map<String, LocalSocket> sockets = new HashMap<>();
    long encodes;
    long deliveries;
    long foreign;
    PreEncodedPacket last;
    long ackIds;

    @Override
    public String namespace() {
      return "/";
    }

    @Override
    public Optional<LocalSocket> socket(String id) {
      return Optional.ofNullable(sockets.get(id));
    }

    @Override
    public PreEncodedPacket encode(Packet packet) {
      encodes++;
      EncodedPacket wire = PacketEncoder.encode(packet);
      last = new Encoded(packet, List.of(EnginePacket.message(wire.text())));
      return last;
    }

    @Override
    public long nextAckId() {
      return ackIds++;
    }

    @Override
    public void roomEvent(RoomListener.Kind kind, String room, String socketId) {}

    @Override
    public void onServerSideEmit(List<Object> args, Optional<Consumer<List<Object>>> ack) {}
  }

  /** A socket whose send is a counter (and a check that it got the shared encoding). */
  private static final class CountingSocket implements LocalSocket {
    private final String id;
    private final Context context;

    CountingSocket(String id, Context context) {
      this.id = id;
      this.context = context;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public SocketDetails details() {
      throw new UnsupportedOperationException("not used by broadcast");
    }

    @Override
    public void deliver(PreEncodedPacket packet, BroadcastFlags flags) {
      context.deliveries++;
      if (packet != context.last) {
        context.foreign++;
      }
    }

    @Override
    public void deliverWithAck(
        PreEncodedPacket packet, BroadcastFlags flags, Consumer<List<Object>> ack) {
      deliver(packet, flags);
    }

    @Override
    public void join(Set<String> rooms) {}

    @Override
    public void leave(String room) {}

    @Override
    public void disconnect(boolean close) {}
  }
}
