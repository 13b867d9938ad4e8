package io.socketiojakarta;

/** Receives the adapter's room events ({@code create-room}, {@code join-room}...). */
@FunctionalInterface
public interface RoomListener {
  /** The kinds of room events. */
  enum Kind {
    /** {@code create-room}: the first socket joined. */
    CREATE_ROOM,
    /** {@code delete-room}: the last socket left. */
    DELETE_ROOM,
    /** {@code join-room}. */
    JOIN_ROOM,
    /** {@code leave-room}. */
    LEAVE_ROOM
  }

  /**
   * One event.
   *
   * @param kind what happened
   * @param room the room
   * @param socketId the socket for join/leave, empty for create/delete
   */
  void onRoomEvent(Kind kind, String room, String socketId);
}
