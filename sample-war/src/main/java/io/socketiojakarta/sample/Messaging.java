package io.socketiojakarta.sample;

import io.socketiojakarta.Event;
import io.socketiojakarta.Socket;
import io.socketiojakarta.annotation.OnEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Comparator;
import java.util.Optional;

/**
 * What chat clients send each other ({@code /}): room messages, private messages, typing
 * notifications and files, and the list of users. Refusals are acknowledged with {@code
 * {"error":"..."}}.
 */
@ApplicationScoped
public class Messaging {
  /** The acknowledgement of a message handed on. */
  public static final String DELIVERED = "delivered";

  /** {@code chat} {room, text}: to the others in the room, when the sender is in it. */
  void chat(@Observes @OnEvent("chat") Wire.ChatIn in, Socket socket, Event.Acknowledgement ack) {
    Optional<String> text = Checks.message(in.text());
    if (text.isEmpty()) {
      ack.send(new Wire.Failure("a message has 1 to " + Checks.MAX_TEXT + " characters"));
    } else if (in.room() == null || !Members.rooms(socket).contains(in.room())) {
      ack.send(new Wire.Failure("not in room " + in.room()));
    } else {
      socket
          .to(in.room())
          .emit(
              "chat",
              new Wire.ChatOut(
                  Members.name(socket),
                  socket.id(),
                  in.room(),
                  text.get(),
                  System.currentTimeMillis()));
      ack.send(DELIVERED);
    }
  }

  /** {@code private} {to, text}: to the socket with that id. */
  void privately(
      @Observes @OnEvent("private") Wire.PrivateIn in, Socket socket, Event.Acknowledgement ack) {
    Optional<String> text = Checks.message(in.text());
    if (text.isEmpty()) {
      ack.send(new Wire.Failure("a message has 1 to " + Checks.MAX_TEXT + " characters"));
      return;
    }
    if (in.to() == null || in.to().isEmpty()) {
      ack.send(new Wire.Failure("no such user"));
      return;
    }
    Wire.PrivateOut out = new Wire.PrivateOut(Members.name(socket), socket.id(), text.get());
    // in(id) also finds a chat room of that name: only the socket with the id counts
    socket
        .nsp()
        .in(in.to())
        .fetchSockets()
        .thenAccept(
            found ->
                found.stream()
                    .filter(s -> s.id().equals(in.to()))
                    .findFirst()
                    .ifPresentOrElse(
                        target -> {
                          target.emit("private", out);
                          ack.send(DELIVERED);
                        },
                        () -> ack.send(new Wire.Failure("no such user"))));
  }

  /** {@code typing} {room, typing}: volatile, to the others in the room; never acknowledged. */
  void typing(@Observes @OnEvent("typing") Wire.TypingIn in, Socket socket) {
    if (in.room() != null && Members.rooms(socket).contains(in.room())) {
      socket
          .to(in.room())
          .asVolatile()
          .emit("typing", new Wire.TypingOut(Members.name(socket), in.room(), in.typing()));
    }
  }

  /** {@code users} (no argument): acknowledged with every socket of the chat, by name. */
  void users(@Observes @OnEvent("users") Socket socket, Event.Acknowledgement ack) {
    socket
        .nsp()
        .fetchSockets()
        .thenAccept(
            all ->
                ack.send(
                    all.stream()
                        .map(s -> new Wire.User(s.id(), Members.name(s)))
                        .sorted(Comparator.comparing(Wire.User::name).thenComparing(Wire.User::id))
                        .toList()));
  }

  /** {@code file} {room, name, type, data (binary)}: to the others in the room, at most 512 KiB. */
  void file(@Observes @OnEvent("file") Wire.FileIn in, Socket socket, Event.Acknowledgement ack) {
    Optional<String> name = Checks.fileName(in.name());
    if (in.room() == null || !Members.rooms(socket).contains(in.room())) {
      ack.send(new Wire.Failure("not in room " + in.room()));
    } else if (name.isEmpty()) {
      ack.send(new Wire.Failure("a file name has 1 to " + Checks.MAX_FILE_NAME + " characters"));
    } else if (in.data() == null) {
      ack.send(new Wire.Failure("the file data must be binary"));
    } else if (in.data().length > Checks.MAX_FILE) {
      ack.send(new Wire.Failure("file too large (at most " + Checks.MAX_FILE + " bytes)"));
    } else {
      socket
          .to(in.room())
          .emit(
              "file",
              new Wire.FileOut(
                  Members.name(socket),
                  in.room(),
                  name.get(),
                  Checks.mediaType(in.type()),
                  in.data()));
      ack.send(DELIVERED);
    }
  }
}
