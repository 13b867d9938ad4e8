package io.socketiojakarta.core;

import io.socketiojakarta.DisconnectReason;
import java.util.Objects;

/** Checks shared by every emit. */
final class Emits {
  private Emits() {}

  /** Refuses reserved event names, as the reference does (it throws). */
  static void checkName(String event) {
    Objects.requireNonNull(event, "event");
    if (DisconnectReason.RESERVED_EVENTS.contains(event)) {
      throw new IllegalArgumentException("\"" + event + "\" is a reserved event name");
    }
  }
}
