package io.socketiojakarta;

import java.util.Optional;

/**
 * Refuses a namespace connection from a middleware: the client's {@code connect_error} receives an
 * error with this message and, when given, {@code data} (any JSON-B-serialisable value).
 *
 * <pre>{@code
 * io.use((socket, next) -> {
 *   if (!valid(socket.handshake().auth().get("token"))) {
 *     next.fail(new ConnectionRefusedException("not authorized", Map.of("content", "retry later")));
 *   } else {
 *     next.proceed();
 *   }
 * });
 * }</pre>
 */
public class ConnectionRefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Object data;

  /** Refuses with a message only. */
  public ConnectionRefusedException(String message) {
    this(message, null);
  }

  /** Refuses with a message and data for the client. */
  public ConnectionRefusedException(String message, Object data) {
    super(message, null, false, false);
    this.data = data;
  }

  /** The data sent to the client. */
  public Optional<Object> data() {
    return Optional.ofNullable(data);
  }
}
