package io.socketiojakarta.spi;

import io.socketiojakarta.RoomListener.Kind;
import io.socketiojakarta.parser.Packet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The default adapter: rooms of one node in memory (room → socket ids, socket id → rooms). A
 * cluster adapter extends it, keeps its local bookkeeping and adds messaging in the overridable
 * methods. Room events are reported after the lock is released.
 */
public class InMemoryAdapter implements Adapter {
  private final AdapterContext context;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, Set<String>> rooms = new HashMap<>();
  private final Map<String, Set<String>> sids = new HashMap<>();

  /** An adapter for the namespace of {@code context}. */
  public InMemoryAdapter(AdapterContext context) {
    this.context = context;
  }

  /** The context. */
  protected final AdapterContext context() {
    return context;
  }

  private record RoomEvent(Kind kind, String room, String id) {}

  @Override
  public void addAll(String socketId, Set<String> newRooms) {
    List<RoomEvent> events = new ArrayList<>();
    lock.writeLock().lock();
    try {
      Set<String> mine = sids.computeIfAbsent(socketId, k -> new LinkedHashSet<>());
      for (String room : newRooms) {
        mine.add(room);
        Set<String> members = rooms.get(room);
        if (members == null) {
          members = new LinkedHashSet<>();
          rooms.put(room, members);
          events.add(new RoomEvent(Kind.CREATE_ROOM, room, ""));
        }
        if (members.add(socketId)) {
          events.add(new RoomEvent(Kind.JOIN_ROOM, room, socketId));
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    report(events);
  }

  @Override
  public void del(String socketId, String room) {
    List<RoomEvent> events = new ArrayList<>();
    lock.writeLock().lock();
    try {
      Set<String> mine = sids.get(socketId);
      if (mine != null) {
        mine.remove(room);
      }
      removeFromRoom(socketId, room, events);
    } finally {
      lock.writeLock().unlock();
    }
    report(events);
  }

  @Override
  public void delAll(String socketId) {
    List<RoomEvent> events = new ArrayList<>();
    lock.writeLock().lock();
    try {
      Set<String> mine = sids.remove(socketId);
      if (mine != null) {
        for (String room : mine) {
          removeFromRoom(socketId, room, events);
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
    report(events);
  }

  private void removeFromRoom(String socketId, String room, List<RoomEvent> events) {
    Set<String> members = rooms.get(room);
    if (members != null && members.remove(socketId)) {
      events.add(new RoomEvent(Kind.LEAVE_ROOM, room, socketId));
      if (members.isEmpty()) {
        rooms.remove(room);
        events.add(new RoomEvent(Kind.DELETE_ROOM, room, ""));
      }
    }
  }

  private void report(List<RoomEvent> events) {
    for (RoomEvent e : events) {
      context.roomEvent(e.kind(), e.room(), e.id());
    }
  }

  @Override
  public Optional<Set<String>> socketRooms(String socketId) {
    lock.readLock().lock();
    try {
      Set<String> mine = sids.get(socketId);
      return mine == null ? Optional.empty() : Optional.of(Set.copyOf(mine));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Map<String, Set<String>> rooms() {
    lock.readLock().lock();
    try {
      Map<String, Set<String>> copy = new HashMap<>();
      rooms.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
      return Collections.unmodifiableMap(copy);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The targeted local socket ids, in room order without duplicates (the reference's {@code
   * apply}): sockets in any of {@code rooms} (all when empty) not in any of {@code except}.
   */
  @Override
  public Set<String> localSockets(BroadcastOptions options) {
    lock.readLock().lock();
    try {
      Set<String> excluded = new HashSet<>();
      for (String room : options.except()) {
        Set<String> members = rooms.get(room);
        if (members != null) {
          excluded.addAll(members);
        }
      }
      Set<String> ids = new LinkedHashSet<>();
      if (options.rooms().isEmpty()) {
        for (String id : sids.keySet()) {
          if (!excluded.contains(id)) {
            ids.add(id);
          }
        }
      } else {
        for (String room : options.rooms()) {
          Set<String> members = rooms.get(room);
          if (members != null) {
            for (String id : members) {
              if (!excluded.contains(id)) {
                ids.add(id);
              }
            }
          }
        }
      }
      return ids;
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<LocalSocket> targets(BroadcastOptions options) {
    List<LocalSocket> out = new ArrayList<>();
    for (String id : localSockets(options)) {
      context.socket(id).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public void broadcast(Packet packet, BroadcastOptions options) {
    PreEncodedPacket encoded = context.encode(packet);
    for (LocalSocket socket : targets(options)) {
      socket.deliver(encoded, options.flags());
    }
  }

  @Override
  public void broadcastWithAck(
      Packet packet,
      BroadcastOptions options,
      IntConsumer clientCount,
      Consumer<List<Object>> ack) {
    Packet withId =
        new Packet(packet.type(), packet.namespace(), context.nextAckId(), packet.data());
    PreEncodedPacket encoded = context.encode(withId);
    List<LocalSocket> targets = targets(options);
    clientCount.accept(targets.size());
    for (LocalSocket socket : targets) {
      socket.deliverWithAck(encoded, options.flags(), ack);
    }
  }

  /** The targeted sockets that the context still knows as connected (the reference's apply). */
  @Override
  public CompletableFuture<Set<String>> sockets(BroadcastOptions options) {
    Set<String> ids = new LinkedHashSet<>();
    for (LocalSocket socket : targets(options)) {
      ids.add(socket.id());
    }
    return CompletableFuture.completedFuture(ids);
  }

  @Override
  public CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions options) {
    List<SocketDetails> out = new ArrayList<>();
    for (LocalSocket socket : targets(options)) {
      out.add(socket.details());
    }
    return CompletableFuture.completedFuture(out);
  }

  @Override
  public void addSockets(BroadcastOptions options, Set<String> newRooms) {
    for (LocalSocket socket : targets(options)) {
      socket.join(newRooms);
    }
  }

  @Override
  public void delSockets(BroadcastOptions options, Set<String> oldRooms) {
    for (LocalSocket socket : targets(options)) {
      for (String room : oldRooms) {
        socket.leave(room);
      }
    }
  }

  @Override
  public void disconnectSockets(BroadcastOptions options, boolean close) {
    for (LocalSocket socket : targets(options)) {
      socket.disconnect(close);
    }
  }
}
