package io.socketiojakarta.sample;

import io.socketiojakarta.Event;
import io.socketiojakarta.RemoteSocket;
import io.socketiojakarta.Server;
import io.socketiojakarta.Socket;
import io.socketiojakarta.annotation.OnEvent;
import io.socketiojakarta.annotation.SocketNamespace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code /admin} namespace (behind {@link AdminGuard}): statistics of the chat, announcements
 * to all its sockets, and kicking one out.
 */
@ApplicationScoped
public class Admin {
  /** The namespace. */
  public static final String NAMESPACE = "/admin";

  /** The acknowledgement of an announcement. */
  public static final String SENT = "sent";

  @Inject Server io;
  @Inject Announcer announcer;

  /** {@code stats}: acknowledged with {clients, sockets (on /), rooms (chat rooms on /)}. */
  void stats(
      @Observes @OnEvent("stats") @SocketNamespace(NAMESPACE) Socket admin,
      Event.Acknowledgement ack) {
    io.sockets()
        .fetchSockets()
        .thenAccept(
            sockets -> {
              Set<String> rooms = new TreeSet<>();
              for (RemoteSocket s : sockets) {
                rooms.addAll(Members.chatRooms(s));
              }
              ack.send(new Wire.Stats(io.clientsCount(), sockets.size(), List.copyOf(rooms)));
            });
  }

  /** {@code announce} (text): {@code announce} {text} to every socket on {@code /}. */
  void announce(
      @Observes @OnEvent("announce") @SocketNamespace(NAMESPACE) String text,
      Event.Acknowledgement ack) {
    Optional<String> checked = Checks.message(text);
    if (checked.isEmpty()) {
      ack.send(new Wire.Failure("a message has 1 to " + Checks.MAX_TEXT + " characters"));
    } else {
      announcer.announce(checked.get());
      ack.send(SENT);
    }
  }

  /** {@code kick} (socket id): disconnects that socket of {@code /}; acknowledged with whether. */
  void kick(
      @Observes @OnEvent("kick") @SocketNamespace(NAMESPACE) String id, Event.Acknowledgement ack) {
    io.sockets()
        .in(id)
        .fetchSockets()
        .thenAccept(
            found -> {
              Optional<RemoteSocket> target =
                  found.stream().filter(s -> s.id().equals(id)).findFirst();
              target.ifPresent(s -> s.disconnect(true));
              ack.send(target.isPresent());
            });
  }
}
