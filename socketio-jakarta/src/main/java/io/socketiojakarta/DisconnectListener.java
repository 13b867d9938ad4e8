package io.socketiojakarta;

/** Receives {@code disconnecting} / {@code disconnect} with the reference's reason strings. */
@FunctionalInterface
public interface DisconnectListener {
  /**
   * The socket is disconnecting or disconnected.
   *
   * @param reason one of {@link DisconnectReason}'s constants
   * @param description details, may be empty
   */
  void onDisconnect(String reason, String description) throws Exception;
}
