package io.socketiojakarta;

import java.util.Objects;
import java.util.Optional;

/**
 * A socket's disconnection, as CDI observers of {@code @OnDisconnect} receive it.
 *
 * @param socket the socket, no longer connected
 * @param reason one of the {@link DisconnectReason} strings
 * @param description the transport's description of the cause, when it gave one
 */
public record Disconnection(Socket socket, String reason, Optional<Object> description) {
  /** Validates the components. */
  public Disconnection {
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(description, "description");
  }
}
