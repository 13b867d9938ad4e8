package io.socketiojakarta.engine;

import java.util.Optional;

/**
 * The answer of an {@link AllowRequest} gate to a handshake.
 *
 * @param allowed whether the handshake may go on
 * @param message the message of the refusal (replaces "Forbidden" in the error body), if any
 */
public record HandshakeDecision(boolean allowed, Optional<String> message) {
  private static final HandshakeDecision ALLOW = new HandshakeDecision(true, Optional.empty());
  private static final HandshakeDecision REFUSE = new HandshakeDecision(false, Optional.empty());

  /** The handshake may go on. */
  public static HandshakeDecision allow() {
    return ALLOW;
  }

  /** Refused with the default message "Forbidden" (HTTP 403, code 4). */
  public static HandshakeDecision refuse() {
    return REFUSE;
  }

  /** Refused with a message of the application's (HTTP 403, code 4). */
  public static HandshakeDecision refuse(String message) {
    return new HandshakeDecision(false, Optional.of(message));
  }
}
