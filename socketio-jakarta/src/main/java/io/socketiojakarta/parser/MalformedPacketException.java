package io.socketiojakarta.parser;

/** Incoming data that is not a valid Socket.IO v5 packet; the connection must be closed. */
public final class MalformedPacketException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a short reason (no input echoed). */
  public MalformedPacketException(String reason) {
    super(reason, null, false, false);
  }
}
