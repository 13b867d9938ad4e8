package io.socketiojakarta;

import java.util.Objects;

/**
 * A socket's disconnection, as CDI observers of {@code @OnDisconnect} receive it.
 *
 * @param socket the socket, no longer connected
 * @param reason one of the {@link DisconnectReason} strings
 * @param description the transport's description of the cause, empty when it gave none
 */
public record Disconnection(Socket socket, String reason, String description) {
  /** Validates the components. */
  public Disconnection {
    Objects.requireNonNull(socket, "socket");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(description, "description");
  }
}
