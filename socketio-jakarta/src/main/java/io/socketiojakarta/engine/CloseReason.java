package io.socketiojakarta.engine;

/** The reference's session close reasons, verbatim. */
public final class CloseReason {
  /** The transport failed (I/O error, overlapping requests, protocol misuse). */
  public static final String TRANSPORT_ERROR = "transport error";

  /** The client closed the connection or sent a close packet. */
  public static final String TRANSPORT_CLOSE = "transport close";

  /** The server closed the session. */
  public static final String FORCED_CLOSE = "forced close";

  /** The client did not answer a ping in time. */
  public static final String PING_TIMEOUT = "ping timeout";

  /** The client sent something that does not decode. */
  public static final String PARSE_ERROR = "parse error";

  private CloseReason() {}
}
