package io.socketiojakarta.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.socketiojakarta.RoomListener.Kind;
import io.socketiojakarta.parser.Packet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The in-memory adapter against a recording context: room bookkeeping, room events, target
 * selection (rooms, except, dedup) and one encoding per broadcast.
 */
class InMemoryAdapterTest {
  private final List<String> events = new ArrayList<>();
  private final Map<String, RecordingSocket> sockets = new java.util.LinkedHashMap<>();
  private final AtomicInteger encodings = new AtomicInteger();
  private final AtomicLong ids = new AtomicLong(7);

  private final AdapterContext context =
      new AdapterContext() {
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
          encodings.incrementAndGet();
          return () -> packet;
        }

        @Override
        public long nextAckId() {
          return ids.getAndIncrement();
        }

        @Override
        public void roomEvent(Kind kind, String room, String socketId) {
          events.add(kind + " " + room + (socketId.isEmpty() ? "" : " " + socketId));
        }

        @Override
        public void onServerSideEmit(List<Object> args, Optional<Consumer<List<Object>>> ack) {}
      };

  private final InMemoryAdapter adapter = new InMemoryAdapter(context);

  private final class RecordingSocket implements LocalSocket {
    final String id;
    final List<PreEncodedPacket> received = new ArrayList<>();
    final List<Consumer<List<Object>>> acks = new ArrayList<>();

    RecordingSocket(String id) {
      this.id = id;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public SocketDetails details() {
      return new SocketDetails(id, null, adapter.socketRooms(id).orElse(Set.of()), Map.of());
    }

    @Override
    public void deliver(PreEncodedPacket packet, BroadcastFlags flags) {
      received.add(packet);
    }

    @Override
    public void deliverWithAck(
        PreEncodedPacket packet, BroadcastFlags flags, Consumer<List<Object>> ack) {
      received.add(packet);
      acks.add(ack);
    }

    @Override
    public void join(Set<String> rooms) {
      adapter.addAll(id, rooms);
    }

    @Override
    public void leave(String room) {
      adapter.del(id, room);
    }

    @Override
    public void disconnect(boolean close) {
      adapter.delAll(id);
    }
  }

  private RecordingSocket connect(String id, String... rooms) {
    RecordingSocket s = new RecordingSocket(id);
    sockets.put(id, s);
    adapter.addAll(id, Set.of(id));
    for (String room : rooms) {
      adapter.addAll(id, Set.of(room));
    }
    return s;
  }

  private static BroadcastOptions to(Set<String> rooms, Set<String> except) {
    return new BroadcastOptions(rooms, except, BroadcastFlags.DEFAULT);
  }

  @Test
  void roomsAreCreatedJoinedLeftAndDeletedWithEvents() {
    connect("a", "r");
    connect("b", "r");
    adapter.del("a", "r");
    adapter.delAll("b");
    assertThat(events)
        .containsExactly(
            "CREATE_ROOM a",
            "JOIN_ROOM a a",
            "CREATE_ROOM r",
            "JOIN_ROOM r a",
            "CREATE_ROOM b",
            "JOIN_ROOM b b",
            "JOIN_ROOM r b",
            "LEAVE_ROOM r a",
            "LEAVE_ROOM b b",
            "DELETE_ROOM b",
            "LEAVE_ROOM r b",
            "DELETE_ROOM r");
    assertThat(adapter.rooms()).containsOnlyKeys("a");
    assertThat(adapter.socketRooms("a")).contains(Set.of("a"));
    assertThat(adapter.socketRooms("b")).isEmpty();
  }

  @Test
  void joiningTwiceReportsOnce() {
    connect("a", "r");
    events.clear();
    adapter.addAll("a", Set.of("r"));
    assertThat(events).isEmpty();
  }

  @Test
  void targetsAreTheUnionOfRoomsMinusExceptedRoomsWithoutDuplicates() {
    connect("a", "r1", "r2");
    connect("b", "r1", "muted");
    connect("c", "r2");
    connect("d");
    assertThat(adapter.localSockets(to(Set.of(), Set.of())))
        .containsExactlyInAnyOrder("a", "b", "c", "d");
    assertThat(adapter.localSockets(to(Set.of("r1", "r2"), Set.of())))
        .containsExactlyInAnyOrder("a", "b", "c");
    assertThat(adapter.localSockets(to(Set.of("r1", "r2"), Set.of("muted"))))
        .containsExactlyInAnyOrder("a", "c");
    assertThat(adapter.localSockets(to(Set.of(), Set.of("a", "r2"))))
        .containsExactlyInAnyOrder("b", "d");
    assertThat(adapter.localSockets(to(Set.of("nobody"), Set.of()))).isEmpty();
  }

  @Test
  void aBroadcastIsEncodedOnceAndTheSameFramesReachEveryTarget() {
    RecordingSocket a = connect("a", "r");
    RecordingSocket b = connect("b", "r");
    RecordingSocket c = connect("c");
    adapter.broadcast(Packet.event("/", List.of("news"), Packet.NO_ID), to(Set.of("r"), Set.of()));
    assertThat(encodings).hasValue(1);
    assertThat(a.received).hasSize(1);
    assertThat(b.received).hasSize(1);
    assertThat(a.received.get(0)).isSameAs(b.received.get(0));
    assertThat(c.received).isEmpty();
  }

  @Test
  void broadcastWithAckGivesOneIdCountsClientsAndRelaysResponses() {
    RecordingSocket a = connect("a", "r");
    RecordingSocket b = connect("b", "r");
    List<Integer> counts = new ArrayList<>();
    List<List<Object>> responses = new ArrayList<>();
    adapter.broadcastWithAck(
        Packet.event("/", List.of("poll"), Packet.NO_ID),
        to(Set.of("r"), Set.of()),
        counts::add,
        responses::add);
    assertThat(counts).containsExactly(2);
    assertThat(a.received.get(0).packet().id()).isEqualTo(7);
    assertThat(b.received.get(0)).isSameAs(a.received.get(0));
    a.acks.get(0).accept(List.of("yes"));
    b.acks.get(0).accept(List.of("no"));
    assertThat(responses).containsExactly(List.of("yes"), List.of("no"));
  }

  @Test
  void utilityOperationsApplyToTheTargetsOnly() {
    connect("a", "r");
    connect("b");
    adapter.addSockets(to(Set.of("r"), Set.of()), Set.of("x", "y"));
    assertThat(adapter.socketRooms("a")).contains(Set.of("a", "r", "x", "y"));
    assertThat(adapter.socketRooms("b")).contains(Set.of("b"));
    adapter.delSockets(to(Set.of("x"), Set.of()), Set.of("r", "y"));
    assertThat(adapter.socketRooms("a")).contains(Set.of("a", "x"));
    assertThat(adapter.fetchSockets(to(Set.of("x"), Set.of())).join())
        .extracting(SocketDetails::id)
        .containsExactly("a");
    assertThat(adapter.sockets(to(Set.of(), Set.of("x"))).join()).containsExactly("b");
    adapter.disconnectSockets(to(Set.of(), Set.of()), false);
    assertThat(adapter.rooms()).isEmpty();
  }
}
