package io.socketiojakarta.spi;

import java.util.Set;

/**
 * Which sockets a broadcast targets: those in {@code rooms} (all sockets when empty) minus those in
 * {@code except}.
 *
 * @param rooms target rooms
 * @param except excluded rooms
 * @param flags the flags
 */
public record BroadcastOptions(Set<String> rooms, Set<String> except, BroadcastFlags flags) {
  /** Copies the sets. */
  public BroadcastOptions {
    rooms = Set.copyOf(rooms);
    except = Set.copyOf(except);
  }
}
