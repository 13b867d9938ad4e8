package io.socketiojakarta;

import java.util.Set;

/** The reference's disconnect reasons, verbatim. */
public final class DisconnectReason {
  /** The transport failed. */
  public static final String TRANSPORT_ERROR = "transport error";

  /** The client closed the connection. */
  public static final String TRANSPORT_CLOSE = "transport close";

  /** The connection was closed by the server. */
  public static final String FORCED_CLOSE = "forced close";

  /** The client did not answer a ping. */
  public static final String PING_TIMEOUT = "ping timeout";

  /** The client sent something that does not decode. */
  public static final String PARSE_ERROR = "parse error";

  /** The server is closing. */
  public static final String SERVER_SHUTTING_DOWN = "server shutting down";

  /** The connection was closed by the server ({@code disconnect(true)} or connect timeout). */
  public static final String FORCED_SERVER_CLOSE = "forced server close";

  /** The client left the namespace. */
  public static final String CLIENT_NAMESPACE_DISCONNECT = "client namespace disconnect";

  /** The server disconnected the socket from the namespace. */
  public static final String SERVER_NAMESPACE_DISCONNECT = "server namespace disconnect";

  /** Event names an application cannot emit. */
  public static final Set<String> RESERVED_EVENTS =
      Set.of(
          "connect",
          "connect_error",
          "disconnect",
          "disconnecting",
          "newListener",
          "removeListener");

  private DisconnectReason() {}
}
