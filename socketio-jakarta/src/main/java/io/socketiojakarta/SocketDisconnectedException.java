package io.socketiojakarta;

/** The socket disconnected before the acknowledgement arrived. */
public final class SocketDisconnectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The message. */
  public static final String MESSAGE = "socket has been disconnected";

  /** Creates the exception. */
  public SocketDisconnectedException() {
    super(MESSAGE, null, false, false);
  }
}
