package io.socketiojakarta;

import java.util.Optional;

/**
 * An event received from a client: its name, its arguments and, when the client asked for one, the
 * acknowledgement to send back.
 */
public interface Event extends Args {
  /** The event name. */
  String name();

  /** The socket that received the event. */
  Socket socket();

  /** Whether the client asked for an acknowledgement. */
  boolean wantsAck();

  /**
   * Sends the acknowledgement with {@code args}; only the first call sends, later calls and calls
   * for an event that did not ask for one do nothing. Returns whether this call sent it.
   */
  boolean ack(Object... args);

  /** The acknowledgement as a function, when the client asked for one. */
  Optional<Acknowledgement> acknowledgement();

  /** An acknowledgement function: only its first call sends. */
  @FunctionalInterface
  interface Acknowledgement {
    /** Sends the acknowledgement; returns false when it was sent already. */
    boolean send(Object... args);
  }
}
