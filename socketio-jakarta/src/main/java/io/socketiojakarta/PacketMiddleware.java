package io.socketiojakarta;

/**
 * A socket middleware ({@code socket.use}): runs for every incoming event before the listeners, on
 * the socket's handler sequence. {@link Next} may be called at once or later from any thread (what
 * follows then runs on the sequence again). An error stops the event and is delivered to the
 * socket's {@code error} listeners; the client is not told.
 */
@FunctionalInterface
public interface PacketMiddleware {
  /** Examines the event and decides. */
  void handle(Event event, Next next) throws Exception;
}
