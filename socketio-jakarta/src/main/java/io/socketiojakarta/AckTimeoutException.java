package io.socketiojakarta;

/**
 * An acknowledgement did not arrive before the timeout: the reference's "operation has timed out".
 */
public final class AckTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The reference's message. */
  public static final String MESSAGE = "operation has timed out";

  /** Creates the exception. */
  public AckTimeoutException() {
    super(MESSAGE, null, false, false);
  }
}
