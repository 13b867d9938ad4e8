package io.socketiojakarta.spi;

import io.socketiojakarta.parser.Packet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Keeps the rooms of one namespace and carries broadcasts to the sockets they target: locally for
 * {@link InMemoryAdapter}, across server nodes for a cluster adapter (which extends it and adds its
 * messaging). Called by the server from any thread, concurrently: implementations are thread-safe.
 * An adapter speaks in packets, rooms and socket ids and reaches local sockets only through its
 * {@link AdapterContext}.
 */
public interface Adapter {
  /** Starts the adapter (e.g. subscribes to a broker). */
  default CompletableFuture<Void> init() {
    return CompletableFuture.completedFuture(null);
  }

  /** Stops the adapter. */
  default void close() {}

  /** The number of server nodes (1 for a single node). */
  default CompletableFuture<Integer> serverCount() {
    return CompletableFuture.completedFuture(1);
  }

  /** Adds a socket to rooms. */
  void addAll(String socketId, Set<String> rooms);

  /** Removes a socket from a room. */
  void del(String socketId, String room);

  /** Removes a socket from all its rooms. */
  void delAll(String socketId);

  /** The rooms of a local socket, if known. */
  Optional<Set<String>> socketRooms(String socketId);

  /** The ids of the targeted local sockets. */
  Set<String> localSockets(BroadcastOptions options);

  /** The rooms of this node and their socket ids (a snapshot). */
  java.util.Map<String, Set<String>> rooms();

  /** Sends a packet to the targeted sockets; encoded once. */
  void broadcast(Packet packet, BroadcastOptions options);

  /**
   * Sends a packet asking each targeted socket for an acknowledgement. {@code clientCount} is
   * called once per node with the number of sockets reached there; {@code ack} once per response
   * with the client's arguments.
   */
  void broadcastWithAck(
      Packet packet, BroadcastOptions options, IntConsumer clientCount, Consumer<List<Object>> ack);

  /** The ids of the targeted sockets, all nodes. */
  CompletableFuture<Set<String>> sockets(BroadcastOptions options);

  /** The details of the targeted sockets, all nodes. */
  CompletableFuture<List<SocketDetails>> fetchSockets(BroadcastOptions options);

  /** Makes the targeted sockets join rooms. */
  void addSockets(BroadcastOptions options, Set<String> rooms);

  /** Makes the targeted sockets leave rooms. */
  void delSockets(BroadcastOptions options, Set<String> rooms);

  /** Disconnects the targeted sockets. */
  void disconnectSockets(BroadcastOptions options, boolean close);

  /**
   * Sends an event to the other nodes ({@code args} = name then arguments). Without other nodes
   * nobody receives it.
   */
  default void serverSideEmit(List<Object> args) {}

  /**
   * Sends an event to the other nodes and collects one acknowledgement per node; completes with an
   * empty list without other nodes.
   */
  default CompletableFuture<List<List<Object>>> serverSideEmitWithAck(List<Object> args) {
    return CompletableFuture.completedFuture(List.of());
  }
}
