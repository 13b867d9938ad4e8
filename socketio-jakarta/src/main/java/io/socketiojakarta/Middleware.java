package io.socketiojakarta;

/**
 * A namespace middleware ({@code use}): runs for every socket before it is connected. Call {@link
 * Next#proceed()} to let it in or {@link Next#fail(Throwable)} to refuse it, at once or later from
 * any thread (the next middleware then runs on the client's handler sequence). A {@link
 * ConnectionRefusedException} carries a message and data to the client; any other error sends its
 * message. Throwing from {@code handle} counts as {@code fail}.
 */
@FunctionalInterface
public interface Middleware {
  /** Examines the socket (its handshake, auth, data) and decides. */
  void handle(Socket socket, Next next) throws Exception;
}
