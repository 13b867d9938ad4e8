package io.socketiojakarta;

/**
 * Receives the acknowledgement of an emitted event: pass it as the last argument of {@code emit}.
 * Called once, on a handler thread, with either the client's arguments or an error ({@link
 * AckTimeoutException} after {@code timeout(...)}, {@link SocketDisconnectedException} when the
 * socket went away first).
 *
 * <pre>{@code
 * socket.timeout(Duration.ofSeconds(5)).emit("question", "ping?", (AckCallback) (err, answer) -> {
 *   if (err == null) System.out.println(answer.get(0));
 * });
 * }</pre>
 */
@FunctionalInterface
public interface AckCallback {
  /**
   * The outcome.
   *
   * @param error null on success
   * @param response the client's arguments; empty on error
   */
  void onAck(Throwable error, Args response);
}
