package io.socketiojakarta.cdi;

import io.socketiojakarta.Event;
import io.socketiojakarta.Socket;
import java.util.Optional;

/**
 * What the observer being called on this thread may inject: its socket and, for an event, the
 * event. Set around each call, so the {@code Socket}, {@code Event} and {@code
 * Event.Acknowledgement} beans resolve to the right objects from any thread.
 */
final class HandlerContext {
  private static final ThreadLocal<HandlerContext> CURRENT = new ThreadLocal<>();

  private final Socket socket;
  private final Event event;

  HandlerContext(Socket socket, Event event) {
    this.socket = socket;
    this.event = event;
  }

  /** Makes {@code next} current and returns what was current (to restore). */
  static HandlerContext enter(HandlerContext next) {
    HandlerContext previous = CURRENT.get();
    CURRENT.set(next);
    return previous;
  }

  static void restore(HandlerContext previous) {
    if (previous == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(previous);
    }
  }

  static Socket socket() {
    return current("Socket").socket;
  }

  static Event event() {
    HandlerContext c = current("Event");
    if (c.event == null) {
      throw new IllegalStateException(
          "an Event is only injectable into an observer of @OnEvent, as a method parameter");
    }
    return c.event;
  }

  static Event.Acknowledgement acknowledgement() {
    HandlerContext c = current("Event.Acknowledgement");
    Optional<Event.Acknowledgement> ack =
        c.event == null ? Optional.empty() : c.event.acknowledgement();
    // The client did not ask for one: sending is a no-op, as Event.ack is.
    return ack.orElse(args -> false);
  }

  private static HandlerContext current(String what) {
    HandlerContext c = CURRENT.get();
    if (c == null) {
      throw new IllegalStateException(
          "a "
              + what
              + " is only injectable as a parameter of a Socket.IO observer method"
              + " (@OnConnection, @OnDisconnect, @OnEvent), while it runs");
    }
    return c;
  }
}
