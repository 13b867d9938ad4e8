package io.socketiojakarta.sample;

import io.socketiojakarta.Disconnection;
import io.socketiojakarta.Event;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.Socket;
import io.socketiojakarta.annotation.OnConnection;
import io.socketiojakarta.annotation.OnDisconnect;
import io.socketiojakarta.annotation.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Arrivals, departures and rooms of the chat ({@code /}): a new socket lands in {@code lobby} and
 * is welcomed, {@code join} and {@code leave} move it between rooms, and every room it is in hears
 * when it joins, leaves or goes away ({@code presence}).
 */
@ApplicationScoped
public class Rooms {
  /** Most rooms one socket may be in (the lobby included). */
  public static final int MAX_ROOMS = 20;

  /** The room every socket joins on connection. */
  public static final String LOBBY = "lobby";

  void connected(@Observes @OnConnection Socket socket) {
    String name = Members.name(socket);
    socket.join(LOBBY);
    Members.rooms(socket).add(LOBBY);
    socket.emit("welcome", new Wire.Welcome(socket.id(), name, List.of(LOBBY)));
    socket.to(LOBBY).emit("presence", new Wire.Presence(name, LOBBY, true));
  }

  /** {@code join} (room name): acknowledged with the room and the names of its members. */
  void join(@Observes @OnEvent("join") String room, Socket socket, Event.Acknowledgement ack) {
    Optional<String> checked = Checks.name(room);
    if (checked.isEmpty()) {
      ack.send(new Wire.Failure("a room name has 1 to " + Checks.MAX_NAME + " characters"));
      return;
    }
    String name = checked.get();
    if (socket.nsp().sockets().containsKey(name)) {
      // a socket's own room carries its private messages: not a chat room
      ack.send(new Wire.Failure("this room name is not available"));
      return;
    }
    if (!Members.rooms(socket).contains(name) && Members.rooms(socket).size() >= MAX_ROOMS) {
      ack.send(new Wire.Failure("at most " + MAX_ROOMS + " rooms at once"));
      return;
    }
    if (Members.rooms(socket).add(name)) {
      socket.join(name);
      socket.to(name).emit("presence", new Wire.Presence(Members.name(socket), name, true));
    }
    socket
        .nsp()
        .in(name)
        .fetchSockets()
        .thenAccept(
            members ->
                ack.send(
                    new Wire.RoomMembers(
                        name, members.stream().map(Members::name).sorted().toList())));
  }

  /** {@code leave} (room name): acknowledged with the room. */
  void leave(@Observes @OnEvent("leave") String room, Socket socket, Event.Acknowledgement ack) {
    String name = room.strip();
    if (!Members.rooms(socket).remove(name)) {
      ack.send(new Wire.Failure("not in room " + name));
      return;
    }
    socket.leave(name);
    socket.to(name).emit("presence", new Wire.Presence(Members.name(socket), name, false));
    ack.send(new Wire.RoomLeft(name));
  }

  /**
   * The socket has left every room already: the rooms it was in come from its data (see {@link
   * Members}), and each hears that it left.
   */
  void disconnected(@Observes @OnDisconnect Disconnection disconnection) {
    RemoteSocket socket = disconnection.socket();
    Set<String> rooms = Members.rooms(socket);
    String name = Members.name(socket);
    for (String room : rooms) {
      disconnection.socket().nsp().to(room).emit("presence", new Wire.Presence(name, room, false));
    }
    rooms.clear();
  }
}
