package io.socketiojakarta.engine;

/**
 * The Engine.IO handshake and request errors, with the codes and messages of the reference server.
 * Over HTTP each is answered with its status and the JSON body {@code {"code":N,"message":"..."}};
 * a refused WebSocket upgrade gets HTTP 400 with the message text.
 */
public enum EngineError {
  /** Transport missing, unknown or disabled. */
  TRANSPORT_UNKNOWN(0, "Transport unknown", 400),
  /** The {@code sid} names no session. */
  UNKNOWN_SID(1, "Session ID unknown", 400),
  /** A handshake (no {@code sid}) with another method than GET. */
  BAD_HANDSHAKE_METHOD(2, "Bad handshake method", 400),
  /** Transport mismatch, protocol mismatch, WebSocket without upgrade, invalid Origin. */
  BAD_REQUEST(3, "Bad request", 400),
  /** Refused by the {@code allowRequest} gate. */
  FORBIDDEN(4, "Forbidden", 403),
  /** {@code EIO} missing or other than 4. */
  UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version", 400);

  private final int code;
  private final String message;
  private final int httpStatus;

  EngineError(int code, String message, int httpStatus) {
    this.code = code;
    this.message = message;
    this.httpStatus = httpStatus;
  }

  /** The numeric code in the JSON body. */
  public int code() {
    return code;
  }

  /** The default message. */
  public String message() {
    return message;
  }

  /** The HTTP status of a polling answer. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The JSON body with the given message (the default message when null). */
  public String json(String customMessage) {
    return "{\"code\":"
        + code
        + ",\"message\":"
        + Json.quote(customMessage == null ? message : customMessage)
        + "}";
  }
}
