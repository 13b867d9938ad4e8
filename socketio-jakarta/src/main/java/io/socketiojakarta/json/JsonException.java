package io.socketiojakarta.json;

/** Text that is not JSON, or JSON beyond the limits. */
public final class JsonException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception with a short reason. */
  public JsonException(String reason) {
    super(reason, null, false, false);
  }
}
