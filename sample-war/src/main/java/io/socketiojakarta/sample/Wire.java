package io.socketiojakarta.sample;

import java.util.List;

/**
 * The payloads of the sample's events, bound from and to JSON with JSON-B (one record per payload;
 * see the {@linkplain io.socketiojakarta.sample package documentation} for who sends which). A
 * {@code byte[]} component (the {@code file} event's {@code data}) travels as a Socket.IO binary
 * attachment both ways.
 */
public final class Wire {
  private Wire() {}

  /** {@code chat} from a client: a message for a room the sender is in. */
  public record ChatIn(String room, String text) {}

  /** {@code chat} to the others in the room; {@code at} in milliseconds since the epoch. */
  public record ChatOut(String from, String fromId, String room, String text, long at) {}

  /** {@code private} from a client: a message for one socket, by id. */
  public record PrivateIn(String to, String text) {}

  /** {@code private} to its target. */
  public record PrivateOut(String from, String fromId, String text) {}

  /** {@code file} from a client: {@code data} is binary. */
  public record FileIn(String room, String name, String type, byte[] data) {}

  /** {@code file} to the others in the room. */
  public record FileOut(String from, String room, String name, String type, byte[] data) {}

  /** {@code typing} from a client. */
  public record TypingIn(String room, boolean typing) {}

  /** {@code typing} to the others in the room (volatile: may be dropped). */
  public record TypingOut(String name, String room, boolean typing) {}

  /** {@code welcome} to a socket that has just connected. */
  public record Welcome(String id, String name, List<String> rooms) {}

  /** {@code presence} to the others in a room when someone joins or leaves it. */
  public record Presence(String name, String room, boolean joined) {}

  /** The acknowledgement of {@code join}: the names of the sockets now in the room. */
  public record RoomMembers(String room, List<String> members) {}

  /** The acknowledgement of {@code leave}. */
  public record RoomLeft(String room) {}

  /** One entry of the acknowledgement of {@code users}. */
  public record User(String id, String name) {}

  /** A refusal, sent as the acknowledgement of the refused event. */
  public record Failure(String error) {}

  /** The acknowledgement of {@code stats} on {@code /admin}. */
  public record Stats(int clients, int sockets, List<String> rooms) {}

  /** {@code announce} to every socket of the chat. */
  public record Announcement(String text) {}
}
